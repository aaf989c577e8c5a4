// jq 1.7.1: the command line (options, inputs, output, exit codes) over the lexer, parser and evaluator in this folder.
import type { CommandContext, Program } from '../../types';
import { readFile } from '../../vfs';
import type { Node } from './ast';
import { makeNatives } from './builtins';
import { checkNames } from './check';
import { BreakSignal, Evaluator, Scope, StepLimit } from './evaluator';
import { parseJsonStream, parseJsonText } from './json-input';
import { dump, toJson } from './output';
import { parse, ParseFailure, type CompileError } from './parser';
import { PRELUDE } from './prelude';
import { JqError, type JObj, type Json } from './values';

export const JQ_VERSION = '1.7.1';

const usageHead = (prog: string) =>
  `jq - commandline JSON processor [version ${JQ_VERSION}]\n\nUsage:\t${prog} [options] <jq filter> [file...]\n\t${prog} [options] --args <jq filter> [strings...]\n\t${prog} [options] --jsonargs <jq filter> [JSON_TEXTS...]\n\n` +
  `jq is a tool for processing JSON inputs, applying the given filter to\nits JSON text inputs and producing the filter's results as JSON on\nstandard output.\n\n` +
  `The simplest filter is ., which copies jq's input to its output\nunmodified except for formatting. For more advanced filters see\nthe jq(1) manpage ("man jq") and/or https://jqlang.github.io/jq/.\n\n` +
  `Example:\n\n\t$ echo '{"foo": 0}' | jq .\n\t{\n\t  "foo": 0\n\t}\n\n`;

const OPTIONS = `Command options:
  -n, --null-input          use \`null\` as the single input value;
  -R, --raw-input           read each line as string instead of JSON;
  -s, --slurp               read all inputs into an array and use it as
                            the single input value;
  -c, --compact-output      compact instead of pretty-printed output;
  -r, --raw-output          output strings without escapes and quotes;
      --raw-output0         implies -r and output NUL after each output;
  -j, --join-output         implies -r and output without newline after
                            each output;
  -a, --ascii-output        output strings by only ASCII characters
                            using escape sequences;
  -S, --sort-keys           sort keys of each object on output;
  -C, --color-output        colorize JSON output;
  -M, --monochrome-output   disable colored output;
      --tab                 use tabs for indentation;
      --indent n            use n spaces for indentation (max 7 spaces);
      --unbuffered          flush output stream after each output;
      --stream              parse the input value in streaming fashion;
      --stream-errors       implies --stream and report parse error as
                            an array;
      --seq                 parse input/output as application/json-seq;
  -f, --from-file file      load filter from the file;
  -L directory              search modules from the directory;
      --arg name value      set $name to the string value;
      --argjson name value  set $name to the JSON value;
      --slurpfile name file set $name to an array of JSON values read
                            from the file;
      --rawfile name file   set $name to string contents of file;
      --args                consume remaining arguments as positional
                            string values;
      --jsonargs            consume remaining arguments as positional
                            JSON values;
  -e, --exit-status         set exit status code based on the output;
  -V, --version             show the version;
  --build-configuration     show jq's build configuration;
  -h, --help                show the help;
  --                        terminates argument processing;

Named arguments are also available as $ARGS.named[], while
positional arguments are available as $ARGS.positional[].
`;

export const jqHelp = (prog = 'jq') => usageHead(prog) + OPTIONS;

let preludeScope: Scope | null = null;
/** The jq-defined builtins, parsed once into one scope where they can all see each other. */
function prelude(): Scope {
  if (preludeScope) return preludeScope;
  const root = new Scope(null);
  let n: Node = parse(PRELUDE + ' .');
  while (n.k === 'def') {
    root.funcs.set(`${n.def.name}/${n.def.params.length}`, { def: n.def, scope: root });
    n = n.body;
  }
  preludeScope = root;
  return root;
}

/** `jq: error: MSG at <top-level>, line N:` and the program line, padded to the error's column as jq does. */
function compileErrorText(program: string, errors: CompileError[]): string {
  let out = '';
  for (const e of errors) {
    const before = program.slice(0, e.pos);
    const lineNo = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = program.indexOf('\n', lineStart);
    const text = program.slice(lineStart, lineEnd < 0 ? program.length : lineEnd);
    out += `jq: error: ${e.message} at <top-level>, line ${lineNo}:\n${text}${' '.repeat(e.pos - lineStart)}\n`;
  }
  return out + `jq: ${errors.length} compile error${errors.length === 1 ? '' : 's'}\n`;
}

interface Opts {
  raw: boolean;
  join: boolean;
  ascii: boolean;
  nullInput: boolean;
  slurp: boolean;
  exitStatus: boolean;
  sortKeys: boolean;
  color: boolean | null;
  indent: number;
  tab: boolean;
  rawInput: boolean;
  named: JObj;
  positional: Json[];
  files: string[];
  program: string | null;
  fromFile: boolean;
}

export const jq: Program = {
  name: 'jq',
  summary: 'Command-line JSON processor',
  flavors: ['ubuntu', 'debian'],
  async run(ctx: CommandContext): Promise<number> {
    const prog = ctx.argv[0];
    const die = (msg: string) => {
      ctx.err(`${prog}: ${msg}\nUse ${prog} --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n`);
      return 2;
    };
    const o: Opts = { raw: false, join: false, ascii: false, nullInput: false, slurp: false, exitStatus: false, sortKeys: false, color: null, indent: 2, tab: false, rawInput: false, named: new Map(), positional: [], files: [], program: null, fromFile: false };
    const args = ctx.argv.slice(1);
    let done = false;
    let further: 'files' | 'strings' | 'json' = 'files';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const optish = a[0] === '-' && (a[1] === '-' || /[a-zA-Z]/.test(a[1] ?? ''));
      if (done || !optish) {
        if (o.program === null) o.program = a;
        else if (further === 'strings') o.positional.push(a);
        else if (further === 'json') {
          const r = parseJsonText(a);
          if (!('value' in r)) return die('invalid JSON text passed to --jsonargs');
          o.positional.push(r.value);
        } else o.files.push(a);
        continue;
      }
      if (a === '--') {
        done = true;
        continue;
      }
      const long = a.startsWith('--') ? a.slice(2) : null;
      const shorts = long === null ? a.slice(1) : '';
      let matched = 0;
      const is = (s: string | null, l: string) => (long !== null ? long === l : s !== null && shorts.includes(s) ? (matched++, true) : false);
      if (is('s', 'slurp')) o.slurp = true;
      if (is('r', 'raw-output')) o.raw = true;
      if (is('j', 'join-output')) o.raw = o.join = true;
      if (is('c', 'compact-output')) o.indent = 0;
      if (is('C', 'color-output')) o.color = true;
      if (is('M', 'monochrome-output')) o.color = false;
      if (is('a', 'ascii-output')) o.ascii = true;
      if (is('S', 'sort-keys')) o.sortKeys = true;
      if (is('R', 'raw-input')) o.rawInput = true;
      if (is('n', 'null-input')) o.nullInput = true;
      if (is('f', 'from-file')) o.fromFile = true;
      if (is('e', 'exit-status')) o.exitStatus = true;
      if (long !== null && ['unbuffered', 'seq', 'stream', 'raw-output0'].includes(long)) continue;
      if (long === 'tab') {
        o.tab = true;
        continue;
      }
      if (long === 'indent') {
        if (i >= args.length - 1) return die('--indent takes one parameter');
        const n = parseInt(args[++i], 10) || 0;
        if (n < -1 || n > 7) return die('--indent takes a number between -1 and 7');
        o.indent = n;
        o.tab = false;
        continue;
      }
      if (long === 'args' || long === 'jsonargs') {
        further = long === 'args' ? 'strings' : 'json';
        continue;
      }
      if (long === 'arg' || long === 'argjson') {
        if (i >= args.length - 2) return die(long === 'arg' ? '--arg takes two parameters (e.g. --arg varname value)' : '--argjson takes two parameters (e.g. --argjson varname text)');
        const [name, text] = [args[i + 1], args[i + 2]];
        i += 2;
        if (o.named.has(name)) continue;
        if (long === 'arg') o.named.set(name, text);
        else {
          const r = parseJsonText(text);
          if (!('value' in r)) return die('invalid JSON text passed to --argjson');
          o.named.set(name, r.value);
        }
        continue;
      }
      if (is('h', 'help')) {
        ctx.out(jqHelp(prog));
        return 0;
      }
      if (is('V', 'version')) {
        ctx.out(`jq-${JQ_VERSION}\n`);
        return 0;
      }
      if (long !== null ? !['slurp', 'raw-output', 'join-output', 'compact-output', 'color-output', 'monochrome-output', 'ascii-output', 'sort-keys', 'raw-input', 'null-input', 'from-file', 'exit-status'].includes(long) : shorts.length !== matched) return die(`Unknown option ${a}`);
    }
    const stdoutTty = !ctx.stdoutNotTty;
    if (o.program === null && (!stdoutTty || ctx.stdin !== null)) o.program = '.';
    if (o.program === null) {
      ctx.err(usageHead(prog) + `For listing the command options, use ${prog} --help.\n`);
      return 2;
    }
    let program = o.program;
    if (o.fromFile) {
      const r = readFile(ctx.world, ctx.env, program);
      if (!r.ok) {
        ctx.err(`${prog}: error: Could not open ${program}: ${r.error === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`);
        return 2;
      }
      program = r.content;
    }
    return runProgram(ctx, program, o, stdoutTty);
  },
};

function runProgram(ctx: CommandContext, program: string, o: Opts, stdoutTty: boolean): number {
  let ast: Node;
  const root = prelude();
  const natives = makeNatives({
    nextInput: () => next(),
    debug: (t) => ctx.err(`${t}\n`),
    env: new Map(Object.entries(ctx.env.vars)),
    inputFilename: () => (current && current.name !== '<stdin>' ? current.name : null),
  });
  const globals = new Map<string, Json>([...o.named, ['ENV', new Map(Object.entries(ctx.env.vars))], ['__prog_args', null]]);
  globals.set('ARGS', new Map<string, Json>([['positional', o.positional], ['named', o.named]]));
  try {
    ast = parse(program);
    const errs = checkNames(ast, (k) => !!root.lookupFunc(k) || natives.has(k), new Set(globals.keys()));
    if (errs.length) throw new ParseFailure(errs);
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    ctx.err(compileErrorText(program, e.errors));
    return 3;
  }
  const color = o.color ?? (stdoutTty && !ctx.env.vars.NO_COLOR);
  const dumpOpts = { indent: o.indent, tab: o.tab, sortKeys: o.sortKeys, color, ascii: o.ascii };

  // Inputs: each file's values in order, then its parse error if any.
  type Item = { value: Json; name: string; line: number } | { error: string };
  const items: Item[] = [];
  let openFailed = false;
  const sources = o.files.length ? o.files : ['-'];
  for (const f of sources) {
    let text: string;
    if (f === '-') text = ctx.stdin ?? '';
    else {
      const r = readFile(ctx.world, ctx.env, f);
      if (!r.ok) {
        ctx.err(`jq: error: Could not open ${f}: ${r.error === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`);
        openFailed = true;
        continue;
      }
      text = r.content;
    }
    const name = f === '-' ? '<stdin>' : f;
    if (o.rawInput) {
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      if (o.slurp) items.push({ value: text, name, line: 0 });
      else lines.forEach((l, i) => items.push({ value: l, name, line: i + 1 }));
      continue;
    }
    const r = parseJsonStream(text);
    for (const v of r.values) items.push({ value: v.value, name, line: v.line });
    if (r.error) {
      items.push({ error: r.error });
      break;
    }
  }
  let pos = 0;
  let current: { name: string; line: number } | null = null;
  let parseError: string | null = null;
  const next = (): Json | undefined => {
    if (parseError !== null || pos >= items.length) {
      current = null;
      return undefined;
    }
    const it = items[pos++];
    if ('error' in it) {
      parseError = it.error;
      return undefined;
    }
    current = { name: it.name, line: it.line };
    return it.value;
  };

  const ev = new Evaluator(natives);
  const scope = new Scope(root, new Map(globals));
  let out = '';
  const flush = () => {
    ctx.out(out);
    out = '';
  };
  /** jq's process(): prints every output; -4 none, -1 last was false/null, 0 ok, 5 error. */
  const process = (input: Json): number => {
    let ret = -4;
    try {
      for (const r of ev.valuesOf(ast, input, scope)) {
        if (o.raw && typeof r === 'string') {
          out += r;
          ret = 0;
        } else {
          ret = r === null || r === false ? -1 : 0;
          out += dump(r, dumpOpts);
        }
        if (!o.join) out += '\n';
      }
    } catch (e) {
      flush();
      const at = current ? `${current.name}:${current.line}` : '<unknown>';
      if (e instanceof JqError) {
        const v = e.value;
        ctx.err(typeof v === 'string' ? `jq: error (at ${at}): ${v}\n` : `jq: error (at ${at}) (not a string): ${toJson(v)}\n`);
      } else if (e instanceof BreakSignal) ctx.err(`jq: error (at ${at}): break\n`);
      else if (e instanceof StepLimit) ctx.err(`jq: error (at ${at}): program stopped: the lab runs at most 5,000,000 steps\n`);
      else throw e;
      return 5;
    }
    flush();
    return ret;
  };

  let ret = o.exitStatus ? -4 : 0;
  let lastResult = -1;
  if (o.nullInput) ret = process(null);
  else if (o.slurp) {
    const all: Json[] = [];
    let last: typeof current = null;
    for (let v = next(); v !== undefined; v = next()) {
      all.push(v);
      last = current;
    }
    current = last;
    if (parseError === null) ret = process(o.rawInput ? ((all[0] as string) ?? '') : all);
  } else {
    for (let v = next(); v !== undefined; v = next()) {
      ret = process(v);
      if (ret <= 0 && ret !== -4) lastResult = ret !== -1 ? 1 : 0;
    }
  }
  if (parseError !== null) {
    ctx.err(`jq: parse error: ${parseError}\n`);
    ret = 5;
  }
  if (openFailed) ret = 2;
  if (o.exitStatus) {
    if (ret !== -4) return Math.abs(ret);
    return lastResult === -1 ? 4 : lastResult === 0 ? 1 : 0;
  }
  return ret > 0 ? ret : 0;
}
