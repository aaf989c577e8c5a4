// One captured packet as tcpdump 4.99 prints it: timestamp, then the IP/ARP summary per protocol.
import type { PacketView } from '../../../core/sim/trace';
import { portToService } from '../../../core/kernel/netfilter/services';

/** `HH:MM:SS.uuuuuu` of a simulated µs time (the lab's clock is UTC). */
export function tcpdumpTime(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${String(Math.floor(us % 1_000_000)).padStart(6, '0')}`;
}

/** A stable pseudo-random 32-bit number from the flow (TCP sequence numbers, DNS ids). */
function mix(...xs: (string | number)[]): number {
  let h = 2166136261;
  for (const c of xs.join('|')) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h >>> 0;
}

function endpoint(ip: string, port: number, numeric: boolean): string {
  return `${ip}.${numeric ? port : (portToService(port) ?? port)}`;
}

function icmpText(p: PacketView): string {
  const len = p.len - 20;
  switch (p.icmpType) {
    case 0:
    case 8:
      return `ICMP echo ${p.icmpType === 8 ? 'request' : 'reply'}, id ${p.sport}, seq ${p.seq ?? 0}, length ${len}`;
    case 11:
      return `ICMP time exceeded in-transit, length ${len}`;
    case 3: {
      const i = p.inner;
      if (p.icmpCode === 3 && i) return `ICMP ${i.dst} ${i.proto} port ${i.dport} unreachable, length ${len}`;
      const what = p.icmpCode === 0 ? 'net' : 'host';
      const suffix = p.icmpCode === 13 ? ' - admin prohibited filter' : '';
      return `ICMP ${what} ${i?.dst ?? p.src} unreachable${suffix}, length ${len}`;
    }
    default:
      return `ICMP type-#${p.icmpType}, length ${len}`;
  }
}

export function packetLine(p: PacketView, numeric: boolean): string {
  if (p.proto === 'arp') {
    return p.arpOp === 'request' ? `ARP, Request who-has ${p.dst} tell ${p.src}, length 28` : `ARP, Reply ${p.src} is-at ${p.srcMac}, length 28`;
  }
  if (p.proto === 'icmp') return `IP ${p.src} > ${p.dst}: ${icmpText(p)}`;
  const head = `IP ${endpoint(p.src, p.sport, numeric)} > ${endpoint(p.dst, p.dport, numeric)}:`;
  if (p.proto === 'tcp') {
    const isn = mix(p.src, p.sport, p.dst, p.dport);
    const flags = p.tcpFlags ?? '.';
    if (flags === 'S') return `${head} Flags [S], seq ${isn}, win 64240, options [mss 1460,sackOK,TS val ${isn % 100000000} ecr 0,nop,wscale 7], length 0`;
    const peer = mix(p.dst, p.dport, p.src, p.sport);
    if (flags === 'S.') return `${head} Flags [S.], seq ${isn}, ack ${(peer + 1) >>> 0}, win 65160, options [mss 1460,sackOK,TS val ${isn % 100000000} ecr ${peer % 100000000},nop,wscale 7], length 0`;
    return `${head} Flags [${flags}], seq 0, ack ${(peer + 1) >>> 0}, win 0, length 0`;
  }
  const payload = p.len - 28;
  if ((p.dport === 53 || p.sport === 53) && p.info) {
    const query = p.dport === 53;
    const id = mix(query ? p.src : p.dst, query ? p.sport : p.dport) % 65536;
    return `${head} ${id}${query ? '+' : ''} ${p.info} (${payload})`;
  }
  if (p.info?.startsWith('VXLAN')) return `${head} ${p.info}`;
  return `${head} UDP, length ${payload}`;
}

const PROTO_NUM: Record<string, number> = { icmp: 1, tcp: 6, udp: 17, sctp: 132 };

/** `-v`: the IP header's fields in parentheses (TTL as the packet has it at this hop), the rest on an indented line. */
function verboseLine(p: PacketView, numeric: boolean): string {
  const line = packetLine(p, numeric);
  if (p.proto === 'arp') return line.replace(/^ARP, /, 'ARP, Ethernet (len 6), IPv4 (len 4), ');
  // Linux sets DF on what it sends (path MTU discovery); an echo reply copies no DF. The IP id is the kernel's
  // per-flow counter, drawn here from the flow so that it is stable.
  const df = p.proto === 'icmp' && p.icmpType === 0 ? 'none' : 'DF';
  const id = mix(p.src, p.dst, p.sport, p.dport, p.seq ?? 0) % 65536;
  const proto = `${p.proto.toUpperCase()} (${PROTO_NUM[p.proto] ?? 0})`;
  return `IP (tos 0x0, ttl ${p.ttl}, id ${id}, offset 0, flags [${df}], proto ${proto}, length ${p.len})\n    ${line.replace(/^IP /, '')}`;
}

/** With `-e`: the Ethernet header first (`src > dst, ethertype IPv4 (0x0800), length N: `), then the summary without
 * its `IP `/`ARP, ` label, as tcpdump prints the link level. lo's frames carry all-zero addresses. */
export function frameLine(p: PacketView, numeric: boolean, linkLevel: boolean, verbose = false): string {
  const line = verbose ? verboseLine(p, numeric) : packetLine(p, numeric);
  if (!linkLevel) return line;
  const src = p.srcMac ?? '00:00:00:00:00:00';
  const dst = p.dstMac ?? '00:00:00:00:00:00';
  if (p.proto === 'arp') return `${src} > ${dst}, ethertype ARP (0x0806), length 42: ${line.replace(/^ARP, /, '')}`;
  return `${src} > ${dst}, ethertype IPv4 (0x0800), length ${p.len + 14}: ${line.replace(/^IP /, '')}`;
}
