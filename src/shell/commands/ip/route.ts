// `ip route` (iproute.c): show in the kernel's dump order, add/del/replace with iproute2's and the kernel's
// errors, get (the route a packet would take), flush.
import type { Route } from '../../../core/kernel/types';
import { addRoute } from '../../../core/kernel/routes';
import { hasCarrier, linkByIndex } from '../../../core/kernel/links';
import { cidrContains, networkOf } from '../../../core/net/cidr';
import { formatIpv4, parseIpv4 } from '../../../core/net/ipv4';
import { routeLookup, isLocalAddr, localSourceFor, sourceFor } from '../../../core/sim/ip-stack';
import { fail, garbage, matches, needLink, nextArg, requireRoot, IpFailure, type IpCtx } from './common';
import { ipUsage } from './usage';
import { printJson, routeJson } from './json';

function dstText(r: Route): string {
  if (r.dstLen === 0) return 'default';
  return r.dstLen === 32 ? formatIpv4(r.dst) : `${formatIpv4(r.dst)}/${r.dstLen}`;
}

/** The kernel dumps the FIB trie in address order; several prefix lengths on one key, longest first. */
export function dumpOrder(routes: Route[]): Route[] {
  return [...routes].sort((a, b) => a.dst - b.dst || b.dstLen - a.dstLen || (a.metric ?? 0) - (b.metric ?? 0));
}

/** One `ip route` line. */
export function routeLine(ip: IpCtx, r: Route): string {
  const dev = r.dev !== null ? linkByIndex(ip.ns, r.dev) : undefined;
  if (ip.busybox) {
    let s = r.type !== 'unicast' ? `${r.type} ` : '';
    s += `${dstText(r)} `;
    if (r.gateway !== null) s += `via ${formatIpv4(r.gateway)} `;
    if (dev) s += `dev ${dev.name}`;
    if (r.scope !== 'global') s += ` scope ${r.scope} `;
    if (r.src !== null) s += ` src ${formatIpv4(r.src)}`;
    if (r.metric !== null) s += ` metric ${r.metric} `;
    return s.trimEnd() + '\n';
  }
  let s = r.type !== 'unicast' ? `${r.type} ` : '';
  s += `${dstText(r)} `;
  if (r.gateway !== null) s += `via ${formatIpv4(r.gateway)} `;
  if (dev) s += `dev ${dev.name} `;
  if (r.proto !== 'boot') s += `proto ${r.proto} `;
  if (r.scope !== 'global') s += `scope ${r.scope} `;
  if (r.src !== null) s += `src ${formatIpv4(r.src)} `;
  if (r.metric !== null) s += `metric ${r.metric} `;
  if (r.onlink) s += 'onlink ';
  if (dev && dev.up && !hasCarrier(ip.world, ip.ns, dev)) s += 'linkdown ';
  return s + '\n';
}

/** The kernel's local table: a `local` route per address (and 127.0.0.0/8), `broadcast` per broadcast address. */
function localTable(ip: IpCtx, showTable: boolean): { dev: string; text: string }[] {
  const rows: { key: number; len: number; dev: string; text: string }[] = [];
  const table = showTable ? 'table local ' : '';
  for (const l of ip.ns.links) {
    if (!l.up) continue;
    for (const a of l.addrs) {
      const src = formatIpv4(a.ip);
      const net = networkOf({ ip: a.ip, len: a.prefixLen });
      if (l.kind === 'loopback' && a.prefixLen < 32) rows.push({ key: net, len: a.prefixLen, dev: l.name, text: `local ${formatIpv4(net)}/${a.prefixLen} dev ${l.name} ${table}proto kernel scope host src ${src} \n` });
      rows.push({ key: a.ip, len: 32, dev: l.name, text: `local ${src} dev ${l.name} ${table}proto kernel scope host src ${src} \n` });
      const brd = a.brd ?? (l.kind === 'loopback' ? (net | (0xffffffff >>> a.prefixLen)) >>> 0 : null);
      if (brd !== null) rows.push({ key: brd, len: 32, dev: l.name, text: `broadcast ${formatIpv4(brd)} dev ${l.name} ${table}proto kernel scope link src ${src} \n` });
    }
  }
  return rows.sort((x, y) => x.key - y.key || y.len - x.len);
}

interface RouteSpec {
  type: Route['type'];
  dst?: { ip: number; len: number };
  via?: number;
  dev?: string;
  src?: number;
  metric?: number;
  proto?: Route['proto'];
  scope?: Route['scope'];
  onlink: boolean;
}

function parsePrefix(ip: IpCtx, text: string): { ip: number; len: number } {
  if (text === 'default' || text === 'all' || text === 'any') return { ip: 0, len: 0 };
  const [a, l] = text.split('/');
  const addr = parseIpv4(a);
  const len = l === undefined ? 32 : /^\d+$/.test(l) ? Number(l) : -1;
  if (addr === null || len < 0 || len > 32) fail(ip, `Error: any valid prefix is expected rather than "${text}".`);
  return { ip: addr, len };
}

function parseSpec(ip: IpCtx, argv: string[]): RouteSpec {
  const spec: RouteSpec = { type: 'unicast', onlink: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === 'via') {
      const v = parseIpv4(nextArg(ip, argv, i++));
      if (v === null) fail(ip, `Error: inet address is expected rather than "${argv[i]}".`);
      spec.via = v;
    } else if (a === 'dev' || a === 'oif') spec.dev = nextArg(ip, argv, i++);
    else if (a === 'src') spec.src = parseIpv4(nextArg(ip, argv, i++)) ?? undefined;
    else if (a === 'metric' || a === 'priority' || a === 'preference') spec.metric = Number(nextArg(ip, argv, i++));
    else if (a === 'proto' || a === 'protocol') spec.proto = nextArg(ip, argv, i++) as Route['proto'];
    else if (a === 'scope') spec.scope = nextArg(ip, argv, i++) as Route['scope'];
    else if (a === 'table' || a === 'mtu') i++;
    else if (a === 'onlink') spec.onlink = true;
    else if (['blackhole', 'unreachable', 'prohibit', 'unicast'].includes(a) && !spec.dst) spec.type = a as Route['type'];
    else if (a === 'to') spec.dst = parsePrefix(ip, nextArg(ip, argv, i++));
    else if (spec.dst) garbage(ip, 'to', a);
    else spec.dst = parsePrefix(ip, a);
  }
  return spec;
}

function add(ip: IpCtx, argv: string[], replace: boolean): void {
  const spec = parseSpec(ip, argv);
  if (!spec.dst) fail(ip, 'Error: either "to" is duplicate, or "" is a garbage.', 255);
  const devLink = spec.dev !== undefined ? needLink(ip, spec.dev) : undefined;
  requireRoot(ip);
  if (networkOf(spec.dst) !== spec.dst.ip) fail(ip, 'Error: Invalid prefix for given prefix length.', 2);
  let dev = devLink;
  if (spec.type === 'unicast') {
    if (spec.via !== undefined && !spec.onlink) {
      const connected = ip.ns.routes.find((r) => r.gateway === null && r.dev !== null && cidrContains({ ip: r.dst, len: r.dstLen }, spec.via!) && (!dev || r.dev === dev.ifindex));
      if (!connected) fail(ip, 'Error: Nexthop has invalid gateway.', 2);
      dev ??= linkByIndex(ip.ns, connected.dev!);
    }
    if (!dev) fail(ip, 'RTNETLINK answers: No such device', 2);
    if (!dev.up) fail(ip, 'Error: Nexthop device is not up.', 2);
  }
  const route: Route = {
    type: spec.type, dst: spec.dst.ip, dstLen: spec.dst.len, gateway: spec.via ?? null, dev: dev?.ifindex ?? null,
    proto: spec.proto ?? 'boot', scope: spec.scope ?? (spec.via !== undefined || spec.type !== 'unicast' ? 'global' : 'link'),
    src: spec.src ?? null, metric: spec.metric ?? null, onlink: spec.onlink || undefined,
  };
  if (route.onlink === undefined) delete route.onlink;
  if (replace) ip.ns.routes = ip.ns.routes.filter((r) => !(r.dst === route.dst && r.dstLen === route.dstLen && (r.metric ?? 0) === (route.metric ?? 0)));
  if (!addRoute(ip.world, ip.ns, route)) fail(ip, 'RTNETLINK answers: File exists', 2);
}

function del(ip: IpCtx, argv: string[]): void {
  const spec = parseSpec(ip, argv);
  if (!spec.dst) fail(ip, 'Error: either "to" is duplicate, or "" is a garbage.', 255);
  const dev = spec.dev !== undefined ? needLink(ip, spec.dev) : undefined;
  requireRoot(ip);
  const idx = ip.ns.routes.findIndex(
    (r) => r.dst === spec.dst!.ip && r.dstLen === spec.dst!.len && (!dev || r.dev === dev.ifindex) && (spec.via === undefined || r.gateway === spec.via) && (spec.metric === undefined || (r.metric ?? 0) === spec.metric),
  );
  if (idx < 0) fail(ip, 'RTNETLINK answers: No such process', 2);
  ip.ns.routes.splice(idx, 1);
  ip.world.changed('route', ip.ns.id);
}

function get(ip: IpCtx, argv: string[]): void {
  const target = argv.find((a, i) => i === 0 || !['from', 'iif', 'oif', 'dev'].includes(argv[i - 1]));
  const addr = target === undefined ? null : parseIpv4(target.split('/')[0]);
  if (addr === null) fail(ip, `Error: inet address is expected rather than "${target ?? ''}".`);
  const uid = ip.ctx.env.user === 'root' ? 0 : 1000;
  if (isLocalAddr(ip.ns, addr)) {
    ip.ctx.out(`local ${formatIpv4(addr)} dev lo src ${formatIpv4(localSourceFor(ip.ns, addr))} uid ${uid} \n    cache <local> \n`);
    return;
  }
  const r = routeLookup(ip.ns, addr);
  if (!r) fail(ip, 'RTNETLINK answers: Network is unreachable', 2);
  const dev = linkByIndex(ip.ns, r.dev!)!;
  ip.ctx.out(`${formatIpv4(addr)} ${r.gateway !== null ? `via ${formatIpv4(r.gateway)} ` : ''}dev ${dev.name} src ${formatIpv4(sourceFor(ip.ns, r))} uid ${uid} \n    cache \n`);
}

function flush(ip: IpCtx, argv: string[]): void {
  const spec = parseSpec(ip, argv);
  const dev = spec.dev !== undefined ? needLink(ip, spec.dev) : undefined;
  requireRoot(ip);
  ip.ns.routes = ip.ns.routes.filter((r) => !((!dev || r.dev === dev.ifindex) && (!spec.dst || (r.dst === spec.dst.ip && r.dstLen === spec.dst.len))));
  ip.world.changed('route', ip.ns.id);
}

/** `ip route [show|add|del|replace|get|flush|help] ...` */
export function ipRoute(ip: IpCtx, argv: string[]): void {
  const [verb, ...rest] = argv;
  if (verb === undefined || matches(verb, 'show') || matches(verb, 'list')) {
    const ti = rest.indexOf('table');
    const table = ti >= 0 ? rest[ti + 1] : 'main';
    if (ti >= 0) rest.splice(ti, 2);
    if (!['main', 'local', 'all', '254', '255', '0'].includes(table ?? '')) fail(ip, `Error: argument "${table ?? ''}" is wrong: table id value is invalid`, 255);
    if (ip.opts.family === 'inet6') {
      // The IPv6 main table holds the link-local prefix of every device that has one (::1 is noprefixroute).
      for (const l of ip.ns.links) {
        if (l.addrs6?.some((a) => a.scope === 'link')) ip.ctx.out(ip.busybox ? `fe80::/64 dev ${l.name}  metric 256 \n` : `fe80::/64 dev ${l.name} proto kernel metric 256 pref medium\n`);
      }
      return;
    }
    const spec = verb === undefined ? { onlink: false } as RouteSpec : parseSpec(ip, rest);
    const dev = spec.dev !== undefined ? needLink(ip, spec.dev) : undefined;
    if (ip.opts.json && table !== 'local' && table !== '255') {
      printJson(ip, dumpOrder(ip.ns.routes).filter((r) => !dev || r.dev === dev.ifindex).map((r) => routeJson(ip, r)));
      return;
    }
    if (table !== 'local' && table !== '255') for (const r of dumpOrder(ip.ns.routes)) if (!dev || r.dev === dev.ifindex) ip.ctx.out(routeLine(ip, r));
    if (table === 'main' || table === '254') return;
    for (const line of localTable(ip, table === 'all' || table === '0')) if (!dev || line.dev === dev.name) ip.ctx.out(line.text);
    return;
  }
  if (matches(verb, 'add') || verb === 'append') return add(ip, rest, false);
  if (matches(verb, 'replace') || matches(verb, 'change')) return add(ip, rest, true);
  if (matches(verb, 'delete')) return del(ip, rest);
  if (matches(verb, 'get')) return get(ip, rest);
  if (matches(verb, 'flush')) return flush(ip, rest);
  if (matches(verb, 'help')) throw new IpFailure(ipUsage('route', ip.busybox), 255);
  if (ip.busybox) fail(ip, `invalid argument '${verb}' to 'ip route'`);
  fail(ip, `Command "${verb}" is unknown, try "ip route help".`, 255);
}
