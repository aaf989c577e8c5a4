// One echo request through the walker, reduced to what ping reports: a reply, an ICMP error, a local send
// error, or silence.
import type { CommandContext } from '../../types';
import { walk } from '../../../core/sim/walker';

export type ProbeResult =
  | { kind: 'reply'; rttUs: number; ttl: number; from: string }
  | { kind: 'icmp'; from: string; text: string }
  | { kind: 'send-error'; errno: string }
  | { kind: 'silent' };

const UNREACH_TEXT: Record<number, string> = {
  0: 'Destination Net Unreachable',
  1: 'Destination Host Unreachable',
  2: 'Destination Protocol Unreachable',
  3: 'Destination Port Unreachable',
  9: 'Destination Net Prohibited',
  10: 'Destination Host Prohibited',
  13: 'Packet filtered',
};

export interface ProbeOptions {
  dst: string;
  seq: number;
  id: number;
  ttl?: number;
  size: number;
}

export function probe(ctx: CommandContext, o: ProbeOptions): ProbeResult {
  const t = walk(ctx.world, { from: ctx.env.netns, proto: 'icmp', dst: o.dst, seq: o.seq, sport: o.id, ttl: o.ttl, size: o.size });
  switch (t.outcome) {
    case 'replied':
      return { kind: 'reply', rttUs: t.rttUs ?? 0, ttl: t.replyTtl ?? 64, from: t.replyFrom ?? o.dst };
    case 'no-route':
      return { kind: 'send-error', errno: 'Network is unreachable' };
    case 'unreachable': {
      const errno = (t.payload as { errno?: string } | undefined)?.errno;
      if (errno === 'EPERM') return { kind: 'send-error', errno: 'Operation not permitted' };
      if (errno === 'EHOSTUNREACH') return { kind: 'icmp', from: t.replyFrom ?? t.srcIp ?? o.dst, text: 'Destination Host Unreachable' };
      if (errno) return { kind: 'send-error', errno: 'Network is unreachable' };
      return { kind: 'icmp', from: t.replyFrom ?? o.dst, text: UNREACH_TEXT[t.icmpError?.code ?? 1] ?? 'Destination Unreachable' };
    }
    case 'refused':
      return { kind: 'icmp', from: t.replyFrom ?? o.dst, text: UNREACH_TEXT[t.icmpError?.code ?? 3] ?? 'Destination Port Unreachable' };
    case 'ttl-exceeded':
      return { kind: 'icmp', from: t.replyFrom ?? o.dst, text: 'Time to live exceeded' };
    default:
      return { kind: 'silent' };
  }
}

/** iputils' time field: 3 decimals under 1 ms, 2 under 10 ms, 1 under 100 ms, none above. */
export function iputilsTime(us: number): string {
  const t = Math.round(us);
  if (t >= 100000 - 50) return `${Math.floor((t + 500) / 1000)}`;
  if (t >= 10000 - 5) return `${Math.floor((t + 50) / 1000)}.${Math.floor(((t + 50) % 1000) / 100)}`;
  if (t >= 1000) return `${Math.floor((t + 5) / 1000)}.${String(Math.floor(((t + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `0.${String(t).padStart(3, '0')}`;
}

/** BusyBox's `%u.%03u` milliseconds. */
export function busyboxTime(us: number): string {
  const t = Math.round(us);
  return `${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, '0')}`;
}

/** printf("%g") for the loss percentage. */
export function percentG(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}
