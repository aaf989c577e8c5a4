// traceroute: Linux traceroute 2.1 on Ubuntu (UDP probes to 33434+, TTL 1..30, three per hop) and BusyBox's
// in alpine. Each probe is a walk; routers on the way answer ICMP time exceeded, the target port unreachable.
import { FlagSet, describeFlagError } from '../../flags';
import type { CommandContext, Program } from '../../types';
import { resolve, reverseLookup } from '../../../core/dns';
import { walk } from '../../../core/sim/walker';

const gnuFlags = new FlagSet(
  {
    flags: [
      { name: 'n', short: 'n', type: 'bool', help: 'Do not resolve IP addresses to their domain names' },
      { name: 'max-hops', short: 'm', type: 'string', help: 'Set the max number of hops' },
      { name: 'queries', short: 'q', type: 'string', help: 'Set the number of probes per each hop' },
      { name: 'wait', short: 'w', type: 'string', help: 'Wait for a probe no more than MAX' },
      { name: 'port', short: 'p', type: 'string', help: 'Set the destination port to use' },
      { name: 'first', short: 'f', type: 'string', help: 'Start from the first_ttl hop' },
      { name: 'icmp', short: 'I', type: 'bool', help: 'Use ICMP ECHO for tracerouting' },
      { name: '4', short: '4', type: 'bool', help: 'Use IPv4' },
      { name: 'help', type: 'bool', help: 'Read this help and exit' },
      { name: 'version', short: 'V', type: 'bool', help: 'Print version info and exit' },
    ],
  },
  'gnu',
);

const bbFlags = new FlagSet(
  {
    flags: [
      { name: 'n', short: 'n', type: 'bool', help: 'Print numeric addresses' },
      { name: 'm', short: 'm', type: 'string', help: 'Max time-to-live (max number of hops)' },
      { name: 'q', short: 'q', type: 'string', help: 'Number of probes per TTL (default 3)' },
      { name: 'w', short: 'w', type: 'string', help: 'Time in seconds to wait for a response (default 3)' },
      { name: 'p', short: 'p', type: 'string', help: 'Base UDP port number used in probes' },
      { name: 'f', short: 'f', type: 'string', help: 'Start from the 1ST_TTL hop (instead from 1)' },
      { name: 'I', short: 'I', type: 'bool', help: 'Use ICMP ECHO instead of UDP datagrams' },
    ],
  },
  'busybox',
);

const GNU_USAGE = `Usage:
  traceroute [ -46dFITnreAUDV ] [ -f first_ttl ] [ -g gate,... ] [ -i device ] [ -m max_ttl ] [ -N squeries ] [ -p port ] [ -t tos ] [ -l flow_label ] [ -w MAX,HERE,NEAR ] [ -q nqueries ] [ -s src_addr ] [ -z sendwait ] [ --fwmark=num ] host [ packetlen ]
Options:
  -4                          Use IPv4
  -6                          Use IPv6
  -f first_ttl  --first=first_ttl
                              Start from the first_ttl hop (instead from 1)
  -I  --icmp                  Use ICMP ECHO for tracerouting
  -m max_ttl  --max-hops=max_ttl
                              Set the max number of hops (max TTL to be
                              reached). Default is 30
  -n                          Do not resolve IP addresses to their domain names
  -p port  --port=port        Set the destination port to use. It is either
                              initial udp port value for "default" method
                              (incremented by each probe, default is 33434), or
                              initial seq for "icmp" (incremented as well,
                              default from 1), or some constant destination
                              port for other methods (with default of 80 for
                              "tcp", 53 for "udp", etc.)
  -w MAX,HERE,NEAR  --wait=MAX,HERE,NEAR
                              Wait for a probe no more than HERE (default 3)
                              times longer than a response from the same hop,
                              or no more than NEAR (default 10) times than some
                              next hop, or MAX (default 5.0) seconds (float
                              point values allowed too)
  -q nqueries  --queries=nqueries
                              Set the number of probes per each hop. Default is
                              3
  -V  --version               Print version info and exit
  --help                      Read this help and exit

Arguments:
+     host          The host to traceroute to
      packetlen     The full packet length (default is the length of an IP
                    header plus 40). Can be ignored or increased to a minimal
                    allowed value
`;

const BB_USAGE = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: traceroute [-46IFlnrv] [-f 1ST_TTL] [-m MAXTTL] [-q PROBES] [-p PORT]
	[-t TOS] [-w WAIT_SEC] [-s SRC_IP] [-i IFACE]
	[-z PAUSE_MSEC] HOST [BYTES]

Trace the route to HOST

	-4,-6	Force IP or IPv6 name resolution
	-F	Set don't fragment bit
	-I	Use ICMP ECHO instead of UDP datagrams
	-l	Display TTL value of the returned packet
	-n	Print numeric addresses
	-r	Bypass routing tables, send directly to HOST
	-v	Verbose
	-f N	First number of hops (default 1)
	-m N	Max number of hops
	-q N	Number of probes per hop (default 3)
	-p N	Base UDP port number used in probes
		(default 33434)
	-s IP	Source address
	-i IFACE Source interface
	-t N	Type-of-service in probe packets (default 0)
	-w SEC	Wait for a response (default 3)
	-z MSEC	Wait before each send
`;

async function run(ctx: CommandContext): Promise<number> {
  const bb = ctx.env.flavor === 'busybox';
  const r = (bb ? bbFlags : gnuFlags).parse(ctx.argv.slice(1));
  if (!r.ok) {
    ctx.err(bb ? `traceroute: ${describeFlagError(r.error, 'busybox')}\n${BB_USAGE}` : `Bad option \`${r.error.token}' (argc 1)\n`);
    return bb ? 1 : 2;
  }
  const v = r.parsed.values;
  if (!bb && (v.help || r.parsed.help)) {
    ctx.out(GNU_USAGE);
    return 0;
  }
  if (!bb && v.version) {
    ctx.out('Modern traceroute for Linux, version 2.1.5\nCopyright (c) 2016  Dmitry Butskoy,   License: GPL v2 or any later\n');
    return 0;
  }
  const host = r.parsed.args[0];
  if (host === undefined) {
    if (bb) ctx.err(BB_USAGE);
    else ctx.err(GNU_USAGE);
    return bb ? 1 : 2;
  }
  const num = (k: string, d: number) => (v[k] ? Number(v[k]) : d);
  const maxHops = num(bb ? 'm' : 'max-hops', 30);
  const queries = num(bb ? 'q' : 'queries', 3);
  const waitUs = num(bb ? 'w' : 'wait', bb ? 3 : 5) * 1e6;
  const basePort = num(bb ? 'p' : 'port', 33434);
  const first = num(bb ? 'f' : 'first', 1);
  const numeric = !!v.n;
  const icmp = !!(v.icmp || v.I);
  const where = { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot };
  const res = resolve(ctx.world, where, host);
  if (res.elapsedUs) await ctx.sleep(res.elapsedUs);
  if (!res.addresses.length) {
    ctx.err(bb ? `traceroute: bad address '${host}'\n` : `${host}: ${res.error === 'NXDOMAIN' ? 'Name or service not known' : 'Temporary failure in name resolution'}\nCannot handle "host" cmdline arg \`${host}' on position 1 (argc 1)\n`);
    return bb ? 1 : 2;
  }
  const ip = res.addresses[0];
  ctx.out(`traceroute to ${host} (${ip}), ${maxHops} hops max, ${bb ? 46 : 60} byte packets\n`);
  const names = new Map<string, string>();
  const label = (a: string) => {
    if (numeric) return a;
    if (!names.has(a)) names.set(a, reverseLookup(ctx.world, where, a) ?? a);
    return `${names.get(a)} (${a})`;
  };
  let probe = 0;
  for (let ttl = first; ttl <= maxHops; ttl++) {
    let line = `${String(ttl).padStart(2)} `;
    let last = '';
    let done = false;
    for (let q = 0; q < queries; q++, probe++) {
      const t = walk(ctx.world, icmp ? { from: ctx.env.netns, proto: 'icmp', dst: ip, ttl, seq: probe + 1 } : { from: ctx.env.netns, proto: 'udp', dst: ip, dport: basePort + probe, ttl, size: bb ? 18 : 32 });
      if (t.outcome === 'no-route') {
        ctx.err(bb ? 'traceroute: sendto: Network unreachable\n' : 'send: Network is unreachable\n');
        return 1;
      }
      const answered = t.outcome === 'ttl-exceeded' || t.outcome === 'refused' || t.outcome === 'unreachable' || (icmp && t.outcome === 'replied');
      if (!answered || !t.replyFrom) {
        if (!(await ctx.sleep(waitUs))) return 130;
        line += ' *';
        continue;
      }
      await ctx.sleep(t.rttUs ?? 0);
      if (t.replyFrom !== last) line += ` ${label(t.replyFrom)}`;
      last = t.replyFrom;
      line += `  ${((t.rttUs ?? 0) / 1000).toFixed(3)} ms`;
      if (t.outcome === 'unreachable') line += t.icmpError?.code === 13 ? ' !X' : t.icmpError?.code === 0 ? ' !N' : ' !H';
      if (t.outcome !== 'ttl-exceeded') done = true;
    }
    ctx.out(line + '\n');
    if (done) return 0;
  }
  return 0;
}

export const traceroute: Program = { name: 'traceroute', summary: 'print the route packets trace to network host', run };
