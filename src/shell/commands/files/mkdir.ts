// mkdir: make directories (`-p` for parents, no error if existing), with GNU's and BusyBox's error wording.
import { defineTool } from '../../gnu-tool';
import { resolvePath } from '../../vfs';
import { makeDir, stat } from './tree';

const WHY = { EEXIST: 'File exists', ENOENT: 'No such file or directory', EACCES: 'Permission denied' };

export const mkdir = defineTool({
  name: 'mkdir',
  summary: 'make directories',
  synopsis: '[OPTION]... DIRECTORY...',
  description: 'Create the DIRECTORY(ies), if they do not already exist.',
  usageExit: 1,
  flags: [
    { name: 'parents', short: 'p', type: 'bool', help: 'no error if existing, make parent directories as needed,\n                             with their file modes unaffected by any -m option.' },
    { name: 'verbose', short: 'v', type: 'bool', help: 'print a message for each created directory' },
  ],
  async run(ctx, { values, args }) {
    const bb = ctx.env.flavor === 'busybox';
    if (!args.length) {
      ctx.err(bb ? 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n\nCreate DIRECTORY\n\n\t-m MODE\tMode\n\t-p\tNo error if exists; make parent directories as needed\n' : "mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const dir of args) {
      const steps = values.parents ? resolvePath(ctx.env, dir).split('/').filter(Boolean).map((_, i, parts) => '/' + parts.slice(0, i + 1).join('/')) : [dir];
      for (const step of steps) {
        if (values.parents && stat(ctx.world, ctx.env, step)?.dir) continue;
        const err = makeDir(ctx.world, ctx.env, step);
        if (err) {
          const shown = values.parents ? step : dir;
          ctx.err(bb ? `mkdir: can't create directory '${shown}': ${WHY[err]}\n` : `mkdir: cannot create directory ‘${shown}’: ${WHY[err]}\n`);
          status = 1;
          break;
        }
        if (values.verbose) ctx.out(`mkdir: created directory '${values.parents ? step : dir}'\n`);
      }
    }
    return status;
  },
});
