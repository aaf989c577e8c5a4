// The shells as programs: `bash` and `sh` (dash) on Ubuntu, `sh`/`ash` (BusyBox) in alpine. `-c SCRIPT` runs the
// script in a child shell with the caller's environment (so `sudo bash -c '... > /proc/...'` redirects as root);
// `FILE` runs a script file; no arguments starts a nested interactive shell that `exit` leaves.
import type { CommandContext, Program } from '../../types';
import { parseLine } from '../../parser';
import { runScript } from '../../interpreter';
import { readFile } from '../../vfs';

const BASH_HELP = `GNU bash, version 5.2.21(1)-release-(x86_64-pc-linux-gnu)
Usage:	bash [GNU long option] [option] ...
	bash [GNU long option] [option] script-file ...
GNU long options:
	--debug
	--debugger
	--dump-po-strings
	--dump-strings
	--help
	--init-file
	--login
	--noediting
	--noprofile
	--norc
	--posix
	--pretty-print
	--rcfile
	--restricted
	--verbose
	--version
Shell options:
	-ilrsD or -c command or -O shopt_option		(invocation only)
	-abefhkmnptuvxBCEHPT or -o option
Type \`bash -c "help set"' for more information about shell options.
Type \`bash -c help' for more information about shell builtin commands.
Use the \`bashbug' command to report bugs.

bash home page: <http://www.gnu.org/software/bash>
General help using GNU software: <http://www.gnu.org/gethelp/>
`;

/** Which shell a name is in this userland: bash, dash (Ubuntu's sh) or BusyBox ash. */
function shellName(ctx: CommandContext): string {
  const name = ctx.argv[0].replace(/^.*\//, '');
  if (ctx.env.flavor === 'busybox') return 'sh';
  return name === 'bash' ? 'bash' : 'dash';
}

async function runText(ctx: CommandContext, text: string, label: string): Promise<number> {
  const parsed = parseLine(text.replace(/\n+$/, ''));
  if (!parsed.ok) {
    ctx.err(shellName(ctx) === 'bash' ? `bash: -c: line 1: ${parsed.message}\n` : `${label}: 1: Syntax error: ${parsed.message}\n`);
    return 2;
  }
  // A child process: its cd, exports and variables do not reach the caller.
  ctx.session.pushEnv({ ...ctx.env, vars: { ...ctx.env.vars }, newShell: true, shellPid: undefined });
  try {
    return await runScript(ctx.session, parsed.script, { out: ctx.out, err: ctx.err, readLine: ctx.readLine, stdoutNotTty: ctx.stdoutNotTty }, ctx.interrupt);
  } finally {
    ctx.session.popEnv();
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const sh = shellName(ctx);
  if (args[0] === '--help') {
    if (sh === 'bash') {
      ctx.out(BASH_HELP);
      return 0;
    }
    ctx.err(sh === 'dash' ? 'sh: 0: Illegal option --\n' : 'sh: unrecognized option: -\n');
    return 2;
  }
  if (args[0] === '-c') {
    if (args[1] === undefined) {
      ctx.err(sh === 'bash' ? 'bash: -c: option requires an argument\n' : sh === 'dash' ? 'sh: 0: -c requires an argument\n' : "sh: -c requires an argument\n");
      return 2;
    }
    return runText(ctx, args[1], 'sh');
  }
  if (args.length && !args[0].startsWith('-')) {
    const file = readFile(ctx.world, ctx.env, args[0]);
    if (!file.ok) {
      ctx.err(sh === 'bash' ? `bash: ${args[0]}: No such file or directory\n` : sh === 'dash' ? `sh: 0: cannot open ${args[0]}: No such file\n` : `sh: can't open '${args[0]}': No such file or directory\n`);
      return sh === 'bash' ? 127 : 2;
    }
    return runText(ctx, file.content, args[0]);
  }
  // An interactive child shell: its prompt until `exit`.
  ctx.session.pushEnv({ ...ctx.env, shell: sh === 'bash' ? 'bash' : sh === 'dash' ? 'dash' : ctx.env.shell, vars: { ...ctx.env.vars }, newShell: true, shellPid: undefined });
  return 0;
}

export const bash: Program = { name: 'bash', summary: 'GNU Bourne-Again SHell', flavors: ['ubuntu', 'debian'], run };
export const sh: Program = { name: 'sh', summary: 'command interpreter (shell)', run };
export const ash: Program = { name: 'ash', summary: 'BusyBox ash shell', flavors: ['busybox'], run };
