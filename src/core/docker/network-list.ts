// GET /networks with filters, as the daemon evaluates them (moby daemon/network/filter.go).
import type { DockerEngineState, Network } from './types';
import { DaemonError } from './errors';
import { type FilterArgs, exactMatch, fuzzyMatch, labelMatch, unknownFilterKey } from './filters';

export const NETWORK_FILTER_KEYS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'] as const;

const PREDEFINED = ['bridge', 'host', 'none', 'default'];

/** Whether any endpoint (a running container's attachment) uses the network. */
export function networkInUse(engine: DockerEngineState, networkId: string): boolean {
  return Object.values(engine.endpoints).some((e) => e.networkId === networkId);
}

/** Lists networks matching `filters`; throws DaemonError with the daemon's words for bad filters. */
export function listNetworks(engine: DockerEngineState, filters: FilterArgs): Network[] {
  const bad = unknownFilterKey(filters, NETWORK_FILTER_KEYS);
  if (bad !== null) throw new DaemonError(`invalid filter '${bad}'`);
  const types = filters.get('type') ?? [];
  for (const t of types) if (t !== 'custom' && t !== 'builtin') throw new DaemonError(`invalid filter: 'type'='${t}'`);
  let dangling: boolean | null = null;
  for (const d of filters.get('dangling') ?? []) {
    if (d === 'true' || d === '1') dangling = true;
    else if (d === 'false' || d === '0') dangling = false;
    else throw new DaemonError(`invalid value for filter 'dangling', must be "true" (or "1"), or "false" (or "0")`);
  }
  return Object.values(engine.networks).filter((n) => {
    if (!exactMatch(filters, 'driver', n.driver)) return false;
    if (!exactMatch(filters, 'scope', n.scope)) return false;
    if (!fuzzyMatch(filters, 'name', n.name)) return false;
    if (!fuzzyMatch(filters, 'id', n.id)) return false;
    if (!labelMatch(filters, 'label', n.labels)) return false;
    const builtin = PREDEFINED.includes(n.name);
    if (types.length && !types.some((t) => (t === 'builtin') === builtin)) return false;
    if (dangling !== null) {
      const unused = !builtin && !networkInUse(engine, n.id);
      if (dangling !== unused) return false;
    }
    return true;
  });
}
