// A bridge's forwarding database as `bridge fdb` and `brctl showmacs` read it: learned entries that have not
// aged out (ageing_time, 300 s by default) plus the permanent entries for the bridge's and its ports' own MACs.
import type { Link, Netns } from './types';

export interface FdbRow {
  mac: string;
  port: Link;
  local: boolean;
  /** Seconds since the entry was last refreshed (0 for local ones). */
  ageSec: number;
}

export function fdbRows(ns: Netns, bridge: Link, nowUs: number): FdbRow[] {
  const ports = ns.links.filter((l) => l.master === bridge.ifindex);
  const rows: FdbRow[] = [];
  const ageing = (bridge.bridge?.ageingTimeSec ?? 300) * 1e6;
  for (const port of ports) {
    for (const e of bridge.bridge?.fdb ?? []) {
      if (e.port !== port.ifindex || ports.some((p) => p.mac === e.mac)) continue;
      if (!e.permanent && nowUs - e.updatedUs > ageing) continue;
      rows.push({ mac: e.mac, port, local: false, ageSec: (nowUs - e.updatedUs) / 1e6 });
    }
    rows.push({ mac: port.mac, port, local: true, ageSec: 0 });
  }
  return rows;
}
