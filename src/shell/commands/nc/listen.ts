// `nc -l`: listen on a TCP port (a socket `ss -tlnp` shows as nc's), accept one connection, print what the client
// sends, send stdin's data back, and exit once the stream is over (BusyBox: its stdin and the client both ended;
// OpenBSD: the client has finished sending). -k (OpenBSD) goes back to accept() instead. Ctrl-C ends it.
import type { CommandContext } from '../../types';
import { addListener, AddressInUseError, removeListener, removeListenersOf } from '../../../core/kernel/sockets';
import { closeNetcat, attachNetcat, NETCAT_SERVICE, type NetcatConnection, type NetcatServer } from '../../../core/sim/netcat';
import { formatIpv4 } from '../../../core/net/ipv4';
import { strerror } from './usage';

export interface ListenRequest {
  flavor: 'busybox' | 'openbsd';
  port: number;
  verbose: boolean;
  numeric: boolean;
  keep: boolean;
  /** OpenBSD -N / -q: shut down the write side after stdin's EOF. */
  shutdownOnEof: boolean;
}

const POLL_US = 100_000;

/** Runs the listener until its connection is over or Ctrl-C; returns the exit status. */
export async function listen(ctx: CommandContext, req: ListenRequest): Promise<number> {
  const bb = req.flavor === 'busybox';
  const say = (text: string) => ctx.err(bb ? `nc: ${text}\n` : `nc: ${text}\n`);
  if (req.port < 1024 && ctx.env.user !== 'root') {
    say(bb ? `bind: ${strerror('EACCES', 'musl')}` : strerror('EACCES', 'glibc'));
    return 1;
  }
  const stdinEnded = ctx.stdin !== null;
  const state: { conn: NetcatConnection | null } = { conn: null };
  const server: NetcatServer = {
    send: ctx.stdin ?? '',
    fin: stdinEnded && (bb || req.shutdownOnEof),
    accepted(conn, data) {
      state.conn = conn;
      server.busy = true;
      if (req.verbose) {
        const peer = formatIpv4(conn.client.ip);
        if (bb) ctx.err(`connect to [::ffff:${formatIpv4(conn.local.ip)}]:${conn.local.port} from [::ffff:${peer}]:${conn.client.port} ([::ffff:${peer}]:${conn.client.port})\n`);
        else ctx.err(`Connection received on ${!req.numeric && peer === '127.0.0.1' ? 'localhost' : peer} ${conn.client.port}\n`);
      }
      // BusyBox swaps the listening socket for the accepted one; OpenBSD keeps it open (a backlog nobody reads).
      if (bb) removeListener(ctx.world, ctx.env.netns, { proto: 'tcp', port: req.port });
      if (data) ctx.out(data);
    },
  };
  let socket;
  try {
    socket = addListener(ctx.world, ctx.env.netns, {
      proto: 'tcp', port: req.port, process: 'nc', owner: ctx.env.user, service: NETCAT_SERVICE,
      ...(ctx.interrupt.pid !== undefined ? { pid: ctx.interrupt.pid } : {}),
      // BusyBox binds [::] (dual-stack) when it can; OpenBSD binds 0.0.0.0 without an address.
      ...(bb ? { v6: 'dual' as const } : {}),
    });
  } catch (e) {
    if (!(e instanceof AddressInUseError)) throw e;
    say(bb ? `bind: ${strerror('EADDRINUSE', 'musl')}` : strerror('EADDRINUSE', 'glibc'));
    return 1;
  }
  attachNetcat(socket, server);
  if (req.verbose) ctx.err(bb ? `listening on [::]:${req.port} ...\n` : `Listening on 0.0.0.0 ${req.port}\n`);
  const pid = socket.pid;
  try {
    for (;;) {
      const conn = state.conn;
      // BusyBox exits when stdin and the network have both ended; OpenBSD when the client has stopped sending.
      if (conn && conn.clientFin && (bb ? stdinEnded : true)) {
        closeNetcat(conn.id, 'server');
        if (!req.keep) return 0;
        state.conn = null;
        server.busy = false;
      }
      if (!(await ctx.sleep(POLL_US))) {
        if (bb) ctx.err('punt!\n');
        return 130;
      }
    }
  } finally {
    const conn = state.conn;
    if (conn) closeNetcat(conn.id, 'server');
    removeListenersOf(ctx.world, ctx.env.netns, pid);
  }
}
