// Helpers for the engine's tests: a fresh single-host world and container requests with Docker's defaults.
import { createWorld } from '../presets';
import type { World } from '../world';
import type { ContainerCreateRequest } from './container-create';
import { createContainer } from './container-create';
import { findCatalogImage } from './image-catalog';
import { createNetwork, type NetworkCreateRequest } from './network-create';
import type { Container, DockerEngineState, Network } from './types';

export function testEngine(seed = 1): { world: World; engine: DockerEngineState } {
  const world = createWorld({ seed });
  return { world, engine: world.state.docker.host1 };
}

export function containerRequest(over: Partial<ContainerCreateRequest> = {}): ContainerCreateRequest {
  return {
    name: '', image: 'alpine', cmd: null, entrypoint: null, hostname: '', domainname: '', user: '', tty: true, openStdin: true,
    attachStdin: false, attachStdout: false, attachStderr: false, env: [], workingDir: '', labels: {}, exposedPorts: [],
    macAddress: '', networkMode: 'bridge', portBindings: {}, publishAllPorts: false, autoRemove: false, dns: [], dnsSearch: [],
    dnsOptions: [], extraHosts: [], links: [], restartPolicy: 'no', privileged: false, stopSignal: '', endpoints: {}, ...over,
  };
}

export function newContainer(world: World, engine: DockerEngineState, over: Partial<ContainerCreateRequest> = {}): Container {
  const req = containerRequest(over);
  const image = findCatalogImage({ repo: req.image, tag: 'latest' })!;
  return createContainer(world, engine, req, image).container;
}

export function networkRequest(name: string, over: Partial<NetworkCreateRequest> = {}): NetworkCreateRequest {
  return {
    name, driver: 'bridge', options: {}, labels: {}, internal: false, attachable: false, ingress: false, configOnly: false,
    configFrom: '', scope: '', enableIPv6: false, ipam: { driver: 'default', options: {}, config: [] }, ...over,
  };
}

export function newNetwork(world: World, engine: DockerEngineState, name: string, over: Partial<NetworkCreateRequest> = {}): Network {
  return createNetwork(world, engine, networkRequest(name, over));
}
