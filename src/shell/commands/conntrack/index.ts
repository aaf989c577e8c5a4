// conntrack (conntrack-tools 1.4.8): the namespace's connection tracking table as the kernel dumps it — each flow's
// original and reply tuples (NAT shows as the reply's rewritten addresses), its remaining timeout and flags —
// with -L/-p/-s/-d/--dport/--sport filters, -C (count) and -F (flush). Root (CAP_NET_ADMIN) only.
import type { CommandContext, Program } from '../../types';
import type { ConntrackEntry, Tuple } from '../../../core/kernel/netfilter/types';
import { expireConntrack } from '../../../core/kernel/netfilter/conntrack';
import { formatIpv4, parseIpv4 } from '../../../core/net/ipv4';
import { hasNetAdmin } from '../ip/common';

const VERSION = 'conntrack v1.4.8 (conntrack-tools)';
const PROTO_NUM = { tcp: 6, udp: 17, icmp: 1 } as const;

function tupleText(e: ConntrackEntry, t: Tuple, reply: boolean): string {
  const base = `src=${formatIpv4(t.src)} dst=${formatIpv4(t.dst)}`;
  if (e.proto === 'icmp') return `${base} type=${reply ? 0 : 8} code=0 id=${t.sport}`;
  return `${base} sport=${t.sport} dport=${t.dport}`;
}

/** One line of `conntrack -L` (the kernel's print_tuple/ct_show order). */
export function conntrackLine(e: ConntrackEntry, nowUs: number): string {
  const left = Math.max(0, Math.floor(((e.expiresUs ?? nowUs) - nowUs) / 1e6));
  const replied = e.state === 'ESTABLISHED';
  // The lab's TCP is a handshake and a closed exchange: a replied flow sits in TIME_WAIT, an unanswered one in SYN_SENT.
  const tcpState = e.proto === 'tcp' ? (replied ? 'TIME_WAIT ' : 'SYN_SENT ') : '';
  const unreplied = replied ? '' : '[UNREPLIED] ';
  const assured = e.proto === 'tcp' && replied ? '[ASSURED] ' : '';
  return `${e.proto.padEnd(8)} ${PROTO_NUM[e.proto]} ${left} ${tcpState}${tupleText(e, e.orig, false)} ${unreplied}${tupleText(e, e.reply, true)} ${assured}mark=0 use=1\n`;
}

interface Filter {
  proto?: 'tcp' | 'udp' | 'icmp';
  src?: number;
  dst?: number;
  sport?: number;
  dport?: number;
}

function matches(e: ConntrackEntry, f: Filter): boolean {
  return (f.proto === undefined || e.proto === f.proto) && (f.src === undefined || e.orig.src === f.src) && (f.dst === undefined || e.orig.dst === f.dst)
    && (f.sport === undefined || e.orig.sport === f.sport) && (f.dport === undefined || e.orig.dport === f.dport);
}

async function run(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let command: 'L' | 'C' | 'F' | null = null;
  const f: Filter = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => args[++i];
    if (a === '-L' || a === '--dump') command = 'L';
    else if (a === '-C' || a === '--count') command = 'C';
    else if (a === '-F' || a === '--flush') command = 'F';
    else if (a === '-p' || a === '--proto' || a === '--protonum') {
      const p = value();
      if (p !== 'tcp' && p !== 'udp' && p !== 'icmp') {
        ctx.err(`${VERSION}: proto \`${p ?? ''}' not found\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
        return 2;
      }
      f.proto = p;
    } else if (['-s', '--src', '--orig-src', '-d', '--dst', '--orig-dst'].includes(a)) {
      const ip = parseIpv4(value() ?? '');
      if (ip === null) {
        ctx.err(`${VERSION}: Bad parameter \`${args[i] ?? ''}'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
        return 2;
      }
      if (a.includes('s') && !a.includes('dst')) f.src = ip;
      else f.dst = ip;
    } else if (a === '--sport' || a === '--orig-port-src' || a === '--dport' || a === '--orig-port-dst') {
      const n = Number(value());
      if (a === '--sport' || a === '--orig-port-src') f.sport = n;
      else f.dport = n;
    } else if (a === '-h' || a === '--help') {
      ctx.out(`Command line interface for the connection tracking system. Version 1.4.8\nUsage: conntrack [commands] [options]\n\nCommands:\n  -L [table] [options]\t\tList conntrack or expectation table\n  -C [table]\t\t\t\tShow counter\n  -F [table]\t\t\t\tFlush table\n`);
      return 0;
    } else {
      ctx.err(`${VERSION}: unknown option \`${a}'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
      return 2;
    }
  }
  if (!command) {
    ctx.err(`${VERSION}: no command specified\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
    return 2;
  }
  if (!hasNetAdmin(ctx.world, ctx.env)) {
    ctx.err(`${VERSION}: Operation failed: Operation not permitted\n`);
    return 1;
  }
  const ns = ctx.world.state.netns[ctx.env.netns];
  const now = ctx.world.clock.now();
  expireConntrack(ns.netfilter, now);
  const entries = ns.netfilter.conntrack.filter((e) => matches(e, f));
  if (command === 'C') {
    ctx.out(`${entries.length}\n`);
    return 0;
  }
  if (command === 'F') {
    ns.netfilter.conntrack = [];
    ctx.world.changed('conntrack', ns.id);
    ctx.err(`${VERSION}: connection tracking table has been emptied.\n`);
    return 0;
  }
  ctx.out(entries.map((e) => conntrackLine(e, now)).join(''));
  ctx.err(`${VERSION}: ${entries.length} flow entries have been shown.\n`);
  return 0;
}

export const conntrack: Program = { name: 'conntrack', summary: 'command line interface for netfilter connection tracking', flavors: ['ubuntu', 'debian'], run };
