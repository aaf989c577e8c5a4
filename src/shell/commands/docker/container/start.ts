// `docker start`: start stopped containers; with -a/-i on a single interactive one, attach to it as well.
import type { CobraCommand } from '../../../cobra';
import { DaemonError } from '../../../../core/docker/errors';
import { getContainer } from '../../../../core/docker/lookup';
import { catalogById } from '../../../../core/docker/image-catalog';
import { planMainProcess } from '../../../../core/docker/main-process';
import { withDaemon } from '../client';
import { enterMainShell } from './runtime';
import { startContainer } from '../../../../core/docker/container-start';

export const containerStart: CobraCommand = {
  name: 'start',
  aliasesLine: 'docker container start, docker start',
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  args: { min: 1 },
  flags: [
    { name: 'attach', short: 'a', type: 'bool', help: 'Attach STDOUT/STDERR and forward signals' },
    { name: 'detach-keys', type: 'string', help: 'Override the key sequence for detaching a container' },
    { name: 'interactive', short: 'i', type: 'bool', help: "Attach container's STDIN" },
  ],
  run: (ctx, { values, args }) =>
    withDaemon(ctx, (engine) => {
      const attach = (values.attach as boolean) || (values.interactive as boolean);
      if (attach && args.length > 1) {
        ctx.err('you cannot start and attach multiple containers at once\n');
        return 1;
      }
      const failed: string[] = [];
      for (const ref of args) {
        try {
          const c = getContainer(engine, ref);
          startContainer(ctx.world, engine, c);
          const plan = planMainProcess(c, catalogById(c.imageId));
          if (attach && plan.kind === 'shell' && plan.lives) enterMainShell(ctx, engine, c, plan.shell);
          else if (!attach) ctx.out(ref + '\n');
        } catch (e) {
          if (!(e instanceof DaemonError)) throw e;
          ctx.err(`Error response from daemon: ${e.message}\n`);
          failed.push(ref);
        }
      }
      if (failed.length) {
        ctx.err(`Error: failed to start containers: ${failed.join(', ')}\n`);
        return 1;
      }
      return 0;
    }),
};
