// `docker container inspect`: the daemon's JSON for each container, or a Go template over it.
import type { CobraCommand } from '../../../cobra';
import { getContainer } from '../../../../core/docker/lookup';
import { inspectContainer } from '../../../../core/docker/inspect-container';
import type { Container, DockerEngineState } from '../../../../core/docker/types';
import { withDaemon } from '../client';
import { INSPECT_FORMAT_HELP } from '../filter-flag';
import { inspectEach } from '../inspect-output';
import { networkSettingsPorts } from './ports';

export function containerJson(engine: DockerEngineState, c: Container): Record<string, unknown> {
  return inspectContainer(engine, c, networkSettingsPorts(c));
}

export const containerInspect: CobraCommand = {
  name: 'inspect',
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', help: INSPECT_FORMAT_HELP },
    { name: 'size', short: 's', type: 'bool', help: 'Display total file sizes' },
  ],
  run: (ctx, { values, args }) =>
    withDaemon(ctx, (engine) => inspectEach(ctx, args, values.format as string, (ref) => containerJson(engine, getContainer(engine, ref)))),
};
