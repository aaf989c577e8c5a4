// `ip neigh` (ipneigh.c): the ARP cache the packet walker fills, with REACHABLE ageing into STALE.
import type { Neighbour, NeighState } from '../../../core/kernel/types';
import { linkByIndex } from '../../../core/kernel/links';
import { formatIpv4, parseIpv4 } from '../../../core/net/ipv4';
import { isValidMac } from '../../../core/net/mac';
import { fail, garbage, matches, needLink, nextArg, requireRoot, IpFailure, type IpCtx } from './common';
import { ipUsage } from './usage';
import { neighJson, printJson } from './json';

/** base_reachable_time: a confirmed entry is REACHABLE for about 30 s, then STALE until used again. */
const REACHABLE_US = 30_000_000;

export function neighState(n: Neighbour, nowUs: number): NeighState {
  if (n.state === 'REACHABLE' && nowUs - n.updatedUs > REACHABLE_US) return 'STALE';
  return n.state;
}

function show(ip: IpCtx, argv: string[]): void {
  let dev: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === 'dev') dev = needLink(ip, nextArg(ip, argv, i++)).ifindex;
    else if (argv[i] === 'nud' || argv[i] === 'to') i++;
  }
  const now = ip.world.clock.now();
  if (ip.opts.json) {
    printJson(ip, ip.ns.neigh.filter((n) => linkByIndex(ip.ns, n.dev) && (dev === undefined || n.dev === dev)).map((n) => neighJson(ip, n, neighState(n, now), dev === undefined)));
    return;
  }
  for (const n of ip.ns.neigh) {
    const link = linkByIndex(ip.ns, n.dev);
    if (!link || (dev !== undefined && n.dev !== dev)) continue;
    let s = `${formatIpv4(n.ip)} `;
    if (dev === undefined) s += `dev ${link.name} `;
    if (n.mac) s += `lladdr ${n.mac} `;
    s += `${neighState(n, now)}`;
    ip.ctx.out(ip.busybox ? `${s}\n` : `${s} \n`);
  }
}

function change(ip: IpCtx, verb: 'add' | 'del' | 'replace', argv: string[]): void {
  let addr: number | null = null;
  let mac: string | undefined;
  let dev: string | undefined;
  let nud: NeighState = 'PERMANENT';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === 'lladdr') mac = nextArg(ip, argv, i++);
    else if (a === 'dev') dev = nextArg(ip, argv, i++);
    else if (a === 'nud') nud = nextArg(ip, argv, i++).toUpperCase() as NeighState;
    else if (a === 'to') addr = parseIpv4(nextArg(ip, argv, i++));
    else if (addr !== null) garbage(ip, 'to', a);
    else addr = parseIpv4(a);
  }
  if (addr === null) fail(ip, 'Not enough information: "to" argument is required.');
  if (dev === undefined) fail(ip, 'Device and destination are required arguments.', 255);
  if (mac !== undefined && !isValidMac(mac)) fail(ip, `"${mac}" is invalid lladdr.`, 255);
  const link = needLink(ip, dev);
  requireRoot(ip);
  const at = ip.ns.neigh.findIndex((n) => n.ip === addr && n.dev === link.ifindex);
  if (verb === 'del') {
    if (at < 0) fail(ip, 'RTNETLINK answers: No such file or directory', 2);
    ip.ns.neigh.splice(at, 1);
  } else {
    if (at >= 0 && verb === 'add') fail(ip, 'RTNETLINK answers: File exists', 2);
    if (at >= 0) ip.ns.neigh.splice(at, 1);
    ip.ns.neigh.push({ ip: addr, dev: link.ifindex, mac: mac?.toLowerCase() ?? null, state: nud, updatedUs: ip.world.clock.now() });
  }
  ip.world.changed('neigh', ip.ns.id);
}

function flush(ip: IpCtx, argv: string[]): void {
  let dev: number | undefined;
  for (let i = 0; i < argv.length; i++) if (argv[i] === 'dev') dev = needLink(ip, nextArg(ip, argv, i++)).ifindex;
  if (dev === undefined && !argv.includes('all')) fail(ip, 'Flush requires arguments.');
  requireRoot(ip);
  ip.ns.neigh = ip.ns.neigh.filter((n) => n.state === 'PERMANENT' || (dev !== undefined && n.dev !== dev));
  ip.world.changed('neigh', ip.ns.id);
}

/** `ip neigh [show|add|del|replace|flush|help] ...` */
export function ipNeigh(ip: IpCtx, argv: string[]): void {
  const [verb, ...rest] = argv;
  if (verb === undefined || matches(verb, 'show') || matches(verb, 'list')) return show(ip, verb === undefined ? [] : rest);
  if (matches(verb, 'add')) return change(ip, 'add', rest);
  if (matches(verb, 'replace') || matches(verb, 'change')) return change(ip, 'replace', rest);
  if (matches(verb, 'delete')) return change(ip, 'del', rest);
  if (matches(verb, 'flush')) return flush(ip, rest);
  if (matches(verb, 'help')) throw new IpFailure(ipUsage('neigh', ip.busybox), 255);
  if (ip.busybox) fail(ip, `invalid argument '${verb}' to 'ip neigh'`);
  fail(ip, `Command "${verb}" is unknown, try "ip neigh help".`, 255);
}
