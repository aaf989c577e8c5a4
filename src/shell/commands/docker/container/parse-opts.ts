// docker/cli's parse() for run/create: flag values to the container config the daemon receives, with the CLI's
// own validation errors (port specs as go-connections/nat parses them, network attachment options and conflicts).
import type { FlagValues } from '../../../flags';
import type { ContainerCreateRequest } from '../../../../core/docker/container-create';
import type { EndpointRequest, PortBinding } from '../../../../core/docker/types';
import { parseIpv4 } from '../../../../core/net/ipv4';
import { kvPairs } from '../kv';

import { CliError } from './cli-error';
import { type NetworkAttachment, parseNetworkOpt } from './network-opt';

export { CliError };

const PREDEFINED = ['bridge', 'host', 'none', 'default'];

/** container.NetworkMode(n).IsUserDefined(). */
export function isUserDefinedMode(n: string): boolean {
  return !PREDEFINED.includes(n) && !n.startsWith('container:');
}

function parsePortRange(text: string): [number, number] | null {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo > 65535 || hi > 65535 || hi < lo) return null;
  return [lo, hi];
}

/** nat.ParsePortSpecs: `[ip:][hostPort:]containerPort[/proto]`, ranges allowed. */
export function parsePortSpecs(specs: string[]): { exposed: string[]; bindings: Record<string, PortBinding[]> } {
  const exposed: string[] = [];
  const bindings: Record<string, PortBinding[]> = {};
  for (const raw of specs) {
    const parts = raw.split(':');
    const last = parts[parts.length - 1];
    let ip = '';
    let hostPort = '';
    if (parts.length === 2) hostPort = parts[0];
    else if (parts.length === 3) [ip, hostPort] = parts;
    else if (parts.length > 3) {
      ip = parts.slice(0, -2).join(':');
      hostPort = parts[parts.length - 2];
    }
    const slash = last.indexOf('/');
    const containerPort = slash < 0 ? last : last.slice(0, slash);
    const proto = (slash < 0 ? 'tcp' : last.slice(slash + 1) || 'tcp').toLowerCase();
    if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
    if (ip !== '' && parseIpv4(ip) === null && !/^[0-9a-fA-F:]+$/.test(ip)) throw new CliError(`invalid IP address: ${ip}`);
    if (containerPort === '') throw new CliError(`no port specified: ${raw}<empty>`);
    const cr = parsePortRange(containerPort);
    if (!cr) throw new CliError(`invalid containerPort: ${containerPort}`);
    const hr = hostPort === '' ? null : parsePortRange(hostPort);
    if (hostPort !== '' && !hr) throw new CliError(`invalid hostPort: ${hostPort}`);
    if (hr && cr[1] - cr[0] !== hr[1] - hr[0] && cr[1] !== cr[0]) {
      throw new CliError(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
    }
    if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new CliError(`invalid proto: ${proto}`);
    for (let p = cr[0]; p <= cr[1]; p++) {
      const key = `${p}/${proto}`;
      if (!exposed.includes(key)) exposed.push(key);
      let hp = '';
      if (hr) hp = cr[0] === cr[1] && hr[0] !== hr[1] ? `${hr[0]}-${hr[1]}` : String(hr[0] + (p - cr[0]));
      (bindings[key] ??= []).push({ hostIp: ip, hostPort: hp });
    }
  }
  return { exposed, bindings };
}

/** parseNetworkOpts: endpoint configs per network, the first one carrying --ip/--network-alias/--link. */
function parseNetworks(v: FlagValues): { mode: string; endpoints: Record<string, EndpointRequest> } {
  const raw = [...(v.network as string[]), ...(v.net as string[])];
  const atts: NetworkAttachment[] = raw.length ? raw.map(parseNetworkOpt) : [{ target: 'default', aliases: [], ipv4: '', ipv6: '', macAddress: '', linkLocalIps: [], driverOpts: {} }];
  const aliases = [...(v['network-alias'] as string[]), ...(v['net-alias'] as string[])];
  const links = v.link as string[];
  const endpoints: Record<string, EndpointRequest> = {};
  let hasUser = false;
  let hasOther = false;
  atts.forEach((a, i) => {
    if (isUserDefinedMode(a.target)) hasUser = true;
    else hasOther = true;
    if (i === 0) {
      if (a.aliases.length && aliases.length) throw new CliError('conflicting options: cannot specify both --network-alias and per-network alias');
      if (a.ipv4 && v.ip) throw new CliError('conflicting options: cannot specify both --ip and per-network IPv4 address');
      if (aliases.length) a.aliases = [...aliases];
      if (v.ip) a.ipv4 = v.ip as string;
      if (v.ip6) a.ipv6 = v.ip6 as string;
    }
    if (a.target.trim() === '') throw new CliError('no name set for network');
    if (!isUserDefinedMode(a.target)) {
      if (a.aliases.length) throw new CliError('network-scoped aliases are only supported for user-defined networks');
      if (i === 0 && links.length && a.target !== 'default') throw new CliError('links are only supported for user-defined networks');
    }
    if (endpoints[a.target]) throw new CliError(`network "${a.target}" is specified multiple times`);
    const ep: EndpointRequest = { aliases: a.aliases, links: i === 0 && isUserDefinedMode(a.target) ? [...links] : [], ipv4Address: a.ipv4, ipv6Address: a.ipv6, driverOpts: Object.keys(a.driverOpts).length ? a.driverOpts : null };
    if (a.macAddress) ep.macAddress = a.macAddress;
    const empty = !ep.aliases.length && !ep.links.length && !ep.ipv4Address && !ep.ipv6Address && !ep.driverOpts && !ep.macAddress;
    if (!(i === 0 && atts.length === 1 && empty)) endpoints[a.target] = ep;
  });
  if (hasUser && hasOther) throw new CliError('conflicting options: cannot attach both user-defined and non-user-defined network-modes');
  return { mode: atts[0].target, endpoints };
}

/** Flag values plus IMAGE [COMMAND] [ARG...] to the create request; throws CliError for what the CLI rejects. */
export function parseContainerOptions(v: FlagValues, given: Set<string>, args: string[]): ContainerCreateRequest {
  const mac = v['mac-address'] as string;
  if (mac && !/^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/.test(mac)) throw new CliError(`${mac} is not a valid mac address`);
  const ports = parsePortSpecs(v.publish as string[]);
  const exposed = [...ports.exposed];
  for (const e of v.expose as string[]) {
    if (e.includes(':')) throw new CliError(`invalid port format for --expose: ${e}`);
    const [port, proto = 'tcp'] = e.split('/');
    const r = parsePortRange(port);
    if (!r) throw new CliError(`invalid range format for --expose: ${e}, error: strconv.ParseUint: parsing ${JSON.stringify(port)}: invalid syntax`);
    for (let p = r[0]; p <= r[1]; p++) if (!exposed.includes(`${p}/${proto}`)) exposed.push(`${p}/${proto}`);
  }
  const restart = v.restart as string;
  if (v.rm && restart && restart !== 'no') throw new CliError('Conflicting options: --restart and --rm');
  const { mode, endpoints } = parseNetworks(v);
  const attach = (v.attach as string[]).map((a) => a.toLowerCase());
  const entrypoint = given.has('entrypoint') ? [v.entrypoint as string] : null;
  return {
    name: v.name as string,
    image: args[0],
    cmd: args.length > 1 ? args.slice(1) : null,
    entrypoint,
    hostname: v.hostname as string,
    domainname: v.domainname as string,
    user: v.user as string,
    tty: v.tty as boolean,
    openStdin: v.interactive as boolean,
    attachStdin: (v.interactive as boolean) || attach.includes('stdin'),
    attachStdout: attach.length === 0 || attach.includes('stdout'),
    attachStderr: attach.length === 0 || attach.includes('stderr'),
    env: v.env as string[],
    workingDir: v.workdir as string,
    labels: kvPairs(v.label as string[]),
    exposedPorts: exposed,
    macAddress: mac,
    networkMode: mode,
    portBindings: ports.bindings,
    publishAllPorts: v['publish-all'] as boolean,
    autoRemove: v.rm as boolean,
    dns: v.dns as string[],
    dnsSearch: v['dns-search'] as string[],
    dnsOptions: [...(v['dns-option'] as string[]), ...(v['dns-opt'] as string[])],
    extraHosts: v['add-host'] as string[],
    links: v.link as string[],
    restartPolicy: restart,
    privileged: v.privileged as boolean,
    stopSignal: v['stop-signal'] as string,
    endpoints,
  };
}
