// tcpdump 4.99 (libpcap 1.10): prints the packets the walker carries across an interface of the current
// namespace while it runs (walks by any session), until -c packets or Ctrl-C, then its summary lines.
import { FlagSet, describeFlagError } from '../../flags';
import type { CommandContext, Program } from '../../types';
import type { PacketTrace, TraceHop } from '../../../core/sim/trace';
import { nsKey } from '../../../core/topology/project';
import { compileFilter, FilterSyntaxError, type PacketFilter } from './filter';
import { frameLine, tcpdumpTime } from './format';

const flags = new FlagSet(
  {
    flags: [
      { name: 'interface', short: 'i', type: 'string', help: 'interface' },
      { name: 'count', short: 'c', type: 'string', help: 'count' },
      { name: 'n', short: 'n', type: 'bool', help: "don't convert addresses to names" },
      { name: 'e', short: 'e', type: 'bool', help: 'print the link-level header' },
      { name: 'v', short: 'v', type: 'count', help: 'verbose' },
      { name: 'l', short: 'l', type: 'bool', help: 'line buffered' },
      { name: 'q', short: 'q', type: 'bool', help: 'quiet' },
      { name: 'list-interfaces', short: 'D', type: 'bool', help: 'list interfaces' },
      { name: 'help', short: 'h', type: 'bool', help: 'help' },
      { name: 'version', type: 'bool', help: 'version' },
      { name: 's', short: 's', type: 'string', help: 'snaplen' },
    ],
  },
  'gnu',
);

const USAGE = `tcpdump version 4.99.4
libpcap version 1.10.4 (with TPACKET_V3)
OpenSSL 3.0.13 30 Jan 2024
Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]
		[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]
		[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]
		[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]
		[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]
		[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]
		[ --time-stamp-precision precision ] [ --micro ] [ --nano ]
		[ -z postrotate-command ] [ -Z user ] [ expression ]
`;

const CAPTURED_KINDS = new Set<TraceHop['kind']>(['tx', 'rx', 'arp', 'bridge']);

async function run(ctx: CommandContext): Promise<number> {
  const file = ctx.argv.slice(1).find((a) => /^-[nvlqeS]*[wr]$/.test(a));
  if (file) {
    ctx.err(`cnlab: tcpdump ${file.endsWith('w') ? '-w (writing' : '-r (reading'} a capture file) is not modelled; run tcpdump without it to see the packets\n`);
    return 1;
  }
  const r = flags.parse(ctx.argv.slice(1));
  if (!r.ok) {
    ctx.err(`tcpdump: ${describeFlagError(r.error, 'gnu')}\n${USAGE}`);
    return 1;
  }
  const v = r.parsed.values;
  if (v.help || r.parsed.help || v.version) {
    ctx.out(USAGE);
    return 0;
  }
  const ns = ctx.world.state.netns[ctx.env.netns];
  if (v['list-interfaces']) {
    const ups = ns.links.filter((l) => l.kind !== 'loopback');
    ups.forEach((l, i) => ctx.out(`${i + 1}.${l.name} [Up${l.up ? ', Running' : ''}, Connected]\n`));
    ctx.out(`${ups.length + 1}.any (Pseudo-device that captures on all interfaces) [Up, Running]\n${ups.length + 2}.lo [Up, Running, Loopback]\n`);
    return 0;
  }
  const ifname = (v.interface as string) || ns.links.find((l) => l.kind !== 'loopback' && l.up)?.name || 'lo';
  if (ifname !== 'any' && !ns.links.some((l) => l.name === ifname)) {
    ctx.err(`tcpdump: ${ifname}: No such device exists\n(No such device exists)\n`);
    return 1;
  }
  if (ctx.env.user !== 'root') {
    ctx.err(`tcpdump: ${ifname}: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)\n`);
    return 1;
  }
  let filter: PacketFilter;
  try {
    filter = compileFilter(r.parsed.args);
  } catch (e) {
    if (!(e instanceof FilterSyntaxError)) throw e;
    ctx.err(`tcpdump: ${e.message.startsWith('syntax') ? 'syntax error in filter expression: ' : ''}${e.message}\n`);
    return 1;
  }
  const count = v.count ? Number(v.count) : 0;
  if (v.count && (!Number.isInteger(count) || count <= 0)) {
    ctx.err(`tcpdump: invalid packet count ${v.count}\n`);
    return 1;
  }
  const key = `${nsKey(ns)}:${ifname}`;
  const verbose = Number(v.v ?? 0) > 0;
  // Verbose mode drops the hint and names itself on the listening line.
  if (!verbose) ctx.err(`tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n`);
  const listening = ifname === 'any' ? 'listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes\n' : `listening on ${ifname}, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n`;
  ctx.err(verbose ? `tcpdump: ${listening}` : listening);
  let captured = 0;
  const off = ctx.world.on((ev) => {
    if (ev.type !== 'packet' || (count && captured >= count)) return;
    const t = ev.trace as PacketTrace;
    const base = ctx.world.clock.now();
    t.hops.forEach((h, i) => {
      if (count && captured >= count) return;
      if (!CAPTURED_KINDS.has(h.kind) || h.ifname === null) return;
      // A frame the host sends out of a bridge is seen once on it (br_dev_xmit), not again as the bridge forwards it.
      const prev = t.hops[i - 1];
      if (h.kind === 'bridge' && prev?.kind === 'tx' && prev.key === h.key && prev.direction === h.direction) return;
      if (ifname === 'any' ? h.netns !== ns.id : h.key !== key) return;
      if (!filter(h.packet)) return;
      const dir = ifname === 'any' ? ` ${h.ifname} ${h.kind === 'tx' ? 'Out' : 'In '} ` : ' ';
      ctx.out(`${tcpdumpTime(base + h.atUs)}${dir}${frameLine(h.packet, !!v.n, !!v.e && ifname !== 'any', verbose)}\n`);
      captured++;
    });
  });
  let interrupted = false;
  while (!count || captured < count) {
    if (!(await ctx.sleep(1_000_000))) {
      interrupted = true;
      break;
    }
  }
  off();
  const s = (n: number) => (n === 1 ? '' : 's');
  ctx.err(`${interrupted ? '\n' : ''}${captured} packet${s(captured)} captured\n${captured} packet${s(captured)} received by filter\n0 packets dropped by kernel\n`);
  return 0;
}

export const tcpdump: Program = { name: 'tcpdump', summary: 'dump traffic on a network', flavors: ['ubuntu', 'debian'], run };
