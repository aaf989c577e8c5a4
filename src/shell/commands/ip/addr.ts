// `ip address` (ipaddress.c): show with filters (dev, up, type, master, -4, -br, -o), add, del and flush.
import type { Link } from '../../../core/kernel/types';
import { addAddress, deleteAddress } from '../../../core/kernel/addresses';
import { visibleAddrs } from '../../../core/kernel/link-state';
import { formatIpv4, parseIpv4 } from '../../../core/net/ipv4';
import { fail, garbage, matches, needLink, nextArg, requireRoot, type IpCtx } from './common';
import { briefAddr, linkHeader, linkStats } from './link-print';
import { ipUsage } from './usage';
import { addrInfoJson, linkJson, printJson } from './json';

export interface LinkFilter {
  dev?: string;
  up: boolean;
  type?: string;
  master?: string;
}

/** Parses the selectors `ip link show` and `ip addr show` share. */
export function parseLinkFilter(ip: IpCtx, argv: string[]): LinkFilter {
  const f: LinkFilter = { up: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === 'up') f.up = true;
    else if (a === 'type') f.type = nextArg(ip, argv, i++);
    else if (a === 'master') f.master = nextArg(ip, argv, i++);
    else if (a === 'dev') f.dev = nextArg(ip, argv, i++);
    else if (['label', 'scope', 'to', 'permanent', 'dynamic', 'primary', 'secondary', 'group', 'vrf'].includes(a)) continue;
    else if (f.dev !== undefined) garbage(ip, 'dev', a);
    else f.dev = a;
  }
  return f;
}

/** The links a filter selects; an unknown `dev` is iproute2's `Device "x" does not exist.`. */
export function selectLinks(ip: IpCtx, f: LinkFilter): Link[] {
  if (f.dev !== undefined && !ip.ns.links.some((l) => l.name === f.dev)) {
    if (ip.busybox) fail(ip, `can't find device '${f.dev}'`);
    fail(ip, `Device "${f.dev}" does not exist.`);
  }
  const master = f.master !== undefined ? ip.ns.links.find((l) => l.name === f.master) : undefined;
  if (f.master !== undefined && !master) fail(ip, `Device "${f.master}" does not exist.`);
  return ip.ns.links.filter(
    (l) =>
      (f.dev === undefined || l.name === f.dev) &&
      (!f.up || l.up) &&
      (f.type === undefined || l.kind === f.type || (f.type === 'ether' && l.kind === 'ether')) &&
      (!master || l.master === master.ifindex),
  );
}

/** The `inet ...` lines (then the `inet6 ...` ones) and their lifetimes, for the families asked for. */
function inetLines(ip: IpCtx, link: Link): string {
  let out = '';
  const lft = '       valid_lft forever preferred_lft forever';
  const v4 = ip.opts.family === 'inet6' ? [] : visibleAddrs(link);
  for (const a of v4) {
    let s = `    inet ${formatIpv4(a.ip)}/${a.prefixLen} `;
    if (a.brd !== null) s += `brd ${formatIpv4(a.brd)} `;
    s += `scope ${a.scope} ${link.name}`;
    if (ip.opts.oneline) out += `${link.ifindex}: ${link.name}${s}\\${lft}\n`;
    else out += `${s}\n${lft}\n`;
  }
  if (ip.opts.family === 'inet') return out;
  for (const a of link.addrs6 ?? []) {
    // iproute2 names the kernel's flags (noprefixroute); BusyBox only sees the 8-bit ifa_flags, which hold none.
    const flags = ip.busybox ? '' : a.flags.map((f) => `${f} `).join('');
    const s = `    inet6 ${a.ip}/${a.prefixLen} scope ${a.scope} ${flags}`;
    out += ip.opts.oneline ? `${link.ifindex}: ${link.name}${s}\\${lft}\n` : `${s}\n${lft}\n`;
  }
  return out;
}

function show(ip: IpCtx, argv: string[]): void {
  const links = selectLinks(ip, parseLinkFilter(ip, argv));
  if (ip.opts.json) {
    // With -4/-6 a link without such addresses is left out, as in the text output.
    const records = links.map((l) => ({ ...linkJson(ip, l, false), addr_info: addrInfoJson(ip, l) })).filter((r) => !ip.opts.family || r.addr_info.length > 0);
    printJson(ip, records);
    return;
  }
  for (const link of links) {
    if (ip.opts.family === 'inet' && visibleAddrs(link).length === 0) continue;
    if (ip.opts.family === 'inet6' && !link.addrs6?.length) continue;
    if (ip.opts.brief) {
      ip.ctx.out(briefAddr(ip, link));
      continue;
    }
    if (ip.opts.oneline) {
      ip.ctx.out(inetLines(ip, link));
      continue;
    }
    let head = linkHeader(ip, link, false);
    if (ip.opts.family === 'inet' || ip.opts.family === 'inet6') head = head.split('\n')[0] + '\n';
    else if (ip.opts.stats && !ip.busybox) head += linkStats(link);
    ip.ctx.out(head + inetLines(ip, link));
  }
}

function change(ip: IpCtx, verb: 'add' | 'del', argv: string[]): void {
  let prefix: string | undefined;
  let dev: string | undefined;
  let brd: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === 'dev') dev = nextArg(ip, argv, i++);
    else if (a === 'brd' || a === 'broadcast') brd = nextArg(ip, argv, i++);
    else if (['label', 'scope', 'valid_lft', 'preferred_lft', 'metric'].includes(a)) i++;
    else if (['noprefixroute', 'nodad', 'home'].includes(a)) continue;
    else if (a === 'local') prefix = nextArg(ip, argv, i++);
    else if (prefix !== undefined) garbage(ip, 'local', a);
    else prefix = a;
  }
  if (prefix === undefined) fail(ip, 'Not enough information: "local" argument is required.');
  const [addrText, lenText] = prefix.split('/');
  const addr = parseIpv4(addrText);
  const len = lenText === undefined ? 32 : /^\d+$/.test(lenText) && Number(lenText) <= 32 ? Number(lenText) : -1;
  if (addr === null || len < 0) fail(ip, `Error: any valid prefix is expected rather than "${prefix}".`);
  if (dev === undefined) fail(ip, 'Not enough information: "dev" argument is required.');
  const link = needLink(ip, dev);
  requireRoot(ip);
  if (verb === 'add') {
    if (!addAddress(ip.world, ip.ns, link.name, addr, len, brd === '+' || brd !== undefined)) fail(ip, ip.busybox ? 'RTNETLINK answers: File exists' : 'Error: ipv4: Address already assigned.', 2);
    if (brd !== undefined && brd !== '+') {
      const b = parseIpv4(brd);
      if (b === null) fail(ip, `Error: inet address is expected rather than "${brd}".`);
      link.addrs[link.addrs.length - 1].brd = b;
    }
  } else {
    const match = link.addrs.find((a) => a.ip === addr && (lenText === undefined || a.prefixLen === len));
    if (!match || !deleteAddress(ip.world, ip.ns, link.name, match.ip, match.prefixLen)) fail(ip, 'RTNETLINK answers: Cannot assign requested address', 2);
  }
}

function flush(ip: IpCtx, argv: string[]): void {
  const f = parseLinkFilter(ip, argv);
  if (f.dev === undefined && !f.up && !f.type && !f.master) fail(ip, 'Flush requires arguments.');
  const links = selectLinks(ip, f);
  requireRoot(ip);
  for (const link of links) for (const a of [...link.addrs]) if (a.scope !== 'host') deleteAddress(ip.world, ip.ns, link.name, a.ip, a.prefixLen);
}

/** `ip address [show|add|del|flush|help] ...` */
export function ipAddr(ip: IpCtx, argv: string[]): void {
  const [verb, ...rest] = argv;
  if (verb === undefined || matches(verb, 'show') || matches(verb, 'list') || matches(verb, 'lst')) return show(ip, verb === undefined ? [] : rest);
  if (matches(verb, 'add')) return change(ip, 'add', rest);
  if (matches(verb, 'delete')) return change(ip, 'del', rest);
  if (matches(verb, 'flush')) return flush(ip, rest);
  if (matches(verb, 'help')) return void ip.ctx.err(ipUsage('addr', ip.busybox));
  if (ip.busybox) fail(ip, `invalid argument '${verb}' to 'ip address'`);
  fail(ip, `Command "${verb}" is unknown, try "ip address help".`, 255);
}
