// Runs a parsed line: expands words, wires pipes and redirections, finds each program and runs it in the right env.
import { isCompound, type AndOr, type Command, type Redirect, type Script, type SimpleCommand, type Word } from './ast';
import { runCompound } from './compound';
import { ArithError, evalArith } from './arith';
import { JobInterrupt } from './jobs';
import type { CommandContext, CommandIO, Interrupt, ProcessEnv } from './types';
import type { Session } from './session';
import { parseLine } from './parser';
import { readFile, writeFile } from './vfs';
import { expandPathname, hasGlob, type PatternText } from './glob';
import { installHint } from './command-not-found';
import { lookupProgram } from './path';

/** Exit status of a command killed by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

export async function runScript(session: Session, script: Script, io: CommandIO, interrupt: Interrupt): Promise<number> {
  const status = await runList(session, script, io, interrupt);
  // A job killed by SIGINT leaves the cursor after the tty's `^C`: the shell starts a new line for its prompt.
  // (Programs that catch SIGINT, like ping, print their own ending and exit with their own status.)
  if (interrupt.interrupted && status === EXIT_INTERRUPTED) io.err('\n');
  return status;
}

/** A list of and-or lists in order (a line, or a loop's body); stops early for Ctrl-C, `exit`, `break`/`continue`. */
export async function runList(session: Session, script: Script, io: CommandIO, interrupt: Interrupt): Promise<number> {
  let status = session.lastExit;
  for (const item of script.items) {
    if (interrupt.interrupted || session.closed || session.loopControl) break;
    if (item.background) {
      // `CMD &`: a job of its own (its own Ctrl-C, its output wherever the terminal is); the shell goes on at once.
      const job = session.jobs.start(item.text ?? '', (jobInterrupt) => runAndOr(session, item, session.backgroundIO(), jobInterrupt, false));
      io.err(`[${job.id}] ${job.pid}\n`);
      status = 0;
      session.lastExit = 0;
      continue;
    }
    status = await runAndOr(session, item, io, interrupt, true);
  }
  return status;
}

/** One and-or list (`a && b || c`); a background job's statuses do not touch the shell's `$?`. */
async function runAndOr(session: Session, item: AndOr, io: CommandIO, interrupt: Interrupt, foreground: boolean): Promise<number> {
  let status = await runPipeline(session, item.first, io, interrupt);
  if (foreground) session.lastExit = status;
  for (const { op, pipeline } of item.rest) {
    if (interrupt.interrupted) break;
    if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
    status = await runPipeline(session, pipeline, io, interrupt);
    if (foreground) session.lastExit = status;
  }
  return status;
}

async function runPipeline(session: Session, pipeline: Script['items'][0]['first'], io: CommandIO, interrupt: Interrupt): Promise<number> {
  let stdin: string | null = null;
  let status = 0;
  for (let i = 0; i < pipeline.commands.length; i++) {
    const last = i === pipeline.commands.length - 1;
    let captured = '';
    const stageIO: CommandIO = last ? io : { out: (t) => (captured += t), err: io.err, readLine: io.readLine, stdoutNotTty: true };
    status = await runCommand(session, pipeline.commands[i], stdin, stageIO, interrupt);
    stdin = captured;
    if (interrupt.interrupted) break;
  }
  return pipeline.negate ? (status === 0 ? 1 : 0) : status;
}

function lookupVar(session: Session, env: ProcessEnv, name: string): string {
  switch (name) {
    case '?':
      return String(session.lastExit);
    case '$':
      return String(session.shellPid() ?? 4242);
    case '!':
      return session.jobs.lastPid === null ? '' : String(session.jobs.lastPid);
    case '#':
      return '0';
    case '0':
      return env.shell;
    case 'HOME':
      return env.user === 'root' ? '/root' : `/home/${env.user}`;
    case 'USER':
      return env.user;
    case 'HOSTNAME':
      return env.hostname;
    case 'PATH':
      return env.vars.PATH ?? (env.containerId ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin');
    case 'PWD':
      return env.cwd.replace(/^~/, env.user === 'root' ? '/root' : `/home/${env.user}`);
    default:
      return env.vars[name] ?? '';
  }
}

/** Expands one word into fields: unquoted expansions are split on whitespace, quoted ones are kept whole; a field with
 * unquoted glob characters becomes the paths it matches (or stays as typed when none do). */
export async function expandWord(session: Session, word: Word, interrupt: Interrupt, errIO: CommandIO): Promise<string[]> {
  const fields: PatternText[] = [];
  let cur: PatternText = { text: '', active: [] };
  let hasContent = false;
  const add = (text: string, active: boolean) => {
    cur.text += text;
    for (let i = 0; i < text.length; i++) cur.active.push(active);
  };
  for (const part of word) {
    let value: string;
    if (part.kind === 'lit') {
      add(part.text, !part.quoted);
      hasContent = true;
      continue;
    }
    if (part.kind === 'var') value = lookupVar(session, session.env, part.name);
    else if (part.kind === 'arith') {
      try {
        value = String(evalArith(part.source.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|[?$#!0-9])\}?/g, (_, n: string) => lookupVar(session, session.env, n)), (n) => lookupVar(session, session.env, n)));
      } catch (e) {
        if (!(e instanceof ArithError)) throw e;
        errIO.err(`${session.env.shell}: ${part.source.trim()}: ${e.message}\n`);
        value = '';
      }
    } else value = (await captureOutput(session, part.source, interrupt, errIO)).replace(/\n+$/, '');
    if (part.quoted) {
      add(value, false);
      hasContent = true;
      continue;
    }
    const pieces = value.split(/[ \t\n]+/);
    for (let i = 0; i < pieces.length; i++) {
      if (i > 0) {
        if (hasContent || cur.text) fields.push(cur);
        cur = { text: '', active: [] };
        hasContent = false;
      }
      if (pieces[i]) {
        add(pieces[i], true);
        hasContent = true;
      }
    }
  }
  if (hasContent || cur.text) fields.push(cur);
  return fields.flatMap((f) => {
    if (!hasGlob(f)) return [f.text];
    const matches = expandPathname(session.world, session.env, f);
    return matches.length ? matches : [f.text];
  });
}

/** `$(...)`: runs a nested line and returns what it printed on stdout. */
async function captureOutput(session: Session, source: string, interrupt: Interrupt, errIO: CommandIO): Promise<string> {
  const parsed = parseLine(source);
  if (!parsed.ok) {
    errIO.err(`${session.env.shell}: ${parsed.message}\n`);
    return '';
  }
  let out = '';
  const saved = session.lastExit;
  await runScript(session, parsed.script, { out: (t) => (out += t), err: errIO.err, readLine: errIO.readLine, stdoutNotTty: true }, interrupt);
  session.lastExit = saved;
  return out;
}

function runCommand(session: Session, cmd: Command, stdin: string | null, io: CommandIO, interrupt: Interrupt): Promise<number> {
  return isCompound(cmd) ? runCompound(session, cmd, stdin, io, interrupt) : runSimple(session, cmd, stdin, io, interrupt);
}

async function runSimple(session: Session, cmd: SimpleCommand, stdin: string | null, io: CommandIO, interrupt: Interrupt): Promise<number> {
  const argv: string[] = [];
  for (const w of cmd.words) argv.push(...(await expandWord(session, w, interrupt, io)));
  const env = session.env;
  const assigned: Record<string, string> = {};
  for (const a of cmd.assignments) assigned[a.name] = (await expandWord(session, a.value, interrupt, io)).join(' ');
  if (argv.length === 0) {
    Object.assign(env.vars, assigned);
    return 0;
  }
  const procEnv: ProcessEnv = Object.keys(assigned).length ? { ...env, vars: { ...env.vars, ...assigned }, exported: [...(env.exported ?? []), ...Object.keys(assigned)] } : env;

  const redirected = await applyRedirects(session, cmd.redirects, stdin, io, interrupt);
  if (typeof redirected === 'number') return redirected;
  const status = await execProgram(session, argv, procEnv, redirected.stdin, redirected.io, interrupt);
  return (await redirected.finish()) ?? status;
}

interface Redirected {
  io: CommandIO;
  stdin: string | null;
  /** Writes the captured output to its files; a status when that failed. */
  finish(): Promise<number | null>;
}

/** Redirections: stdout/stderr to files (or /dev/null), stdin from a file; a status when one cannot be opened. */
export async function applyRedirects(session: Session, redirects: Redirect[], stdinIn: string | null, io: CommandIO, interrupt: Interrupt): Promise<Redirected | number> {
  const env = session.env;
  let stdin = stdinIn;
  let out = io.out;
  let err = io.err;
  let stdoutNotTty = io.stdoutNotTty;
  const writes: { path: string; append: boolean; fd: number; text: string }[] = [];
  for (const r of redirects) {
    if (r.op === '>&') {
      if (r.fd === 2 && r.target === 1) err = out;
      continue;
    }
    const target = (await expandWord(session, r.target as Word, interrupt, io)).join(' ');
    if (r.op === '<') {
      const res = readFile(session.world, env, target);
      if (!res.ok) {
        io.err(`${env.shell}: ${target}: ${res.error === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`);
        return 1;
      }
      stdin = res.content;
      continue;
    }
    const w = { path: target, append: r.op === '>>', fd: r.fd, text: '' };
    writes.push(w);
    if (r.fd === 1 || r.fd === 3) {
      out = (t) => (w.text += t);
      stdoutNotTty = true;
    }
    if (r.fd === 2 || r.fd === 3) err = (t) => (w.text += t);
  }
  const finish = async () => {
    for (const w of writes) {
      const problem = writeFile(session.world, env, w.path, w.text, w.append);
      if (problem) {
        io.err(`${env.shell}: ${w.path}: ${problem}\n`);
        return 1;
      }
    }
    return null;
  };
  return { io: { out, err, readLine: io.readLine, stdoutNotTty }, stdin, finish };
}

/** Finds argv[0] for the env's userland and runs it; the shell's own "not found" otherwise. */
export async function execProgram(
  session: Session,
  argv: string[],
  env: ProcessEnv,
  stdin: string | null,
  io: CommandIO,
  interrupt: Interrupt,
): Promise<number> {
  const name = argv[0];
  const found = lookupProgram(session.world, env, name);
  if (found.kind === 'not-emulated') {
    io.err(`cnlab: '${name}' is installed, but this lab does not emulate it\n`);
    return 127;
  }
  const program = found.kind === 'found' ? found.program : undefined;
  if (!program) {
    const hint = env.flavor === 'ubuntu' && env.shell === 'bash' ? installHint(name, env.user) : null;
    if (hint) io.err(hint);
    else if (env.shell === 'bash') io.err(`bash: ${name}: command not found\n`);
    else if (env.shell === 'dash' || (env.shell === 'sh' && env.flavor !== 'busybox')) io.err(`sh: 1: ${name}: not found\n`);
    else io.err(`${env.shell}: ${name}: not found\n`);
    return 127;
  }
  const ctx: CommandContext = {
    world: session.world,
    session,
    env,
    argv,
    stdin,
    out: io.out,
    err: io.err,
    readLine: io.readLine,
    stdoutNotTty: io.stdoutNotTty,
    interrupt,
    sleep: (us) => sleepFor(session, us, interrupt),
    catchUp: (us) => catchUp(session, us, interrupt),
    spawn: (childArgv, childEnv) => execProgram(session, childArgv, childEnv, stdin, io, interrupt),
  };
  try {
    return await program.run(ctx);
  } catch (e) {
    // A bug in a command must not take the whole lab down: say so like a crashed process would.
    io.err(`${name}: internal error: ${(e as Error).message}\n`);
    return 1;
  }
}

async function catchUp(session: Session, us: number, interrupt: Interrupt): Promise<boolean> {
  const pace = session.options.pace;
  if (pace && us > 0 && !interrupt.interrupted) {
    await Promise.race([pace(us / 1000), new Promise<void>((resolve) => interrupt.onInterrupt(resolve))]);
  }
  return !interrupt.interrupted;
}

async function sleepFor(session: Session, us: number, interrupt: Interrupt): Promise<boolean> {
  if (interrupt.interrupted) return false;
  const clock = session.world.clock;
  const pace = session.options.pace;
  if (!pace) {
    // No real time: a background job waits for the foreground to move the clock; the foreground moves it.
    if (interrupt instanceof JobInterrupt) return session.jobs.sleep(us, interrupt);
    await session.jobs.advance(us);
    return !interrupt.interrupted;
  }
  // Paced (a browser): commands in other tabs sleep at the same time, so each moves the shared clock to its own
  // deadline instead of adding to it; one simulated second still takes one real second.
  const deadline = clock.now() + us;
  await Promise.race([pace(us / 1000), new Promise<void>((resolve) => interrupt.onInterrupt(resolve))]);
  if (!interrupt.interrupted) clock.advanceTo(deadline);
  return !interrupt.interrupted;
}
