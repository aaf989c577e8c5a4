// Applications behind sockets: what a UDP service (a DNS server) or a TCP service (a web server) answers.
// Sockets name their service (`socket.service`); responders are registered here by that name.
import type { World } from '../world';
import type { Socket } from '../kernel/types';
import type { Packet } from '../kernel/packet';

/** A request as the serving application sees it. */
export interface AppRequest {
  world: World;
  /** The serving namespace, or null for the LAN router / the internet. */
  netns: string | null;
  socket: Socket | null;
  /** The packet as delivered (after any NAT on the way). */
  packet: Packet;
  payload: unknown;
}

/** What the application sends back; `info` is how tcpdump describes it. */
export interface AppAnswer {
  payload: unknown;
  info?: string;
  len?: number;
}

/** Returns the answer, or null to stay silent (the client will time out). */
export type Responder = (req: AppRequest) => AppAnswer | null;

const udp = new Map<string, Responder>();
const tcp = new Map<string, Responder>();

/** Registers what a UDP service answers (`registerDnsService` builds on this). */
export function registerUdpResponder(service: string, fn: Responder): void {
  udp.set(service, fn);
}

/** Registers what a TCP service answers once connected (an HTTP server for curl/wget). */
export function registerTcpResponder(service: string, fn: Responder): void {
  tcp.set(service, fn);
}

export function udpResponder(service: string | undefined): Responder | undefined {
  return service === undefined ? undefined : udp.get(service);
}

export function tcpResponder(service: string | undefined): Responder | undefined {
  return service === undefined ? undefined : tcp.get(service);
}
