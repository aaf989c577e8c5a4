// POST /networks/create and DELETE /networks/{id} as dockerd 27 runs them: validation in the daemon's order and
// words, IPAM pool and gateway allocation, then the driver (a Linux bridge plus iptables for `bridge`).
import type { World } from '../world';
import { rfc3339Nano } from '../sim/clock';
import { type Cidr, canonical, cidrContains, cidrOverlaps, formatCidr, parseCidr } from '../net/cidr';
import { parseIpv4 } from '../net/ipv4';
import { getNetns } from '../kernel/netns';
import { DaemonError } from './errors';
import { allocateAddress, allocateSubnet, checkPoolFree, reserveAddress } from './ipam';
import { createBridge, deleteBridge } from './bridge-driver';
import { checkParent, createLowerParent, deleteLowerParent } from './macvlan-driver';
import { newObjectId } from './engine';
import { applyConfiguration, checkConfigNetworkUnused, configNetwork, validateConfiguration } from './config-network';
import type { DockerEngineState, IpamPoolConfig, Network } from './types';

/** What the CLI sends (NetworkCreateRequest). */
export interface NetworkCreateRequest {
  name: string;
  driver: string;
  options: Record<string, string>;
  labels: Record<string, string>;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  configOnly: boolean;
  configFrom: string;
  scope: string;
  enableIPv6: boolean;
  ipam: { driver: string; options: Record<string, string>; config: { subnet: string; ipRange: string; gateway: string; auxAddresses: Record<string, string> }[] };
}

const PREDEFINED = ['bridge', 'host', 'none', 'default'];
const LOCAL_DRIVERS = ['bridge', 'host', 'null', 'macvlan', 'ipvlan'];
/** Drivers whose networks take addresses from IPAM. */
const IPAM_DRIVERS = ['bridge', 'macvlan', 'ipvlan'];
/** The IPAM drivers built into libnetwork (ipams/defaultipam, ipams/null); any other name is looked up as a plugin. */
const BUILTIN_IPAM = ['default', 'null'];
/**
 * pkg/plugins loadWithRetry: a plugin with no spec or socket is looked for again after 1, 2, 4 and 8 s and given up
 * when the next back-off would pass 30 s, so a missing plugin is reported after 15 s.
 */
export const PLUGIN_LOOKUP_US = 15_000_000;

/** The plugin store's errNotFound (`plugin %q not found`), returned unwrapped by NewNetwork after the lookup's retries. */
function pluginNotFound(name: string): DaemonError {
  return new DaemonError(`plugin "${name}" not found`, 404, PLUGIN_LOOKUP_US);
}

/** api/types/network.ValidateIPAM: every problem, joined as the daemon's multierror prints them. */
function validateIpam(req: NetworkCreateRequest): void {
  const errs: string[] = [];
  const addrErr = (what: string, value: string, subnet: Cidr): string | null => {
    if (value === '') return null;
    const ip = parseIpv4(value);
    if (ip === null) return `invalid ${what}: invalid address`;
    return cidrContains(subnet, ip) ? null : `invalid ${what}: parent subnet ${formatCidr(subnet)} doesn't contain this address`;
  };
  for (const cfg of req.ipam.config) {
    const subnet = parseCidr(cfg.subnet);
    if (!subnet) {
      errs.push(`invalid subnet ${cfg.subnet}: invalid CIDR block notation`);
      continue;
    }
    if (canonical(subnet).ip !== subnet.ip) errs.push(`invalid subnet ${cfg.subnet}: it should be ${formatCidr(canonical(subnet))}`);
    if (cfg.ipRange) {
      const r = parseCidr(cfg.ipRange);
      if (!r) errs.push(`invalid ip-range ${cfg.ipRange}: invalid CIDR block notation`);
      else {
        if (r.len < subnet.len) errs.push(`invalid ip-range ${cfg.ipRange}: CIDR block is bigger than its parent subnet ${cfg.subnet}`);
        if (canonical(r).ip !== r.ip) errs.push(`invalid ip-range ${cfg.ipRange}: it should be ${formatCidr(canonical(r))}`);
        if (!cidrOverlaps(r, subnet)) errs.push(`invalid ip-range ${cfg.ipRange}: parent subnet ${cfg.subnet} doesn't contain ip-range`);
      }
    }
    const g = addrErr(`gateway ${cfg.gateway}`, cfg.gateway, subnet);
    if (g) errs.push(g);
    for (const [name, aux] of Object.entries(cfg.auxAddresses)) {
      const a = addrErr(`auxiliary address ${name}`, aux, subnet);
      if (a) errs.push(a);
    }
  }
  // internal/multierror: one error bare, several as a `* ` list.
  if (errs.length) throw new DaemonError(`invalid network config:\n${errs.length === 1 ? errs[0] : `* ${errs.join('\n* ')}`}`, 400);
}

/** The bridge device a new network gets: `com.docker.network.bridge.name` or `br-<id12>`. */
function bridgeNameFor(req: NetworkCreateRequest, id: string): string {
  return req.options['com.docker.network.bridge.name'] || `br-${id.slice(0, 12)}`;
}

/** Host prefixes dockerd 27 keeps pools away from: the host's on-link routes (netutils.InferReservedNetworks). */
function reservedPrefixes(world: World, engine: DockerEngineState): Cidr[] {
  const ns = getNetns(world, world.host(engine.host).rootNs);
  const bridges = new Set(Object.values(engine.networks).map((n) => n.bridgeName));
  return ns.routes
    .filter((r) => r.dstLen > 0 && r.gateway === null && !bridges.has(ns.links.find((l) => l.ifindex === r.dev)?.name))
    .map((r) => ({ ip: r.dst, len: r.dstLen }));
}

function ipamConfigs(world: World, engine: DockerEngineState, req: NetworkCreateRequest): IpamPoolConfig[] {
  if (!IPAM_DRIVERS.includes(req.driver)) return [];
  if (req.ipam.config.length === 0) {
    const subnet = allocateSubnet(engine, reservedPrefixes(world, engine));
    return [{ subnet: formatCidr(subnet), ipRange: '', gateway: '', auxAddresses: {}, gatewayExplicit: false, subnetAuto: true }];
  }
  return req.ipam.config.map((c) => {
    checkPoolFree(engine, parseCidr(c.subnet)!);
    return { subnet: c.subnet, ipRange: c.ipRange, gateway: c.gateway, auxAddresses: { ...c.auxAddresses }, gatewayExplicit: c.gateway !== '', subnetAuto: false };
  });
}

/** IPv6 pools: the ones asked for, or with `--ipv6` alone a /64 from an automatic ULA prefix (Docker 27). */
function ipv6Configs(world: World, req: NetworkCreateRequest, requested: NetworkCreateRequest['ipam']['config']): IpamPoolConfig[] {
  if (!IPAM_DRIVERS.includes(req.driver)) return [];
  if (requested.length) {
    return requested.map((c) => ({ subnet: c.subnet, ipRange: c.ipRange, gateway: c.gateway, auxAddresses: { ...c.auxAddresses }, gatewayExplicit: c.gateway !== '', subnetAuto: false }));
  }
  if (!req.enableIPv6) return [];
  const prefix = `fd${world.rng.hex(2)}:${world.rng.hex(4)}:${world.rng.hex(4)}::`;
  return [{ subnet: `${prefix}/64`, ipRange: '', gateway: `${prefix}1`, auxAddresses: {}, gatewayExplicit: false, subnetAuto: true }];
}

/** The user's pools as given: no allocation, so the gateway is shown only when one was passed. */
function givenPools(config: NetworkCreateRequest['ipam']['config']): IpamPoolConfig[] {
  return config.map((c) => ({ subnet: c.subnet, ipRange: c.ipRange, gateway: c.gateway, auxAddresses: { ...c.auxAddresses }, gatewayExplicit: c.gateway !== '', subnetAuto: false }));
}

/** A `--config-only` network: scope local, driver `null`, its IPAM configuration kept for `--config-from` networks. */
function storeConfigOnly(world: World, engine: DockerEngineState, req: NetworkCreateRequest, v6: NetworkCreateRequest['ipam']['config']): Network {
  world.clock.advance(10_000 + world.rng.int(30_000));
  const id = newObjectId(world);
  const n: Network = {
    id,
    name: req.name,
    driver: 'null',
    scope: 'local',
    created: rfc3339Nano(world.clock.now(), world.rng.int(1000)),
    createdUs: world.clock.now(),
    enableIPv6: req.enableIPv6,
    internal: false,
    attachable: false,
    ingress: false,
    configOnly: true,
    configFrom: '',
    ipam: { driver: req.ipam.driver, options: { ...req.ipam.options }, config: req.ipam.config.length ? givenPools(req.ipam.config) : null },
    options: { ...req.options },
    labels: { ...req.labels },
    predefined: false,
    allocated: [],
  };
  if (v6.length) n.ipam.v6Config = givenPools(v6);
  engine.networks[id] = n;
  world.changed('docker', `${engine.host}:network:${id}`);
  return n;
}

/** Creates a network as `docker network create` asks; throws DaemonError with dockerd's message. */
export function createNetwork(world: World, engine: DockerEngineState, request: NetworkCreateRequest): Network {
  let req = request;
  if (PREDEFINED.includes(req.name)) throw new DaemonError(`operation is not permitted on predefined ${req.name} network `, 403);
  if (req.driver === 'overlay') {
    throw new DaemonError('This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.', 403);
  }
  const v6Requested = req.ipam.config.filter((c) => c.subnet.includes(':'));
  req = { ...req, ipam: { ...req.ipam, config: req.ipam.config.filter((c) => !c.subnet.includes(':')) } };
  validateIpam(req);
  if (Object.values(engine.networks).some((n) => n.name === req.name)) throw new DaemonError(`network with name ${req.name} already exists`, 409);
  validateConfiguration(req);
  // NewNetwork: a config-only network skips the driver, IPAM allocation and plumbing; it is stored as driver `null`.
  if (req.configOnly) return storeConfigOnly(world, engine, req, v6Requested);
  if (!LOCAL_DRIVERS.includes(req.driver)) throw pluginNotFound(req.driver);
  if (!IPAM_DRIVERS.includes(req.driver)) throw new DaemonError(`only one instance of "${req.driver}" network is allowed`, 403);
  // Network.ipamAllocate -> getIPAMDriver: an unknown name is loaded as an IpamDriver plugin before anything is allocated.
  if (!BUILTIN_IPAM.includes(req.ipam.driver)) throw pluginNotFound(req.ipam.driver);
  if (req.ingress) throw new DaemonError('Ingress network can only be global scope network', 403);
  if (req.scope === 'swarm') throw new DaemonError('cannot create a swarm scoped network when swarm is not active', 403);
  // From here on the network-specific configuration may come from a config-only network.
  if (req.configFrom !== '') {
    req = applyConfiguration(req, configNetwork(engine, req.configFrom));
    v6Requested.push(...req.ipam.config.filter((c) => c.subnet.includes(':')));
    req.ipam.config = req.ipam.config.filter((c) => !c.subnet.includes(':'));
  }
  if (req.driver !== 'bridge') checkParent(world, engine.host, req.driver, req.options, Object.values(engine.networks));
  world.clock.advance(20_000 + world.rng.int(60_000));
  const id = newObjectId(world);
  const config = ipamConfigs(world, engine, req);
  if (req.driver === 'bridge' && (config.length > 1 || v6Requested.length > 1)) throw new DaemonError("bridge driver doesn't support multiple subnets", 403);
  const n: Network = {
    id,
    name: req.name,
    driver: req.driver,
    scope: 'local',
    created: rfc3339Nano(world.clock.now(), world.rng.int(1000)),
    createdUs: world.clock.now(),
    enableIPv6: req.enableIPv6,
    internal: req.internal,
    attachable: req.attachable,
    ingress: false,
    configOnly: req.configOnly,
    configFrom: req.configFrom,
    ipam: { driver: req.ipam.driver, options: { ...req.ipam.options }, config },
    options: { ...req.options },
    labels: { ...req.labels },
    predefined: false,
    bridgeName: req.driver === 'bridge' ? bridgeNameFor(req, id) : undefined,
    allocated: [],
  };
  for (const cfg of config) for (const aux of Object.values(cfg.auxAddresses)) reserveAddress(n, aux);
  config.forEach((cfg, i) => {
    if (cfg.gateway) reserveAddress(n, cfg.gateway);
    else cfg.gateway = allocateAddress(n, i);
  });
  const v6 = ipv6Configs(world, req, v6Requested);
  if (v6.length) n.ipam.v6Config = v6;
  if (!n.configOnly && n.driver === 'bridge') createBridge(world, engine.host, n);
  else if (!n.configOnly) createLowerParent(world, engine.host, n);
  engine.networks[id] = n;
  world.changed('docker', `${engine.host}:network:${id}`);
  return n;
}

/** Whether any endpoint (a running container) is attached. */
export function hasActiveEndpoints(engine: DockerEngineState, n: Network): boolean {
  return Object.values(engine.endpoints).some((e) => e.networkId === n.id);
}

/** DELETE /networks/{id}: predefined networks stay, networks with endpoints stay, else bridge and rules go. */
export function removeNetwork(world: World, engine: DockerEngineState, n: Network): void {
  if (n.predefined) throw new DaemonError(`${n.name} is a pre-defined network and cannot be removed`, 403);
  checkConfigNetworkUnused(engine, n);
  if (hasActiveEndpoints(engine, n)) {
    throw new DaemonError(`error while removing network: network ${n.name} id ${n.id} has active endpoints`, 403);
  }
  if (n.driver === 'bridge' && !n.configOnly) deleteBridge(world, engine.host, n);
  else if (!n.configOnly) deleteLowerParent(world, engine.host, n);
  delete engine.networks[n.id];
  world.clock.advance(10_000 + world.rng.int(40_000));
  world.changed('docker', `${engine.host}:network:${n.id}`);
}
