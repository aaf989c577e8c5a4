// `docker pull`: fetch an image from the registry, with the progress lines and the canonical name at the end.
import type { CobraCommand } from '../../../cobra';
import { invalidReference, parseImageRef } from '../../../../core/docker/image-catalog';
import { canonicalName, pullImage } from '../../../../core/docker/images';
import { withDaemon } from '../client';

export const imagePull: CobraCommand = {
  name: 'pull',
  aliasesLine: 'docker image pull, docker pull',
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  args: { exact: 1 },
  category: 'top',
  topOrder: 5,
  flags: [
    { name: 'all-tags', short: 'a', type: 'bool', help: 'Download all tagged images in the repository' },
    { name: 'disable-content-trust', type: 'bool', help: 'Skip image verification', default: true },
    { name: 'platform', type: 'string', help: 'Set platform if server is multi-platform capable' },
    { name: 'quiet', short: 'q', type: 'bool', help: 'Suppress verbose output' },
  ],
  run: (ctx, { values, args }) =>
    withDaemon(ctx, (engine) => {
      const ref = parseImageRef(args[0]);
      if (!ref) {
        ctx.err(invalidReference(args[0]) + '\n');
        return 1;
      }
      const tagged = /:[^/]+$/.test(args[0].split('@')[0]);
      if (!tagged && !values.quiet) ctx.out('Using default tag: latest\n');
      const lines = pullImage(ctx.world, engine, ref);
      if (!values.quiet) ctx.out(lines.join('\n') + '\n');
      ctx.out(canonicalName(ref) + '\n');
      return 0;
    }),
};
