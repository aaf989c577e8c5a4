// sysctl (procps-ng 4.0 on Ubuntu, BusyBox in alpine): read and write kernel parameters of the current namespace.
import { FlagSet, describeFlagError } from '../../flags';
import type { CommandContext, Program } from '../../types';
import { readFile } from '../../vfs';
import { SYSCTL_KEYS, findKey, keyPath, writeDenied } from './keys';
import './proc-files';

const flags = new FlagSet(
  {
    flags: [
      { name: 'values', short: 'n', type: 'bool', help: 'print only values of the given variable(s)' },
      { name: 'names', short: 'N', type: 'bool', help: 'print variable names without values' },
      { name: 'write', short: 'w', type: 'bool', help: 'enable writing a value to variable' },
      { name: 'all', short: 'a', type: 'bool', help: 'display all variables' },
      { name: 'quiet', short: 'q', type: 'bool', help: 'do not echo variable set' },
      { name: 'load', short: 'p', type: 'bool', help: 'read values from file' },
      { name: 'help', short: 'h', type: 'bool', help: 'display this help and exit' },
      { name: 'version', short: 'V', type: 'bool', help: 'output version information and exit' },
    ],
  },
  'gnu',
);

const HELP = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

function show(ctx: CommandContext, name: string, v: Record<string, unknown>): number {
  const ns = ctx.world.state.netns[ctx.env.netns];
  const key = findKey(name.replace(/\//g, '.'));
  if (!key || (key.exists && !key.exists(ctx.world, ns))) {
    ctx.err(`sysctl: cannot stat ${keyPath(name)}: No such file or directory\n`);
    return 255;
  }
  const value = key.read(ctx.world, ns);
  ctx.out(v.values ? `${value}\n` : v.names ? `${key.name}\n` : `${key.name} = ${value}\n`);
  return 0;
}

function write(ctx: CommandContext, assignment: string, v: Record<string, unknown>): number {
  const eq = assignment.indexOf('=');
  const name = assignment.slice(0, eq).trim().replace(/\//g, '.');
  const value = assignment.slice(eq + 1).trim();
  const ns = ctx.world.state.netns[ctx.env.netns];
  const key = findKey(name);
  if (!key || (key.exists && !key.exists(ctx.world, ns))) {
    ctx.err(`sysctl: cannot stat ${keyPath(name)}: No such file or directory\n`);
    return 255;
  }
  const denied = writeDenied(ctx.env);
  if (denied === 'Read-only file system') {
    ctx.err(ctx.env.flavor === 'busybox' ? `sysctl: error setting key '${name}': Read-only file system\n` : `sysctl: setting key "${name}": Read-only file system\n`);
    return ctx.env.flavor === 'busybox' ? 1 : 255;
  }
  if (denied || !key.write) {
    ctx.err(`sysctl: permission denied on key "${name}"\n`);
    return 255;
  }
  if (!key.write(ctx.world, ns, value)) {
    ctx.err(`sysctl: setting key "${name}": Invalid argument\n`);
    return 255;
  }
  if (!v.quiet) ctx.out(v.values ? `${value}\n` : `${name} = ${value}\n`);
  return 0;
}

export const sysctl: Program = {
  name: 'sysctl',
  summary: 'configure kernel parameters at runtime',
  async run(ctx) {
    const r = flags.parse(ctx.argv.slice(1));
    if (!r.ok) {
      ctx.err(`sysctl: ${describeFlagError(r.error, 'gnu')}\n${HELP}`);
      return 1;
    }
    const { values: v, args } = r.parsed;
    if (v.help || r.parsed.help) {
      ctx.out(HELP);
      return 0;
    }
    if (v.version) {
      ctx.out('sysctl from procps-ng 4.0.4\n');
      return 0;
    }
    if (v.all) {
      for (const k of SYSCTL_KEYS) {
        const ns = ctx.world.state.netns[ctx.env.netns];
        if (!k.exists || k.exists(ctx.world, ns)) show(ctx, k.name, v);
      }
      return 0;
    }
    if (v.load) {
      const file = readFile(ctx.world, ctx.env, args[0] ?? '/etc/sysctl.conf');
      let rc = 0;
      for (const line of file.ok ? file.content.split('\n') : []) {
        const t = line.replace(/[#;].*$/, '').trim();
        if (t.includes('=')) rc = write(ctx, t, v) || rc;
      }
      return rc;
    }
    if (args.length === 0) {
      ctx.err(`sysctl: no variables specified\nTry \`sysctl --help' for more information.\n`);
      return 255;
    }
    let rc = 0;
    for (const a of args) {
      if (v.write && !a.includes('=')) {
        ctx.err(`sysctl: "${a}" must be of the form name=value\n`);
        rc = 255;
        continue;
      }
      rc = (a.includes('=') ? write(ctx, a, v) : show(ctx, a, v)) || rc;
    }
    return rc;
  },
};
