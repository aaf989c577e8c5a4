// Sending one DNS query: a UDP datagram to port 53 walked from a namespace to the server and back.
import type { World } from '../world';
import { walk } from '../sim/walker';
import type { PacketTrace } from '../sim/trace';
import type { DnsAnswer, DnsQuestion } from './types';
import { dnsInfo } from './registry';

export interface QueryResult {
  answer: DnsAnswer | null;
  /** Why there is no answer: nothing came back (timeout), or ICMP port unreachable (refused) / no route. */
  error: 'timeout' | 'refused' | 'unreachable' | 'no-route' | null;
  trace: PacketTrace;
}

/** Sends `q` from `fromNetns` to `server`:53 over the walker. */
export function queryDns(world: World, fromNetns: string, server: string, q: DnsQuestion, opts: { emit?: boolean; port?: number } = {}): QueryResult {
  const trace = walk(world, {
    from: fromNetns, proto: 'udp', dst: server, dport: opts.port ?? 53, size: 12 + q.name.length + 6,
    payload: q, info: dnsInfo(q), emit: opts.emit,
  });
  switch (trace.outcome) {
    case 'replied':
      return { answer: (trace.payload as DnsAnswer | undefined) ?? null, error: null, trace };
    case 'refused':
      return { answer: null, error: 'refused', trace };
    case 'no-route':
      return { answer: null, error: 'no-route', trace };
    case 'unreachable':
      return { answer: null, error: 'unreachable', trace };
    default:
      return { answer: null, error: 'timeout', trace };
  }
}
