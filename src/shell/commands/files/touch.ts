// touch: create empty files or update their times (the mtime `ls -l` shows), in the VFS.
import { defineTool } from '../../gnu-tool';
import { resolvePath, writeFile } from '../../vfs';
import { stat } from './tree';

export const touch = defineTool({
  name: 'touch',
  summary: 'change file timestamps',
  synopsis: '[OPTION]... FILE...',
  description: 'Update the access and modification times of each FILE to the current time.\n\nA FILE argument that does not exist is created empty, unless -c or -h\nis supplied.',
  usageExit: 1,
  flags: [{ name: 'no-create', short: 'c', type: 'bool', help: 'do not create any files' }],
  async run(ctx, { values, args }) {
    const bb = ctx.env.flavor === 'busybox';
    if (!args.length) {
      ctx.err(bb ? 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...\n\nUpdate mtime of FILEs\n\n\t-c\tDon\'t create files\n\t-h\tDon\'t follow links\n\t-d DT\tDate/time to use\n\t-t DT\tDate/time to use\n\t-r FILE\tUse FILE\'s date/time\n' : "touch: missing file operand\nTry 'touch --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const f of args) {
      const e = stat(ctx.world, ctx.env, f);
      if (e) {
        const key = `${ctx.env.fsRoot}:${resolvePath(ctx.env, f)}`;
        const meta = ctx.world.state.fsMeta?.[key];
        if (meta) meta.mtimeUs = ctx.world.clock.now();
        continue;
      }
      if (values['no-create']) continue;
      const problem = writeFile(ctx.world, ctx.env, f, '', true);
      if (problem) {
        ctx.err(bb ? `touch: ${f}: ${problem}\n` : `touch: cannot touch '${f}': ${problem}\n`);
        status = 1;
      }
    }
    return status;
  },
});
