// A container's ports as the API reports them (NetworkSettings.Ports for inspect and `docker port`, the Ports list
// of `docker ps`) and docker/cli's DisplayablePorts. Docker 27 publishes each IPv4 binding on `::` as well.
import type { Container, PortBinding } from '../../../../core/docker/types';

/** NetworkSettings.Ports: exposed ports map to null, published ones to their bindings; sorted keys (a Go map). */
export function networkSettingsPorts(c: Container): Record<string, PortBinding[] | null> {
  if (c.state.status !== 'running' || c.hostConfig.networkMode === 'host' || c.hostConfig.networkMode.startsWith('container:')) return {};
  const out: Record<string, PortBinding[] | null> = {};
  const keys = [...new Set([...c.config.exposedPorts, ...Object.keys(c.ports)])].sort();
  for (const k of keys) {
    const bound = c.ports[k];
    if (!bound?.length) {
      out[k] = null;
      continue;
    }
    out[k] = bound.flatMap((b) => (b.hostIp === '0.0.0.0' ? [b, { hostIp: '::', hostPort: b.hostPort }] : [b]));
  }
  return out;
}

/** types.Port, as GET /containers/json lists them. */
export interface ApiPort {
  ip: string;
  privatePort: number;
  publicPort: number;
  type: string;
}

export function apiPorts(c: Container): ApiPort[] {
  const out: ApiPort[] = [];
  for (const [k, bindings] of Object.entries(networkSettingsPorts(c))) {
    const [port, type] = k.split('/');
    if (!bindings) out.push({ ip: '', privatePort: Number(port), publicPort: 0, type });
    else for (const b of bindings) out.push({ ip: b.hostIp, privatePort: Number(port), publicPort: Number(b.hostPort), type });
  }
  return out;
}

function comparePorts(a: ApiPort, b: ApiPort): number {
  if (a.privatePort !== b.privatePort) return a.privatePort - b.privatePort;
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  if (a.publicPort !== b.publicPort) return a.publicPort - b.publicPort;
  return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}

function formGroup(key: string, start: number, last: number): string {
  const parts = key.split('/');
  let type = parts[0];
  let ip = '';
  if (parts.length > 1) {
    ip = parts[0];
    type = parts[1];
  }
  let group = String(start);
  if (start !== last) group = `${group}-${last}`;
  if (ip !== '') group = `${ip}:${group}->${group}`;
  return `${group}/${type}`;
}

/** formatter.DisplayablePorts (v27: `:::8080` for IPv6, no brackets). */
export function displayablePorts(ports: ApiPort[]): string {
  const groups = new Map<string, { first: number; last: number }>();
  const keys: string[] = [];
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const p of [...ports].sort(comparePorts)) {
    let key = p.type;
    if (p.ip !== '') {
      if (p.publicPort !== p.privatePort) {
        hostMappings.push(`${p.ip}:${p.publicPort}->${p.privatePort}/${p.type}`);
        continue;
      }
      key = `${p.ip}/${p.type}`;
    }
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: p.privatePort, last: p.privatePort });
      keys.push(key);
    } else if (p.privatePort === g.last + 1) {
      g.last = p.privatePort;
    } else {
      result.push(formGroup(key, g.first, g.last));
      groups.set(key, { first: p.privatePort, last: p.privatePort });
    }
  }
  for (const k of keys) {
    const g = groups.get(k)!;
    result.push(formGroup(k, g.first, g.last));
  }
  return [...result, ...hostMappings].join(', ');
}
