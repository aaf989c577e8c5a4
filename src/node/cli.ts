// The `cnlab` command for Node: drive the emulator without a browser (exec a script, an interactive shell, lesson checks).
import { createInterface } from 'node:readline';
import { createWorld, presetNames } from '../core/presets';
import { Session } from '../shell/session';
import { runLines, runTypedLine, type LineSource } from '../shell/script-runner';
import { PS2 } from '../shell/continuation';
import { ManualInterrupt } from '../shell/interrupts';
import { lessonsCommand } from './lessons-check';

const USAGE = `Usage: cnlab COMMAND [OPTIONS]

Commands:
  exec [--seed N] [--world PRESET]   Run command lines from stdin on a fresh world, printing each after its prompt
  shell [--seed N] [--world PRESET]  An interactive lab shell in this terminal
  lessons check [-v] [FILE|DIR...]   Replay lessons: every check false before its solution, true after it

Worlds: ${presetNames().join(', ')}
`;

function parseOpts(args: string[]): { seed: number; world: string } | string {
  let seed = 1;
  let world = 'single-host';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--seed') {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v)) return `cnlab: --seed needs a non-negative integer`;
      seed = Number(v);
    } else if (flag === '--world') {
      const v = value();
      if (!v || !presetNames().includes(v)) return `cnlab: unknown world "${v ?? ''}" (known: ${presetNames().join(', ')})`;
      world = v;
    } else {
      return `cnlab: unknown option ${a}\n\n${USAGE}`;
    }
  }
  return { seed, world };
}

/** Lines from a readable stream, one at a time, for both commands and prompt answers. */
function streamSource(input: NodeJS.ReadableStream): LineSource {
  const rl = createInterface({ input, crlfDelay: Infinity });
  const it = rl[Symbol.asyncIterator]();
  return {
    async next() {
      const r = await it.next();
      return r.done ? null : r.value;
    },
  };
}

async function exec(args: string[]): Promise<number> {
  const opts = parseOpts(args);
  if (typeof opts === 'string') {
    process.stderr.write(opts + '\n');
    return 2;
  }
  const session = new Session(createWorld({ seed: opts.seed, preset: opts.world }), 'host1');
  await runLines(session, streamSource(process.stdin), (t) => process.stdout.write(t));
  return 0;
}

async function shell(args: string[]): Promise<number> {
  const opts = parseOpts(args);
  if (typeof opts === 'string') {
    process.stderr.write(opts + '\n');
    return 2;
  }
  const world = createWorld({ seed: opts.seed, preset: opts.world });
  const session = new Session(world, 'host1', { pace: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 1000))) });
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 1000 });
  // One listener feeds whoever waits for a line: the prompt loop or a command asking a question.
  const queued: string[] = [];
  let waiter: ((line: string | null) => void) | null = null;
  let closed = false;
  const nextLine = () =>
    new Promise<string | null>((resolve) => {
      if (queued.length) resolve(queued.shift()!);
      else if (closed) resolve(null);
      else waiter = resolve;
    });
  rl.on('line', (l) => {
    if (waiter) {
      const w = waiter;
      waiter = null;
      w(l);
    } else queued.push(l);
  });
  rl.on('close', () => {
    closed = true;
    waiter?.(null);
  });
  let running: ManualInterrupt | null = null;
  /** Waiting for the rest of an open command at PS2 (Ctrl-C there drops the command). */
  let atPs2 = false;
  rl.on('SIGINT', () => {
    if (running && atPs2) {
      process.stdout.write('^C\n');
      running.fire();
      const w = waiter;
      waiter = null;
      w?.(null);
    } else if (running) {
      process.stdout.write('^C');
      running.fire();
    } else {
      process.stdout.write('^C\n');
      rl.prompt();
    }
  });
  for (;;) {
    rl.setPrompt(session.prompt());
    rl.prompt();
    const line = await nextLine();
    if (line === null) break;
    running = new ManualInterrupt();
    const onContinue = () => {
      atPs2 = true;
      rl.setPrompt(PS2);
      rl.prompt();
    };
    const input = {
      next: async () => {
        const l = await nextLine();
        atPs2 = false;
        return l;
      },
    };
    await runTypedLine(session, line, (t) => process.stdout.write(t), { echo: false, input, interrupt: running, onContinue });
    running = null;
    if (session.closed) break;
  }
  rl.close();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'exec':
      return exec(rest);
    case 'shell':
      return shell(rest);
    case 'lessons':
      return lessonsCommand(rest, (t) => process.stdout.write(t));
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE);
      return cmd === undefined ? 2 : 0;
    default:
      process.stderr.write(`cnlab: unknown command "${cmd}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`cnlab: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
