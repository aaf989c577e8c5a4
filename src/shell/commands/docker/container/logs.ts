// `docker logs`: what PID 1 wrote, stdout to stdout and stderr to stderr; --tail, -t, -f.
import type { CobraCommand } from '../../../cobra';
import { rfc3339Nano } from '../../../../core/sim/clock';
import { reapContainers } from '../../../../core/docker/container-stop';
import { getContainer } from '../../../../core/docker/lookup';
import type { Container } from '../../../../core/docker/types';
import type { CommandContext } from '../../../types';
import { withDaemon } from '../client';

/** Log entries written by now, split into lines (each a log record, as the json-file driver stores them). */
function lines(c: Container, nowUs: number): { stream: 'stdout' | 'stderr'; text: string; us: number }[] {
  return c.logs.filter((l) => l.us <= nowUs).flatMap((l) => l.text.split(/(?<=\n)/).filter(Boolean).map((text) => ({ stream: l.stream, text, us: l.us })));
}

/** jsonmessage.RFC3339NanoFixed: always nine fractional digits. */
function fixedNano(us: number): string {
  const t = rfc3339Nano(us - (us % 1_000_000));
  return `${t.slice(0, -1)}.${String(us % 1_000_000).padStart(6, '0')}000Z`;
}

function print(ctx: CommandContext, entries: ReturnType<typeof lines>, timestamps: boolean): void {
  for (const e of entries) (e.stream === 'stdout' ? ctx.out : ctx.err)((timestamps ? fixedNano(e.us) + ' ' : '') + e.text);
}

export const containerLogs: CobraCommand = {
  name: 'logs',
  aliasesLine: 'docker container logs, docker logs',
  use: 'logs [OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  args: { exact: 1 },
  flags: [
    { name: 'details', type: 'bool', help: 'Show extra details provided to logs' },
    { name: 'follow', short: 'f', type: 'bool', help: 'Follow log output' },
    { name: 'since', type: 'string', help: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { name: 'tail', short: 'n', type: 'string', help: 'Number of lines to show from the end of the logs', default: 'all' },
    { name: 'timestamps', short: 't', type: 'bool', help: 'Show timestamps' },
    { name: 'until', type: 'string', help: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  run: (ctx, { values, args }) =>
    withDaemon(ctx, async (engine) => {
      const c = getContainer(engine, args[0]);
      const tail = values.tail as string;
      let all = lines(c, ctx.world.clock.now());
      if (tail !== 'all' && /^\d+$/.test(tail)) all = Number(tail) === 0 ? [] : all.slice(-Number(tail));
      print(ctx, all, values.timestamps as boolean);
      if (!values.follow) return 0;
      let shown = lines(c, ctx.world.clock.now()).length;
      while (c.state.status === 'running') {
        if (!(await ctx.sleep(1_000_000))) return 130;
        reapContainers(ctx.world, engine);
        const now = lines(c, ctx.world.clock.now());
        print(ctx, now.slice(shown), values.timestamps as boolean);
        shown = now.length;
      }
      return 0;
    }),
};
