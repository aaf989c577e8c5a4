// ss (iproute2 6.1): sockets of the current namespace. Output uses ss's field renderer in its compact form
// (column width = widest cell plus the left delimiter), which is what ss prints when it cannot size a terminal.
import { FlagSet, describeFlagError } from '../../flags';
import type { CommandContext, Program } from '../../types';
import type { Socket } from '../../../core/kernel/types';
import { formatIpv4 } from '../../../core/net/ipv4';
import { portToService } from '../../../core/kernel/netfilter/services';
import { parseSsFilter, SsFilterError, type SsFilter } from './filter';

const flags = new FlagSet(
  {
    flags: [
      { name: 'tcp', short: 't', type: 'bool', help: 'display only TCP sockets' },
      { name: 'udp', short: 'u', type: 'bool', help: 'display only UDP sockets' },
      { name: 'listening', short: 'l', type: 'bool', help: 'display listening sockets' },
      { name: 'all', short: 'a', type: 'bool', help: 'display all sockets' },
      { name: 'numeric', short: 'n', type: 'bool', help: "don't resolve service names" },
      { name: 'processes', short: 'p', type: 'bool', help: 'show process using socket' },
      { name: 'ipv4', short: '4', type: 'bool', help: 'display only IP version 4 sockets' },
      { name: 'ipv6', short: '6', type: 'bool', help: 'display only IP version 6 sockets' },
      { name: 'unix', short: 'x', type: 'bool', help: 'display only Unix domain sockets' },
      { name: 'no-header', short: 'H', type: 'bool', help: 'Suppress header line' },
      { name: 'extended', short: 'e', type: 'bool', help: 'show detailed socket information' },
      { name: 'help', short: 'h', type: 'bool', help: 'this message' },
      { name: 'version', short: 'V', type: 'bool', help: 'output version information' },
    ],
  },
  'gnu',
);

const HELP = `Usage: ss [ OPTIONS ]
       ss [ OPTIONS ] [ FILTER ]
   -h, --help          this message
   -V, --version       output version information
   -n, --numeric       don't resolve service names
   -r, --resolve       resolve host names
   -a, --all           display all sockets
   -l, --listening     display listening sockets
   -o, --options       show timer information
   -e, --extended      show detailed socket information
   -m, --memory        show socket memory usage
   -p, --processes     show process using socket
   -T, --threads       show thread using socket
   -i, --info          show internal TCP information
   -s, --summary       show socket usage summary
   -b, --bpf           show bpf filter socket information
   -E, --events        continually display sockets as they are destroyed
   -Z, --context       display process SELinux security contexts
   -z, --contexts      display process and socket SELinux security contexts
   -N, --net           switch to the specified network namespace name

   -4, --ipv4          display only IP version 4 sockets
   -6, --ipv6          display only IP version 6 sockets
   -0, --packet        display PACKET sockets
   -t, --tcp           display only TCP sockets
   -M, --mptcp         display only MPTCP sockets
   -S, --sctp          display only SCTP sockets
   -u, --udp           display only UDP sockets
   -d, --dccp          display only DCCP sockets
   -w, --raw           display only RAW sockets
   -x, --unix          display only Unix domain sockets
       --tipc          display only TIPC sockets
       --vsock         display only vsock sockets
   -f, --family=FAMILY display sockets of type FAMILY
       FAMILY := {inet|inet6|link|unix|netlink|vsock|tipc|xdp|help}

   -K, --kill          forcibly close sockets, display what was closed
   -H, --no-header     Suppress header line
   -O, --oneline       socket's data printed on a single line
       --inet-sockopt  show various inet socket options

   -A, --query=QUERY, --socket=QUERY
       QUERY := {all|inet|tcp|mptcp|udp|raw|unix|unix_dgram|unix_stream|unix_seqpacket|packet|netlink|vsock_stream|vsock_dgram|tipc}[,QUERY]

   -D, --diag=FILE     Dump raw information about TCP sockets to FILE
   -F, --filter=FILE   read filter information from FILE
       FILTER := [ state STATE-FILTER ] [ EXPRESSION ]
       STATE-FILTER := {all|connected|synchronized|bucket|big|TCP-STATES}
         TCP-STATES := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|closed|close-wait|last-ack|listening|closing}
          connected := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
       synchronized := {established|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
             bucket := {syn-recv|time-wait}
                big := {established|syn-sent|fin-wait-{1,2}|closed|close-wait|last-ack|listening|closing}
`;

/** The listen backlog ss shows as Send-Q: the daemon's listen() argument, capped by somaxconn (4096). */
function backlog(s: Socket): number {
  return s.process === 'sshd' ? 128 : s.process === 'nginx' ? 511 : s.process === 'httpd' ? 511 : 4096;
}

interface Col {
  header: string;
  align: 'left' | 'right';
  ldelim: string;
}

const COLS: Col[] = [
  { header: 'Netid', align: 'left', ldelim: '' },
  { header: 'State', align: 'left', ldelim: ' ' },
  { header: 'Recv-Q', align: 'left', ldelim: ' ' },
  { header: 'Send-Q', align: 'left', ldelim: ' ' },
  { header: 'Local Address:', align: 'right', ldelim: ' ' },
  { header: 'Port', align: 'left', ldelim: '' },
  { header: 'Peer Address:', align: 'right', ldelim: ' ' },
  { header: 'Port', align: 'left', ldelim: '' },
  { header: 'Process', align: 'left', ldelim: '' },
];

/** render(): compact widths, left delimiters after the first printed field, alignment padding. */
function render(rows: string[][], enabled: boolean[]): string {
  const idx = COLS.map((_, i) => i).filter((i) => enabled[i]);
  const width = new Map<number, number>();
  let first = true;
  for (const i of idx) {
    const max = Math.max(...rows.map((r) => r[i].length));
    width.set(i, !first && max ? max + COLS[i].ldelim.length : max);
    if (max) first = false;
  }
  let out = '';
  for (const r of rows) {
    let started = false;
    for (const i of idx) {
      const w = width.get(i)!;
      let printed = 0;
      let s = '';
      if (started) {
        s += COLS[i].ldelim;
        printed = COLS[i].ldelim.length;
      }
      started = true;
      const cell = r[i];
      if (COLS[i].align === 'right') s += ' '.repeat(Math.max(0, w - cell.length - printed));
      s += cell;
      printed = s.length;
      if (COLS[i].align === 'left') s += ' '.repeat(Math.max(0, w - printed));
      out += s;
    }
    out += '\n';
  }
  return out;
}

function run(ctx: CommandContext): number {
  const r = flags.parse(ctx.argv.slice(1));
  if (!r.ok) {
    ctx.err(`ss: ${describeFlagError(r.error, 'gnu')}\n${HELP}`);
    return 255;
  }
  const v = r.parsed.values;
  if (v.help || r.parsed.help) {
    ctx.out(HELP);
    return 0;
  }
  if (v.version) {
    ctx.out('ss utility, iproute2-6.1.0\n');
    return 0;
  }
  let filter: SsFilter;
  try {
    filter = parseSsFilter(r.parsed.args);
  } catch (e) {
    if (!(e instanceof SsFilterError)) throw e;
    ctx.err(e.message.startsWith('wrong') ? `ss: ${e.message}\n` : `ss: bison bellows (while parsing filter): "syntax error!"${HELP}`);
    return 255;
  }
  const ns = ctx.world.state.netns[ctx.env.netns];
  let protos: ('tcp' | 'udp')[] = [];
  if (v.tcp) protos.push('tcp');
  if (v.udp) protos.push('udp');
  if (!protos.length) protos = v.unix ? [] : ['tcp', 'udp'];
  if (!v.tcp && !v.udp && !v.listening && !v.all && !filter.states) protos = [];
  const root = ctx.env.user === 'root';
  const rows: string[][] = [['Netid', 'State', 'Recv-Q', 'Send-Q', 'Local Address:', 'Port', 'Peer Address:', 'Port', 'Process']];
  // The kernel's socket dump per protocol: the AF_INET sockets, then the AF_INET6 ones ([::] twins, `*` dual-stack).
  const families = v.ipv4 && !v.ipv6 ? [4] : v.ipv6 && !v.ipv4 ? [6] : [4, 6];
  for (const proto of protos) {
    for (const family of families) {
      ns.sockets.forEach((s, i) => {
        if (s.proto !== proto) return;
        if (family === 4 ? s.v6 === 'dual' : !s.v6) return;
        const listening = proto === 'tcp';
        const state = listening ? 'LISTEN' : 'UNCONN';
        if (filter.states ? !filter.states.has(state) : !v.all && !v.listening) return;
        if (filter.expr && !filter.expr({ state, sport: s.port, dport: 0, src: s.ip, dst: 0 })) return;
        const port = v.numeric ? String(s.port) : (portToService(s.port) ?? String(s.port));
        const local = family === 4 ? (s.ip === 0 ? '0.0.0.0' : formatIpv4(s.ip)) + (s.device ? `%${s.device}` : '') : s.v6 === 'dual' ? '*' : '[::]';
        const peer = family === 4 ? '0.0.0.0:' : s.v6 === 'dual' ? '*:' : '[::]:';
        // A twin in the same process is its next descriptor; another process (a second docker-proxy) has its own.
        const pid = family === 6 && s.v6Pid !== undefined ? s.v6Pid : s.pid;
        const fd = s.owner !== undefined ? 3 : 3 + i + (family === 6 && s.v6 === 'twin' && s.v6Pid === undefined ? 1 : 0);
        const proc = v.processes && (root || s.owner === ctx.env.user) ? `users:(("${s.process}",pid=${pid},fd=${fd}))` : '';
        rows.push([proto, listening ? 'LISTEN' : 'UNCONN', '0     ', `${String(listening ? backlog(s) : 0).padEnd(6)}`, `${local}:`, port, peer, '*', proc]);
      });
    }
  }
  if (v['no-header']) rows.shift();
  // One state asked for: ss leaves its State column out.
  const oneState = filter.states?.size === 1;
  const enabled = COLS.map((_, i) => (i === 0 ? protos.length > 1 || protos.length === 0 : i === 1 ? !oneState : true));
  ctx.out(render(rows, enabled));
  return 0;
}

export const ss: Program = {
  name: 'ss',
  summary: 'another utility to investigate sockets',
  async run(ctx) {
    return run(ctx);
  },
};
