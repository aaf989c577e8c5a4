// `docker rm` and `docker kill`.
import type { CobraCommand } from '../../../cobra';
import { killContainer, removeContainer } from '../../../../core/docker/container-stop';
import { eachContainer } from './each';
import { DaemonError } from '../../../../core/docker/errors';

export const containerRm: CobraCommand = {
  name: 'rm',
  aliases: ['remove'],
  aliasesLine: 'docker container rm, docker container remove, docker rm',
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', help: 'Force the removal of a running container (uses SIGKILL)' },
    { name: 'link', short: 'l', type: 'bool', help: 'Remove the specified link' },
    { name: 'volumes', short: 'v', type: 'bool', help: 'Remove anonymous volumes associated with the container' },
  ],
  run: (ctx, { values, args }) =>
    eachContainer(ctx, args, (engine, c) => removeContainer(ctx.world, engine, c, values.force as boolean), { ignoreNotFound: values.force as boolean }),
};

export const containerKill: CobraCommand = {
  name: 'kill',
  aliasesLine: 'docker container kill, docker kill',
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  args: { min: 1 },
  flags: [{ name: 'signal', short: 's', type: 'string', help: 'Signal to send to the container' }],
  run: (ctx, { values, args }) =>
    eachContainer(ctx, args, (engine, c, ref) => {
      try {
        killContainer(ctx.world, engine, c, (values.signal as string) || 'SIGKILL');
      } catch (e) {
        // The API router wraps kill errors with the name as given (container_routes.go postContainersKill).
        if (e instanceof DaemonError) throw new DaemonError(`Cannot kill container: ${ref}: ${e.message}`, e.status);
        throw e;
      }
    }),
};
