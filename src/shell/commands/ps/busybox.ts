// BusyBox 1.37 ps (CONFIG_DESKTOP, as Alpine builds it): every process, `PID   USER     TIME  COMMAND` by default,
// `-o COL[=HEADER],...` columns; -a -A -d -e -f -l are accepted and ignored, other options are refused.
import type { CommandContext } from '../../types';
import type { Proc } from '../../../core/proc/process-table';
import { readProcesses } from './procs';

const USAGE = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: ps [-o COL1,COL2=HEADER] [-T]

Show list of processes

	-o COL1,COL2=HEADER	Select columns for display
	-T			Show threads
`;

/** out_spec[]: width (negative: left-aligned text), header, value. */
const SPEC: Record<string, [number, string, (p: Proc) => string]> = {
  user: [-8, 'USER', (p) => p.user.slice(0, 8)],
  group: [-8, 'GROUP', (p) => p.user.slice(0, 8)],
  comm: [-16, 'COMMAND', (p) => p.comm],
  args: [0, 'COMMAND', (p) => p.args || `[${p.comm}]`],
  pid: [5, 'PID', (p) => String(p.pid)],
  ppid: [5, 'PPID', (p) => String(p.ppid)],
  pgid: [5, 'PGID', (p) => String(p.sid)],
  time: [5, 'TIME', (p) => `${Math.floor(p.cpuS / 60)}:${String(p.cpuS % 60).padStart(2, '0')}`],
  tty: [-6, 'TT', (p) => p.tty ?? '?'],
  vsz: [4, 'VSZ', (p) => String(p.vsz)],
  rss: [4, 'RSS', (p) => String(p.rss)],
  stat: [-4, 'STAT', (p) => p.stat.replace(/[l+<]/g, '')],
};

export async function busyboxPs(ctx: CommandContext): Promise<number> {
  const specs: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const ch = a[j];
      if ('aAdeflTwZ'.includes(ch)) continue;
      if (ch === 'o') {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) {
          ctx.err(`ps: option requires an argument: o\n${USAGE}`);
          return 1;
        }
        specs.push(v);
        break;
      }
      ctx.err(`ps: unrecognized option: ${ch}\n${USAGE}`);
      return 1;
    }
  }
  const cols: [number, string, (p: Proc) => string][] = [];
  for (const spec of specs.length ? specs : ['pid,user,time,args']) {
    for (const item of spec.split(',')) {
      const eq = item.indexOf('=');
      const name = eq >= 0 ? item.slice(0, eq) : item;
      const s = SPEC[name];
      if (!s) {
        ctx.err(`ps: bad -o argument '${name}', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,time,tty,vsz,sid,stat,rss\n`);
        return 1;
      }
      cols.push([s[0], eq >= 0 ? item.slice(eq + 1) : s[1], s[2]]);
    }
  }
  const { procs } = readProcesses(ctx);
  const row = (cells: string[], header: boolean) =>
    cells
      .map((t, i) => {
        const w = cols[i][0];
        if (i === cols.length - 1 && (w === 0 || header)) return t;
        return header || w < 0 ? t.padEnd(Math.abs(w)) : t.padStart(w);
      })
      .join(' ')
      .replace(/\s+$/, '') + '\n';
  if (cols.some((c) => c[1])) ctx.out(row(cols.map((c) => c[1]), true));
  for (const p of procs) ctx.out(row(cols.map((c) => c[2](p)), false));
  return 0;
}
