// brctl (bridge-utils 1.7.1): show bridges and their interfaces, add/delete bridges and ports, showmacs, stp.
import type { CommandContext, Program } from '../../types';
import { addLink, deleteLink, findLink, setMaster } from '../../../core/kernel/links';
import { fdbRows } from '../../../core/kernel/bridge-fdb';
import { hasNetAdmin } from '../ip/common';

const USAGE = `Usage: brctl [commands]
commands:
	addbr     	<bridge>		add bridge
	delbr     	<bridge>		delete bridge
	addif     	<bridge> <device>	add interface to bridge
	delif     	<bridge> <device>	delete interface from bridge
	hairpin   	<bridge> <port> {on|off}	turn hairpin on/off
	setageing 	<bridge> <time>		set ageing time
	setbridgeprio	<bridge> <prio>		set bridge priority
	setfd     	<bridge> <time>		set bridge forward delay
	sethello  	<bridge> <time>		set hello time
	setmaxage 	<bridge> <time>		set max message age
	setpathcost	<bridge> <port> <cost>	set path cost
	setportprio	<bridge> <port> <prio>	set port priority
	show      	[ <bridge> ]		show a list of bridges
	showmacs  	<bridge>		show a list of mac addrs
	showstp   	<bridge>		show bridge stp info
	stp       	<bridge> {on|off}	turn stp on/off
`;

const ARGS: Record<string, number> = { addbr: 1, delbr: 1, addif: 2, delif: 2, show: 0, showmacs: 1, stp: 2, setageing: 2, showstp: 1 };

/** scandir(3) with alphasort in the C locale: names in byte order. */
const alphasort = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function show(ctx: CommandContext, only: string[]): number {
  const ns = ctx.world.state.netns[ctx.env.netns];
  let out = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';
  // Bridges in alphasort order of /sys/class/net (or in the order named), ports in alphasort order of brif/.
  const bridges = ns.links.filter((l) => l.kind === 'bridge');
  const listed = only.length ? only.flatMap((name) => bridges.filter((l) => l.name === name)) : [...bridges].sort((a, b) => alphasort(a.name, b.name));
  for (const br of listed) {
    const ports = ns.links.filter((l) => l.master === br.ifindex).map((l) => l.name).sort(alphasort);
    out += `${br.name}\t${br.name.length < 8 ? '\t' : ''}8000.${br.mac.replace(/:/g, '')}\t${br.bridge?.stp ? 'yes' : 'no'}\t\t${ports[0] ?? ''}\n`;
    for (const p of ports.slice(1)) out += `\t\t\t\t\t\t\t${p}\n`;
  }
  for (const name of only) if (!ns.links.some((l) => l.kind === 'bridge' && l.name === name)) ctx.err(`bridge ${name} does not exist!\n`);
  ctx.out(out);
  return 0;
}

export const brctl: Program = {
  name: 'brctl',
  summary: 'ethernet bridge administration',
  flavors: ['ubuntu', 'debian'],
  async run(ctx) {
    const [cmd, ...args] = ctx.argv.slice(1);
    if (cmd === undefined || cmd === '-h' || cmd === '--help') {
      (cmd === undefined ? ctx.err : ctx.out)(USAGE);
      return cmd === undefined ? 1 : 0;
    }
    if (cmd === '-V' || cmd === '--version') {
      ctx.out('bridge-utils, 1.7.1\n');
      return 0;
    }
    if (!(cmd in ARGS)) {
      ctx.err(`never heard of command [${cmd}]\n${USAGE}`);
      return 1;
    }
    if (args.length < ARGS[cmd]) {
      ctx.err(`Incorrect number of arguments for command\nUsage: brctl ${cmd} ${cmd === 'addif' || cmd === 'delif' ? '<bridge> <device>' : '<bridge>'}\n`);
      return 1;
    }
    const ns = ctx.world.state.netns[ctx.env.netns];
    const root = hasNetAdmin(ctx.world, ctx.env);
    const [brName, dev] = args;
    const br = brName ? findLink(ns, brName) : undefined;
    const isBridge = br?.kind === 'bridge';
    switch (cmd) {
      case 'show':
        return show(ctx, args);
      case 'showmacs': {
        if (!isBridge) {
          ctx.err(`read of forward table failed: No such device\n`);
          return 1;
        }
        let out = 'port no\tmac addr\t\tis local?\tageing timer\n';
        const ports = ns.links.filter((l) => l.master === br!.ifindex);
        for (const row of fdbRows(ns, br!, ctx.world.clock.now()).sort((a, b) => (a.mac < b.mac ? -1 : 1))) {
          out += `${String(ports.indexOf(row.port) + 1).padStart(3)}\t${row.mac}\t${row.local ? 'yes' : 'no'}\t\t${row.ageSec.toFixed(2).padStart(7)}\n`;
        }
        ctx.out(out);
        return 0;
      }
      case 'addbr':
        if (findLink(ns, brName)) {
          ctx.err(`device ${brName} already exists; can't create bridge with the same name\n`);
          return 1;
        }
        if (!root) {
          ctx.err('add bridge failed: Operation not permitted\n');
          return 1;
        }
        addLink(ctx.world, ns, brName, 'bridge');
        return 0;
      case 'delbr':
        if (!isBridge) {
          ctx.err(`bridge ${brName} doesn't exist; can't delete it\n`);
          return 1;
        }
        if (!root) {
          ctx.err(`can't delete bridge ${brName}: Operation not permitted\n`);
          return 1;
        }
        if (br!.up) {
          ctx.err(`bridge ${brName} is still up; can't delete it\n`);
          return 1;
        }
        deleteLink(ctx.world, ns, brName);
        return 0;
      case 'addif':
      case 'delif': {
        if (!isBridge) {
          ctx.err(`bridge ${brName} does not exist!\n`);
          return 1;
        }
        const port = findLink(ns, dev);
        if (!port) {
          ctx.err(`interface ${dev} does not exist!\n`);
          return 1;
        }
        if (!root) {
          ctx.err(`can't ${cmd === 'addif' ? 'add' : 'delete'} ${dev} ${cmd === 'addif' ? 'to' : 'from'} bridge ${brName}: Operation not permitted\n`);
          return 1;
        }
        if (cmd === 'addif' && port.master !== null) {
          ctx.err(`device ${dev} is already a member of a bridge; can't add it to bridge ${brName}.\n`);
          return 1;
        }
        if (cmd === 'delif' && port.master !== br!.ifindex) {
          ctx.err(`device ${dev} is not a slave of ${brName}\n`);
          return 1;
        }
        setMaster(ctx.world, ns, dev, cmd === 'addif' ? brName : null);
        return 0;
      }
      case 'stp':
        if (!isBridge) {
          ctx.err(`bridge ${brName} does not exist!\n`);
          return 1;
        }
        if (!root) {
          ctx.err(`set stp status failed: Operation not permitted\n`);
          return 1;
        }
        br!.bridge!.stp = ['on', 'yes', '1'].includes(dev);
        ctx.world.changed('link', `${ns.id}:${brName}`);
        return 0;
      default:
        ctx.err(`${cmd}: not supported in the lab\n`);
        return 1;
    }
  },
};
