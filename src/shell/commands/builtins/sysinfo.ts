// uname, id and date: the kernel every process shares (the host's, also inside containers), the user's identity
// (learner is in the sudo and docker groups; root in a container), and the simulated clock in date(1)'s format.
import type { CommandContext, Program } from '../../types';
import { HOST_KERNEL } from '../../../core/docker/service-logs';
import { distroOf } from '../../path';
import { coreutilsInfo } from './coreutils-help';
import { DAY_NAMES as DAYS, MONTH_NAMES as MONTHS } from '../../../core/sim/clock';

const KERNEL_BUILD = '#51-Ubuntu SMP PREEMPT_DYNAMIC Sat Nov  9 17:58:29 UTC 2024';

async function uname(ctx: CommandContext): Promise<number> {
  const info = coreutilsInfo(ctx, 'uname');
  if (info !== null) return info;
  const flags = ctx.argv.slice(1).join('').replace(/-/g, '');
  const distro = distroOf(ctx.world, ctx.env);
  const bb = ctx.env.flavor === 'busybox' || distro === 'alpine';
  // Debian's coreutils leaves -p and -i out of -a (they are "unknown"); Ubuntu patches them to the machine name.
  const debian = distro === 'debian';
  const fields: Record<string, string> = { s: 'Linux', n: ctx.env.hostname, r: HOST_KERNEL, v: KERNEL_BUILD, m: 'x86_64', p: bb || debian ? 'unknown' : 'x86_64', i: bb || debian ? 'unknown' : 'x86_64', o: bb ? 'Linux' : 'GNU/Linux' };
  const bad = [...flags].find((f) => !'asnrvmpio'.includes(f));
  if (bad) {
    ctx.err(bb ? `uname: unrecognized option: ${bad}\n` : `uname: invalid option -- '${bad}'\nTry 'uname --help' for more information.\n`);
    return 1;
  }
  let order: string[];
  if (flags.includes('a')) order = bb || debian ? ['s', 'n', 'r', 'v', 'm', 'o'] : ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'];
  else order = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'].filter((f) => flags.includes(f));
  if (!order.length) order = ['s'];
  ctx.out(`${order.map((f) => fields[f]).join(' ')}\n`);
  return 0;
}

async function id(ctx: CommandContext): Promise<number> {
  const info = coreutilsInfo(ctx, 'id');
  if (info !== null) return info;
  const user = ctx.env.user;
  if (user === 'root') {
    const alpine = distroOf(ctx.world, ctx.env) === 'alpine' || ctx.env.flavor === 'busybox';
    const groups = alpine ? 'groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)' : 'groups=0(root)';
    ctx.out(`uid=0(root) gid=0(root) ${groups}\n`);
    return 0;
  }
  ctx.out(`uid=1000(${user}) gid=1000(${user}) groups=1000(${user}),4(adm),24(cdrom),27(sudo),30(dip),46(plugdev),101(lxd),988(docker)\n`);
  return 0;
}

async function date(ctx: CommandContext): Promise<number> {
  const info = coreutilsInfo(ctx, 'date');
  if (info !== null) return info;
  const d = new Date(Math.floor(ctx.world.clock.now() / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  const arg = ctx.argv[1];
  if (arg === '+%s') {
    ctx.out(`${Math.floor(d.getTime() / 1000)}\n`);
    return 0;
  }
  if (arg !== undefined && arg !== '-u') {
    ctx.err(`cnlab: this lab's date prints the current time (date, date -u, date +%s)\n`);
    return 1;
  }
  // GNU date pads the day with a space (`Mar  3`); BusyBox prints the same layout.
  ctx.out(`${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} UTC ${d.getUTCFullYear()}\n`);
  return 0;
}

export const unameProgram: Program = { name: 'uname', summary: 'print system information', run: uname };
export const idProgram: Program = { name: 'id', summary: 'print real and effective user and group IDs', run: id };
export const dateProgram: Program = { name: 'date', summary: 'print the system date and time', run: date };
