// `window.__cnlab`: what the browser suite and the benchmark read (terminals, timings, packet animations).
import type { Terminal } from '@xterm/xterm';
import type { PacketRecord } from '../topology/packet-player';

export interface CnlabHooks {
  /** The terminal of the visible tab. */
  term?: Terminal;
  /** Every tab's terminal by tab id. */
  terms: Record<number, Terminal>;
  /** Enter-to-first-output times (ms) of commands typed in any tab. */
  latencies: number[];
  /** Packet walks the topology view finished animating, oldest first. */
  packets: PacketRecord[];
  /** The lab state (the benchmark loads worlds and shows packet walks through it). */
  lab?: unknown;
}

export function hooks(): CnlabHooks {
  const w = window as unknown as { __cnlab?: CnlabHooks };
  w.__cnlab ??= { terms: {}, latencies: [], packets: [] };
  return w.__cnlab;
}
