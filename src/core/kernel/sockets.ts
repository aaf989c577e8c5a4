// Sockets bound in a namespace (inet_bind / listen): what `ss -tlnp` lists and where the packet walker delivers.
import type { World } from '../world';
import type { Ipv4 } from '../net/ipv4';
import { parseIpv4 } from '../net/ipv4';
import type { Netns, NetnsId, Socket } from './types';

export interface ListenOptions {
  proto: 'tcp' | 'udp';
  /** Local address (dotted quad or number); omitted or 0 means all addresses (0.0.0.0). */
  ip?: string | Ipv4;
  port: number;
  /** The process name `ss -p` shows (`nginx`, `docker-proxy`, `systemd-resolve`). */
  process: string;
  /** A pid; a fresh one from the world when omitted. */
  pid?: number;
  /** The user running a learner-started server (`ss -p` shows the learner their own processes); absent: root. */
  owner?: string;
  /** What answers a connection: an HTTP responder (`nginx`, `httpd`) or a DNS service (`docker-embedded`). */
  service?: string;
  /** Bind to a device (`127.0.0.53%lo`). */
  device?: string;
  /** docker-proxy style forwarding of accepted connections to another address. */
  proxyTo?: { ip: string | Ipv4; port: number };
  /** Also listening on IPv6: a [::] twin (by `v6Pid`'s process when given), or one dual-stack `*` socket. */
  v6?: 'twin' | 'dual';
  v6Pid?: number;
}

/** EADDRINUSE, with the text a server would log. */
export class AddressInUseError extends Error {
  constructor(readonly socket: Socket) {
    super('Address already in use');
  }
}

function ipOf(v: string | Ipv4 | undefined): Ipv4 {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const ip = parseIpv4(v);
  if (ip === null) throw new Error(`bad address ${v}`);
  return ip;
}

/** A socket listening (TCP) or bound (UDP) on this port that would receive a packet for `ip`. */
export function findListener(ns: Netns, proto: 'tcp' | 'udp', ip: Ipv4, port: number): Socket | undefined {
  let wildcard: Socket | undefined;
  for (const s of ns.sockets) {
    if (s.proto !== proto || s.port !== port) continue;
    if (s.ip === ip) return s;
    if (s.ip === 0) wildcard = s;
  }
  return wildcard;
}

/** `listen()`: adds a listener; throws AddressInUseError when the same proto/address/port is taken. */
export function addListener(world: World, netnsId: NetnsId, opts: ListenOptions): Socket {
  const ns = world.state.netns[netnsId];
  if (!ns) throw new Error(`no netns ${netnsId}`);
  const ip = ipOf(opts.ip);
  const clash = ns.sockets.find((s) => s.proto === opts.proto && s.port === opts.port && (s.ip === ip || s.ip === 0 || ip === 0));
  if (clash) throw new AddressInUseError(clash);
  const socket: Socket = { proto: opts.proto, ip, port: opts.port, process: opts.process, pid: opts.pid ?? world.nextPid() };
  if (opts.service !== undefined) socket.service = opts.service;
  if (opts.device !== undefined) socket.device = opts.device;
  if (opts.owner !== undefined) socket.owner = opts.owner;
  if (opts.proxyTo) socket.proxyTo = { ip: ipOf(opts.proxyTo.ip), port: opts.proxyTo.port };
  if (opts.v6) socket.v6 = opts.v6;
  if (opts.v6Pid !== undefined) socket.v6Pid = opts.v6Pid;
  ns.sockets.push(socket);
  world.changed('socket', `${netnsId}:${opts.proto}/${opts.port}`);
  return socket;
}

/** `close()`: removes listeners on proto/port (and address, if given). Returns how many were removed. */
export function removeListener(world: World, netnsId: NetnsId, match: { proto: 'tcp' | 'udp'; port: number; ip?: string | Ipv4 }): number {
  const ns = world.state.netns[netnsId];
  if (!ns) return 0;
  const ip = match.ip === undefined ? undefined : ipOf(match.ip);
  const before = ns.sockets.length;
  ns.sockets = ns.sockets.filter((s) => !(s.proto === match.proto && s.port === match.port && (ip === undefined || s.ip === ip)));
  const removed = before - ns.sockets.length;
  if (removed) world.changed('socket', `${netnsId}:${match.proto}/${match.port}`);
  return removed;
}

/** A process exits: its sockets close. */
export function removeListenersOf(world: World, netnsId: NetnsId, pid: number): number {
  const ns = world.state.netns[netnsId];
  if (!ns) return 0;
  const before = ns.sockets.length;
  ns.sockets = ns.sockets.filter((s) => s.pid !== pid);
  const removed = before - ns.sockets.length;
  if (removed) world.changed('socket', `${netnsId}:pid/${pid}`);
  return removed;
}
