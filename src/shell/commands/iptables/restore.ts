// iptables-restore (iptables 1.8.10, nf_tables): reads iptables-save's format from stdin or a file — `*table`,
// `:CHAIN POLICY [packets:bytes]`, rule lines, `COMMIT` — and replaces each table atomically (or adds to it with
// --noflush); a bad line leaves the table as it was and names the line.
import type { CommandContext, Program } from '../../types';
import { iptables as runIptables } from '../../../core/kernel/netfilter/iptables';
import { IPTABLES_VARIANT, IPTABLES_VERSION } from '../../../core/kernel/netfilter/errors';
import { BUILTIN_CHAINS, type TableName } from '../../../core/kernel/netfilter/types';
import { hasNetAdmin } from '../ip/common';
import { readFile } from '../../vfs';

const PREFIX = `iptables-restore ${IPTABLES_VERSION} (${IPTABLES_VARIANT})`;
const TRY = "Try `iptables-restore -h' or 'iptables-restore --help' for more information.\n";

interface Block {
  table: TableName;
  policies: [string, string][];
  chains: string[];
  rules: { line: number; argv: string[] }[];
}

/** Splits a rule line into words, honouring double quotes (`--comment "a b"`). */
function words(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1] : m[2]));
}

async function run(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const noflush = args.some((a) => a === '-n' || a === '--noflush');
  const test = args.some((a) => a === '-t' || a === '--test');
  if (args.some((a) => a === '-h' || a === '--help')) {
    ctx.out('Usage: iptables-restore [-c] [-v] [-V] [-t] [-h] [-n] [-w secs] [-W usecs] [-T table] [-M command] [file]\n');
    return 0;
  }
  const file = args.find((a) => !a.startsWith('-'));
  let text = ctx.stdin ?? '';
  if (file !== undefined) {
    const r = readFile(ctx.world, ctx.env, file);
    if (!r.ok) {
      ctx.err(`${PREFIX}: Can't open ${file}: No such file or directory\n`);
      return 1;
    }
    text = r.content;
  }
  if (!hasNetAdmin(ctx.world, ctx.env)) {
    ctx.err(`${PREFIX}: Could not fetch rule set generation id: Permission denied (you must be root)\n\n`);
    return 4;
  }
  const ns = ctx.world.state.netns[ctx.env.netns];
  const fail = (line: number, why: string) => {
    ctx.err(`${PREFIX}: ${why}\nError occurred at line: ${line}\n${TRY}`);
    return 1;
  };
  let block: Block | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('*')) {
      const table = line.slice(1) as TableName;
      if (!BUILTIN_CHAINS[table]) return fail(n, `Table '${table}' does not exist`);
      block = { table, policies: [], chains: [], rules: [] };
    } else if (!block) {
      return fail(n, 'no command specified');
    } else if (line.startsWith(':')) {
      const [chain, policy] = line.slice(1).split(/\s+/);
      if (BUILTIN_CHAINS[block.table].includes(chain)) block.policies.push([chain, policy]);
      else block.chains.push(chain);
    } else if (line === 'COMMIT') {
      // Apply the table as one transaction: on any failure the table is put back as it was.
      const saved = structuredClone(ns.netfilter.tables[block.table]);
      const t = block.table;
      const apply = (argv: string[]) => runIptables(ctx.world, ctx.env.netns, ['-t', t, ...argv]);
      const steps: { line: number; argv: string[] }[] = [];
      if (!noflush) steps.push({ line: n, argv: ['-F'] }, { line: n, argv: ['-X'] });
      for (const c of block.chains) if (noflush ? !ns.netfilter.tables[t].chains.some((x) => x.name === c) : true) steps.push({ line: n, argv: ['-N', c] });
      for (const [c, p] of block.policies) if (p !== '-') steps.push({ line: n, argv: ['-P', c, p] });
      steps.push(...block.rules);
      for (const s of steps) {
        const r = apply(s.argv);
        if (r.exitCode !== 0) {
          ns.netfilter.tables[t] = saved;
          return fail(s.line, r.stderr.split('\n')[0].replace(/^iptables v[^:]+: /, ''));
        }
      }
      if (test) ns.netfilter.tables[t] = saved;
      ctx.world.changed('netfilter', ns.id);
      block = null;
    } else {
      block.rules.push({ line: n, argv: words(line) });
    }
  }
  if (block) return fail(lines.length, 'COMMIT expected');
  return 0;
}

export const iptablesRestore: Program = { name: 'iptables-restore', summary: 'restore iptables rules', flavors: ['ubuntu', 'debian'], run };
