// libnetwork's default IPAM driver: the predefined address pools, Docker 27's linear subnet allocator, and
// first-free address allocation inside a subnet (gateway first, then containers; freed addresses reused at once).
import { type Cidr, canonical, cidrContains, cidrOverlaps, formatCidr, parseCidr, broadcastOf, networkOf } from '../net/cidr';
import { formatIpv4, parseIpv4, type Ipv4 } from '../net/ipv4';
import { DaemonError } from './errors';
import type { DockerEngineState, IpamPoolConfig, Network } from './types';

/** daemon default-address-pools (ipamutils.localScopeDefaultNetworks), in the order they are searched. */
export const DEFAULT_ADDRESS_POOLS: readonly { base: string; size: number }[] = [
  { base: '172.17.0.0/16', size: 16 },
  { base: '172.18.0.0/16', size: 16 },
  { base: '172.19.0.0/16', size: 16 },
  { base: '172.20.0.0/14', size: 16 },
  { base: '172.24.0.0/14', size: 16 },
  { base: '172.28.0.0/14', size: 16 },
  { base: '192.168.0.0/16', size: 20 },
];

/** Every subnet the default pools can hand out, in allocation order (172.17.0.0/16 ... 192.168.240.0/20). */
export function predefinedSubnets(pools: readonly { base: string; size: number }[] = DEFAULT_ADDRESS_POOLS): Cidr[] {
  const out: Cidr[] = [];
  for (const pool of pools) {
    const base = parseCidr(pool.base)!;
    const count = 2 ** (pool.size - base.len);
    const step = 2 ** (32 - pool.size);
    for (let i = 0; i < count; i++) out.push({ ip: (base.ip + i * step) >>> 0, len: pool.size });
  }
  return out;
}

const PREDEFINED = predefinedSubnets();

/** The IPv4 subnets the engine's networks hold (the local address space); config-only networks hold no pool. */
export function subnetsInUse(engine: DockerEngineState): Cidr[] {
  const out: Cidr[] = [];
  for (const n of Object.values(engine.networks)) if (!n.configOnly) for (const c of n.ipam.config ?? []) out.push(parseCidr(c.subnet)!);
  return out;
}

/**
 * Docker 27's allocator: the first predefined subnet that overlaps neither a network nor a reserved prefix
 * (host routes and nameservers). Freed subnets are therefore reused by the next network.
 */
export function allocateSubnet(engine: DockerEngineState, reserved: Cidr[]): Cidr {
  const used = [...subnetsInUse(engine), ...reserved];
  // daemon.json's default-address-pools replace the built-in list.
  const candidates = engine.config?.defaultAddressPools ? predefinedSubnets(engine.config.defaultAddressPools) : PREDEFINED;
  const free = candidates.find((s) => !used.some((u) => cidrOverlaps(s, u)));
  if (!free) throw new DaemonError('all predefined address pools have been fully subnetted', 403);
  return free;
}

/** `Pool overlaps with other one on this address space` when a requested subnet collides with a network's (27's allocator wraps it as an invalid pool request). */
export function checkPoolFree(engine: DockerEngineState, subnet: Cidr): void {
  if (subnetsInUse(engine).some((u) => cidrOverlaps(u, subnet))) throw new DaemonError('invalid pool request: Pool overlaps with other one on this address space', 403);
}

function rangeOf(cfg: IpamPoolConfig): { first: Ipv4; last: Ipv4 } {
  const subnet = parseCidr(cfg.subnet)!;
  const sub = cfg.ipRange ? parseCidr(cfg.ipRange)! : subnet;
  return { first: networkOf(sub), last: broadcastOf(sub) };
}

/** Whether `ip` is one the pool never hands out: the subnet's network and broadcast addresses. */
function reservedInSubnet(cfg: IpamPoolConfig, ip: Ipv4): boolean {
  const subnet = parseCidr(cfg.subnet)!;
  return subnet.len < 31 && (ip === networkOf(subnet) || ip === broadcastOf(subnet));
}

/** The allocation set of a network, built once per call (the IPAM bitmask). */
function inUse(network: Network): Set<string> {
  return new Set(network.allocated);
}

/** RequestAddress without a preference: the lowest free address of the range (or subnet). */
export function allocateAddress(network: Network, poolIndex = 0): string {
  const cfg = network.ipam.config![poolIndex];
  const { first, last } = rangeOf(cfg);
  const taken = inUse(network);
  for (let ip = first; ip <= last; ip++) {
    if (reservedInSubnet(cfg, ip)) continue;
    const text = formatIpv4(ip);
    if (!taken.has(text)) {
      network.allocated.push(text);
      return text;
    }
  }
  throw new DaemonError(`no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`, 403);
}

/** RequestAddress with a preferred address (`--ip`, `--gateway`): errors in the daemon's words. */
export function reserveAddress(network: Network, ip: string): void {
  const addr = parseIpv4(ip);
  const cfg = (network.ipam.config ?? []).find((c) => addr !== null && cidrContains(parseCidr(c.subnet)!, addr));
  if (addr === null || !cfg) throw new DaemonError(`no configured subnet contains IP address ${ip}`, 403);
  if (network.allocated.includes(ip)) throw new DaemonError('Address already in use', 403);
  network.allocated.push(ip);
}

/** ReleaseAddress: the address is free again (and the next allocation may take it). */
export function releaseAddress(network: Network, ip: string): void {
  const i = network.allocated.indexOf(ip);
  if (i >= 0) network.allocated.splice(i, 1);
}

/** The pool (subnet config) an address belongs to, with its prefix length. */
export function poolOf(network: Network, ip: string): { cfg: IpamPoolConfig; len: number } | undefined {
  const addr = parseIpv4(ip);
  if (addr === null) return undefined;
  for (const cfg of network.ipam.config ?? []) {
    const subnet = parseCidr(cfg.subnet)!;
    if (cidrContains(subnet, addr)) return { cfg, len: subnet.len };
  }
  return undefined;
}

/** Canonical text of a prefix (`172.18.0.0/16`). */
export function subnetText(c: Cidr): string {
  return formatCidr(canonical(c));
}
