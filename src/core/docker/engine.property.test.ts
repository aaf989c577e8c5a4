import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { World } from '../world';
import { iptables } from '../kernel/netfilter/iptables';
import { DaemonError } from './errors';
import { containerNetns, startContainer } from './container-start';
import { removeContainer, stopContainer } from './container-stop';
import { connectContainer, disconnectContainer } from './container-connect';
import { removeNetwork } from './network-create';
import { containersOf } from './lookup';
import { newContainer, newNetwork, testEngine } from './test-support';
import type { DockerEngineState } from './types';

type Op =
  | { kind: 'net'; n: number; internal: boolean }
  | { kind: 'rmnet'; n: number }
  | { kind: 'run'; c: number; net: number; port: boolean; ip: boolean }
  | { kind: 'stop'; c: number }
  | { kind: 'start'; c: number }
  | { kind: 'rm'; c: number }
  | { kind: 'connect'; c: number; n: number }
  | { kind: 'disconnect'; c: number; n: number };

const NETS = ['net0', 'net1', 'net2'];
const CTRS = ['c0', 'c1', 'c2', 'c3', 'c4'];
const modeOf = (i: number) => (i < NETS.length ? NETS[i] : ['bridge', 'host', 'none', 'container:c0'][i - NETS.length]);

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('net' as const), n: fc.nat(2), internal: fc.boolean() }),
  fc.record({ kind: fc.constant('rmnet' as const), n: fc.nat(2) }),
  fc.record({ kind: fc.constant('run' as const), c: fc.nat(4), net: fc.nat(6), port: fc.boolean(), ip: fc.boolean() }),
  fc.record({ kind: fc.constant('stop' as const), c: fc.nat(4) }),
  fc.record({ kind: fc.constant('start' as const), c: fc.nat(4) }),
  fc.record({ kind: fc.constant('rm' as const), c: fc.nat(4) }),
  fc.record({ kind: fc.constant('connect' as const), c: fc.nat(4), n: fc.nat(3) }),
  fc.record({ kind: fc.constant('disconnect' as const), c: fc.nat(4), n: fc.nat(3) }),
);

function byName(engine: DockerEngineState, name: string) {
  return Object.values(containersOf(engine)).find((c) => c.name === name);
}

function netByName(engine: DockerEngineState, name: string) {
  return Object.values(engine.networks).find((n) => n.name === name);
}

function apply(world: World, engine: DockerEngineState, o: Op): void {
  try {
    switch (o.kind) {
      case 'net':
        newNetwork(world, engine, NETS[o.n], { internal: o.internal });
        return;
      case 'rmnet': {
        const n = netByName(engine, NETS[o.n]);
        if (n) removeNetwork(world, engine, n);
        return;
      }
      case 'run': {
        const mode = modeOf(o.net);
        const c = newContainer(world, engine, {
          name: CTRS[o.c],
          hostname: '',
          networkMode: mode,
          portBindings: o.port ? { '80/tcp': [{ hostIp: '', hostPort: '' }] } : {},
          exposedPorts: o.port ? ['80/tcp'] : [],
          endpoints: o.ip && NETS.includes(mode) ? { [mode]: { aliases: [], links: [], ipv4Address: '', ipv6Address: '', driverOpts: null } } : {},
        });
        startContainer(world, engine, c);
        return;
      }
      case 'stop':
      case 'start':
      case 'rm': {
        const c = byName(engine, CTRS[o.c]);
        if (!c) return;
        if (o.kind === 'stop') stopContainer(world, engine, c, 'SIGKILL');
        else if (o.kind === 'start') startContainer(world, engine, c);
        else removeContainer(world, engine, c, true);
        return;
      }
      case 'connect':
      case 'disconnect': {
        const c = byName(engine, CTRS[o.c]);
        const n = netByName(engine, o.n < NETS.length ? NETS[o.n] : 'bridge');
        if (!c || !n) return;
        if (o.kind === 'connect') connectContainer(world, engine, c, n, { aliases: [], links: [], ipv4Address: '', ipv6Address: '', driverOpts: null });
        else disconnectContainer(world, engine, c, n);
      }
    }
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
  }
}

function checkInvariants(world: World, engine: DockerEngineState): void {
  for (const n of Object.values(engine.networks)) {
    expect(new Set(n.allocated).size, `duplicate address in ${n.name}: ${n.allocated}`).toBe(n.allocated.length);
    const ips = Object.values(engine.endpoints).filter((e) => e.networkId === n.id && e.ipv4).map((e) => e.ipv4.split('/')[0]);
    expect(new Set(ips).size).toBe(ips.length);
    for (const ip of ips) expect(n.allocated).toContain(ip);
  }
  for (const ep of Object.values(engine.endpoints)) {
    expect(engine.networks[ep.networkId], 'endpoint in a network').toBeDefined();
    const holders = Object.values(engine.sandboxes).filter((s) => s.endpointIds.includes(ep.id));
    expect(holders.map((s) => s.id)).toEqual([ep.sandboxId]);
    expect(containersOf(engine)[ep.containerId]?.state.status).toBe('running');
  }
  for (const c of Object.values(containersOf(engine))) {
    if (c.state.status === 'running') expect(world.state.netns[containerNetns(world, engine, c)!], `netns of running ${c.name}`).toBeDefined();
  }
  const root = world.state.netns.host1;
  const veths = root.links.filter((l) => l.kind === 'veth').map((l) => l.name).sort();
  const hostEnds = Object.values(engine.endpoints).flatMap((e) => (e.hostIfname ? [e.hostIfname] : [])).sort();
  expect(veths).toEqual(hostEnds);
}

function fingerprint(world: World, engine: DockerEngineState) {
  const root = world.state.netns.host1;
  return {
    links: root.links.map((l) => `${l.name}:${l.addrs.length}`),
    routes: root.routes.length,
    filter: iptables(world, 'host1', ['-S']).stdout,
    nat: iptables(world, 'host1', ['-t', 'nat', '-S']).stdout,
    netns: Object.keys(world.state.netns).sort(),
    sockets: root.sockets.map((s) => `${s.proto}/${s.port}/${s.process}`),
    allocated: Object.values(engine.networks).map((n) => `${n.name}:${n.allocated.join(',')}`),
    endpoints: Object.keys(engine.endpoints).length,
    sandboxes: Object.keys(engine.sandboxes).length,
    hostPorts: engine.allocatedHostPorts ?? [],
  };
}

describe('the engine under random create/run/connect/stop/rm sequences', () => {
  it('never hands out an address twice, keeps every endpoint in one network and one sandbox, and leaves nothing behind', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const { world, engine } = testEngine();
        const before = fingerprint(world, engine);
        for (const o of ops) {
          apply(world, engine, o);
          checkInvariants(world, engine);
        }
        for (const c of Object.values(containersOf(engine))) removeContainer(world, engine, c, true);
        for (const n of Object.values(engine.networks)) if (!n.predefined) removeNetwork(world, engine, n);
        expect(fingerprint(world, engine)).toEqual(before);
        expect(Object.keys(world.state.files).filter((k) => k.startsWith('ctr:'))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
