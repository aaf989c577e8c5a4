// A container's PID namespace (CLONE_NEWPID): its main process is PID 1 and every later process in it (a
// `docker exec`, a command its shell runs) takes the next number, as alloc_pid hands them out in a fresh namespace.
import type { World } from '../world';

/** The PID the next process started in container `containerId` has inside the container (what getpid() returns). */
export function allocContainerPid(world: World, host: string, containerId: string): number {
  const c = world.state.docker[host]?.containers?.[containerId];
  if (!c) return world.nextPid();
  c.state.lastPid = Math.max(c.state.lastPid ?? 1, 1) + 1;
  world.changed('docker', `${host}:container:${containerId}`);
  return c.state.lastPid;
}
