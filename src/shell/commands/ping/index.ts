// ping: iputils 20240117 on the Ubuntu host, BusyBox ping in alpine. Each echo walks the emulated network;
// without -c it sends one per simulated second until Ctrl-C, then prints the statistics.
import { FlagSet, describeFlagError, type FlagSpec } from '../../flags';
import type { CommandContext, Program } from '../../types';
import { resolve, reverseLookup } from '../../../core/dns';
import { busyboxTime, iputilsTime, percentG, probe } from './probe';
import { BUSYBOX_PING_USAGE, IPUTILS_USAGE } from './usage';
import { allocPingIdent, pingSocketsAllowed } from '../../../core/kernel/ping-socket';
import { allocContainerPid } from '../../../core/docker/pid-namespace';
import { isLoopback, parseIpv4 } from '../../../core/net/ipv4';
import { isLocalAddr, routeLookup } from '../../../core/sim/ip-stack';

const num = (name: string, short: string, help: string): FlagSpec => ({ name, short, type: 'string', valueName: 'N', help });

const iputilsFlags = new FlagSet(
  {
    flags: [
      num('count', 'c', 'stop after <count> replies'), num('interval', 'i', 'seconds between sending each packet'),
      num('size', 's', 'use <size> as number of data bytes to be sent'), num('ttl', 't', 'define time to live'),
      num('timeout', 'W', 'time to wait for response'), num('deadline', 'w', 'reply wait <deadline> in seconds'),
      { name: 'I', short: 'I', type: 'string', help: 'either interface name or address' },
      { name: 'M', short: 'M', type: 'string', help: 'define path MTU discovery, can be one of <do|dont|want|probe>' },
      { name: 'quiet', short: 'q', type: 'bool', help: 'quiet output' }, { name: 'numeric', short: 'n', type: 'bool', help: 'no reverse DNS name resolution' },
      { name: '4', short: '4', type: 'bool', help: 'use IPv4' }, { name: '6', short: '6', type: 'bool', help: 'use IPv6' },
      { name: 'help', short: 'h', type: 'bool', help: 'print help and exit' },
      { name: 'V', short: 'V', type: 'bool', help: 'print version and exit' }, { name: 'v', short: 'v', type: 'bool', help: 'verbose output' },
      { name: 'D', short: 'D', type: 'bool', help: 'print timestamps' }, { name: 'O', short: 'O', type: 'bool', help: 'report outstanding replies' },
    ],
    allowAbbrev: false,
  },
  'gnu',
);

const busyboxFlags = new FlagSet(
  {
    flags: [
      num('count', 'c', 'Send only CNT pings'), num('size', 's', 'Send SIZE data bytes in packets (default 56)'), num('interval', 'i', 'Interval'),
      num('ttl', 't', 'Set TTL'), num('timeout', 'W', 'Seconds to wait for the first response (default 10)'), num('deadline', 'w', 'Seconds until ping exits'),
      { name: 'I', short: 'I', type: 'string', help: 'Source interface or IP address' }, { name: 'quiet', short: 'q', type: 'bool', help: 'Quiet' },
      { name: '4', short: '4', type: 'bool', help: 'Force IP' }, { name: '6', short: '6', type: 'bool', help: 'Force IPv6' },
      { name: 'p', short: 'p', type: 'string', help: 'Payload pattern' },
    ],
  },
  'busybox',
);

interface Opts {
  count: number;
  intervalUs: number;
  size: number;
  ttl: number | undefined;
  lingerUs: number;
  deadlineUs: number;
  quiet: boolean;
  numeric: boolean;
  /** `-M do`: DF set, no local fragmentation. */
  dontFragment?: boolean;
}

/** The MTU of the device the route to `dst` leaves by (lo for a local address), or null when there is no route. */
function routeMtu(ctx: CommandContext, dst: string): number | null {
  const ns = ctx.world.state.netns[ctx.env.netns];
  const ip = parseIpv4(dst);
  if (!ns || ip === null) return null;
  if (isLocalAddr(ns, ip)) return ns.links.find((l) => l.kind === 'loopback')?.mtu ?? 65536;
  const route = routeLookup(ns, ip);
  return route?.dev != null ? (ns.links.find((l) => l.ifindex === route.dev)?.mtu ?? null) : null;
}

/** connect(2) on the ping socket: the route lookup's error, or null. */
function connectError(ctx: CommandContext, dst: string): string | null {
  const ns = ctx.world.state.netns[ctx.env.netns];
  const ip = parseIpv4(dst);
  if (!ns || ip === null) return null;
  if (isLocalAddr(ns, ip)) return isLoopback(ip) && !ns.links.find((l) => l.kind === 'loopback')?.up ? 'Network is unreachable' : null;
  const route = routeLookup(ns, ip);
  if (!route) return 'Network is unreachable';
  if (route.type === 'unreachable') return 'No route to host';
  if (route.type === 'prohibit') return 'Permission denied';
  if (route.type === 'blackhole') return 'Invalid argument';
  return null;
}

/** LLONG_MAX as iputils prints it in range errors. */
const LLONG_MAX_TEXT = '9223372036854775807';

function numberOpt(ctx: CommandContext, raw: string, min: number, max: number, busybox: boolean, float = false): number | null {
  const n = float ? Number(raw) : /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(n) || raw === '') {
    ctx.err(busybox ? `ping: invalid number '${raw}'\n` : `ping: invalid argument: '${raw}'\n`);
    return null;
  }
  if (n < min || n > max) {
    const maxText = max === Number.MAX_SAFE_INTEGER ? LLONG_MAX_TEXT : String(max);
    ctx.err(busybox ? `ping: number ${raw} is not in ${min}..${maxText} range\n` : `ping: invalid argument: '${raw}': out of range: ${min} <= value <= ${maxText}\n`);
    return null;
  }
  return n;
}

async function runPing(ctx: CommandContext, busybox: boolean): Promise<number> {
  const set = busybox ? busyboxFlags : iputilsFlags;
  const r = set.parse(ctx.argv.slice(1));
  if (!r.ok) {
    ctx.err(busybox ? `ping: ${describeFlagError(r.error, 'busybox')}\n${BUSYBOX_PING_USAGE}` : `ping: ${describeFlagError(r.error, 'gnu')}\n${IPUTILS_USAGE}`);
    return busybox ? 1 : 2;
  }
  const v = r.parsed.values;
  if (!busybox && (v.help || r.parsed.help)) {
    ctx.out(IPUTILS_USAGE);
    return 2;
  }
  if (!busybox && v.V) {
    ctx.out('ping from iputils 20240117\nlibcap: yes, IDN: yes, NLS: yes, error.h: yes, getrandom(): yes, __fpending(): yes\n');
    return 0;
  }
  if (busybox && r.parsed.help) {
    ctx.err(BUSYBOX_PING_USAGE);
    return 0;
  }
  // The lab carries IPv4 only: say so rather than pretend (the addresses exist, the traffic is not modelled).
  if (v['6'] || r.parsed.args.some((a) => a.includes(':'))) {
    ctx.err('cnlab: IPv6 traffic is not modelled in this lab (devices show their IPv6 addresses, but only IPv4 packets flow)\n');
    return 2;
  }
  const o: Opts = { count: 0, intervalUs: 1e6, size: 56, ttl: undefined, lingerUs: 10e6, deadlineUs: 0, quiet: !!v.quiet, numeric: !!v.numeric };
  const opt = (key: string, min: number, max: number, float = false) => (r.parsed.given.has(key) ? numberOpt(ctx, v[key] as string, min, max, busybox, float) : undefined);
  const count = opt('count', 1, busybox ? 4294967295 : Number.MAX_SAFE_INTEGER);
  const size = opt('size', 0, 65507);
  const ttl = opt('ttl', 1, 255);
  const wait = opt('timeout', 0, 2147483, true);
  const deadline = opt('deadline', 0, 2147483);
  const interval = opt('interval', 0.002, 2147483, true);
  if ([count, size, ttl, wait, deadline, interval].includes(null)) return 1;
  if (count) o.count = count;
  if (size !== undefined) o.size = size!;
  if (ttl) o.ttl = ttl;
  if (wait !== undefined) o.lingerUs = wait! * 1e6;
  if (deadline) o.deadlineUs = deadline * 1e6;
  if (interval) o.intervalUs = interval * 1e6;
  const pmtu = v.M as string | undefined;
  if (!busybox && r.parsed.given.has('M') && !['do', 'dont', 'want', 'probe'].includes(pmtu ?? '')) {
    ctx.err(`ping: invalid -M argument: ${pmtu}\n`);
    return 2;
  }
  // -M do (and probe) set DF and refuse to fragment: a packet larger than the route's MTU never leaves.
  o.dontFragment = !busybox && (pmtu === 'do' || pmtu === 'probe');
  const target = r.parsed.args[0];
  if (target === undefined) {
    if (busybox) ctx.err(BUSYBOX_PING_USAGE);
    else ctx.err('ping: usage error: Destination address required\n');
    return 1;
  }
  const where = { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot };
  const res = resolve(ctx.world, where, target);
  if (res.elapsedUs) await ctx.sleep(res.elapsedUs);
  if (!res.addresses.length) {
    if (busybox) ctx.err(`ping: bad address '${target}'\n`);
    else ctx.err(`ping: ${target}: ${res.error === 'NXDOMAIN' ? 'Name or service not known' : 'Temporary failure in name resolution'}\n`);
    return busybox ? 1 : 2;
  }
  const ip = res.addresses[0];
  const byName = res.source !== 'literal';
  const id = echoIdent(ctx, busybox);
  return busybox ? busyboxLoop(ctx, target, ip, id, o) : iputilsLoop(ctx, target, ip, id, o, byName && !o.numeric);
}

/**
 * The echo identifier this ping process sends. BusyBox ping (root in a container, raw socket) uses its own PID;
 * iputils uses a ping socket, whose identifier the kernel assigns, and falls back to a raw socket with a random
 * identifier where ping_group_range shuts ping sockets out (`ip netns add` namespaces).
 */
function echoIdent(ctx: CommandContext, busybox: boolean): number {
  const { world, env } = ctx;
  if (busybox) return (env.containerId ? allocContainerPid(world, env.host, env.containerId) : world.nextPid()) & 0xffff;
  if (pingSocketsAllowed(world.state.netns[env.netns])) return allocPingIdent(world, env.host);
  return world.rng.int(65536);
}

async function iputilsLoop(ctx: CommandContext, target: string, ip: string, id: number, o: Opts, rdns: boolean): Promise<number> {
  const names = new Map<string, string>();
  const label = (addr: string) => {
    if (!rdns) return addr;
    if (!names.has(addr)) names.set(addr, reverseLookup(ctx.world, { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot }, addr) ?? addr);
    return `${names.get(addr)} (${addr})`;
  };
  const rtts: number[] = [];
  let sent = 0;
  let errors = 0;
  let started = false;
  const startUs = ctx.world.clock.now();
  // iputils connect()s its socket first: only a failed route lookup stops it there, before the header is printed.
  const refused = connectError(ctx, ip);
  if (refused) {
    ctx.err(`ping: connect: ${refused}\n`);
    return 2;
  }
  for (let seq = 1; o.count === 0 || seq <= o.count; seq++) {
    if (!started) ctx.out(`PING ${target} (${ip}) ${o.size}(${o.size + 28}) bytes of data.\n`);
    started = true;
    const mtu = o.dontFragment ? routeMtu(ctx, ip) : null;
    const p = mtu !== null && o.size + 28 > mtu ? null : probe(ctx, { dst: ip, seq, id, ttl: o.ttl, size: o.size });
    sent++;
    if (p === null) {
      errors++;
      ctx.err(`ping: local error: message too long, mtu=${mtu}\n`);
    } else if (p.kind === 'reply') {
      rtts.push(p.rttUs);
      if (!o.quiet) ctx.out(`${o.size + 8} bytes from ${label(p.from)}: icmp_seq=${seq} ttl=${p.ttl} time=${iputilsTime(p.rttUs)} ms\n`);
    } else if (p.kind === 'icmp') {
      errors++;
      if (!o.quiet) ctx.out(`From ${label(p.from)} icmp_seq=${seq} ${p.text}\n`);
    } else if (p.kind === 'send-error') {
      ctx.err(`ping: sendmsg: ${p.errno}\n`);
    }
    if (o.count && seq === o.count) break;
    if (o.deadlineUs && ctx.world.clock.now() - startUs + o.intervalUs > o.deadlineUs) break;
    if (!(await ctx.sleep(o.intervalUs))) break;
  }
  if (!ctx.interrupt.interrupted && rtts.length < sent && o.count) await ctx.sleep(o.lingerUs);
  // iputils reports the time from the first to the last transmission (about 1 ms of overhead per interval).
  const elapsed = Math.max(0, sent - 1) * (o.intervalUs / 1000 + 1);
  const loss = sent ? ((sent - rtts.length) * 100) / sent : 0;
  let s = `\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${rtts.length} received, `;
  if (errors) s += `+${errors} errors, `;
  s += `${percentG(loss)}% packet loss, time ${Math.round(elapsed)}ms\n`;
  if (rtts.length) {
    const min = Math.min(...rtts) / 1000;
    const max = Math.max(...rtts) / 1000;
    const avg = rtts.reduce((a, b) => a + b, 0) / rtts.length / 1000;
    const mdev = Math.sqrt(Math.max(0, rtts.reduce((a, b) => a + (b / 1000) ** 2, 0) / rtts.length - avg * avg));
    s += `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n`;
  }
  ctx.out(s);
  return rtts.length ? 0 : 1;
}

async function busyboxLoop(ctx: CommandContext, target: string, ip: string, id: number, o: Opts): Promise<number> {
  const rtts: number[] = [];
  let sent = 0;
  const startUs = ctx.world.clock.now();
  ctx.out(`PING ${target} (${ip}): ${o.size} data bytes\n`);
  for (let seq = 0; o.count === 0 || seq < o.count; seq++) {
    const p = probe(ctx, { dst: ip, seq, id, ttl: o.ttl, size: o.size });
    if (p.kind === 'send-error') {
      ctx.err(`ping: sendto: ${p.errno === 'Network is unreachable' ? 'Network unreachable' : p.errno}\n`);
      return 1;
    }
    sent++;
    if (p.kind === 'reply') {
      rtts.push(p.rttUs);
      if (!o.quiet) ctx.out(`${o.size + 8} bytes from ${p.from}: seq=${seq} ttl=${p.ttl} time=${busyboxTime(p.rttUs)} ms\n`);
    }
    if (o.count && seq === o.count - 1) break;
    if (o.deadlineUs && ctx.world.clock.now() - startUs + o.intervalUs > o.deadlineUs) break;
    if (!(await ctx.sleep(o.intervalUs))) break;
  }
  if (!ctx.interrupt.interrupted && rtts.length < sent && o.count) await ctx.sleep(o.lingerUs);
  let s = `\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${rtts.length} packets received, ${sent ? Math.floor(((sent - rtts.length) * 100) / sent) : 0}% packet loss\n`;
  if (rtts.length) {
    const avg = rtts.reduce((a, b) => a + b, 0) / rtts.length;
    s += `round-trip min/avg/max = ${busyboxTime(Math.min(...rtts))}/${busyboxTime(avg)}/${busyboxTime(Math.max(...rtts))} ms\n`;
  }
  ctx.out(s);
  return rtts.length ? 0 : 1;
}

export const ping: Program = {
  name: 'ping',
  summary: 'send ICMP ECHO_REQUEST to network hosts',
  run: (ctx) => runPing(ctx, ctx.env.flavor === 'busybox'),
};
