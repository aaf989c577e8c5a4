// POST /containers/create as dockerd 27 runs it: name checks, network-mode conflicts (runconfig), endpoint settings
// validation, and the container record with its resolved main process (entrypoint + cmd over the image's).
import type { World } from '../world';
import { rfc3339Nano } from '../sim/clock';
import { DaemonError } from './errors';
import { endpointSettingsError } from './endpoint-settings';
import type { CatalogImage } from './image-catalog';
import { containersOf, findContainer } from './lookup';
import { randomContainerName } from './names';
import { registerLinks } from './legacy-links';
import { newObjectId } from './engine';
import type { Container, DockerEngineState, EndpointRequest, PortBinding } from './types';

/** The container config the CLI sends (Config + HostConfig + NetworkingConfig, reduced to what the lab uses). */
export interface ContainerCreateRequest {
  name: string;
  /** The image reference as typed. */
  image: string;
  cmd: string[] | null;
  /** null: the image's; `['']`: reset with `--entrypoint=`. */
  entrypoint: string[] | null;
  hostname: string;
  domainname: string;
  user: string;
  tty: boolean;
  openStdin: boolean;
  attachStdin: boolean;
  attachStdout: boolean;
  attachStderr: boolean;
  env: string[];
  workingDir: string;
  labels: Record<string, string>;
  exposedPorts: string[];
  macAddress: string;
  networkMode: string;
  portBindings: Record<string, PortBinding[]>;
  publishAllPorts: boolean;
  autoRemove: boolean;
  dns: string[];
  dnsSearch: string[];
  dnsOptions: string[];
  extraHosts: string[];
  links: string[];
  restartPolicy: string;
  privileged: boolean;
  stopSignal: string;
  /** NetworkingConfig.EndpointsConfig by network name. */
  endpoints: Record<string, EndpointRequest>;
}

export const ZERO_TIME = '0001-01-01T00:00:00Z';


/** verifyContainerSettings (runconfig validateNetMode/validateNetContainerMode): checked before the image is looked up. */
export function validateHostConfig(engine: DockerEngineState, req: ContainerCreateRequest): string[] {
  useDefaultNetwork(req);
  const mode = req.networkMode;
  const warnings: string[] = [];
  if (mode.startsWith('container:')) {
    if (req.hostname) throw new DaemonError('conflicting options: hostname and the network mode', 400);
    if (req.links.length) throw new DaemonError('conflicting options: container type network can\'t be used with links. This would result in undefined behavior', 400);
    if (req.dns.length) throw new DaemonError('conflicting options: dns and the network mode', 400);
    if (req.extraHosts.length) throw new DaemonError('conflicting options: custom host-to-IP mapping and the network mode', 400);
    if (req.macAddress) throw new DaemonError('conflicting options: mac-address and the network mode', 400);
    if (Object.keys(req.portBindings).length || req.publishAllPorts) throw new DaemonError('conflicting options: port publishing and the container type network mode', 400);
    if (req.exposedPorts.length) throw new DaemonError('conflicting options: port exposing and the container type network mode', 400);
    const target = mode.slice('container:'.length);
    if (!target) throw new DaemonError('invalid container format container:<name|id>', 400);
  }
  if (mode === 'host') {
    if (req.links.length) throw new DaemonError("conflicting options: host type networking can't be used with links. This would result in undefined behavior", 400);
    if (Object.keys(req.portBindings).length || req.publishAllPorts) warnings.push('Published ports are discarded when using host network mode');
  }
  return warnings;
}

/** The API router's rewrite (v27): NetworkMode `default` and its endpoint config become the `bridge` network's. */
function useDefaultNetwork(req: ContainerCreateRequest): void {
  if (req.networkMode !== '' && req.networkMode !== 'default') return;
  req.networkMode = 'bridge';
  if (req.endpoints.default) {
    req.endpoints.bridge = req.endpoints.default;
    delete req.endpoints.default;
  }
}

/** validateNetworkingConfig and the `container:` target lookup, checked once the image is known. */
function validateNetworking(engine: DockerEngineState, req: ContainerCreateRequest): void {
  if (req.networkMode.startsWith('container:')) {
    const target = req.networkMode.slice('container:'.length);
    if (!findContainer(engine, target)) throw new DaemonError(`No such container: ${target}`, 404);
  }
  for (const [net, ep] of Object.entries(req.endpoints)) {
    const n = Object.values(engine.networks).find((x) => x.name === net || x.id === net);
    const problem = endpointSettingsError(net, n, ep);
    if (problem) throw new DaemonError(`invalid config for network ${net}: ${problem}`, 400);
  }
}

export function checkName(engine: DockerEngineState, name: string): void {
  if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
    throw new DaemonError(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 400);
  }
  const clash = Object.values(containersOf(engine)).find((c) => c.name === name.replace(/^\//, ''));
  if (clash) {
    throw new DaemonError(`Conflict. The container name "/${clash.name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`, 409);
  }
}

/** Creates the container (state `created`); returns it with the daemon's warnings. */
export function createContainer(world: World, engine: DockerEngineState, req: ContainerCreateRequest, image: CatalogImage): { container: Container; warnings: string[] } {
  const warnings = validateHostConfig(engine, req);
  validateNetworking(engine, req);
  if (req.name) checkName(engine, req.name);
  world.clock.advance(40_000 + world.rng.int(80_000));
  const id = newObjectId(world);
  const all = containersOf(engine);
  const name = req.name ? req.name.replace(/^\//, '') : randomContainerName(world.rng, (n) => Object.values(all).some((c) => c.name === n));
  const resetEntrypoint = req.entrypoint !== null && req.entrypoint.length === 1 && req.entrypoint[0] === '';
  const entrypoint = req.entrypoint === null ? image.entrypoint : resetEntrypoint ? null : req.entrypoint;
  // A new entrypoint drops the image's CMD (the daemon does not combine a user entrypoint with the image cmd).
  const cmd = req.cmd ?? (req.entrypoint === null ? image.cmd : null);
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  let mode = req.networkMode || 'bridge';
  if (mode === 'default') mode = 'bridge';
  if (mode.startsWith('container:')) mode = `container:${findContainer(engine, mode.slice(10))!.id}`;
  const networks: Container['networks'] = {};
  if (!mode.startsWith('container:')) {
    const names = Object.keys(req.endpoints).length ? Object.keys(req.endpoints) : [mode];
    for (const [i, n] of names.entries()) {
      let r: EndpointRequest = req.endpoints[n] ?? { aliases: [], links: [], ipv4Address: '', ipv6Address: '', driverOpts: null };
      if (i === 0 && req.macAddress) r = { ...r, macAddress: req.macAddress.toLowerCase().replace(/-/g, ':') };
      networks[n === 'default' ? 'bridge' : n] = { networkId: '', endpointId: '', request: r };
    }
  }
  const env = [...image.env.filter((e) => !req.env.some((u) => u.split('=')[0] === e.split('=')[0])), ...req.env];
  const c: Container = {
    id,
    name,
    created: rfc3339Nano(world.clock.now(), world.rng.int(1000)),
    createdUs: world.clock.now(),
    image: req.image,
    imageId: image.id,
    path: argv[0] ?? '',
    args: argv.slice(1),
    config: {
      hostname: mode === 'host' ? req.hostname || engine.host : mode.startsWith('container:') ? all[mode.slice(10)].config.hostname : req.hostname || id.slice(0, 12),
      domainname: req.domainname,
      user: req.user,
      tty: req.tty,
      openStdin: req.openStdin,
      attachStdin: req.attachStdin,
      attachStdout: req.attachStdout,
      attachStderr: req.attachStderr,
      env,
      cmd,
      entrypoint,
      workingDir: req.workingDir || image.workingDir,
      exposedPorts: [...new Set([...image.exposedPorts, ...req.exposedPorts])].sort(),
      labels: { ...image.labels, ...req.labels },
      stopSignal: req.stopSignal || image.stopSignal,
    },
    hostConfig: {
      networkMode: mode,
      portBindings: mode === 'host' ? {} : req.portBindings,
      publishAllPorts: req.publishAllPorts,
      autoRemove: req.autoRemove,
      dns: req.dns,
      dnsSearch: req.dnsSearch,
      dnsOptions: req.dnsOptions,
      extraHosts: req.extraHosts,
      links: mode === 'bridge' ? registerLinks(engine, name, req.links) : [],
      restartPolicy: req.restartPolicy || 'no',
      privileged: req.privileged,
      consoleSize: req.tty ? [24, 80] : [0, 0],
    },
    networks,
    ports: {},
    state: { status: 'created', pid: 0, exitCode: 0, error: '', startedAt: ZERO_TIME, finishedAt: ZERO_TIME, startedUs: 0, finishedUs: 0, exitAtUs: null, exitWith: 0 },
    restartCount: 0,
    sandboxId: null,
    logs: [],
  };
  all[id] = c;
  world.changed('docker', `${engine.host}:container:${id}`);
  return { container: c, warnings };
}
