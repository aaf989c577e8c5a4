// `docker image`: the image management command (ls, pull, inspect).
import type { CobraCommand } from '../../../cobra';
import { withDaemon } from '../client';
import { INSPECT_FORMAT_HELP } from '../filter-flag';
import { inspectEach } from '../inspect-output';
import { DaemonError } from '../../../../core/docker/errors';
import { imageJson } from '../inspect';
import { imageLs } from './ls';
import { imagePull } from './pull';


const imageInspect: CobraCommand = {
  name: 'inspect',
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  args: { min: 1 },
  flags: [{ name: 'format', short: 'f', type: 'string', help: INSPECT_FORMAT_HELP }],
  run: (ctx, { values, args }) =>
    withDaemon(ctx, (engine) =>
      inspectEach(ctx, args, values.format as string, (ref) => {
        const img = imageJson(engine, ref);
        if (!img) throw new DaemonError(`No such image: ${ref.includes(':') || ref.includes('@') ? ref : `${ref}:latest`}`, 404);
        return img;
      }),
    ),
};

export const imageCommand: CobraCommand = {
  name: 'image',
  use: 'image',
  short: 'Manage images',
  subcommands: [imageInspect, imageLs, imagePull],
};
