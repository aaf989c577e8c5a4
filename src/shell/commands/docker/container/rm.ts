// `docker rm` and `docker kill`.
import type { CobraCommand } from '../../../cobra';
import { killContainer, removeContainer } from '../../../../core/docker/container-stop';
import { eachContainer } from './each';

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
    eachContainer(ctx, args, (engine, c) => killContainer(ctx.world, engine, c, (values.signal as string) || 'SIGKILL')),
};
