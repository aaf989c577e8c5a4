// netcat's TCP stream between two processes: a listener (`nc -l`) accepts one connection, each side sends what its
// stdin holds and may shut down its write side (FIN) after it, and either side closing its socket ends the stream.
// Connections and the listening processes behind sockets are process state (kept here, not in the world), like the
// terminals python-http writes to.
import type { Socket } from '../kernel/types';
import type { Ipv4 } from '../net/ipv4';
import { registerTcpResponder, type AppAnswer, type AppRequest } from './apps';

export const NETCAT_SERVICE = 'netcat';

/** What a netcat client sends with its SYN (the lab carries the whole stream with the handshake). */
export interface NetcatRequest {
  data: string;
  /** Its stdin ended after `data` and it shuts down its write side (BusyBox always; OpenBSD with -N or -q). */
  fin: boolean;
}

/** What comes back: the stream's id (null when nobody accept()s it yet), the listener's data and its FIN. */
export interface NetcatReply {
  conn: number | null;
  data: string;
  fin: boolean;
}

export interface NetcatConnection {
  id: number;
  /** The client's address and port as the listener sees them (after any NAT). */
  client: { ip: Ipv4; port: number };
  /** The address the client reached. */
  local: { ip: Ipv4; port: number };
  clientFin: boolean;
  serverFin: boolean;
  /** A side's process has closed its socket (it exited, or Ctrl-C). */
  clientClosed: boolean;
  serverClosed: boolean;
  server: NetcatServer;
}

/** The process behind a listening socket. */
export interface NetcatServer {
  /** What its stdin holds for the peer, and whether EOF follows (it then shuts down its write side). */
  send: string;
  fin: boolean;
  /** Already serving a connection: the kernel completes new handshakes into the backlog, nobody reads them. */
  busy?: boolean;
  /** A connection was accepted with what the client sent; the server may close it at once (`closeNetcat`). */
  accepted(conn: NetcatConnection, data: string): void;
  /** The client shut down or closed its side later on. */
  peerClosed?(conn: NetcatConnection): void;
}

const servers = new WeakMap<Socket, NetcatServer>();
const connections = new Map<number, NetcatConnection>();
let lastId = 0;

/** The process `server` listens on `socket` (service NETCAT_SERVICE). */
export function attachNetcat(socket: Socket, server: NetcatServer): void {
  servers.set(socket, server);
}

export function netcatConnection(id: number | null): NetcatConnection | undefined {
  return id === null ? undefined : connections.get(id);
}

/** The process on `side` closes its socket: the other side reads EOF. */
export function closeNetcat(id: number | null, side: 'client' | 'server'): void {
  const conn = netcatConnection(id);
  if (!conn) return;
  if (side === 'client') {
    if (conn.clientClosed) return;
    conn.clientClosed = conn.clientFin = true;
    conn.server.peerClosed?.(conn);
  } else {
    conn.serverClosed = conn.serverFin = true;
  }
  if (conn.clientClosed && conn.serverClosed) connections.delete(conn.id);
}

/** The client's request as a netcat stream (other clients, such as curl, send no data and no FIN). */
export function netcatRequestOf(payload: unknown): NetcatRequest {
  const nc = (payload as { netcat?: NetcatRequest } | undefined)?.netcat;
  return nc ?? { data: '', fin: false };
}

/** accept(): a connection for `server`, or the backlog when it is busy; the answer carries its reply. */
export function netcatAccept(r: AppRequest, server: NetcatServer | undefined): AppAnswer {
  if (!server || server.busy) return { payload: { netcat: { conn: null, data: '', fin: false } satisfies NetcatReply } };
  const req = netcatRequestOf(r.payload);
  const conn: NetcatConnection = {
    id: ++lastId,
    client: { ip: r.packet.src, port: r.packet.sport },
    local: { ip: r.packet.dst, port: r.packet.dport },
    clientFin: req.fin, serverFin: server.fin, clientClosed: false, serverClosed: false, server,
  };
  connections.set(conn.id, conn);
  server.accepted(conn, req.data);
  const reply: NetcatReply = { conn: conn.id, data: server.send, fin: conn.serverFin || conn.serverClosed };
  return { payload: { netcat: reply } };
}

registerTcpResponder(NETCAT_SERVICE, (r) => netcatAccept(r, r.socket ? servers.get(r.socket) : undefined));
