// Daemon start-up: the three predefined networks (bridge/docker0, host, none) that `dockerd` creates.
import type { World } from '../world';
import { rfc3339Nano } from '../sim/clock';
import { parseIpv4 } from '../net/ipv4';
import { addLink, setLinkUp } from '../kernel/links';
import { addAddress } from '../kernel/addresses';
import { getNetns } from '../kernel/netns';
import type { DockerEngineState, Network } from './types';
import { programBridgeNetwork, setupDaemonChains } from './iptables-rules';

/** A 64-hex object ID as the daemon makes them (stringid.GenerateRandomID). */
export function newObjectId(world: World): string {
  return world.rng.hex(64);
}

function predefinedNetwork(world: World, name: string, driver: string, extra: Partial<Network>): Network {
  world.clock.advance(200 + world.rng.int(3000));
  const us = world.clock.now();
  return {
    id: newObjectId(world),
    name,
    driver,
    scope: 'local',
    created: rfc3339Nano(us, world.rng.int(1000)),
    createdUs: us,
    enableIPv6: false,
    internal: false,
    attachable: false,
    ingress: false,
    configOnly: false,
    configFrom: '',
    ipam: { driver: 'default', options: null, config: null },
    options: {},
    labels: {},
    predefined: true,
    allocated: [],
    ...extra,
  };
}

/** Starts a daemon on `host`: docker0 (172.17.0.1/16, no carrier until a container joins), bridge, host, none, and its iptables chains. */
export function startDockerEngine(world: World, host: string): DockerEngineState {
  // dockerd comes up a few seconds after the host boots.
  world.clock.advance(2_000_000 + world.rng.int(2_000_000));
  const root = getNetns(world, world.state.hosts[host].rootNs);
  addLink(world, root, 'docker0', 'bridge');
  addAddress(world, root, 'docker0', parseIpv4('172.17.0.1')!, 16);
  setLinkUp(world, root, 'docker0', true);

  const engine: DockerEngineState = { host, networks: {}, endpoints: {}, sandboxes: {}, containers: {}, images: {}, allocatedHostPorts: [] };
  const bridge = predefinedNetwork(world, 'bridge', 'bridge', {
    ipam: {
      driver: 'default',
      options: null,
      config: [
        { subnet: '172.17.0.0/16', ipRange: '', gateway: '172.17.0.1', auxAddresses: {}, gatewayExplicit: true, subnetAuto: true },
      ],
    },
    options: {
      'com.docker.network.bridge.default_bridge': 'true',
      'com.docker.network.bridge.enable_icc': 'true',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
      'com.docker.network.bridge.name': 'docker0',
      'com.docker.network.driver.mtu': '1500',
    },
    bridgeName: 'docker0',
    allocated: ['172.17.0.1'],
  });
  const hostNet = predefinedNetwork(world, 'host', 'host', {});
  const none = predefinedNetwork(world, 'none', 'null', {});
  for (const n of [bridge, hostNet, none]) engine.networks[n.id] = n;
  setupDaemonChains(world, root.id);
  programBridgeNetwork(world, root.id, bridge, true);
  engine.startedUs = world.clock.now();
  world.state.docker[host] = engine;
  world.changed('docker', host);
  return engine;
}
