// ps: procps-ng 4.0.4 (Ubuntu host, netshoot, Debian images after `apt-get install procps`) with its SysV (-ef),
// BSD (aux) and GNU (--ppid) option styles, and BusyBox ps in alpine/busybox images. Both read the process table
// computed from the world (core/proc/process-table.ts).
import type { CommandContext, Program } from '../../types';
import type { Proc } from '../../../core/proc/process-table';
import { column, layout, type Chosen } from './columns';
import { readProcesses } from './procs';
import { busyboxPs } from './busybox';

const FMT_DEFAULT = 'pid,tname,time,ucmd';
const FMT_FULL = 'uid_hack,pid,ppid,c,stime,tname,time,cmd';
const FMT_BSD = 'pid,tname,stat,bsdtime,args';
const FMT_USER = 'user,pid,%cpu,%mem,vsz,rss,tname,stat,start_time,bsdtime,args';

const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

const HELP_SIMPLE = `
Usage:
 ps [options]

Basic options:
 -A, -e               all processes
 -a                   all with tty, except session leaders
  a                   all with tty, including other users
 -d                   all except session leaders
 -N, --deselect       negate selection
  r                   only running processes
  T                   all processes on this terminal
  x                   processes without controlling ttys

 --help <simple|list|output|threads|misc|all>
 --help <s|l|o|t|m|a>

For more details see ps(1).
`;

interface Opts {
  all: boolean;
  bsdA: boolean;
  bsdX: boolean;
  dashA: boolean;
  full: boolean;
  bsdU: boolean;
  bsd: boolean;
  pids: number[];
  ppids: number[];
  names: string[];
  users: string[];
  format: string[];
  noHeaders: boolean;
  deselect: boolean;
}

class PsError extends Error {}

function list(v: string | undefined, what: string): string[] {
  if (v === undefined || v === '') throw new PsError(`error: ${what}\n${USAGE}`);
  return v.split(/[,\s]+/).filter(Boolean);
}

function pidList(v: string | undefined): number[] {
  const items = list(v, 'list of process IDs must follow -p');
  if (items.some((x) => !/^\d+$/.test(x) || Number(x) === 0)) throw new PsError(`error: process ID list syntax error\n${USAGE}`);
  return items.map(Number);
}

function parse(argv: string[]): Opts | 'help' | 'version' {
  const o: Opts = { all: false, bsdA: false, bsdX: false, dashA: false, full: false, bsdU: false, bsd: false, pids: [], ppids: [], names: [], users: [], format: [], noHeaders: false, deselect: false };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (a === '-aux' || a === '-axu') a = 'aux';
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s);
      const val = () => inline ?? argv[++i];
      if (name === 'help') return 'help';
      if (name === 'version') return 'version';
      if (name === 'ppid') o.ppids.push(...pidList(val()));
      else if (name === 'pid') o.pids.push(...pidList(val()));
      else if (name === 'user' || name === 'User') o.users.push(...list(val(), 'user name does not exist'));
      else if (name === 'format') o.format.push(val() ?? '');
      else if (name === 'no-headers' || name === 'no-heading') o.noHeaders = true;
      else if (name === 'deselect') o.deselect = true;
      else if (name === 'sort' || name === 'cols' || name === 'columns' || name === 'width') val();
      else throw new PsError(`error: unknown gnu long option\n${USAGE}`);
      continue;
    }
    if (a.startsWith('-')) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        const rest = () => (j + 1 < a.length ? a.slice(j + 1) : argv[++i]);
        if (ch === 'e' || ch === 'A') o.all = true;
        else if (ch === 'a') o.dashA = true;
        else if (ch === 'f') o.full = true;
        else if (ch === 'N') o.deselect = true;
        else if (ch === 'w' || ch === 'l' || ch === 'y' || ch === 'H' || ch === 'j') continue;
        else if (ch === 'p' || ch === 'q') { o.pids.push(...pidList(rest())); break; }
        else if (ch === 'C') { o.names.push(...list(rest(), 'list of command names must follow -C')); break; }
        else if (ch === 'o') { o.format.push(rest() ?? ''); break; }
        else if (ch === 'u' || ch === 'U') { o.users.push(...list(rest(), 'list of users must follow -u')); break; }
        else throw new PsError(`error: unsupported SysV option\n${USAGE}`);
      }
      continue;
    }
    o.bsd = true;
    for (let j = 0; j < a.length; j++) {
      const ch = a[j];
      if (ch === 'a') o.bsdA = true;
      else if (ch === 'x') o.bsdX = true;
      else if (ch === 'u') o.bsdU = true;
      else if (ch === 'w' || ch === 'f' || ch === 'e') continue;
      else if (ch === 'o') { o.format.push(j + 1 < a.length ? a.slice(j + 1) : (argv[++i] ?? '')); break; }
      else if (ch === 'p') { o.pids.push(...pidList(j + 1 < a.length ? a.slice(j + 1) : argv[++i])); break; }
      else if (/\d/.test(ch)) { o.pids.push(...pidList(a.slice(j))); break; }
      else throw new PsError(`error: unsupported option (BSD syntax)\n${USAGE}`);
    }
  }
  return o;
}

/** -o lists: `pid,comm`, `pid=ID`, several -o given in turn. */
function chosenColumns(o: Opts): Chosen[] {
  const specs = o.format.length ? o.format : [o.bsdU ? FMT_USER : o.full ? FMT_FULL : o.bsd ? FMT_BSD : FMT_DEFAULT];
  const out: Chosen[] = [];
  for (const spec of specs) {
    // A header (`pid=ID`) runs to the end of its -o argument.
    const eq = spec.indexOf('=');
    const names = (eq >= 0 ? spec.slice(0, eq) : spec).split(/[,\s]+/).filter(Boolean);
    names.forEach((name, k) => {
      const col = column(name.toLowerCase());
      if (!col) throw new PsError(`error: unknown user-defined format specifier "${name}"\n${USAGE}`);
      out.push({ col, head: eq >= 0 && k === names.length - 1 ? spec.slice(eq + 1) : col.head });
    });
  }
  return out;
}

function select(o: Opts, procs: Proc[], self: Proc): Proc[] {
  const listed = o.pids.length || o.ppids.length || o.names.length || o.users.length;
  const keep = (p: Proc): boolean => {
    if (o.all || (o.bsdA && o.bsdX)) return true;
    if (listed) return o.pids.includes(p.pid) || o.ppids.includes(p.ppid) || o.names.includes(p.comm) || o.users.includes(p.user) || o.users.includes(String(p.uid));
    if (o.dashA) return p.tty !== null && p.sid !== p.pid;
    if (o.bsdA) return p.tty !== null;
    if (o.bsdX) return p.uid === self.uid;
    return p.uid === self.uid && p.tty === self.tty;
  };
  return procs.filter((p) => keep(p) !== o.deselect);
}

async function procpsPs(ctx: CommandContext): Promise<number> {
  let o: ReturnType<typeof parse>;
  let cols: Chosen[];
  try {
    o = parse(ctx.argv.slice(1));
    if (o === 'help') {
      ctx.out(HELP_SIMPLE);
      return 0;
    }
    if (o === 'version') {
      ctx.out('ps from procps-ng 4.0.4\n');
      return 0;
    }
    cols = chosenColumns(o);
  } catch (e) {
    if (!(e instanceof PsError)) throw e;
    ctx.err(e.message);
    return 1;
  }
  const view = readProcesses(ctx);
  const now = { nowUs: ctx.world.clock.now() };
  const shown = select(o, view.procs, view.self);
  if (!o.noHeaders && cols.some((c) => c.head)) ctx.out(layout(cols, null, now));
  for (const p of shown) ctx.out(layout(cols, p, now));
  // ps exits 1 when it selected nothing.
  return shown.length ? 0 : 1;
}

export const ps: Program = {
  name: 'ps',
  summary: 'report a snapshot of the current processes',
  run: (ctx) => (ctx.env.flavor === 'busybox' ? busyboxPs(ctx) : procpsPs(ctx)),
};
