// netcat as a container's main process: `nc -l -p PORT` (BusyBox) or `nc -l PORT` (OpenBSD, in netshoot) listens in
// the container's namespace from the start; what it receives goes to the container's stdout (`docker logs`). Its
// stdin is /dev/null unless the container keeps it open (-i), so it has nothing to send, and once the client has
// finished sending it exits with status 0, as nc does without -k, which ends the container.
import type { World } from '../world';
import { addListener, AddressInUseError, removeListener } from '../kernel/sockets';
import { netcatListenSpec, type NetcatFlavor } from '../sim/netcat-options';
import { closeNetcat, netcatAccept, type NetcatConnection, type NetcatServer } from '../sim/netcat';
import { registerTcpResponder, type AppRequest } from '../sim/apps';
import { catalogById } from './image-catalog';
import { effectiveArgv } from './main-process';
import type { Container } from './types';

export const CONTAINER_NETCAT_SERVICE = 'container-netcat';

function flavorOf(c: Container): NetcatFlavor {
  return catalogById(c.imageId)?.flavor === 'debian' ? 'openbsd' : 'busybox';
}

function isNetcat(argv0: string | undefined): boolean {
  const name = (argv0 ?? '').slice((argv0 ?? '').lastIndexOf('/') + 1);
  return name === 'nc' || name === 'netcat';
}

/**
 * Starts PID 1's listener when a detached container's command is `nc -l ...`; returns whether it did. (An attached
 * `docker run` runs the program itself, with the terminal.)
 */
export function startNetcatMain(world: World, netns: string | null, c: Container, argv: string[]): boolean {
  if (!netns || c.config.attachStdout || !isNetcat(argv[0])) return false;
  const flavor = flavorOf(c);
  const spec = netcatListenSpec(argv.slice(1), flavor);
  if (!spec) return false;
  try {
    addListener(world, netns, { proto: 'tcp', port: spec.port, process: 'nc', pid: c.state.pid, service: CONTAINER_NETCAT_SERVICE, ...(flavor === 'busybox' ? { v6: 'dual' as const } : {}) });
  } catch (e) {
    if (!(e instanceof AddressInUseError)) throw e;
    const now = world.clock.now();
    c.logs.push({ stream: 'stderr', text: flavor === 'busybox' ? 'nc: bind: Address in use\n' : 'nc: Address already in use\n', us: now });
    c.state.exitAtUs = now + 1_000;
    c.state.exitWith = 1;
  }
  return true;
}

/** The running container whose PID 1 owns the socket that took the connection. */
function ownerOf(world: World, netns: string | null, pid: number | undefined): Container | undefined {
  const ns = netns ? world.state.netns[netns] : undefined;
  const engine = ns && world.state.docker[ns.host];
  return Object.values(engine?.containers ?? {}).find((c) => c.state.status === 'running' && c.state.pid === pid);
}

/** Listening sockets whose PID 1 is serving a connection (process state): later clients wait in the backlog. */
const serving = new Set<string>();

/** PID 1 has read the client's EOF: it closes and exits 0 (with -k, OpenBSD goes back to accept()). */
function finish(world: World, netns: string, containerId: string, conn: NetcatConnection, keep: boolean, key: string): void {
  closeNetcat(conn.id, 'server');
  serving.delete(key);
  const host = world.state.netns[netns]?.host ?? '';
  const c = world.state.docker[host]?.containers?.[containerId];
  if (!c || c.state.status !== 'running' || keep) return;
  c.state.exitAtUs = world.clock.now();
  c.state.exitWith = 0;
  world.changed('docker', `${host}:container:${c.id}`);
}

function respond(r: AppRequest) {
  const c = ownerOf(r.world, r.netns, r.socket?.pid);
  if (!c || !r.netns || !r.socket) return netcatAccept(r, undefined);
  const { world } = r;
  const netns = r.netns;
  const flavor = flavorOf(c);
  const spec = netcatListenSpec(effectiveArgv(c).slice(1), flavor) ?? { port: r.socket.port, keep: false, verbose: false };
  const stdinOpen = c.config.openStdin;
  const key = `${netns}:${r.socket.port}:${c.state.pid}`;
  const server: NetcatServer = {
    send: '',
    // BusyBox shuts down its write side on stdin's EOF; OpenBSD only with -N.
    fin: !stdinOpen && flavor === 'busybox',
    busy: serving.has(key),
    accepted(conn, data) {
      serving.add(key);
      if (data) c.logs.push({ stream: 'stdout', text: data, us: world.clock.now() });
      // BusyBox replaces the listening socket with the accepted one; OpenBSD keeps it (a backlog nobody reads).
      if (flavor === 'busybox') removeListener(world, netns, { proto: 'tcp', port: conn.local.port });
      if (conn.clientFin && !stdinOpen) finish(world, netns, c.id, conn, spec.keep, key);
    },
    peerClosed(conn) {
      if (!stdinOpen) finish(world, netns, c.id, conn, spec.keep, key);
    },
  };
  return netcatAccept(r, server);
}

registerTcpResponder(CONTAINER_NETCAT_SERVICE, respond);
