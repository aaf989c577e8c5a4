// cnlab: the lab's own command. `cnlab trace FROM TO[:PORT]` walks one packet and prints every hop in plain
// words (routing, ARP, veth, bridge, netfilter rule by rule, NAT), then why it ended the way it did.
import { FlagSet, describeFlagError } from '../../flags';
import type { CommandContext, Program } from '../../types';
import { walk } from '../../../core/sim/walker';
import { resolve } from '../../../core/dns';
import type { PacketTrace } from '../../../core/sim/trace';
import { findSource, labelOf } from './endpoints';

const USAGE = `Usage: cnlab trace [--udp] FROM TO[:PORT]

Walk one packet through the emulated network and explain every hop.

FROM is a network namespace (ip netns), a container name or ID, or a host.
TO is an address or a name; with :PORT a TCP connection (UDP with --udp), else a ping.

Options:
  -u, --udp    send a UDP datagram to PORT instead of opening a TCP connection
  -h, --help   show this help
`;

const flags = new FlagSet({ flags: [{ name: 'udp', short: 'u', type: 'bool', help: 'UDP' }, { name: 'help', short: 'h', type: 'bool', help: 'help' }] }, 'gnu');

function ms(us: number): string {
  return (us / 1000).toFixed(3);
}

/** The trace as numbered lines under "request:" and "reply:", then the outcome. */
export function formatTrace(ctx: CommandContext, t: PacketTrace, what: string): string {
  let out = `${what}\n`;
  let section = '';
  let n = 0;
  for (const h of t.hops) {
    if (h.wire) continue;
    // The final drop is what the result line says; don't say it twice.
    if (h.kind === 'drop' && h.text === t.reason) continue;
    if (h.direction !== section) {
      section = h.direction;
      out += `${section}:\n`;
    }
    const where = labelOf(ctx.world, h.netns).padEnd(18);
    out += `${String(++n).padStart(4)}  ${where} ${h.text}\n`;
  }
  switch (t.outcome) {
    case 'replied':
      out += `result: answered by ${t.replyFrom} in ${ms(t.rttUs ?? 0)} ms (ttl ${t.replyTtl})\n`;
      break;
    case 'refused':
      out += `result: refused: ${t.reason}\n`;
      break;
    case 'no-route':
    case 'dropped':
    case 'reply-dropped':
      out += `result: ${t.reason}\n`;
      break;
    default:
      out += `result: ${t.outcome}: ${t.reason}\n`;
  }
  return out;
}

async function trace(ctx: CommandContext, args: string[], udp: boolean): Promise<number> {
  if (args.length !== 2) {
    ctx.err(`cnlab trace: expected FROM and TO\n${USAGE}`);
    return 2;
  }
  const [from, to] = args;
  const src = findSource(ctx.world, ctx.env.host, from);
  if (!src) {
    ctx.err(`cnlab trace: no namespace, running container or host named "${from}"\n`);
    return 1;
  }
  const m = /^(.*?)(?::(\d+))?$/.exec(to)!;
  const [, target, portText] = m;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (port < 1 || port > 65535)) {
    ctx.err(`cnlab trace: bad port "${portText}"\n`);
    return 2;
  }
  const res = resolve(ctx.world, { netns: src.netns, fsRoot: src.fsRoot }, target, { emit: false });
  if (!res.addresses.length) {
    ctx.err(`cnlab trace: ${src.label} cannot resolve "${target}" (${res.error ?? 'no address'})\n`);
    return 1;
  }
  const dst = res.addresses[0];
  const proto = port === undefined ? 'icmp' : udp ? 'udp' : 'tcp';
  const t = walk(ctx.world, { from: src.netns, proto, dst, dport: port });
  const what = proto === 'icmp' ? `ICMP echo from ${src.label}${t.srcIp ? ` (${t.srcIp})` : ''} to ${dst}` : `${proto.toUpperCase()} ${proto === 'tcp' ? 'connection' : 'datagram'} from ${src.label}${t.srcIp ? ` (${t.srcIp})` : ''} to ${dst}:${port}`;
  ctx.out(formatTrace(ctx, t, what));
  return t.outcome === 'replied' ? 0 : 1;
}

export const cnlab: Program = {
  name: 'cnlab',
  summary: 'the lab: trace a packet hop by hop',
  async run(ctx) {
    const r = flags.parse(ctx.argv.slice(1));
    if (!r.ok) {
      ctx.err(`cnlab: ${describeFlagError(r.error, 'gnu')}\n${USAGE}`);
      return 2;
    }
    const [sub, ...rest] = r.parsed.args;
    if (r.parsed.values.help || r.parsed.help || sub === 'help' || sub === undefined) {
      (sub === undefined && !r.parsed.values.help ? ctx.err : ctx.out)(USAGE);
      return sub === undefined && !r.parsed.values.help ? 2 : 0;
    }
    if (sub !== 'trace') {
      ctx.err(`cnlab: unknown command "${sub}"\n${USAGE}`);
      return 2;
    }
    return trace(ctx, rest, !!r.parsed.values.udp);
  },
};
