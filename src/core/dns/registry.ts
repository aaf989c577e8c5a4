// The registry of DNS servers by service name: a socket whose `service` is registered here answers DNS queries
// on it (the Docker engine registers `docker-embedded` for 127.0.0.11; the lab registers its LAN router's).
import type { DnsAnswer, DnsQuestion, DnsService } from './types';
import { registerUdpResponder } from '../sim/apps';

/** How tcpdump shows a query or an answer. */
export function dnsInfo(q: DnsQuestion, a?: DnsAnswer): string {
  if (!a) return `${q.type}? ${q.name}.`;
  if (a.rcode !== 'NOERROR') return `${a.rcode} 0/0/0`;
  const shown = a.answers.map((r) => `${r.type} ${r.value}${r.type === 'A' ? '' : '.'}`).join(', ');
  return `${a.answers.length}/0/0 ${shown}`;
}

/** Makes sockets with `service: name` answer DNS on UDP with `fn`. */
export function registerDnsService(name: string, fn: DnsService): void {
  registerUdpResponder(name, (req) => {
    const q = req.payload as DnsQuestion | undefined;
    if (!q || typeof q.name !== 'string') return null;
    const a = fn(req.world, q, { netns: req.netns, client: req.packet.src, server: req.packet.dst });
    return a ? { payload: a, info: dnsInfo(q, a), len: 20 + 8 + 12 + q.name.length + 6 + a.answers.length * 16 } : null;
  });
}
