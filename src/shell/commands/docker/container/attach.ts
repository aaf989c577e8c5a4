// `docker attach`: connect the terminal to PID 1. A shell's prompt comes back (Ctrl-P Ctrl-Q detaches, `exit`
// ends the container); a server streams its output until Ctrl-C, which is proxied to it.
import type { CobraCommand } from '../../../cobra';
import { getContainer } from '../../../../core/docker/lookup';
import { catalogById } from '../../../../core/docker/image-catalog';
import { planMainProcess } from '../../../../core/docker/main-process';
import { withDaemon } from '../client';
import { enterMainShell } from './runtime';
import { waitAttached } from './run';

export const containerAttach: CobraCommand = {
  name: 'attach',
  aliasesLine: 'docker container attach, docker attach',
  use: 'attach [OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  args: { exact: 1 },
  flags: [
    { name: 'detach-keys', type: 'string', help: 'Override the key sequence for detaching a container' },
    { name: 'no-stdin', type: 'bool', help: 'Do not attach STDIN' },
    { name: 'sig-proxy', type: 'bool', help: 'Proxy all received signals to the process', default: true },
  ],
  run: (ctx, { args }) =>
    withDaemon(ctx, async (engine) => {
      const c = getContainer(engine, args[0]);
      if (c.state.status === 'paused') {
        ctx.err('You cannot attach to a paused container, unpause it first\n');
        return 1;
      }
      if (c.state.status !== 'running') {
        ctx.err('You cannot attach to a stopped container, start it first\n');
        return 1;
      }
      const plan = planMainProcess(c, catalogById(c.imageId));
      if (plan.kind === 'shell' && c.config.openStdin) {
        enterMainShell(ctx, engine, c, plan.shell, 'attach');
        return 0;
      }
      return waitAttached(ctx, engine, c, c.logs.length);
    }),
};
