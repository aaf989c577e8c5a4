// Outside every host: the LAN router (default gateway and DNS server of the LAN, NAT to the internet) and the
// internet hosts behind it. They answer pings, DNS and web requests; unknown addresses stay silent.
import type { Segment } from '../world';
import { ICMP, UNREACH, type Packet } from '../kernel/packet';
import { cidrContains, parseCidr } from '../net/cidr';
import { formatIpv4, parseIpv4 } from '../net/ipv4';
import { internetHostAt, isPrivate } from '../dns/internet';
import { tcpResponder, udpResponder, type AppAnswer } from './apps';
import type { Walk } from './walk-context';
import { viewOf } from './walk-context';

/** The service names of the answers from outside (registered by the DNS and HTTP modules). */
export const ROUTER_DNS_SERVICE = 'lan-router';
export const PUBLIC_DNS_SERVICE = 'public-dns';
export const INTERNET_WEB_SERVICE = 'internet-web';

export type ExternalAnswer =
  | { kind: 'reply'; reply: Packet; payload?: unknown }
  | { kind: 'silent'; reason: string };

function answerPacket(p: Packet, ttl: number, extra: Partial<Packet>): Packet {
  return { proto: p.proto, src: p.dst, dst: p.src, sport: p.dport, dport: p.sport, ttl, len: p.len, ...extra };
}

/** An ICMP error from `src` about `bad` (as it reached the router, after the LAN host's NAT). */
function icmpFrom(src: number, bad: Packet, type: number, code: number, ttl: number): Packet {
  return { proto: 'icmp', src, dst: bad.src, sport: bad.sport, dport: bad.sport, ttl, len: 56 + 28, icmpType: type, icmpCode: code, inner: { ...bad }, seq: bad.seq };
}

/** The routers between the LAN router and an internet host (documentation and CGNAT addresses), 2 to 4 of them. */
export function internetPath(ip: number): number[] {
  const hops = ['100.64.0.1', '203.0.113.1', '198.51.100.9', '192.0.2.33'].map((h) => parseIpv4(h)!);
  return hops.slice(0, 2 + (ip % 3));
}

function appAnswer(walk: Walk, service: string, pkt: Packet, tcp: boolean): AppAnswer | null {
  const fn = tcp ? tcpResponder(service) : udpResponder(service);
  return fn ? fn({ world: walk.world, netns: null, socket: null, packet: pkt, payload: pkt.payload }) : null;
}

/** What comes back from the router or the internet for a packet that reached the router. */
export function answerFromOutside(walk: Walk, segment: Segment, pkt: Packet): ExternalAnswer {
  const gateway = parseIpv4(segment.gateway)!;
  const router = { external: 'router' as const, segment: segment.name };
  if (pkt.dst === gateway) {
    walk.record(router, 'deliver', null, viewOf(pkt), `the LAN router ${segment.gateway} receives it`);
    if (pkt.proto === 'icmp' && pkt.icmpType === ICMP.ECHO_REQUEST) return { kind: 'reply', reply: answerPacket(pkt, 64, { icmpType: ICMP.ECHO_REPLY, seq: pkt.seq, sport: pkt.sport, dport: pkt.dport }) };
    if (pkt.proto === 'udp' && pkt.dport === 53) {
      const a = appAnswer(walk, ROUTER_DNS_SERVICE, pkt, false);
      return a ? { kind: 'reply', reply: answerPacket(pkt, 64, { payload: a.payload, info: a.info, len: a.len ?? pkt.len }), payload: a.payload } : { kind: 'silent', reason: 'the router did not answer the DNS query' };
    }
    if (pkt.proto === 'tcp') return { kind: 'reply', reply: answerPacket(pkt, 64, { tcpFlags: 'R.', len: 40 }) };
    if (pkt.proto === 'udp') return { kind: 'reply', reply: { ...answerPacket(pkt, 64, {}), proto: 'icmp', icmpType: ICMP.DEST_UNREACH, icmpCode: UNREACH.PORT, inner: { ...pkt }, sport: pkt.sport, dport: pkt.sport } };
    return { kind: 'silent', reason: 'the router ignores it' };
  }
  if (pkt.ttl <= 1) {
    walk.record(router, 'drop', null, viewOf(pkt), `TTL ran out at the LAN router ${segment.gateway}: it answers ICMP time exceeded`);
    return { kind: 'reply', reply: icmpFrom(gateway, pkt, ICMP.TIME_EXCEEDED, 0, 64) };
  }
  const lan = parseCidr(segment.cidr)!;
  if (cidrContains(lan, pkt.dst)) return { kind: 'silent', reason: `nothing on the LAN ${segment.cidr} has ${formatIpv4(pkt.dst)}` };
  if (isPrivate(pkt.dst)) return { kind: 'silent', reason: `${formatIpv4(pkt.dst)} is a private address that the internet does not route` };
  const host = internetHostAt(pkt.dst);
  const place = { external: 'internet' as const, segment: segment.name };
  if (!host) {
    walk.record(place, 'drop', null, viewOf(pkt), `no host answers at ${formatIpv4(pkt.dst)} on the internet`);
    return { kind: 'silent', reason: `no host answers at ${formatIpv4(pkt.dst)} on the internet` };
  }
  walk.record(router, 'external', null, viewOf(pkt), `the LAN router NATs it to its public address and sends it to the internet`);
  const path = internetPath(host.ip);
  if (pkt.ttl - 1 <= path.length) {
    const hop = path[pkt.ttl - 2];
    walk.t += (host.rttUs * (pkt.ttl - 1)) / (path.length + 1);
    walk.record(place, 'drop', null, viewOf(pkt), `TTL ran out at ${formatIpv4(hop)} on the way to ${formatIpv4(host.ip)}`);
    return { kind: 'reply', reply: icmpFrom(hop, pkt, ICMP.TIME_EXCEEDED, 0, 250 - pkt.ttl) };
  }
  walk.t += host.rttUs / 2;
  walk.record(place, 'deliver', null, viewOf(pkt), `${host.names[0] ?? formatIpv4(host.ip)} (${formatIpv4(host.ip)}) receives it`);
  walk.t += host.rttUs / 2;
  if (pkt.proto === 'icmp' && pkt.icmpType === ICMP.ECHO_REQUEST) return { kind: 'reply', reply: answerPacket(pkt, host.ttl, { icmpType: ICMP.ECHO_REPLY, seq: pkt.seq, sport: pkt.sport, dport: pkt.dport }) };
  if (pkt.proto === 'udp' && pkt.dport === 53 && host.dns) {
    const a = appAnswer(walk, PUBLIC_DNS_SERVICE, pkt, false);
    return a ? { kind: 'reply', reply: answerPacket(pkt, host.ttl, { payload: a.payload, info: a.info, len: a.len ?? pkt.len }), payload: a.payload } : { kind: 'silent', reason: 'no answer' };
  }
  if (pkt.proto === 'udp' && !(pkt.dport === 53 && host.dns)) return { kind: 'reply', reply: icmpFrom(host.ip, pkt, ICMP.DEST_UNREACH, UNREACH.PORT, host.ttl) };
  if (pkt.proto === 'tcp' && host.tcp.includes(pkt.dport)) {
    const a = appAnswer(walk, INTERNET_WEB_SERVICE, pkt, true);
    return { kind: 'reply', reply: answerPacket(pkt, host.ttl, { tcpFlags: 'S.', len: 60 }), payload: a?.payload };
  }
  return { kind: 'silent', reason: `${formatIpv4(pkt.dst)} does not answer ${pkt.proto}${pkt.proto === 'icmp' ? '' : '/' + pkt.dport} (filtered)` };
}
