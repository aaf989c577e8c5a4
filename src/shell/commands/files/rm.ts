// rm: remove files (and with -r directories) from the VFS; -f silences missing operands.
import { defineTool } from '../../gnu-tool';
import { readDir, removePath, stat } from './tree';

const WHY = { ENOENT: 'No such file or directory', EACCES: 'Permission denied', ENOTEMPTY: 'Directory not empty' };

export const rm = defineTool({
  name: 'rm',
  summary: 'remove files or directories',
  synopsis: '[OPTION]... [FILE]...',
  description: 'Remove (unlink) the FILE(s).',
  usageExit: 1,
  flags: [
    { name: 'force', short: 'f', type: 'bool', help: 'ignore nonexistent files and arguments, never prompt' },
    { name: 'recursive', short: 'r', type: 'bool', help: 'remove directories and their contents recursively' },
    { name: 'R', short: 'R', type: 'bool', help: 'same as -r', hidden: true },
  ],
  async run(ctx, { values, args }) {
    const bb = ctx.env.flavor === 'busybox';
    const say = (f: string, why: string) => ctx.err(bb ? `rm: can't remove '${f}': ${why}\n` : `rm: cannot remove '${f}': ${why}\n`);
    if (!args.length && !values.force) {
      ctx.err(bb ? 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: rm [-irf] FILE...\n\nRemove (unlink) FILEs\n\n\t-i\tAlways prompt before removing\n\t-f\tNever prompt\n\t-R,-r\tRecurse\n' : "rm: missing operand\nTry 'rm --help' for more information.\n");
      return 1;
    }
    const recursive = !!values.recursive || !!values.R;
    let status = 0;
    const remove = (f: string): boolean => {
      const e = stat(ctx.world, ctx.env, f);
      if (!e) {
        if (values.force) return true;
        say(f, WHY.ENOENT);
        return false;
      }
      if (e.dir && !recursive) {
        say(f, 'Is a directory');
        return false;
      }
      if (e.dir) for (const k of readDir(ctx.world, ctx.env, f)) if (!remove(`${f}/${k.name}`)) return false;
      const err = removePath(ctx.world, ctx.env, f);
      if (err) say(f, WHY[err]);
      return !err;
    };
    for (const f of args) if (!remove(f)) status = 1;
    return status;
  },
});
