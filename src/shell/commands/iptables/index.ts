// iptables and iptables-save (iptables 1.8.10, nf_tables variant) over the namespace's netfilter model.
// The command line grammar (commands, `!`, extension options) lives in core, shared with the Docker engine.
import { FlagSet, describeFlagError } from '../../flags';
import type { Program } from '../../types';
import { iptables as runIptables } from '../../../core/kernel/netfilter/iptables';
import { parseCommandLine } from '../../../core/kernel/netfilter/cmdline';
import { IptablesError, IPTABLES_VARIANT, IPTABLES_VERSION, RESOURCE_PROBLEM } from '../../../core/kernel/netfilter/errors';
import { iptablesSave } from '../../../core/kernel/netfilter/save';
import type { TableName } from '../../../core/kernel/netfilter/types';
import { BUILTIN_CHAINS } from '../../../core/kernel/netfilter/types';
import { hasNetAdmin } from '../ip/common';

function denied(program: string): string {
  return `${program} ${IPTABLES_VERSION} (${IPTABLES_VARIANT}): Could not fetch rule set generation id: Permission denied (you must be root)\n`;
}

export const iptables: Program = {
  name: 'iptables',
  summary: 'administration tool for IPv4 packet filtering and NAT',
  flavors: ['ubuntu', 'debian'],
  async run(ctx) {
    const argv = ctx.argv.slice(1);
    if (!hasNetAdmin(ctx.world, ctx.env)) {
      try {
        const cmd = parseCommandLine(argv, 'iptables');
        if (cmd.command !== 'help' && cmd.command !== 'version') {
          ctx.err(denied('iptables'));
          return RESOURCE_PROBLEM;
        }
      } catch (e) {
        if (!(e instanceof IptablesError)) throw e;
        ctx.err(e.stderr);
        return e.exitCode;
      }
    }
    const r = runIptables(ctx.world, ctx.env.netns, argv);
    if (r.stdout) ctx.out(r.stdout);
    if (r.stderr) ctx.err(r.stderr);
    return r.exitCode;
  },
};

const saveFlags = new FlagSet(
  {
    flags: [
      { name: 'counters', short: 'c', type: 'bool', help: 'include counters' },
      { name: 'table', short: 't', type: 'string', valueName: 'table', help: 'table to dump' },
      { name: 'dump', short: 'd', type: 'bool', help: 'dump' },
      { name: 'file', short: 'f', type: 'string', help: 'output file' },
      { name: 'modprobe', short: 'M', type: 'string', help: 'modprobe command' },
      { name: 'version', short: 'V', type: 'bool', help: 'version' },
      { name: 'help', short: 'h', type: 'bool', help: 'help' },
    ],
  },
  'gnu',
);

const SAVE_HELP = `iptables-save ${IPTABLES_VERSION} (${IPTABLES_VARIANT})
Usage: iptables-save [-b] [-c] [-d] [-t table] [-V]
	[ --counters ]
	[ --dump ]
	[ --table table ]
	[ --modprobe path ]
	[ --file file ]
`;

export const iptablesSaveCmd: Program = {
  name: 'iptables-save',
  summary: 'dump iptables rules',
  flavors: ['ubuntu', 'debian'],
  async run(ctx) {
    const r = saveFlags.parse(ctx.argv.slice(1));
    if (!r.ok) {
      ctx.err(`iptables-save: ${describeFlagError(r.error, 'gnu')}\n${SAVE_HELP}`);
      return 1;
    }
    const v = r.parsed.values;
    if (v.help || r.parsed.help) {
      ctx.out(SAVE_HELP);
      return 0;
    }
    if (v.version) {
      ctx.out(`iptables-save ${IPTABLES_VERSION} (${IPTABLES_VARIANT})\n`);
      return 0;
    }
    if (r.parsed.args.length) {
      ctx.err(`Unknown arguments found on commandline\n`);
      return 1;
    }
    if (!hasNetAdmin(ctx.world, ctx.env)) {
      ctx.err(denied('iptables-save'));
      return 1;
    }
    const table = (v.table as string) || undefined;
    if (table && !BUILTIN_CHAINS[table as TableName]) {
      ctx.err(`iptables-save ${IPTABLES_VERSION} (${IPTABLES_VARIANT}): Table '${table}' does not exist\n`);
      return 1;
    }
    ctx.out(iptablesSave(ctx.world.state.netns[ctx.env.netns].netfilter, ctx.world.clock.now(), { table: table as TableName | undefined, counters: !!v.counters }));
    return 0;
  },
};
