// `docker stop` and `docker restart`: the stop signal, SIGKILL after the timeout, then (restart) start again.
import type { CobraCommand } from '../../../cobra';
import type { FlagSpec } from '../../../flags';
import { stopContainer } from '../../../../core/docker/container-stop';
import { eachContainer } from './each';
import { startContainer } from '../../../../core/docker/container-start';

const stopFlags: FlagSpec[] = [
  { name: 'signal', short: 's', type: 'string', help: 'Signal to send to the container' },
  { name: 'timeout', short: 't', type: 'int', help: 'Seconds to wait before killing the container' },
  { name: 'time', type: 'int', help: 'Seconds to wait before killing the container (deprecated: use --timeout)', hidden: true },
];

function timeoutOf(values: Record<string, unknown>, given: Set<string>): number {
  if (given.has('timeout')) return values.timeout as number;
  if (given.has('time')) return values.time as number;
  return 10;
}

export const containerStop: CobraCommand = {
  name: 'stop',
  aliasesLine: 'docker container stop, docker stop',
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  args: { min: 1 },
  flags: stopFlags,
  run: (ctx, { values, given, args }) =>
    eachContainer(ctx, args, (engine, c) => stopContainer(ctx.world, engine, c, values.signal as string, timeoutOf(values, given))),
};

export const containerRestart: CobraCommand = {
  name: 'restart',
  aliasesLine: 'docker container restart, docker restart',
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  args: { min: 1 },
  flags: stopFlags,
  run: (ctx, { values, given, args }) =>
    eachContainer(ctx, args, (engine, c) => {
      stopContainer(ctx.world, engine, c, values.signal as string, timeoutOf(values, given));
      startContainer(ctx.world, engine, c);
    }),
};
