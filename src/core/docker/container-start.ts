// POST /containers/{id}/start: build the sandbox and join its networks (initializeNetworking / connectToNetwork),
// publish ports on the gateway endpoint, write the /etc files, set up the embedded resolver, then run PID 1.
import type { World } from '../world';
import { rfc3339Nano } from '../sim/clock';
import { AddressInUseError, addListener } from '../kernel/sockets';
import { DaemonError } from './errors';
import { catalogById, imageHasExecutable } from './image-catalog';
import { findNetwork, getContainer } from './lookup';
import { createSandbox, deleteSandbox, gatewayEndpoint } from './sandbox';
import { deleteNetns } from '../kernel/netns';
import { isUserDefined, joinNetwork, leaveNetwork } from './endpoint';
import { publishPorts, unpublishPorts } from './port-mapping';
import { writeEtcFiles } from './etc-files';
import { startResolver } from './embedded-dns';
import { effectiveArgv, planMainProcess } from './main-process';
import { serviceStartLogs } from './service-logs';
import './access-log';
import { startNetcatMain } from './netcat-main';
import { checkLinks } from './legacy-links';
import type { Container, DockerEngineState, Sandbox } from './types';

/** The namespace a container's processes run in (its sandbox, the host's, or the one it joined). */
export function containerNetns(world: World, engine: DockerEngineState, c: Container): string | null {
  const mode = c.hostConfig.networkMode;
  if (mode.startsWith('container:')) {
    if (c.orphanNetns) return c.orphanNetns;
    const target = engine.containers?.[mode.slice(10)];
    return target ? containerNetns(world, engine, target) : null;
  }
  const sb = c.sandboxId ? engine.sandboxes[c.sandboxId] : undefined;
  return sb?.netns ?? null;
}

/** Joins every network the container asked for; renames entries to the networks' real names. */
function joinNetworks(world: World, engine: DockerEngineState, c: Container, sb: Sandbox): void {
  const entries = Object.entries(c.networks);
  // Resolve first so an unknown network fails before anything is plumbed.
  const resolved = entries.map(([name, e]) => ({ n: e.networkId ? (engine.networks[e.networkId] ?? findNetwork(engine, name)) : findNetwork(engine, name), e }));
  c.networks = {};
  for (const { n, e } of resolved) {
    const ep = joinNetwork(world, engine, c, sb, n, e.request);
    c.networks[n.name] = { networkId: n.id, endpointId: ep.id, request: e.request };
  }
}

/** Undoes joinNetworks and the sandbox (a failed start, or a stop). */
export function releaseNetworking(world: World, engine: DockerEngineState, c: Container): void {
  unpublishPorts(world, engine, c);
  for (const entry of Object.values(c.networks)) {
    const ep = engine.endpoints[entry.endpointId];
    if (ep) leaveNetwork(world, engine, ep);
    entry.endpointId = '';
  }
  const sb = c.sandboxId ? engine.sandboxes[c.sandboxId] : undefined;
  if (sb) {
    // Containers sharing this namespace keep it (with only `lo` left), as their processes still hold it.
    const sharers = Object.values(engine.containers ?? {}).filter((o) => o.state.status === 'running' && o.hostConfig.networkMode === `container:${c.id}` && !o.orphanNetns);
    for (const o of sharers) o.orphanNetns = sb.netns;
    deleteSandbox(world, engine, sb, sharers.length > 0);
  }
  c.sandboxId = null;
}

/** A `container:` mode container ends: the namespace it was left holding goes when nobody else holds it. */
export function releaseOrphanNetns(world: World, engine: DockerEngineState, c: Container): void {
  const ns = c.orphanNetns;
  c.orphanNetns = null;
  if (!ns) return;
  const holders = Object.values(engine.containers ?? {}).some((o) => o !== c && o.orphanNetns === ns && o.state.status === 'running');
  if (!holders && world.state.netns[ns]) deleteNetns(world, ns);
}

/** Publishes ports on the sandbox's gateway endpoint (bridge networks only). */
export function programExternalConnectivity(world: World, engine: DockerEngineState, c: Container): void {
  unpublishPorts(world, engine, c);
  const sb = c.sandboxId ? engine.sandboxes[c.sandboxId] : undefined;
  const gw = sb && gatewayEndpoint(engine, sb);
  // Only the bridge driver maps ports; macvlan and ipvlan containers are reached on their own addresses.
  if (!gw || engine.networks[gw.networkId].driver !== 'bridge') return;
  publishPorts(world, engine, c, gw, engine.networks[gw.networkId]);
}

function setupNetworking(world: World, engine: DockerEngineState, c: Container): void {
  const mode = c.hostConfig.networkMode;
  if (mode.startsWith('container:')) {
    const target = getContainer(engine, mode.slice(10));
    if (target.state.status !== 'running') throw new DaemonError(`cannot join network of a non running container: ${target.id}`, 409);
    c.config.hostname = target.config.hostname;
    return;
  }
  const sb = createSandbox(world, engine, c, mode === 'host' ? 'host' : mode === 'none' ? 'none' : 'bridge');
  c.sandboxId = sb.id;
  joinNetworks(world, engine, c, sb);
  programExternalConnectivity(world, engine, c);
  if (Object.values(c.networks).some((e) => isUserDefined(engine.networks[e.networkId]))) startResolver(world, engine, sb);
}

/** Starts PID 1: a service binds its ports in the container's namespace and logs its start-up. */
function startMainProcess(world: World, engine: DockerEngineState, c: Container): void {
  const image = catalogById(c.imageId);
  const plan = planMainProcess(c, image);
  c.state.exitAtUs = null;
  c.state.exitWith = 0;
  if (plan.kind === 'timed') c.state.exitAtUs = world.clock.now() + plan.seconds * 1_000_000;
  if (plan.kind === 'shell' && !plan.lives) c.state.exitAtUs = world.clock.now() + 20_000;
  if (plan.kind === 'shell' && plan.lives && c.config.tty) c.logs.push({ stream: 'stdout', text: plan.shell === 'bash' ? `root@${c.config.hostname}:/# ` : '/ # ', us: world.clock.now() });
  if (plan.kind === 'forever') startNetcatMain(world, containerNetns(world, engine, c), c, effectiveArgv(c));
  if (plan.kind !== 'service') return;
  const netns = containerNetns(world, engine, c)!;
  const ip = Object.values(c.networks).map((e) => engine.endpoints[e.endpointId]?.ipv4.split('/')[0]).find(Boolean) ?? '';
  try {
    for (const l of plan.service.listen) addListener(world, netns, { proto: l.proto, port: l.port, process: plan.service.process, pid: c.state.pid, service: l.service, v6: l.v6 });
  } catch (e) {
    if (!(e instanceof AddressInUseError)) throw e;
    const logs = serviceStartLogs(world, c, plan.service, ip, true);
    c.logs.push(...logs);
    // The server exits once it has given up (nginx retries its binds for 2.5 s first).
    c.state.exitAtUs = Math.max(world.clock.now() + 30_000, ...logs.map((l) => l.us + 1_000));
    c.state.exitWith = 1;
    return;
  }
  c.logs.push(...serviceStartLogs(world, c, plan.service, ip, false));
  // The master forks its workers (nginx: one per CPU, PIDs 29 and 30 after the entrypoint's scripts; httpd: 3 children).
  const nsPids = SERVICE_CHILDREN[plan.service.process] ?? [];
  c.state.children = nsPids.map((nsPid) => ({ pid: world.nextPid(), nsPid }));
  if (nsPids.length) c.state.lastPid = nsPids[nsPids.length - 1];
}

/** PIDs (in the container) of the processes a service's master starts. */
export const SERVICE_CHILDREN: Record<string, number[]> = { nginx: [29, 30], httpd: [8, 9, 10] };

/** The OCI runtime's error when PID 1's executable is not in the image (the container stays `Created`). */
function missingExecutable(c: Container): string | null {
  const argv = effectiveArgv(c);
  if (argv.length === 0) return 'no command specified';
  const image = catalogById(c.imageId);
  const name = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  if (image && imageHasExecutable(image, name)) return null;
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`;
}

/**
 * Starts a created or stopped container; throws DaemonError (leaving it as it was, with the exit code dockerd
 * records: 127 for a missing executable, 128 for other start failures) when it cannot.
 */
export function startContainer(world: World, engine: DockerEngineState, c: Container): void {
  if (c.state.status === 'running') return;
  world.clock.advance(150_000 + world.rng.int(250_000));
  const missing = missingExecutable(c);
  if (missing) {
    Object.assign(c.state, { exitCode: 127, error: missing });
    throw new DaemonError(missing, 400);
  }
  try {
    checkLinks(engine, c);
    setupNetworking(world, engine, c);
  } catch (e) {
    releaseNetworking(world, engine, c);
    if (e instanceof DaemonError) Object.assign(c.state, { exitCode: 128, error: e.message });
    throw e;
  }
  writeEtcFiles(world, engine, c);
  const now = world.clock.now();
  // containerd starts the shim first; the shim's runc starts PID 1.
  const shimPid = world.nextPid();
  Object.assign(c.state, { status: 'running', shimPid, pid: world.nextPid(), lastPid: 1, children: [], execs: [], exitCode: 0, error: '', startedAt: rfc3339Nano(now, world.rng.int(1000)), startedUs: now });
  startMainProcess(world, engine, c);
  world.changed('docker', `${engine.host}:container:${c.id}`);
}
