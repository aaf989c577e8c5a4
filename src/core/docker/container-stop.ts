// The end of a container's life: PID 1 exits (by itself, or on stop/kill after its stop signal and timeout),
// networking is released (endpoints, addresses, ports, sandbox), and `--rm` or `docker rm` removes it.
import type { World } from '../world';
import { rfc3339Nano } from '../sim/clock';
import { removeListenersOf } from '../kernel/sockets';
import { DaemonError } from './errors';
import { catalogById } from './image-catalog';
import { containersOf } from './lookup';
import { exitAfterStop, planMainProcess } from './main-process';
import { serviceStopLogs } from './service-logs';
import { containerNetns, releaseNetworking, releaseOrphanNetns } from './container-start';
import { removeContainerFiles } from './etc-files';
import type { Container, DockerEngineState } from './types';

/** PID 1 has exited with `code`: its sockets close, the network is released; `--rm` containers go away. */
export function containerExited(world: World, engine: DockerEngineState, c: Container, code: number, atUs = world.clock.now()): void {
  if (c.state.status !== 'running') return;
  const netns = containerNetns(world, engine, c);
  if (netns) removeListenersOf(world, netns, c.state.pid);
  if (!c.hostConfig.networkMode.startsWith('container:')) releaseNetworking(world, engine, c);
  else releaseOrphanNetns(world, engine, c);
  Object.assign(c.state, { status: 'exited', pid: 0, exitCode: code, finishedAt: rfc3339Nano(atUs, world.rng.int(1000)), finishedUs: atUs, exitAtUs: null });
  world.changed('docker', `${engine.host}:container:${c.id}`);
  if (c.hostConfig.autoRemove) deleteContainer(world, engine, c);
}

/** Containers whose PID 1 ended by itself by now (`sleep 5`, a shell without stdin) are marked exited. */
export function reapContainers(world: World, engine: DockerEngineState): void {
  const now = world.clock.now();
  for (const c of Object.values(containersOf(engine))) {
    if (c.state.status === 'running' && c.state.exitAtUs !== null && c.state.exitAtUs <= now) {
      containerExited(world, engine, c, c.state.exitWith, c.state.exitAtUs);
    }
  }
}

/** docker stop: the stop signal, then SIGKILL after `timeoutS` if PID 1 ignores it (shells and sleep do). */
export function stopContainer(world: World, engine: DockerEngineState, c: Container, signal = '', timeoutS = 10): void {
  if (c.state.status !== 'running') return;
  const plan = planMainProcess(c, catalogById(c.imageId));
  const sig = signal || c.config.stopSignal || 'SIGTERM';
  const code = exitAfterStop(plan, sig);
  world.clock.advance(code === 137 && sig !== 'SIGKILL' ? timeoutS * 1_000_000 + world.rng.int(200_000) : 100_000 + world.rng.int(300_000));
  if (plan.kind === 'service' && code !== 137) c.logs.push(...serviceStopLogs(world, plan.service, sig));
  containerExited(world, engine, c, code);
}

/** docker kill: SIGKILL (or the given signal) right away. */
export function killContainer(world: World, engine: DockerEngineState, c: Container, signal = 'SIGKILL'): void {
  if (c.state.status !== 'running') {
    throw new DaemonError(`container ${c.id} is not running`, 409);
  }
  world.clock.advance(20_000 + world.rng.int(50_000));
  const plan = planMainProcess(c, catalogById(c.imageId));
  containerExited(world, engine, c, signal === 'SIGKILL' || signal === 'KILL' ? 137 : exitAfterStop(plan, signal));
}

/** Drops the record and its files (the state directory under /var/lib/docker/containers). */
function deleteContainer(world: World, engine: DockerEngineState, c: Container): void {
  removeContainerFiles(world, c);
  delete containersOf(engine)[c.id];
  world.changed('docker', `${engine.host}:container:${c.id}`);
}

/** docker rm: a running container needs `force` (then it is killed first). */
export function removeContainer(world: World, engine: DockerEngineState, c: Container, force: boolean): void {
  if (c.state.status === 'running') {
    if (!force) throw new DaemonError(`cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`, 409);
    c.hostConfig.autoRemove = false;
    killContainer(world, engine, c);
  }
  world.clock.advance(20_000 + world.rng.int(60_000));
  deleteContainer(world, engine, c);
}
