// --help and --version for the small coreutils the lab has (env, printenv, uname, id, date): GNU's usage text and
// version banner; BusyBox's multi-call usage in alpine/busybox images.
import type { CommandContext } from '../../types';

const GNU: Record<string, string> = {
  env: 'Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\nSet each NAME to VALUE in the environment and run COMMAND.\n',
  printenv: 'Usage: printenv [OPTION]... [VARIABLE]...\nPrint the values of the specified environment VARIABLE(s).\nIf no VARIABLE is specified, print name and value pairs for them all.\n',
  uname: 'Usage: uname [OPTION]...\nPrint certain system information.  With no OPTION, same as -s.\n\n  -a, --all                print all information, in the following order,\n                             except omit -p and -i if unknown:\n  -s, --kernel-name        print the kernel name\n  -n, --nodename           print the network node hostname\n  -r, --kernel-release     print the kernel release\n  -v, --kernel-version     print the kernel version\n  -m, --machine            print the machine hardware name\n  -p, --processor          print the processor type (non-portable)\n  -i, --hardware-platform  print the hardware platform (non-portable)\n  -o, --operating-system   print the operating system\n',
  id: 'Usage: id [OPTION]... [USER]...\nPrint user and group information for each specified USER,\nor (when USER omitted) for the current process.\n',
  date: "Usage: date [OPTION]... [+FORMAT]\n  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]\nDisplay date and time in the given FORMAT.\n",
};

/** Handles `--help`/`--version` as the first argument; returns the exit status, or null to run normally. */
export function coreutilsInfo(ctx: CommandContext, name: string): number | null {
  const first = ctx.argv[1];
  if (first !== '--help' && first !== '--version') return null;
  if (ctx.env.flavor === 'busybox') {
    ctx.err(`BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: ${name} [OPTIONS]\n`);
    return first === '--help' ? 0 : 1;
  }
  if (first === '--version') ctx.out(`${name} (GNU coreutils) 9.4\n`);
  else ctx.out(`${GNU[name]}\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nFull documentation <https://www.gnu.org/software/coreutils/${name}>\nor available locally via: info '(coreutils) ${name} invocation'\n`);
  return 0;
}
