// Running the compound commands: for/while/until loops (with break and continue), if/elif/else, and { ...; } or
// ( ... ) groups, with redirections on the whole construct.
import type { CompoundCommand, Script } from './ast';
import type { CommandIO, Interrupt } from './types';
import type { Session } from './session';
import { applyRedirects, expandWord, runList } from './interpreter';

/** A loop that never waits cannot be interrupted in simulated time; the lab stops it rather than hang. */
export const MAX_LOOP_ROUNDS = 10_000;

async function body(session: Session, script: Script, io: CommandIO, interrupt: Interrupt): Promise<number> {
  return runList(session, script, io, interrupt);
}

/** One round of a loop body, and whether the loop ends there (`break`, Ctrl-C, `exit`). `break N`/`continue N` for an
 * outer loop leave this one with the count lowered, for the next loop out to act on. */
async function round(session: Session, script: Script, io: CommandIO, interrupt: Interrupt): Promise<{ status: number; leave: boolean }> {
  const status = await body(session, script, io, interrupt);
  const control = session.loopControl;
  if (control) {
    if (control.levels > 1) {
      control.levels--;
      return { status, leave: true };
    }
    session.loopControl = null;
    return { status, leave: control.kind === 'break' };
  }
  return { status, leave: interrupt.interrupted || session.closed };
}

async function loop(session: Session, cmd: Extract<CompoundCommand, { kind: 'for' | 'while' }>, io: CommandIO, interrupt: Interrupt): Promise<number> {
  let status = 0;
  session.loopDepth++;
  try {
    if (cmd.kind === 'for') {
      const values: string[] = [];
      for (const w of cmd.words) values.push(...(await expandWord(session, w, interrupt, io)));
      for (const v of values) {
        session.env.vars[cmd.name] = v;
        const r = await round(session, cmd.body, io, interrupt);
        status = r.status;
        if (r.leave) break;
      }
      return status;
    }
    for (let n = 0; ; n++) {
      if (n >= MAX_LOOP_ROUNDS) {
        io.err(`cnlab: the loop stopped after ${MAX_LOOP_ROUNDS} rounds (the lab ends loops that never wait)\n`);
        return 1;
      }
      const cond = await body(session, cmd.cond, io, interrupt);
      if (interrupt.interrupted || session.closed) break;
      if (cmd.until ? cond === 0 : cond !== 0) break;
      const r = await round(session, cmd.body, io, interrupt);
      status = r.status;
      if (r.leave) break;
    }
    return status;
  } finally {
    session.loopDepth--;
  }
}

async function run(session: Session, cmd: CompoundCommand, io: CommandIO, interrupt: Interrupt): Promise<number> {
  switch (cmd.kind) {
    case 'for':
    case 'while':
      return loop(session, cmd, io, interrupt);
    case 'if': {
      for (const b of cmd.branches) {
        const cond = await body(session, b.cond, io, interrupt);
        if (interrupt.interrupted || session.closed) return cond;
        if (cond === 0) return body(session, b.body, io, interrupt);
      }
      return cmd.otherwise ? body(session, cmd.otherwise, io, interrupt) : 0;
    }
    case 'group': {
      if (!cmd.subshell) return body(session, cmd.body, io, interrupt);
      // A subshell: a copy of this shell whose variables and directory are dropped when it ends.
      session.pushEnv({ ...session.env, vars: { ...session.env.vars }, newShell: false });
      try {
        return await body(session, cmd.body, io, interrupt);
      } finally {
        session.popEnv();
      }
    }
  }
}

/** Runs a compound command with its own redirections (`done > file`). */
export async function runCompound(session: Session, cmd: CompoundCommand, stdin: string | null, io: CommandIO, interrupt: Interrupt): Promise<number> {
  const redirected = await applyRedirects(session, cmd.redirects, stdin, io, interrupt);
  if (typeof redirected === 'number') return redirected;
  const status = await run(session, cmd, redirected.io, interrupt);
  return (await redirected.finish()) ?? status;
}
