// procps-ng 4.0.4's output columns (ps/output.c format_array: header, width, justification) and show_one_proc's
// layout: each column starts where the widths say it should, a too-wide value pushes the line right and later
// columns take the slack back.
import type { Proc } from '../../../core/proc/process-table';
import { HOST_MEM_KIB } from '../../../core/proc/process-table';
import { MONTH_NAMES as MONTHS } from '../../../core/sim/clock';

type Just = 'left' | 'right' | 'user' | 'unlimited';

export interface Column {
  head: string;
  width: number;
  just: Just;
  value(p: Proc, now: Ctx): string;
}

/** What a column's value may depend on besides the process: the current time. */
export interface Ctx {
  nowUs: number;
}

/** pid_max is 4194304 on Ubuntu 24.04 (systemd's 50-pid-max.conf), so PID columns are 7 wide (CF_PIDMAX). */
const PIDW = 7;

const p2 = (n: number) => String(n).padStart(2, '0');

/** pr_stime: `%H:%M` today, `%b%d` earlier this year, `%Y` before (the hosts run in UTC). */
export function stime(us: number, nowUs: number): string {
  const t = new Date(Math.floor(us / 1000));
  const n = new Date(Math.floor(nowUs / 1000));
  if (t.getUTCFullYear() !== n.getUTCFullYear()) return String(t.getUTCFullYear());
  const day = (d: Date) => Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86_400_000);
  if (day(t) !== day(n)) return `${MONTHS[t.getUTCMonth()]}${p2(t.getUTCDate())}`;
  return `${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}`;
}

/** pr_time: `[DD-]HH:MM:SS` of CPU time. */
function cputime(s: number): string {
  const d = Math.floor(s / 86400);
  const rest = `${p2(Math.floor(s / 3600) % 24)}:${p2(Math.floor(s / 60) % 60)}:${p2(s % 60)}`;
  return d ? `${d}-${rest}` : rest;
}

/** pr_bsdtime: `M:SS`. */
function bsdtime(s: number): string {
  return `${Math.floor(s / 60)}:${p2(s % 60)}`;
}

/** ps prints a user name wider than the column as its first width-1 characters and `+` (`systemd+`). */
function user(p: Proc, width: number): string {
  return p.user.length > width ? p.user.slice(0, width - 1) + '+' : p.user;
}

const args = (p: Proc) => p.args || `[${p.comm}]`;
const tty = (p: Proc) => p.tty ?? '?';

export const COLUMNS: Record<string, Column> = {
  pid: { head: 'PID', width: PIDW, just: 'right', value: (p) => String(p.pid) },
  ppid: { head: 'PPID', width: PIDW, just: 'right', value: (p) => String(p.ppid) },
  pgid: { head: 'PGID', width: PIDW, just: 'right', value: (p) => String(p.sid) },
  sid: { head: 'SID', width: PIDW, just: 'right', value: (p) => String(p.sid) },
  user: { head: 'USER', width: 8, just: 'user', value: (p) => user(p, 8) },
  euser: { head: 'EUSER', width: 8, just: 'user', value: (p) => user(p, 8) },
  ruser: { head: 'RUSER', width: 8, just: 'user', value: (p) => user(p, 8) },
  uid_hack: { head: 'UID', width: 8, just: 'user', value: (p) => user(p, 8) },
  uid: { head: 'UID', width: 5, just: 'right', value: (p) => String(p.uid) },
  euid: { head: 'EUID', width: 5, just: 'right', value: (p) => String(p.uid) },
  c: { head: 'C', width: 2, just: 'right', value: () => '0' },
  '%cpu': { head: '%CPU', width: 4, just: 'right', value: () => '0.0' },
  '%mem': {
    head: '%MEM', width: 4, just: 'right',
    value: (p) => {
      const pm = Math.floor((p.rss * 1000) / HOST_MEM_KIB);
      return `${Math.floor(pm / 10)}.${pm % 10}`;
    },
  },
  vsz: { head: 'VSZ', width: 6, just: 'right', value: (p) => String(p.vsz) },
  rss: { head: 'RSS', width: 5, just: 'right', value: (p) => String(p.rss) },
  tname: { head: 'TTY', width: 8, just: 'left', value: tty },
  tt: { head: 'TT', width: 8, just: 'left', value: tty },
  stat: { head: 'STAT', width: 4, just: 'left', value: (p) => p.stat },
  s: { head: 'S', width: 1, just: 'left', value: (p) => p.stat[0] },
  stime: { head: 'STIME', width: 5, just: 'right', value: (p, c) => stime(p.startUs, c.nowUs) },
  start_time: { head: 'START', width: 5, just: 'right', value: (p, c) => stime(p.startUs, c.nowUs) },
  time: { head: 'TIME', width: 8, just: 'right', value: (p) => cputime(p.cpuS) },
  bsdtime: { head: 'TIME', width: 6, just: 'right', value: (p) => bsdtime(p.cpuS) },
  etimes: { head: 'ELAPSED', width: 7, just: 'right', value: (p, c) => String(Math.max(0, Math.floor((c.nowUs - p.startUs) / 1e6))) },
  comm: { head: 'COMMAND', width: 15, just: 'unlimited', value: (p) => p.comm },
  ucmd: { head: 'CMD', width: 15, just: 'unlimited', value: (p) => p.comm },
  args: { head: 'COMMAND', width: 27, just: 'unlimited', value: args },
  cmd: { head: 'CMD', width: 27, just: 'unlimited', value: args },
};

/** Names -o accepts for the columns above (procps's aliases). */
export const ALIASES: Record<string, string> = {
  command: 'args', ucomm: 'comm', tty: 'tname', pcpu: '%cpu', pmem: '%mem', vsize: 'vsz', rssize: 'rss', rsz: 'rss',
  cputime: 'time', start: 'start_time', lstart: 'start_time', state: 's', uname: 'user', username: 'user', tid: 'pid', lwp: 'pid',
  pgrp: 'pgid', sess: 'sid', session: 'sid', gid: 'uid', etime: 'etimes',
};

/** A column chosen with `-o name[=HEADER]`. */
export interface Chosen {
  col: Column;
  head: string;
}

export function column(name: string): Column | undefined {
  return COLUMNS[ALIASES[name] ?? name];
}

/** show_one_proc: one line (a header when `p` is null) laid out as procps does. */
export function layout(cols: Chosen[], p: Proc | null, ctx: Ctx): string {
  let line = '';
  let correct = 0;
  cols.forEach((c, i) => {
    const text = p ? c.col.value(p, ctx) : c.head;
    let leftpad = 0;
    // A numeric field (and USER when it holds a number) is right-aligned; headers of text columns are left-aligned.
    if (c.col.just === 'right' || (c.col.just === 'user' && p && /^\d+$/.test(text))) leftpad = Math.max(0, c.col.width - text.length);
    let space = correct - line.length + leftpad;
    if (space < 1) space = i === 0 ? 0 : 1;
    line += ' '.repeat(space) + text;
    correct += c.col.width + 1;
  });
  return line.replace(/\s+$/, '') + '\n';
}
