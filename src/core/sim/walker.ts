// The packet walker: sends one ICMP echo, TCP connection attempt or UDP datagram from a namespace, lets the
// destination (a socket, the echo responder, the router, the internet) answer, carries the answer back, and
// returns the trace of both ways with a plain-words reason. Every walk is also a world event for the UI.
import type { World } from '../world';
import type { Netns, NetnsId } from '../kernel/types';
import { ICMP, UNREACH, type IpProto, type Packet } from '../kernel/packet';
import { formatIpv4, parseIpv4, type Ipv4 } from '../net/ipv4';
import { findListener } from '../kernel/sockets';
import { icmpError, sendFromRouter, sendLocal, type Arrival, type Origin } from './ip-stack';
import { answerFromOutside } from './external';
import { tcpResponder, udpResponder } from './apps';
import './http';
import './python-http';
import './redis';
import './netcat';
import { viewOf, Walk } from './walk-context';
import type { PacketTrace, TraceOutcome } from './trace';

export interface WalkRequest {
  from: NetnsId;
  proto: IpProto;
  dst: Ipv4 | string;
  /** TCP/UDP destination port. */
  dport?: number;
  /** Source port (TCP/UDP) or echo id (ICMP); an ephemeral one is chosen when omitted. */
  sport?: number;
  /** Source address; chosen by routing when omitted. */
  src?: Ipv4;
  ttl?: number;
  /** ICMP echo sequence number. */
  seq?: number;
  /** Payload bytes (ICMP data, UDP payload); sets the packet length. */
  size?: number;
  payload?: unknown;
  info?: string;
  /** Emit the trace as a `packet` world event (default true). */
  emit?: boolean;
}

/** A walk id: the instant, and how many walks came before at that instant (kept in the world, so restores agree). */
function walkId(world: World): number {
  const now = world.clock.now();
  const last = world.state.walker;
  const n = last && last.us === now ? last.n + 1 : 0;
  world.state.walker = { us: now, n };
  return (Math.floor(now / 1000) ^ (n * 7919)) >>> 0;
}

function ephemeralPort(world: World, proto: IpProto): number {
  // The kernel picks from ip_local_port_range (32768-60999); ICMP echo ids are 16-bit.
  return proto === 'icmp' ? 1 + world.rng.int(65535) : 32768 + world.rng.int(28232);
}

function buildPacket(world: World, req: WalkRequest): Packet {
  const dst = typeof req.dst === 'string' ? parseIpv4(req.dst) : req.dst;
  if (dst === null) throw new Error(`bad address ${String(req.dst)}`);
  const id = req.sport ?? ephemeralPort(world, req.proto);
  const size = req.size ?? (req.proto === 'icmp' ? 56 : 0);
  const p: Packet = { proto: req.proto, src: req.src ?? 0, dst, sport: id, dport: req.proto === 'icmp' ? id : (req.dport ?? 0), ttl: req.ttl ?? 64, len: 20 + (req.proto === 'tcp' ? 40 : 8) + size };
  if (req.proto === 'icmp') {
    p.icmpType = ICMP.ECHO_REQUEST;
    p.seq = req.seq ?? 1;
  }
  if (req.proto === 'tcp') p.tcpFlags = 'S';
  if (req.payload !== undefined) p.payload = req.payload;
  if (req.info !== undefined) p.info = req.info;
  return p;
}

type Answer = { kind: 'reply'; from: Origin; reply: Packet; payload?: unknown; what: string } | { kind: 'none'; outcome: TraceOutcome; reason: string };

/** What the destination namespace's stack or application sends back. */
function answerLocal(walk: Walk, ns: Netns, pkt: Packet): Answer {
  const back = (extra: Partial<Packet>): Packet => ({ proto: pkt.proto, src: pkt.dst, dst: pkt.src, sport: pkt.dport, dport: pkt.sport, ttl: 64, len: pkt.len, ...extra });
  if (pkt.proto === 'icmp') {
    if (pkt.icmpType !== ICMP.ECHO_REQUEST) return { kind: 'none', outcome: 'dropped', reason: 'an ICMP message that needs no answer' };
    walk.record(ns, 'deliver', null, viewOf(pkt), `${walk.label(ns)} answers the echo request`);
    return { kind: 'reply', from: { ns }, reply: back({ icmpType: ICMP.ECHO_REPLY, seq: pkt.seq, sport: pkt.sport, dport: pkt.dport }), what: `echo reply from ${formatIpv4(pkt.dst)}` };
  }
  const sock = findListener(ns, pkt.proto, pkt.dst, pkt.dport);
  const port = `${pkt.proto}/${pkt.dport}`;
  if (!sock) {
    walk.record(ns, 'deliver', null, viewOf(pkt), `nothing listens on ${port} in ${walk.label(ns)}`);
    if (pkt.proto === 'tcp') return { kind: 'reply', from: { ns }, reply: back({ tcpFlags: 'R.', len: 40 }), what: `connection refused: nothing listens on ${port} in ${walk.label(ns)}` };
    return { kind: 'reply', from: { ns }, reply: icmpError(ns, pkt, ICMP.DEST_UNREACH, UNREACH.PORT, null), what: `port unreachable: nothing listens on ${port} in ${walk.label(ns)}` };
  }
  walk.record(ns, 'deliver', null, viewOf(pkt), `${sock.process} (pid ${sock.pid}) receives it on ${port} in ${walk.label(ns)}`);
  const appReq = { world: walk.world, netns: ns.id, socket: sock, packet: pkt, payload: pkt.payload };
  if (pkt.proto === 'udp') {
    const a = udpResponder(sock.service)?.(appReq) ?? null;
    if (!a) return { kind: 'none', outcome: 'dropped', reason: `${sock.process} got the datagram but sent no answer` };
    return { kind: 'reply', from: { ns }, reply: back({ payload: a.payload, info: a.info, len: a.len ?? pkt.len }), payload: a.payload, what: `${sock.process} answered from ${formatIpv4(pkt.dst)}:${pkt.dport}` };
  }
  let payload: unknown;
  if (sock.proxyTo) {
    walk.depth++;
    const inner = walkInternal(walk.world, { from: ns.id, proto: 'tcp', dst: sock.proxyTo.ip, dport: sock.proxyTo.port, payload: pkt.payload, info: pkt.info, emit: false }, walk.depth);
    walk.depth--;
    walk.hops.push(...inner.hops.map((h) => ({ ...h, atUs: h.atUs + Math.round(walk.t) })));
    walk.t += inner.rttUs ?? 0;
    payload = inner.outcome === 'replied' ? inner.payload : { proxyError: inner.reason };
  } else {
    payload = tcpResponder(sock.service)?.(appReq)?.payload;
  }
  return { kind: 'reply', from: { ns }, reply: back({ tcpFlags: 'S.', len: 60 }), payload, what: `${sock.process} accepted the connection on ${formatIpv4(pkt.dst)}:${pkt.dport}` };
}

/** Plain words for what came back from outside the hosts. */
function describeAnswer(reply: Packet, req: Packet): string {
  const from = formatIpv4(reply.src);
  if (reply.proto === 'tcp') return reply.tcpFlags === 'R.' ? `${from} refused the connection (TCP reset): nothing listens on tcp/${req.dport}` : `${from} accepted the connection on tcp/${req.dport}`;
  if (reply.proto === 'udp') return `${from} answered on udp/${req.dport}`;
  if (reply.icmpType === ICMP.ECHO_REPLY) return `echo reply from ${from}`;
  if (reply.icmpType === ICMP.TIME_EXCEEDED) return `TTL ran out: ${from} answered ICMP time exceeded`;
  return reply.icmpCode === UNREACH.PORT ? `${from} answered ICMP port unreachable: nothing listens on ${req.proto}/${req.dport}` : `${from} answered ICMP destination unreachable (code ${reply.icmpCode})`;
}

function bounceOutcome(reply: Packet): TraceOutcome {
  if (reply.proto === 'tcp') return 'refused';
  if (reply.icmpType === ICMP.TIME_EXCEEDED) return 'ttl-exceeded';
  if (reply.icmpType === ICMP.DEST_UNREACH) return reply.icmpCode === UNREACH.PORT ? 'refused' : 'unreachable';
  return 'replied';
}

function carryBack(walk: Walk, from: Origin, reply: Packet): Arrival {
  walk.direction = 'reply';
  return 'ns' in from ? sendLocal(walk, from.ns, reply) : sendFromRouter(walk, from.router, reply);
}

function walkInternal(world: World, req: WalkRequest, depth: number): PacketTrace {
  const walk = new Walk(world, walkId(world));
  walk.depth = depth;
  const ns = world.state.netns[req.from];
  if (!ns) throw new Error(`no netns ${req.from}`);
  const pkt = buildPacket(world, req);
  const trace: PacketTrace = {
    id: walk.id, request: { from: req.from, proto: req.proto, dst: formatIpv4(pkt.dst), dport: req.proto === 'icmp' ? null : pkt.dport },
    hops: walk.hops, outcome: 'dropped', reason: '', rttUs: null, replyTtl: null, replyFrom: null, srcIp: null,
  };
  const finish = (outcome: TraceOutcome, reason: string, extra: Partial<PacketTrace> = {}): PacketTrace => {
    Object.assign(trace, { outcome, reason, ...extra });
    if (req.emit !== false && depth === 0) world.emit({ type: 'packet', trace });
    return trace;
  };
  const arrival = depth > 4 ? ({ kind: 'dropped', reason: 'too many nested connections' } as Arrival) : sendLocal(walk, ns, pkt);
  const srcIp = walk.srcIp ?? 0;
  trace.srcIp = walk.srcIp !== undefined ? formatIpv4(walk.srcIp) : null;
  let answer: Answer;
  switch (arrival.kind) {
    case 'local-error':
      return finish(arrival.errno === 'ENETUNREACH' ? 'no-route' : 'unreachable', arrival.reason, { replyFrom: arrival.icmpFrom !== undefined ? formatIpv4(arrival.icmpFrom) : null, payload: { errno: arrival.errno } });
    case 'dropped':
      return finish('dropped', arrival.reason);
    case 'bounce':
      answer = { kind: 'reply', from: arrival.from, reply: arrival.reply, what: arrival.reason };
      break;
    case 'local':
      answer = answerLocal(walk, arrival.ns, arrival.pkt);
      break;
    case 'external': {
      const a = answerFromOutside(walk, arrival.segment, arrival.pkt);
      answer = a.kind === 'reply' ? { kind: 'reply', from: { router: arrival.segment }, reply: a.reply, payload: a.payload, what: describeAnswer(a.reply, arrival.pkt) } : { kind: 'none', outcome: 'dropped', reason: a.reason };
      break;
    }
  }
  if (answer.kind === 'none') return finish(answer.outcome, answer.reason);
  const replyFrom = formatIpv4(answer.reply.src);
  const back = carryBack(walk, answer.from, answer.reply);
  if (back.kind !== 'local' || back.ns !== ns || back.pkt.dst !== srcIp) {
    const why = 'reason' in back ? back.reason : back.kind === 'local' ? `it was delivered to ${walk.label(back.ns)} instead` : 'it left for the outside';
    return finish('reply-dropped', `the answer (${answer.what}) never came back: ${why}`);
  }
  const isError = answer.reply.tcpFlags === 'R.' || (answer.reply.proto === 'icmp' && answer.reply.icmpType !== ICMP.ECHO_REPLY);
  const outcome = isError ? bounceOutcome(answer.reply) : 'replied';
  const reason = arrival.kind === 'bounce' ? `${arrival.reason}; ${replyFrom} said so` : answer.what;
  const icmpError = answer.reply.proto === 'icmp' && answer.reply.icmpType !== ICMP.ECHO_REPLY ? { type: answer.reply.icmpType ?? 0, code: answer.reply.icmpCode ?? 0 } : undefined;
  return finish(outcome, reason, { rttUs: Math.round(walk.t), replyTtl: back.pkt.ttl, replyFrom: formatIpv4(back.pkt.src), payload: answer.payload ?? back.pkt.payload, ...(icmpError ? { icmpError } : {}) });
}

/** Walks one request and its answer. Deterministic for a world state; never throws for unreachable targets. */
export function walk(world: World, req: WalkRequest): PacketTrace {
  return walkInternal(world, req, 0);
}

/** For lesson checks: does `dst` (and `port`, TCP when given) answer from `fromNetns`? */
export function reachable(world: World, fromNetns: NetnsId, dst: Ipv4 | string, port?: number): { ok: boolean; trace: PacketTrace } {
  const trace = walk(world, port === undefined ? { from: fromNetns, proto: 'icmp', dst, emit: false } : { from: fromNetns, proto: 'tcp', dst, dport: port, emit: false });
  return { ok: trace.outcome === 'replied', trace };
}
