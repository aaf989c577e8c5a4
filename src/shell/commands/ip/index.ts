// ip: iproute2 6.1 on the Ubuntu host (and BusyBox's ip in alpine). Global options are iproute2's single-dash
// words (`-br`, `-4`, `-n NS`), normalised and then parsed with the shared flag parser; objects are matched by
// prefix in iproute2's table order (`ip a`, `ip r`, `ip n`, `ip l`).
import { FlagSet } from '../../flags';
import type { Program } from '../../types';
import { IpFailure, matches, namedNetns, type IpCtx, type IpOptions } from './common';
import { ipAddr } from './addr';
import { ipLink } from './link';
import { ipRoute } from './route';
import { ipNeigh } from './neigh';
import { ipNetns } from './netns';
import { ipUsage } from './usage';
import './netns-files';

const globalFlags = new FlagSet(
  {
    flags: [
      { name: 'brief', type: 'bool', help: 'brief output' },
      { name: 'details', type: 'bool', help: 'details' },
      { name: 'oneline', type: 'bool', help: 'one line per record' },
      { name: 'statistics', type: 'count', help: 'statistics' },
      { name: 'family', type: 'string', help: 'address family' },
      { name: 'netns', type: 'string', help: 'run in namespace' },
      { name: 'color', type: 'bool', help: 'color output' },
      { name: 'numeric', type: 'bool', help: 'numeric' },
      { name: 'version', type: 'bool', help: 'version' },
      { name: 'json', type: 'bool', help: 'JSON output' },
      { name: 'all', type: 'bool', help: 'all namespaces' },
      { name: 'pretty', type: 'bool', help: 'pretty JSON' },
      { name: 'help', type: 'bool', help: 'help' },
    ],
    interspersed: false,
    allowAbbrev: false,
  },
  'gnu',
);

/** iproute2's option words (matched by prefix after the dash), as the long flags declared above. */
const OPTION_WORDS: [string, string, boolean][] = [
  ['-Version', '--version', false], ['-statistics', '--statistics', false], ['-details', '--details', false],
  ['-resolve', '', false], ['-family', '--family', true], ['-oneline', '--oneline', false], ['-brief', '--brief', false],
  ['-netns', '--netns', true], ['-Numeric', '--numeric', false], ['-color', '--color', false], ['-help', '--help', false],
  ['-all', '--all', false], ['-timestamp', '', false], ['-human', '', false], ['-json', '--json', false], ['-pretty', '--pretty', false],
];

/**
 * BusyBox's ip_parse_common_args: a prefix of oneline or family, or -4/-6/-0; anything else (even iproute2's -br or
 * -d) shows the usage. Returns the `--long` flags and the object words, or null for the usage.
 */
function normaliseBusybox(argv: string[]): { flags: string[]; rest: string[] } | null {
  const flags: string[] = [];
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    let opt = argv[i].slice(1);
    if (opt.startsWith('-')) opt = opt.slice(1);
    if (opt === '') return { flags, rest: argv.slice(i + 1) };
    const word = ['oneline', 'family', '4', '6', '0'].find((w) => w.startsWith(opt));
    if (!word) return null;
    if (word === 'oneline') flags.push('--oneline');
    else if (word === 'family') {
      if (i + 1 >= argv.length) return null;
      flags.push('--family', argv[++i]);
    } else flags.push('--family', word === '4' ? 'inet' : word === '6' ? 'inet6' : 'link');
  }
  return { flags, rest: argv.slice(i) };
}

/** Rewrites the leading iproute2 options into `--long` flags; returns them plus the object words. */
function normalise(argv: string[], busybox: boolean): { flags: string[]; rest: string[] } | string {
  if (busybox) return normaliseBusybox(argv) ?? ipUsage('main', true);
  const flags: string[] = [];
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    let opt = argv[i];
    if (opt.startsWith('--')) opt = opt.slice(1);
    const eq = opt.indexOf('=');
    if (eq > 0) opt = opt.slice(0, eq);
    if (opt === '-4' || opt === '-6' || opt === '-0') {
      flags.push('--family', opt === '-4' ? 'inet' : opt === '-6' ? 'inet6' : 'link');
      continue;
    }
    if (opt === '-br') {
      flags.push('--brief');
      continue;
    }
    const hit = OPTION_WORDS.find(([word]) => opt.length > 1 && word.startsWith(opt));
    if (!hit) return `Option "${argv[i]}" is unknown, try "ip -help".\n`;
    if (!hit[1]) continue;
    flags.push(hit[1]);
    if (hit[2]) {
      if (i + 1 >= argv.length) return 'Command line is not complete. Try option "help"\n';
      flags.push(argv[++i]);
    }
  }
  return { flags, rest: argv.slice(i) };
}

/** Objects in iproute2's matching order; the first one `word` is a prefix of wins. */
const OBJECTS = ['address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'link', 'netns', 'help'];

export const ip: Program = {
  name: 'ip',
  summary: 'show / manipulate routing, network devices, interfaces and tunnels',
  async run(ctx) {
    const busybox = ctx.env.flavor === 'busybox';
    const norm = normalise(ctx.argv.slice(1), busybox);
    if (typeof norm === 'string') {
      ctx.err(norm);
      return busybox ? 1 : 255;
    }
    const parsed = globalFlags.parse(norm.flags);
    if (!parsed.ok) {
      ctx.err(`Option "${parsed.error.token}" is unknown, try "ip -help".\n`);
      return 255;
    }
    const v = parsed.parsed.values;
    if (v.version) {
      ctx.out(busybox ? 'ip: invalid option -- \'V\'\n' : 'ip utility, iproute2-6.1.0, libbpf 1.3.0\n');
      return busybox ? 1 : 0;
    }
    const [objWord, ...rest] = norm.rest;
    if (v.help || objWord === undefined) {
      ctx.err(ipUsage('main', busybox));
      return busybox ? 1 : 255;
    }
    let nsId = ctx.env.netns;
    if (v.netns) {
      const ns = namedNetns(ctx.world, ctx.env.host, v.netns as string);
      if (!ns) {
        ctx.err(`Cannot open network namespace "${v.netns}": No such file or directory\n`);
        return 255;
      }
      // lib/namespace.c netns_switch: the file opens for anyone, but setns(CLONE_NEWNET) needs CAP_SYS_ADMIN.
      if (ctx.env.user !== 'root') {
        ctx.err(`setting the network namespace "${v.netns}" failed: Operation not permitted\n`);
        return 255;
      }
      nsId = ns.id;
    }
    const family = v.family as string;
    if (family && !['inet', 'inet6', 'link'].includes(family)) {
      ctx.err(`Error: argument "${family}" is wrong: invalid address family\n`);
      return 255;
    }
    const opts: IpOptions = { brief: !!v.brief, details: !!v.details, oneline: !!v.oneline, stats: !!v.statistics, family: (family || null) as IpOptions['family'], json: !!v.json, pretty: !!v.pretty, all: !!v.all };
    const ipc: IpCtx = { ctx, world: ctx.world, ns: ctx.world.state.netns[nsId], busybox, opts };
    const obj = OBJECTS.find((o) => matches(objWord, o));
    try {
      switch (obj) {
        case 'address':
          ipAddr(ipc, rest);
          return 0;
        case 'route':
          ipRoute(ipc, rest);
          return 0;
        case 'neighbor':
        case 'neighbour':
          ipNeigh(ipc, rest);
          return 0;
        case 'link':
          ipLink(ipc, rest);
          return 0;
        case 'rule':
          ctx.out('0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n');
          return 0;
        case 'netns':
          if (!busybox) return await ipNetns(ipc, rest);
          break;
        case 'help':
          ctx.err(ipUsage('main', busybox));
          return busybox ? 1 : 255;
      }
      if (busybox) ctx.err(`ip: invalid argument '${objWord}' to 'ip'\n`);
      else ctx.err(`Object "${objWord}" is unknown, try "ip help".\n`);
      return 1;
    } catch (e) {
      if (!(e instanceof IpFailure)) throw e;
      ctx.err(e.text);
      return e.code;
    }
  },
};
