// `docker top`: the daemon runs `ps` (default `-ef`) on the host and keeps the lines of the container's processes
// (moby daemon/top_unix.go), which the CLI prints through a tabwriter (minwidth 20, padding 3).
import type { CobraCommand } from '../../../cobra';
import { getContainer } from '../../../../core/docker/lookup';
import { DaemonError } from '../../../../core/docker/errors';
import { hostProcesses } from '../../../../core/proc/process-table';
import { tabwrite } from '../../../format/tabwriter';
import { withDaemon } from '../client';
import { column, layout, type Chosen } from '../../ps/columns';

const TOP_TABWRITER = { minwidth: 20, tabwidth: 1, padding: 3, padchar: ' ' } as const;
const FULL = ['uid_hack', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'];

export const containerTop: CobraCommand = {
  name: 'top',
  aliasesLine: 'docker container top, docker top',
  use: 'top CONTAINER [ps OPTIONS]',
  short: 'Display the running processes of a container',
  args: { min: 1 },
  interspersed: false,
  run: (ctx, { args }) =>
    withDaemon(ctx, (engine) => {
      const c = getContainer(engine, args[0]);
      if (c.state.status !== 'running') throw new DaemonError(`container ${c.id} is not running`, 409);
      const psArgs = args.slice(1);
      // The lab's daemon understands the common forms: none or -ef/-f (the full format), aux, -o LIST.
      let names = FULL;
      if (psArgs.some((a) => /^-?aux$/.test(a))) names = ['user', 'pid', '%cpu', '%mem', 'vsz', 'rss', 'tname', 'stat', 'start_time', 'bsdtime', 'args'];
      const o = psArgs.indexOf('-o');
      if (o >= 0 && psArgs[o + 1]) names = psArgs[o + 1].split(',');
      const cols: Chosen[] = [];
      for (const n of names) {
        const col = column(n);
        if (!col) throw new DaemonError(`ps: error: unknown user-defined format specifier "${n}"`, 500);
        cols.push({ col, head: col.head });
      }
      if (!cols.some((x) => x.head === 'PID')) throw new DaemonError(`Couldn't find PID field in ps output`, 500);
      const now = { nowUs: ctx.world.clock.now() };
      const procs = hostProcesses(ctx.world, engine.host).filter((p) => p.containerId === c.id);
      // The daemon splits each ps line into as many fields as there are titles (the last keeps its spaces).
      const split = (line: string) => {
        const f = line.trim().split(/\s+/);
        return [...f.slice(0, cols.length - 1), f.slice(cols.length - 1).join(' ')];
      };
      const rows = [split(layout(cols, null, now)), ...procs.map((p) => split(layout(cols, p, now)))];
      ctx.out(tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', TOP_TABWRITER));
      return 0;
    }),
};
