// dockerd stopping and starting (systemctl stop/start/restart docker, and docker.socket's activation on the next
// request): running containers are stopped on the way down; on the way up the daemon reads daemon.json, re-addresses
// docker0 and the default bridge when `bip` changed, and starts the containers whose restart policy asks for it.
import type { World } from '../world';
import { formatIpv4, parseIpv4 } from '../net/ipv4';
import { networkOf } from '../net/cidr';
import { addAddress, deleteAddress } from '../kernel/addresses';
import { getNetns } from '../kernel/netns';
import { containersOf } from './lookup';
import { stopContainer } from './container-stop';
import { startContainer } from './container-start';
import { programBridgeNetwork } from './iptables-rules';
import { DAEMON_JSON, parseDaemonConfig, type DaemonConfig } from './daemon-config';
import type { DockerEngineState } from './types';

/** Stops dockerd: each running container gets its stop signal (and SIGKILL after 10 s). */
export function stopDaemon(world: World, engine: DockerEngineState): void {
  if (engine.down) return;
  for (const c of Object.values(containersOf(engine))) {
    if (c.state.status !== 'running') continue;
    stopContainer(world, engine, c);
    // Containers the daemon stopped (not the user) come back under `unless-stopped`.
    c.state.stoppedByDaemon = true;
  }
  engine.down = 'stopped';
  world.changed('docker', engine.host);
}

/** docker0 and the default bridge network take `bip`'s address and subnet (only while no container uses them). */
function applyBip(world: World, engine: DockerEngineState, bip: { ip: number; len: number }): void {
  const bridge = Object.values(engine.networks).find((n) => n.predefined && n.driver === 'bridge');
  const cfg = bridge?.ipam.config?.[0];
  if (!bridge || !cfg) return;
  const subnet = `${formatIpv4(networkOf({ ip: bip.ip, len: bip.len }))}/${bip.len}`;
  const gateway = formatIpv4(bip.ip);
  if (cfg.subnet === subnet && cfg.gateway === gateway) return;
  const root = getNetns(world, world.state.hosts[engine.host].rootNs);
  programBridgeNetwork(world, root.id, bridge, false);
  const [oldIp, oldLen] = cfg.subnet.split('/');
  const oldGw = cfg.gateway || oldIp;
  deleteAddress(world, root, bridge.bridgeName ?? 'docker0', parseIpv4(oldGw) ?? 0, Number(oldLen));
  addAddress(world, root, bridge.bridgeName ?? 'docker0', bip.ip, bip.len);
  bridge.ipam.config = [{ ...cfg, subnet, gateway, subnetAuto: false }];
  bridge.allocated = [gateway];
  programBridgeNetwork(world, root.id, bridge, true);
}

/** Starts dockerd with the host's daemon.json; returns the reason it failed, or null. */
export function startDaemon(world: World, engine: DockerEngineState): string | null {
  if (!engine.down) return null;
  const parsed = parseDaemonConfig(world.state.files[`${engine.host}:${DAEMON_JSON}`]);
  if ('error' in parsed) {
    engine.down = 'failed';
    world.changed('docker', engine.host);
    return parsed.error;
  }
  const config: DaemonConfig = parsed.config;
  world.clock.advance(900_000 + world.rng.int(600_000));
  if (config.bip) applyBip(world, engine, config.bip);
  engine.config = config;
  engine.down = undefined;
  engine.startedUs = world.clock.now();
  for (const c of Object.values(containersOf(engine))) {
    const policy = c.hostConfig.restartPolicy;
    const wasRunning = c.state.stoppedByDaemon;
    c.state.stoppedByDaemon = undefined;
    if (policy === 'always' || (policy === 'unless-stopped' && wasRunning)) {
      try {
        startContainer(world, engine, c);
      } catch {
        // A container that cannot start stays exited, as dockerd logs and moves on.
      }
    }
  }
  world.changed('docker', engine.host);
  return null;
}
