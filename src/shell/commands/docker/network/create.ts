// `docker network create`: the CLI's IPAM consolidation (createIPAMConfig, v27 string flags) and its errors,
// then the daemon's create; prints the new network's ID.
import type { CobraCommand } from '../../../cobra';
import type { FlagSpec, FlagValues } from '../../../flags';
import ipaddr from 'ipaddr.js';
import { createNetwork, type NetworkCreateRequest } from '../../../../core/docker/network-create';
import { withDaemon } from '../client';
import { kvPairs } from '../kv';

const mapFlag = (name: string, help: string, short?: string): FlagSpec => ({ name, short, type: 'stringArray', valueName: 'map', defaultText: 'map[]', help });

class IpamError extends Error {}

/** subnetMatches: whether `data` (an address or prefix, IPv4 or IPv6) lies in `subnet`; Go's ParseCIDR errors otherwise. */
function subnetMatches(subnet: string, data: string): boolean {
  const parse = (text: string, cidr: boolean) => {
    try {
      return cidr ? ipaddr.parseCIDR(text)[0] : ipaddr.parse(text);
    } catch {
      return null;
    }
  };
  const s = parse(subnet, true);
  if (!s) throw new IpamError(`invalid CIDR address: ${subnet}`);
  const ip = parse(data, data.includes('/'));
  if (!ip && data.includes('/')) throw new IpamError(`invalid CIDR address: ${data}`);
  return !!ip && ip.kind() === s.kind() && ip.match(ipaddr.parseCIDR(subnet));
}

/** createIPAMConfig: subnets with their ranges, gateways and aux addresses. */
function ipamConfig(v: FlagValues): NetworkCreateRequest['ipam']['config'] {
  const subnets = v.subnet as string[];
  const ranges = v['ip-range'] as string[];
  const gateways = v.gateway as string[];
  if (subnets.length < ranges.length || subnets.length < gateways.length) throw new IpamError('every ip-range or gateway must have a corresponding subnet');
  const data = new Map<string, { subnet: string; ipRange: string; gateway: string; auxAddresses: Record<string, string> }>();
  for (const s of subnets) {
    for (const k of data.keys()) if (subnetMatches(s, k) || subnetMatches(k, s)) throw new IpamError('multiple overlapping subnet configuration is not supported');
    data.set(s, { subnet: s, ipRange: '', gateway: '', auxAddresses: {} });
  }
  const attach = (what: 'range' | 'gateway', value: string) => {
    let match = false;
    for (const s of subnets) {
      if (!subnetMatches(s, value)) continue;
      const d = data.get(s)!;
      if (what === 'range') {
        if (d.ipRange) throw new IpamError(`cannot configure multiple ranges (${value}, ${d.ipRange}) on the same subnet (${s})`);
        d.ipRange = value;
      } else {
        if (d.gateway) throw new IpamError(`cannot configure multiple gateways (${value}, ${d.gateway}) for the same subnet (${s})`);
        d.gateway = value;
      }
      match = true;
    }
    if (!match) throw new IpamError(`no matching subnet for ${what} ${value}`);
  };
  for (const r of ranges) attach('range', r);
  for (const g of gateways) attach('gateway', g);
  for (const [key, aux] of Object.entries(kvPairs(v['aux-address'] as string[]))) {
    let match = false;
    for (const s of subnets) {
      if (!subnetMatches(s, aux)) continue;
      data.get(s)!.auxAddresses[key] = aux;
      match = true;
    }
    if (!match) throw new IpamError(`no matching subnet for aux-address ${aux}`);
  }
  return [...data.values()];
}

export const networkCreate: CobraCommand = {
  name: 'create',
  use: 'create [OPTIONS] NETWORK',
  short: 'Create a network',
  args: { exact: 1 },
  flags: [
    { name: 'attachable', type: 'bool', help: 'Enable manual container attachment' },
    mapFlag('aux-address', 'Auxiliary IPv4 or IPv6 addresses used by Network driver'),
    { name: 'config-from', type: 'string', help: 'The network from which to copy the configuration' },
    { name: 'config-only', type: 'bool', help: 'Create a configuration only network' },
    { name: 'driver', short: 'd', type: 'string', help: 'Driver to manage the Network', default: 'bridge' },
    { name: 'gateway', type: 'stringSlice', help: 'IPv4 or IPv6 Gateway for the master subnet' },
    { name: 'ingress', type: 'bool', help: 'Create swarm routing-mesh network' },
    { name: 'internal', type: 'bool', help: 'Restrict external access to the network' },
    { name: 'ip-range', type: 'stringSlice', help: 'Allocate container ip from a sub-range' },
    { name: 'ipam-driver', type: 'string', help: 'IP Address Management Driver', default: 'default' },
    mapFlag('ipam-opt', 'Set IPAM driver specific options'),
    { name: 'ipv6', type: 'bool', help: 'Enable or disable IPv6 networking' },
    { name: 'label', type: 'stringArray', valueName: 'list', help: 'Set metadata on a network' },
    mapFlag('opt', 'Set driver specific options', 'o'),
    { name: 'scope', type: 'string', help: "Control the network's scope" },
    { name: 'subnet', type: 'stringSlice', help: 'Subnet in CIDR format that represents a network segment' },
  ],
  run: (ctx, { values, args }) =>
    withDaemon(ctx, (engine) => {
      let config;
      try {
        config = ipamConfig(values);
      } catch (e) {
        if (!(e instanceof IpamError)) throw e;
        ctx.err(e.message + '\n');
        return 1;
      }
      const n = createNetwork(ctx.world, engine, {
        name: args[0],
        driver: values.driver as string,
        options: kvPairs(values.opt as string[]),
        labels: kvPairs(values.label as string[]),
        internal: values.internal as boolean,
        attachable: values.attachable as boolean,
        ingress: values.ingress as boolean,
        configOnly: values['config-only'] as boolean,
        configFrom: values['config-from'] as string,
        scope: values.scope as string,
        enableIPv6: values.ipv6 as boolean,
        ipam: { driver: values['ipam-driver'] as string, options: kvPairs(values['ipam-opt'] as string[]), config },
      });
      ctx.out(n.id + '\n');
      return 0;
    }),
};
