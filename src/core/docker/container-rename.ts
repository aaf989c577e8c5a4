// ContainerRename: a new name for a container, and for its endpoints' DNS records (the embedded DNS answers the new
// name, no longer the old one); the hostname, IDs and addresses stay.
import type { World } from '../world';
import { checkName } from './container-create';
import { DaemonError } from './errors';
import type { Container, DockerEngineState } from './types';

export function renameContainer(world: World, engine: DockerEngineState, c: Container, newName: string): void {
  const name = newName.replace(/^\//, '');
  if (name === c.name) throw new DaemonError('Renaming a container with the same name as its current name', 400);
  try {
    checkName(engine, name);
  } catch (e) {
    if (e instanceof DaemonError) throw new DaemonError(`Error when allocating new name: ${e.message}`, e.status);
    throw e;
  }
  const old = c.name;
  c.name = name;
  for (const entry of Object.values(c.networks)) {
    const ep = entry.endpointId ? engine.endpoints[entry.endpointId] : undefined;
    if (ep) ep.dnsNames = ep.dnsNames.map((n) => (n === old ? name : n));
  }
  for (const sb of Object.values(engine.sandboxes)) if (sb.containerId === c.id) sb.containerName = name;
  world.changed('docker', `${engine.host}:container:${c.id}`);
}
