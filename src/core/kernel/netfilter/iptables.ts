// The iptables command over the model (iptables-nft 1.8.10 semantics): -t, -A/-I/-D/-C/-R/-N/-X/-F/-Z/-P/-E/-S/-L
// with -n/-v/-x/--line-numbers/-w. The `iptables` program and the Docker engine (which programs its rules by
// running iptables, as dockerd does) both go through `iptables()`.
import type { World } from '../../world';
import type { Chain, Rule, Table, TableName } from './types';
import { BUILTIN_CHAINS } from './types';
import { BAD_RULE, IptablesError, IPTABLES_VARIANT, IPTABLES_VERSION, NO_CHAIN, OTHER_PROBLEM, PARAMETER_PROBLEM, VERSION_PROBLEM, strerrorFailure, xtablesError } from './errors';
import { parseRuleSpec } from './rule-parse';
import { BUILTIN_TARGETS, canonicalArgv } from './rule-spec';
import { chainReferences, listChain, listRules, listTable, type ListFormat } from './listing';
import { iptablesHelp } from './help';
import { parseCommandLine, type IptablesCommand } from './cmdline';

export interface IptablesResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const NAT_TARGETS = ['DNAT', 'SNAT', 'MASQUERADE'];

function findChain(table: Table, name: string): Chain | undefined {
  return table.chains.find((c) => c.name === name);
}

function needChain(table: Table, name: string): Chain {
  const c = findChain(table, name);
  if (!c) throw strerrorFailure(NO_CHAIN);
  return c;
}

/** Builds the stored rule for a command's rule options, checking the target as iptables-nft does. */
function buildRule(tableName: TableName, table: Table, chain: string, tokens: string[]): Rule {
  const spec = parseRuleSpec(tokens);
  const target = spec.target?.name;
  if (target && !BUILTIN_TARGETS.includes(target)) {
    if (!findChain(table, target)) throw xtablesError(PARAMETER_PROBLEM, `Chain '${target}' does not exist`);
    if (target === chain) throw strerrorFailure('Loop found in table');
  }
  if (target && NAT_TARGETS.includes(target) && tableName !== 'nat') {
    throw xtablesError(4, `RULE_APPEND failed (Invalid argument): rule in chain ${chain}`);
  }
  return { argv: canonicalArgv(spec), counters: { packets: 0, bytes: 0 } };
}

function sameArgv(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function ruleIndex(chain: Chain, num: number, what: 'deletion' | 'replacement' | 'insertion'): number {
  const max = what === 'insertion' ? chain.rules.length + 1 : chain.rules.length;
  if (num < 1 || num > max) throw strerrorFailure(`Index of ${what} too big`);
  return num - 1;
}

function run(world: World, netnsId: string, cmd: IptablesCommand): string {
  const ns = world.state.netns[netnsId];
  if (!ns) throw new Error(`no netns ${netnsId}`);
  const tableName = cmd.table as TableName;
  if (!BUILTIN_CHAINS[tableName]) throw xtablesError(VERSION_PROBLEM, `table '${cmd.table}' does not exist`);
  const table = ns.netfilter.tables[tableName];
  const changed = () => world.changed('netfilter', `${netnsId}:${tableName}`);
  const fmt: ListFormat = { numeric: cmd.numeric, verbose: cmd.verbose, exact: cmd.exact, lineNumbers: cmd.lineNumbers };
  const chainsOf = (name: string | undefined) => (name ? [needChain(table, name)] : table.chains);

  switch (cmd.command) {
    case 'append':
    case 'insert':
    case 'check':
    case 'delete':
    case 'replace': {
      const chain = needChain(table, cmd.chain!);
      if (cmd.command === 'delete' && cmd.rulenum !== undefined) {
        chain.rules.splice(ruleIndex(chain, cmd.rulenum, 'deletion'), 1);
        changed();
        return '';
      }
      const rule = buildRule(tableName, table, chain.name, cmd.ruleTokens);
      if (cmd.command === 'append') chain.rules.push(rule);
      else if (cmd.command === 'insert') chain.rules.splice(ruleIndex(chain, cmd.rulenum ?? 1, 'insertion'), 0, rule);
      else if (cmd.command === 'replace') chain.rules[ruleIndex(chain, cmd.rulenum!, 'replacement')] = rule;
      else {
        const at = chain.rules.findIndex((r) => sameArgv(r.argv, rule.argv));
        if (at < 0) throw strerrorFailure(BAD_RULE);
        if (cmd.command === 'check') return '';
        chain.rules.splice(at, 1);
      }
      changed();
      return '';
    }
    case 'list':
      if (cmd.chain) return listChain(table, needChain(table, cmd.chain), fmt);
      return listTable(table, fmt);
    case 'list-rules':
      return listRules(table, cmd.chain ? needChain(table, cmd.chain) : undefined);
    case 'flush':
      for (const c of chainsOf(cmd.chain)) c.rules = [];
      changed();
      return '';
    case 'zero':
      for (const c of chainsOf(cmd.chain)) {
        c.counters = { packets: 0, bytes: 0 };
        for (const r of c.rules) r.counters = { packets: 0, bytes: 0 };
      }
      changed();
      return '';
    case 'new-chain':
      if (findChain(table, cmd.chain!)) throw strerrorFailure('Chain already exists');
      if (BUILTIN_TARGETS.includes(cmd.chain!)) throw xtablesError(PARAMETER_PROBLEM, 'chain name may not clash with target name');
      table.chains.push({ name: cmd.chain!, policy: null, counters: { packets: 0, bytes: 0 }, rules: [] });
      changed();
      return '';
    case 'delete-chain': {
      const victims = cmd.chain ? [needChain(table, cmd.chain)] : table.chains.filter((c) => c.policy === null);
      for (const c of victims) {
        if (c.policy !== null) throw strerrorFailure("Can't delete built-in chain");
        // nf_tables refuses a referenced or non-empty chain when the batch commits (EBUSY), and iptables-nft says so.
        if (chainReferences(table, c.name) > 0 || c.rules.length > 0) throw xtablesError(OTHER_PROBLEM, ` CHAIN_USER_DEL failed (Device or resource busy): chain ${c.name}`);
      }
      table.chains = table.chains.filter((c) => !victims.includes(c));
      changed();
      return '';
    }
    case 'policy': {
      const c = findChain(table, cmd.chain!);
      if (!c || c.policy === null) throw strerrorFailure('Bad built-in chain name');
      if (cmd.policy !== 'ACCEPT' && cmd.policy !== 'DROP') throw strerrorFailure('Bad policy name');
      c.policy = cmd.policy;
      changed();
      return '';
    }
    case 'rename-chain': {
      const c = needChain(table, cmd.chain!);
      if (findChain(table, cmd.newName!)) throw strerrorFailure('File exists');
      for (const ch of table.chains) {
        for (const r of ch.rules) {
          const i = r.argv.findIndex((a, k) => (a === '-j' || a === '-g') && r.argv[k + 1] === c.name);
          if (i >= 0) r.argv = [...r.argv.slice(0, i + 1), cmd.newName!, ...r.argv.slice(i + 2)];
        }
      }
      c.name = cmd.newName!;
      changed();
      return '';
    }
    case 'help':
      return iptablesHelp(cmd.program);
    case 'version':
      return `${cmd.program} ${IPTABLES_VERSION} (${IPTABLES_VARIANT})\n`;
  }
}

/**
 * Runs one iptables command line (without the program name) in namespace `netnsId`, as root.
 * Example: `iptables(world, 'host1', ['-t', 'nat', '-A', 'POSTROUTING', '-s', '172.17.0.0/16', '!', '-o', 'docker0', '-j', 'MASQUERADE'])`.
 */
export function iptables(world: World, netnsId: string, argv: readonly string[], program = 'iptables'): IptablesResult {
  try {
    const args = argv[0] === program ? argv.slice(1) : argv;
    const cmd = parseCommandLine(args, program);
    return { stdout: run(world, netnsId, cmd), stderr: '', exitCode: 0 };
  } catch (e) {
    if (e instanceof IptablesError) return { stdout: '', stderr: e.stderr, exitCode: e.exitCode };
    throw e;
  }
}
