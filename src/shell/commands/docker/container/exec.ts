// `docker exec`: run a command in a running container's namespaces and userland; `-it` with a shell enters it.
import type { CobraCommand } from '../../../cobra';
import { DaemonError } from '../../../../core/docker/errors';
import { getContainer } from '../../../../core/docker/lookup';
import { withDaemon } from '../client';
import { containerProcessEnv, enterExecShell, executableExists, isShell, runInContainer } from './runtime';

export const containerExec: CobraCommand = {
  name: 'exec',
  aliasesLine: 'docker container exec, docker exec',
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  args: { min: 2 },
  interspersed: false,
  category: 'top',
  topOrder: 2,
  flags: [
    { name: 'detach', short: 'd', type: 'bool', help: 'Detached mode: run command in the background' },
    { name: 'detach-keys', type: 'string', help: 'Override the key sequence for detaching a container' },
    { name: 'env', short: 'e', type: 'stringArray', valueName: 'list', help: 'Set environment variables' },
    { name: 'env-file', type: 'stringArray', valueName: 'list', help: 'Read in a file of environment variables' },
    { name: 'interactive', short: 'i', type: 'bool', help: 'Keep STDIN open even if not attached' },
    { name: 'privileged', type: 'bool', help: 'Give extended privileges to the command' },
    { name: 'tty', short: 't', type: 'bool', help: 'Allocate a pseudo-TTY' },
    { name: 'user', short: 'u', type: 'string', help: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { name: 'workdir', short: 'w', type: 'string', help: 'Working directory inside the container' },
  ],
  run: (ctx, { values, args }) =>
    withDaemon(ctx, async (engine) => {
      const c = getContainer(engine, args[0]);
      if (c.state.status !== 'running') throw new DaemonError(`container ${c.id} is not running`, 409);
      const argv = args.slice(1);
      if (!executableExists(c, argv[0])) {
        // The runtime's error comes back on the attached output stream (docker/cli#2025), and the exec's status is 126.
        ctx.out(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`);
        return 126;
      }
      const env = containerProcessEnv(ctx.world, engine, c, isShell(argv[0]) ? argv[0] : 'sh', values.env as string[]);
      if (values.workdir) env.cwd = values.workdir as string;
      if (values.user) env.user = (values.user as string).split(':')[0];
      if (values.interactive && isShell(argv[0]) && argv.length === 1) {
        enterExecShell(ctx, env, c, argv, Boolean(values.tty));
        return 0;
      }
      if (values.detach) {
        await runInContainer({ ...ctx, stdin: null }, argv, env, { out: () => {}, err: () => {}, readLine: async () => null });
        return 0;
      }
      // Without -t the process's stdout is a pipe to the daemon, not a terminal.
      return runInContainer(ctx, argv, env, values.tty ? ctx : { out: ctx.out, err: ctx.err, readLine: ctx.readLine, stdoutNotTty: true });
    }),
};
