// GET /containers/json as the daemon answers `docker ps`: newest first, running only unless `all`, filters
// evaluated as daemon/list.go does (id, name, label, status, exited, ancestor, network, publish, expose, before, since).
import { DaemonError } from './errors';
import { type FilterArgs, exactMatch, fuzzyMatch, labelMatch, unknownFilterKey } from './filters';
import { containersOf, findContainer } from './lookup';
import type { Container, DockerEngineState } from './types';

export const CONTAINER_FILTER_KEYS = ['ancestor', 'before', 'expose', 'exited', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume'] as const;

const STATUSES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];

function portFilterMatch(values: string[] | undefined, ports: string[]): boolean {
  if (!values) return true;
  return values.some((v) => {
    const [port, proto = 'tcp'] = v.split('/');
    return ports.includes(`${port}/${proto}`);
  });
}

/** Lists containers for `docker ps` (`all` = -a); throws DaemonError for bad filters. */
export function listContainers(engine: DockerEngineState, filters: FilterArgs, all: boolean): Container[] {
  const bad = unknownFilterKey(filters, CONTAINER_FILTER_KEYS);
  if (bad !== null) throw new DaemonError(`invalid filter '${bad}'`, 400);
  for (const s of filters.get('status') ?? []) if (!STATUSES.includes(s)) throw new DaemonError(`invalid filter 'status=${s}'`, 400);
  for (const e of filters.get('exited') ?? []) if (!/^-?\d+$/.test(e)) throw new DaemonError(`invalid filter 'exited=${e}'`, 400);
  const before = filters.get('before')?.map((r) => findContainer(engine, r) ?? missing(r));
  const since = filters.get('since')?.map((r) => findContainer(engine, r) ?? missing(r));
  const showAll = all || filters.has('status') || filters.has('exited');
  const list = Object.values(containersOf(engine)).filter((c) => {
    if (!showAll && c.state.status !== 'running') return false;
    if (!fuzzyMatch(filters, 'id', c.id)) return false;
    if (!fuzzyMatch(filters, 'name', c.name)) return false;
    if (!exactMatch(filters, 'status', c.state.status)) return false;
    if (filters.has('exited') && (c.state.status !== 'exited' || !filters.get('exited')!.includes(String(c.state.exitCode)))) return false;
    if (!labelMatch(filters, 'label', c.config.labels)) return false;
    if (filters.has('ancestor') && !filters.get('ancestor')!.some((a) => a === c.image || a === c.image.split(':')[0] || c.imageId.startsWith(a) || c.imageId === `sha256:${a}`)) return false;
    if (filters.has('network')) {
      const nets = Object.entries(c.networks).flatMap(([name, e]) => [name, e.networkId]);
      if (!filters.get('network')!.some((n) => nets.some((x) => x === n || (x.length === 64 && x.startsWith(n))))) return false;
    }
    if (!portFilterMatch(filters.get('publish'), Object.keys(c.ports).filter((p) => c.ports[p].length))) return false;
    if (!portFilterMatch(filters.get('expose'), c.config.exposedPorts)) return false;
    if (before && !before.every((b) => c.createdUs < b.createdUs)) return false;
    if (since && !since.every((s) => c.createdUs > s.createdUs)) return false;
    return true;
  });
  return list.sort((a, b) => b.createdUs - a.createdUs);
}

function missing(ref: string): never {
  throw new DaemonError(`No such container: ${ref}`, 404);
}
