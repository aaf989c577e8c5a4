// The rules dockerd 27 programs with iptables (libnetwork drivers/bridge setup_ip_tables_linux.go): the DOCKER,
// DOCKER-USER and DOCKER-ISOLATION-STAGE-1/2 chains at start-up, per-network NAT/forwarding/isolation rules, and
// per-port DNAT/ACCEPT/hairpin rules. Everything goes through the kernel's `iptables()`, as dockerd shells out.
import type { World } from '../world';
import { iptables } from '../kernel/netfilter/iptables';
import type { Network } from './types';

const STAGE1 = 'DOCKER-ISOLATION-STAGE-1';
const STAGE2 = 'DOCKER-ISOLATION-STAGE-2';

/** Runs one iptables command in `netns`; dockerd treats a failure to program a rule as a bug, and so do we. */
export function ipt(world: World, netns: string, args: string[]): void {
  const r = iptables(world, netns, args);
  if (r.exitCode !== 0) throw new Error(`iptables ${args.join(' ')}: ${r.stderr.trim()}`);
}

/** `iptables -C`: whether the rule exists. */
function exists(world: World, netns: string, table: string, chain: string, rule: string[]): boolean {
  return iptables(world, netns, ['-t', table, '-C', chain, ...rule]).exitCode === 0;
}

/** iptables.EnsureJumpRule: the jump is moved to (or put at) the top of the chain. */
function ensureJump(world: World, netns: string, chain: string, target: string): void {
  const rule = ['-j', target];
  if (exists(world, netns, 'filter', chain, rule)) ipt(world, netns, ['-D', chain, ...rule]);
  ipt(world, netns, ['-I', chain, ...rule]);
}

/** Start-up (bridge driver setupIPChains): chains, the addrtype jumps into nat DOCKER, DOCKER-USER, FORWARD DROP. */
export function setupDaemonChains(world: World, netns: string): void {
  ipt(world, netns, ['-t', 'nat', '-N', 'DOCKER']);
  ipt(world, netns, ['-t', 'nat', '-A', 'PREROUTING', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER']);
  ipt(world, netns, ['-t', 'nat', '-A', 'OUTPUT', '!', '-d', '127.0.0.0/8', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER']);
  for (const chain of ['DOCKER', STAGE1, STAGE2, 'DOCKER-USER']) ipt(world, netns, ['-N', chain]);
  ipt(world, netns, ['-A', STAGE1, '-j', 'RETURN']);
  ipt(world, netns, ['-A', STAGE2, '-j', 'RETURN']);
  ipt(world, netns, ['-A', 'DOCKER-USER', '-j', 'RETURN']);
  // dockerd turned on ip_forward itself, so it closes FORWARD by default.
  ipt(world, netns, ['-P', 'FORWARD', 'DROP']);
  ensureJumps(world, netns);
}

/** After every network change dockerd re-asserts FORWARD's first two rules: DOCKER-USER, then STAGE-1. */
function ensureJumps(world: World, netns: string): void {
  ensureJump(world, netns, 'FORWARD', STAGE1);
  ensureJump(world, netns, 'FORWARD', 'DOCKER-USER');
}

function opt(n: Network, key: string, dflt: boolean): boolean {
  const v = n.options[`com.docker.network.bridge.${key}`];
  return v === undefined ? dflt : v === 'true' || v === '1';
}

/** The rules of one bridge network, in the order dockerd inserts or appends them. */
function networkRules(n: Network): { table: string; chain: string; op: '-I' | '-A'; rule: string[] }[] {
  const br = n.bridgeName!;
  const subnet = n.ipam.config![0].subnet;
  const icc = opt(n, 'enable_icc', true);
  const rules: { table: string; chain: string; op: '-I' | '-A'; rule: string[] }[] = [];
  const iccRule = { table: 'filter', chain: 'FORWARD', op: icc ? ('-I' as const) : ('-A' as const), rule: ['-i', br, '-o', br, '-j', icc ? 'ACCEPT' : 'DROP'] };
  if (n.internal) {
    rules.push({ table: 'filter', chain: STAGE1, op: '-I', rule: ['-i', br, '!', '-d', subnet, '-j', 'DROP'] });
    rules.push({ table: 'filter', chain: STAGE1, op: '-I', rule: ['-o', br, '!', '-s', subnet, '-j', 'DROP'] });
    rules.push(iccRule);
  } else {
    if (opt(n, 'enable_ip_masquerade', true)) {
      rules.push({ table: 'nat', chain: 'POSTROUTING', op: '-I', rule: ['-s', subnet, '!', '-o', br, '-j', 'MASQUERADE'] });
    }
    rules.push({ table: 'nat', chain: 'DOCKER', op: '-I', rule: ['-i', br, '-j', 'RETURN'] });
    rules.push(iccRule);
    rules.push({ table: 'filter', chain: 'FORWARD', op: '-I', rule: ['-i', br, '!', '-o', br, '-j', 'ACCEPT'] });
    rules.push({ table: 'filter', chain: 'FORWARD', op: '-I', rule: ['-o', br, '-j', 'DOCKER'] });
    rules.push({ table: 'filter', chain: 'FORWARD', op: '-I', rule: ['-o', br, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT'] });
  }
  // setINC: inter-network isolation (isolateNetwork skips internal networks: their two DROP rules isolate them).
  if (!n.internal) {
    rules.push({ table: 'filter', chain: STAGE1, op: '-I', rule: ['-i', br, '!', '-o', br, '-j', STAGE2] });
    rules.push({ table: 'filter', chain: STAGE2, op: '-I', rule: ['-o', br, '-j', 'DROP'] });
  }
  return rules;
}

/** Programs (or, with `enable` false, removes) a bridge network's rules. */
export function programBridgeNetwork(world: World, netns: string, n: Network, enable: boolean): void {
  for (const r of networkRules(n)) {
    if (enable) ipt(world, netns, ['-t', r.table, r.op, r.chain, ...r.rule]);
    else if (exists(world, netns, r.table, r.chain, r.rule)) ipt(world, netns, ['-t', r.table, '-D', r.chain, ...r.rule]);
  }
  if (enable) ensureJumps(world, netns);
}

/** One published port as the port mapper programs it. */
export interface PortMapping {
  proto: 'tcp' | 'udp';
  /** Host address the port is bound to (`0.0.0.0` for all). */
  hostIp: string;
  hostPort: number;
  containerIp: string;
  containerPort: number;
  bridge: string;
}

function mappingRules(m: PortMapping): { table: string; chain: string; rule: string[] }[] {
  const p = m.proto;
  const dst = m.hostIp === '0.0.0.0' ? [] : ['-d', `${m.hostIp}/32`];
  return [
    { table: 'nat', chain: 'DOCKER', rule: [...dst, '!', '-i', m.bridge, '-p', p, '-m', p, '--dport', String(m.hostPort), '-j', 'DNAT', '--to-destination', `${m.containerIp}:${m.containerPort}`] },
    { table: 'filter', chain: 'DOCKER', rule: ['-d', `${m.containerIp}/32`, '!', '-i', m.bridge, '-o', m.bridge, '-p', p, '-m', p, '--dport', String(m.containerPort), '-j', 'ACCEPT'] },
    { table: 'nat', chain: 'POSTROUTING', rule: ['-s', `${m.containerIp}/32`, '-d', `${m.containerIp}/32`, '-p', p, '-m', p, '--dport', String(m.containerPort), '-j', 'MASQUERADE'] },
  ];
}

/** Adds (appends) or removes the DNAT, ACCEPT and hairpin MASQUERADE rules of a published port. */
export function programPortMapping(world: World, netns: string, m: PortMapping, enable: boolean): void {
  for (const r of mappingRules(m)) {
    if (enable) ipt(world, netns, ['-t', r.table, '-A', r.chain, ...r.rule]);
    else if (exists(world, netns, r.table, r.chain, r.rule)) ipt(world, netns, ['-t', r.table, '-D', r.chain, ...r.rule]);
  }
}

/** The embedded resolver's NAT inside a container namespace: 127.0.0.11:53 to the ports dockerd listens on. */
export function programResolverNat(world: World, netns: string, tcpPort: number, udpPort: number): void {
  ipt(world, netns, ['-t', 'nat', '-N', 'DOCKER_OUTPUT']);
  ipt(world, netns, ['-t', 'nat', '-N', 'DOCKER_POSTROUTING']);
  ipt(world, netns, ['-t', 'nat', '-A', 'OUTPUT', '-d', '127.0.0.11/32', '-j', 'DOCKER_OUTPUT']);
  ipt(world, netns, ['-t', 'nat', '-A', 'POSTROUTING', '-d', '127.0.0.11/32', '-j', 'DOCKER_POSTROUTING']);
  for (const [p, port] of [['tcp', tcpPort], ['udp', udpPort]] as const) {
    ipt(world, netns, ['-t', 'nat', '-A', 'DOCKER_OUTPUT', '-d', '127.0.0.11/32', '-p', p, '-m', p, '--dport', '53', '-j', 'DNAT', '--to-destination', `127.0.0.11:${port}`]);
  }
  for (const [p, port] of [['tcp', tcpPort], ['udp', udpPort]] as const) {
    ipt(world, netns, ['-t', 'nat', '-A', 'DOCKER_POSTROUTING', '-s', '127.0.0.11/32', '-p', p, '-m', p, '--sport', String(port), '-j', 'SNAT', '--to-source', ':53']);
  }
}
