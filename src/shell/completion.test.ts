import { describe, expect, it } from 'vitest';
import { createWorld } from '../core/presets';
import { Session } from './session';
import { completeLine } from './completion';
import { completeCobra, registerFlagValueCompleter, registerPathCompleter } from './cobra-completion';
import type { CobraCommand } from './cobra';
import type { CompletionRequest } from './completers';
import { containerNames, interfaceNames, namespaceNames, networkNames } from './completions/live-names';
import { ipCompleter, tcpdumpCompleter } from './completions/iproute2';
import { createNetns } from '../core/kernel/netns';
import type { World } from '../core/world';

function complete(line: string, world = createWorld()) {
  return completeLine(new Session(world, 'host1'), line, line.length);
}

/** Adds container records the way the engine keeps them (name and state are all completion reads). */
function withContainers(world: World, list: [string, string][]): World {
  const engine = world.state.docker.host1 as unknown as { containers: Record<string, unknown> };
  engine.containers = Object.fromEntries(list.map(([name, status], i) => [`${i}`.repeat(64), { name, state: { status } }]));
  return world;
}

function req(world: World, line: string): CompletionRequest {
  const words = line.split(' ');
  const current = words.pop()!;
  return { world, env: new Session(world, 'host1').env, words, current };
}

const toy: CobraCommand = {
  name: 'toy',
  use: 'toy',
  short: '',
  persistentFlags: [{ name: 'host', short: 'H', type: 'string', help: '' }],
  subcommands: [
    {
      name: 'net',
      use: 'net',
      short: '',
      subcommands: [
        { name: 'inspect', use: 'inspect', short: '', flags: [{ name: 'format', short: 'f', type: 'string', help: '' }, { name: 'verbose', short: 'v', type: 'bool', help: '' }] },
        { name: 'hidden', use: 'hidden', short: '', hidden: true },
      ],
    },
    { name: 'run', use: 'run', short: '', flags: [{ name: 'network', type: 'string', help: '' }, { name: 'detach', short: 'd', type: 'bool', help: '' }] },
  ],
};
registerPathCompleter('toy net inspect', (_r, position) => (position === 0 ? ['alpha', 'beta'] : ['second']));
registerFlagValueCompleter('toy run', 'network', () => ['bridge', 'host']);

describe('Tab completion', () => {
  it('completes command names, also after a pipe and after sudo', () => {
    expect(complete('dock').candidates).toEqual(['docker']);
    expect(complete('docker network ls | gr').candidates).toEqual(['grep']);
    expect(complete('sudo dock').candidates).toEqual(['docker']);
    expect(complete('he')).toEqual({ from: 0, candidates: ['head', 'help'] });
  });

  it('completes docker subcommands and flags from the command tree', () => {
    expect(complete('docker netw').candidates).toEqual(['network']);
    expect(complete('docker network l').candidates).toEqual(['ls']);
    expect(complete('docker network ls --fi').candidates).toEqual(['--filter']);
    expect(complete('sudo docker network l').candidates).toEqual(['ls']);
  });

  it('walks subcommands past flags and their values, and hides hidden commands', () => {
    const w = createWorld();
    expect(completeCobra(toy, req(w, 'toy -H tcp://x net '))).toEqual(['inspect']);
    expect(completeCobra(toy, req(w, 'toy net inspect -f {{.Name}} '))).toEqual(['alpha', 'beta']);
    expect(completeCobra(toy, req(w, 'toy net inspect -v alpha '))).toEqual(['second']);
    expect(completeCobra(toy, req(w, 'toy net inspect --'))).toEqual(['--format', '--verbose', '--host']);
  });

  it('completes flag values, also in the --flag=value form', () => {
    const w = createWorld();
    expect(completeCobra(toy, req(w, 'toy run --network '))).toEqual(['bridge', 'host']);
    expect(completeCobra(toy, req(w, 'toy run --network=h'))).toEqual(['--network=bridge', '--network=host']);
    expect(completeCobra(toy, req(w, 'toy run -d '))).toEqual([]);
  });
});

describe('live names', () => {
  it('lists containers by state as docker completion filters them', () => {
    const w = withContainers(createWorld(), [
      ['web', 'running'],
      ['db', 'exited'],
      ['cache', 'created'],
    ]);
    const env = new Session(w, 'host1').env;
    expect(containerNames(w, env)).toEqual(['web', 'db', 'cache']);
    expect(containerNames(w, env, 'running')).toEqual(['web']);
    expect(containerNames(w, env, 'stopped')).toEqual(['db', 'cache']);
  });

  it('lists networks, leaving out the predefined ones for rm', () => {
    const w = createWorld();
    const env = new Session(w, 'host1').env;
    expect(networkNames(w, env)).toEqual(['bridge', 'host', 'none']);
    expect(networkNames(w, env, true)).toEqual([]);
  });

  it('lists the interfaces of the shell namespace and the named namespaces of its host', () => {
    const w = createWorld();
    createNetns(w, 'host1/netns/red', 'host1', 'named', 'red');
    const env = new Session(w, 'host1').env;
    expect(interfaceNames(w, env)).toEqual(['lo', 'eth0', 'docker0']);
    expect(interfaceNames(w, { ...env, netns: 'host1/netns/red' })).toEqual(['lo']);
    expect(namespaceNames(w, env)).toEqual(['red']);
  });
});

describe('ip and tcpdump completion', () => {
  const w = createWorld();
  createNetns(w, 'host1/netns/red', 'host1', 'named', 'red');

  it('offers objects, then their commands, then interfaces after dev', () => {
    expect(ipCompleter(req(w, 'ip '))).toEqual(['address', 'link', 'neighbour', 'netns', 'route']);
    expect(ipCompleter(req(w, 'ip -br link '))).toEqual(['add', 'delete', 'set', 'show']);
    expect(ipCompleter(req(w, 'ip link set '))).toEqual(['lo', 'eth0', 'docker0']);
    expect(ipCompleter(req(w, 'ip a show dev '))).toEqual(['lo', 'eth0', 'docker0']);
    expect(ipCompleter(req(w, 'ip netns exec '))).toEqual(['red']);
  });

  it('offers interfaces and any after tcpdump -i', () => {
    expect(tcpdumpCompleter(req(w, 'tcpdump -i '))).toEqual(['any', 'lo', 'eth0', 'docker0']);
    expect(tcpdumpCompleter(req(w, 'tcpdump -n '))).toEqual([]);
  });
});

describe('completion on a live Docker host', () => {
  async function host() {
    const world = createWorld();
    const s = new Session(world, 'host1');
    const io = { out: () => {}, err: () => {}, readLine: async () => null };
    for (const line of [
      'docker network create alpine-net',
      'docker run -dit --name alpine1 --network alpine-net alpine ash',
      'docker run -dit --name alpine2 --network alpine-net alpine ash',
      'docker run -dit --name web alpine ash',
      'docker stop web',
      'sudo ip netns add red',
    ]) {
      expect(await s.run(line, io), line).toBe(0);
    }
    return (line: string) => completeLine(s, line, line.length).candidates;
  }

  it('offers running containers to exec and stop, stopped ones to start, and all to rm -f', async () => {
    const c = await host();
    expect(c('docker exec -it al')).toEqual(['alpine1', 'alpine2']);
    expect(c('docker exec alpine1 ')).toEqual([]);
    expect(c('docker stop ')).toEqual(['alpine1', 'alpine2']);
    expect(c('docker container stop ')).toEqual(['alpine1', 'alpine2']);
    expect(c('docker start ')).toEqual(['web']);
    expect(c('docker rm ')).toEqual(['web']);
    expect(c('docker rm -f ')).toEqual(['alpine1', 'alpine2', 'web']);
  });

  it('offers networks, user-defined ones to rm, and containers after the network in connect', async () => {
    const c = await host();
    expect(c('docker network inspect ')).toEqual(['alpine-net', 'bridge', 'host', 'none']);
    expect(c('docker network rm ')).toEqual(['alpine-net']);
    expect(c('docker network connect bridge ')).toEqual(['alpine1', 'alpine2', 'web']);
  });

  it('offers network modes to --network and local images to run', async () => {
    const c = await host();
    expect(c('docker run --network ')).toEqual(['alpine-net', 'bridge', 'container:alpine1', 'container:alpine2', 'host', 'none']);
    expect(c('docker run -d --network=alp')).toEqual(['--network=alpine-net']);
    expect(c('docker run -d al')).toEqual(['alpine', 'alpine:latest']);
    expect(c('docker network create -d ma')).toEqual(['macvlan']);
  });

  it('completes the command inside ip netns exec, and namespaces and interfaces for ip', async () => {
    const c = await host();
    expect(c('sudo ip netns exec r')).toEqual(['red']);
    expect(c('sudo ip netns exec red ip l')).toEqual(['link']);
    expect(c('ip link show do')).toEqual(['docker0']);
  });
});

describe('package manager completion', () => {
  it('offers apt subcommands, then the packages the host distribution has, through sudo', () => {
    expect(complete('sudo apt-get in').candidates).toEqual(['install']);
    expect(complete('sudo apt install iputils-p').candidates).toEqual(['iputils-ping']);
    expect(complete('sudo apt update ').candidates).toEqual([]);
  });

  it('lists only the commands on the PATH: jq after it is installed, never apk on the host', () => {
    const world = createWorld();
    expect(complete('j', world).candidates).not.toContain('jq');
    expect(complete('ap', world).candidates).toEqual(['apt', 'apt-get']);
    world.state.hosts.host1.packages = ['jq'];
    expect(complete('j', world).candidates).toContain('jq');
  });
});
