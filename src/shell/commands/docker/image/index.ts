// `docker image`: the image management command (ls, pull, inspect).
import type { CobraCommand } from '../../../cobra';
import { withDaemon } from '../client';
import { INSPECT_FORMAT_HELP } from '../filter-flag';
import { printInspect } from '../inspect-output';
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
    withDaemon(ctx, (engine) => {
      const found: unknown[] = [];
      const errors: string[] = [];
      for (const ref of args) {
        const img = imageJson(engine, ref);
        if (img) found.push(img);
        else errors.push(`Error response from daemon: No such image: ${ref.includes(':') || ref.includes('@') ? ref : `${ref}:latest`}`);
      }
      return printInspect(ctx, found, errors, values.format as string);
    }),
};

export const imageCommand: CobraCommand = {
  name: 'image',
  use: 'image',
  short: 'Manage images',
  subcommands: [imageInspect, imageLs, imagePull],
};
