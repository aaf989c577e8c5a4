// Netfilter state as plain data, shaped as Linux shapes it: tables hold chains, chains hold rules.
// Rules are stored as structured data; `iptables` parses and prints them (see the iptables module).

export type TableName = 'filter' | 'nat' | 'mangle' | 'raw';

/** Built-in chains per table, in the order `iptables -L` lists them. */
export const BUILTIN_CHAINS: Record<TableName, readonly string[]> = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

export interface Counters {
  packets: number;
  bytes: number;
}

/** A chain: built-in chains have a policy, user chains have `policy: null`. */
export interface Chain {
  name: string;
  policy: 'ACCEPT' | 'DROP' | null;
  /** Policy counters of a built-in chain. */
  counters: Counters;
  rules: Rule[];
}

export interface Table {
  /** Built-in chains first (kernel order), then user chains in creation order. */
  chains: Chain[];
}

export interface NetfilterState {
  tables: Record<TableName, Table>;
  /** Tracked connections, for NAT reversal and `--ctstate`. */
  conntrack: ConntrackEntry[];
}

/** One iptables rule: what it matches and what it does. `argv` is the canonical `iptables -S` text after `-A CHAIN`. */
export interface Rule {
  argv: string[];
  counters: Counters;
}

/** A tracked flow with its original and reply tuples (after NAT). */
export interface ConntrackEntry {
  proto: 'tcp' | 'udp' | 'icmp';
  orig: Tuple;
  reply: Tuple;
  state: 'NEW' | 'ESTABLISHED' | 'RELATED';
  createdUs: number;
  /** Simulated time (µs) after which the entry is gone (conntrack timeouts: icmp 30 s, udp 30/120 s, tcp). */
  expiresUs?: number;
  /** Which NAT the entry applies (conntrack -L shows [SNAT]/[DNAT] flows). */
  nat?: { snat: boolean; dnat: boolean };
}

export interface Tuple {
  src: number;
  dst: number;
  sport: number;
  dport: number;
}

/** Empty tables with every built-in chain at policy ACCEPT, as a fresh namespace has. */
export function emptyNetfilter(): NetfilterState {
  const tables = {} as Record<TableName, Table>;
  for (const name of Object.keys(BUILTIN_CHAINS) as TableName[]) {
    tables[name] = {
      chains: BUILTIN_CHAINS[name].map((chain) => ({
        name: chain,
        policy: 'ACCEPT' as const,
        counters: { packets: 0, bytes: 0 },
        rules: [],
      })),
    };
  }
  return { tables, conntrack: [] };
}
