// iptables' command-line split (do_parse): one command (-A, -L, ...), global options (-t, -n, -v, ...),
// and the remaining rule options handed to the rule parser in their original order.
import { PARAMETER_PROBLEM, xtablesError } from './errors';

export type IptablesVerb =
  | 'append' | 'insert' | 'check' | 'delete' | 'replace' | 'list' | 'list-rules' | 'flush' | 'zero'
  | 'new-chain' | 'delete-chain' | 'policy' | 'rename-chain' | 'help' | 'version';

export interface IptablesCommand {
  program: string;
  command: IptablesVerb;
  table: string;
  chain?: string;
  rulenum?: number;
  policy?: string;
  newName?: string;
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
  ruleTokens: string[];
}

const LETTER: Record<string, IptablesVerb> = {
  A: 'append', I: 'insert', C: 'check', D: 'delete', R: 'replace', L: 'list', S: 'list-rules',
  F: 'flush', Z: 'zero', N: 'new-chain', X: 'delete-chain', P: 'policy', E: 'rename-chain',
};
const LONG: Record<string, string> = {
  '--append': 'A', '--insert': 'I', '--check': 'C', '--delete': 'D', '--replace': 'R', '--list': 'L',
  '--list-rules': 'S', '--flush': 'F', '--zero': 'Z', '--new-chain': 'N', '--new': 'N', '--delete-chain': 'X',
  '--policy': 'P', '--rename-chain': 'E', '--table': 't', '--numeric': 'n', '--verbose': 'v', '--exact': 'x',
  '--wait': 'w', '--wait-interval': 'W', '--help': 'h', '--version': 'V', '--ipv4': '4',
};
/** Short options of the command/global kind; anything else is a rule option. */
const GLOBAL = new Set([...Object.keys(LETTER), 't', 'n', 'v', 'x', 'w', 'W', 'h', 'V', '4', '6']);

/** Expands `-nvL` into `-n -v -L` and `-tnat` into `-t nat`, as getopt does for these options. */
function expand(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of argv) {
    if (!/^-[A-Za-z46]{2,}$/.test(a) || !GLOBAL.has(a[1])) {
      out.push(a);
      continue;
    }
    for (let i = 1; i < a.length; i++) {
      const c = a[i];
      out.push(`-${c}`);
      if (c === 't' || c === 'W' || !GLOBAL.has(c) || 'AICDRLSFZNXPE'.includes(c)) {
        if (i + 1 < a.length) out.push(a.slice(i + 1));
        break;
      }
    }
  }
  return out;
}

const isArg = (s: string | undefined) => s !== undefined && !s.startsWith('-') && s !== '!';

export function parseCommandLine(argv: readonly string[], program: string): IptablesCommand {
  const perr = (msg: string) => xtablesError(PARAMETER_PROBLEM, msg, program);
  const cmd: IptablesCommand = { program, command: 'list', table: 'filter', numeric: false, verbose: false, exact: false, lineNumbers: false, ruleTokens: [] };
  let letter = '';
  let tableSeen = false;
  const tokens = expand(argv);
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i];
    if (raw === '--line-numbers' || raw === '--line') {
      cmd.lineNumbers = true;
      continue;
    }
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const opt = name.startsWith('--') ? LONG[name] : name.length === 2 && name[0] === '-' && GLOBAL.has(name[1]) ? name[1] : undefined;
    if (!opt) {
      cmd.ruleTokens.push(raw);
      if (/^-[a-z]$|^--[a-z-]+$/.test(raw) && isArg(tokens[i + 1])) cmd.ruleTokens.push(tokens[++i]);
      continue;
    }
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const next = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= tokens.length) throw perr(`option "${raw}" requires an argument`);
      return tokens[++i];
    };
    const optional = () => (inline !== undefined ? inline : isArg(tokens[i + 1]) ? tokens[++i] : undefined);
    if (LETTER[opt]) {
      if (letter) throw perr(`Cannot use -${opt} with -${letter}`);
      if (cmd.ruleTokens.at(-1) === '!') throw perr("unexpected '!' flag");
      letter = opt;
      cmd.command = LETTER[opt];
      if ('AICRNPE'.includes(opt)) cmd.chain = next();
      else if ('DLSFZX'.includes(opt)) cmd.chain = optional();
      if (opt === 'I' || opt === 'D' || opt === 'R' || opt === 'L' || opt === 'S') {
        const n = tokens[i + 1];
        if (n !== undefined && /^\d+$/.test(n)) {
          cmd.rulenum = Number(n);
          i++;
          if (cmd.rulenum === 0) throw perr(`Invalid rule number \`${n}'`);
        } else if (opt === 'R') throw perr('-R requires a rule number');
      }
      if (opt === 'P') cmd.policy = next();
      if (opt === 'E') cmd.newName = next();
      continue;
    }
    switch (opt) {
      case 't':
        if (tableSeen) throw perr('multiple -t flags not allowed');
        tableSeen = true;
        cmd.table = next();
        break;
      case 'n': cmd.numeric = true; break;
      case 'v': cmd.verbose = true; break;
      case 'x': cmd.exact = true; break;
      case 'w': optional(); break;
      case 'W': next(); break;
      case '4': break;
      case '6': throw perr('This is the IPv4 version of iptables.');
      case 'h': cmd.command = 'help'; return cmd;
      case 'V': cmd.command = 'version'; return cmd;
    }
  }
  if (!letter) throw perr('no command specified');
  const ruleCmd = ['append', 'insert', 'check', 'replace'].includes(cmd.command) || (cmd.command === 'delete' && cmd.rulenum === undefined);
  if (!ruleCmd && cmd.ruleTokens.length) {
    const first = cmd.ruleTokens.find((t) => t.startsWith('-')) ?? cmd.ruleTokens[0];
    if (!first.startsWith('-')) throw perr(`Bad argument \`${first}'`);
    throw perr(`Illegal option \`${first}' with this command`);
  }
  if ((cmd.numeric || cmd.lineNumbers || cmd.exact) && !['list', 'list-rules', 'zero'].includes(cmd.command)) {
    throw perr(`Illegal option \`${cmd.numeric ? '-n' : cmd.lineNumbers ? '--line-numbers' : '-x'}' with this command`);
  }
  if (cmd.chain !== undefined && cmd.chain.length >= 29) throw perr(`chain name \`${cmd.chain}' too long (must be under 29 chars)`);
  if (cmd.command === 'new-chain' && /^[-!]/.test(cmd.chain!)) throw perr(`chain name not allowed to start with \`${cmd.chain![0]}'`);
  return cmd;
}
