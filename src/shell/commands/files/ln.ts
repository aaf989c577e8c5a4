// ln: make links. What tutorials link is a network namespace file (`ln -s /proc/PID/ns/net /var/run/netns/NAME`, or
// a container's SandboxKey) into /run/netns so `ip netns` can name it; other links are not part of the lab's files.
import { defineTool } from '../../gnu-tool';
import { resolvePath } from '../../vfs';
import { canonical, mayWrite, stat } from './tree';
import { currentNs, openNsFile } from '../nsenter/target';
import { linkNetnsName, netnsNameTaken, unlinkNetnsName } from '../../../core/kernel/netns-names';

export const ln = defineTool({
  name: 'ln',
  summary: 'make links between files',
  synopsis: '[OPTION]... [-T] TARGET LINK_NAME',
  description: 'Create a link to TARGET with the name LINK_NAME.\nCreate hard links by default, symbolic links with --symbolic.',
  usageExit: 1,
  flags: [
    { name: 'force', short: 'f', type: 'bool', help: 'remove existing destination files' },
    { name: 'no-dereference', short: 'n', type: 'bool', help: 'treat LINK_NAME as a normal file if\n                             it is a symbolic link to a directory' },
    { name: 'symbolic', short: 's', type: 'bool', help: 'make symbolic links instead of hard links' },
    { name: 'no-target-directory', short: 'T', type: 'bool', help: 'treat LINK_NAME as a normal file always' },
    { name: 'verbose', short: 'v', type: 'bool', help: 'print name of each linked file' },
  ],
  async run(ctx, { values, args }) {
    const bb = ctx.env.flavor === 'busybox';
    const kind = values.symbolic ? 'symbolic link' : 'hard link';
    if (args.length < 2) {
      ctx.err(args.length ? `ln: missing destination file operand after '${args[0]}'\nTry 'ln --help' for more information.\n` : "ln: missing file operand\nTry 'ln --help' for more information.\n");
      return 1;
    }
    const [target, linkName] = args.slice(-2);
    const failed = (why: string) => {
      ctx.err(bb ? `ln: ${linkName}: ${why}\n` : `ln: failed to create ${kind} '${linkName}'${values.symbolic ? '' : ` => '${target}'`}: ${why}\n`);
      return 1;
    };
    const abs = canonical(resolvePath(ctx.env, linkName));
    const m = /^\/run\/netns\/([^/]+)$/.exec(abs);
    if (!m || ctx.env.fsRoot.startsWith('ctr:')) {
      ctx.err(`cnlab: this lab's ln only names network namespaces in /var/run/netns (ln -s /proc/PID/ns/net /var/run/netns/NAME)\n`);
      return 1;
    }
    if (!stat(ctx.world, ctx.env, '/run/netns')?.dir) return failed('No such file or directory');
    if (!mayWrite(ctx.world, ctx.env, '/run/netns')) return failed('Permission denied');
    const host = ctx.env.host;
    if (netnsNameTaken(ctx.world, host, m[1])) {
      if (!values.force) return failed('File exists');
      if (!unlinkNetnsName(ctx.world, host, m[1])) return failed('Device or resource busy');
    }
    const opened = openNsFile(ctx.world, ctx.env, canonical(resolvePath(ctx.env, target)), currentNs(ctx.env));
    // A hard link cannot cross into nsfs; a symlink may dangle, but then `ip netns` cannot open it.
    if (!values.symbolic && /^\/proc\//.test(canonical(resolvePath(ctx.env, target)))) return failed('Invalid cross-device link');
    if (!opened.ok || opened.type !== 'net') {
      if (!values.symbolic) return failed('No such file or directory');
      ctx.err(`cnlab: ${target} is not a network namespace file, so the lab made no link\n`);
      return 1;
    }
    linkNetnsName(ctx.world, host, m[1], opened.ns.netns);
    if (values.verbose) ctx.out(`'${linkName}' -> '${target}'\n`);
    return 0;
  },
});
