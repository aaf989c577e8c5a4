// redis-cli (Redis 7.4): one command from its arguments, or a prompt (`127.0.0.1:6379> `) reading commands until
// quit; each command is a TCP exchange with the server through the packet walker. Replies print as redis-cli does
// on a terminal (`"value"`, `(integer) 1`, `(nil)`, `1) ...`) or raw when stdout is not one.
import type { CommandContext, Program } from '../../types';
import { resolve } from '../../../core/dns';
import { walk } from '../../../core/sim/walker';
import type { RespValue } from '../../../core/sim/redis';

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

/** The reply as redis-cli prints it (`tty`: the human form; else the raw form). */
export function formatReply(v: RespValue, tty: boolean, indent = ''): string {
  switch (v.t) {
    case 'status':
      return `${v.v}\n`;
    case 'error':
      return tty ? `(error) ${v.v}\n` : `${v.v}\n`;
    case 'int':
      return tty ? `(integer) ${v.v}\n` : `${v.v}\n`;
    case 'bulk':
      if (v.v === null) return tty ? '(nil)\n' : '\n';
      return tty ? `${quote(v.v)}\n` : `${v.v.replace(/\r\n/g, '\n')}${v.v.endsWith('\n') ? '' : '\n'}`;
    case 'array':
      if (!v.v.length) return tty ? '(empty array)\n' : '';
      if (!tty) return v.v.map((x) => formatReply(x, false)).join('');
      return v.v.map((x, i) => `${i ? indent : ''}${i + 1}) ${formatReply(x, true, `${indent}   `)}`).join('');
  }
}

/** Splits a line typed at the prompt into words (double and single quotes group). */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]));
  return out;
}

async function send(ctx: CommandContext, host: string, port: number, command: string[]): Promise<{ reply: RespValue } | { why: string }> {
  const res = resolve(ctx.world, { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot }, host);
  if (!res.addresses.length) return { why: 'Name or service not known' };
  const trace = walk(ctx.world, { from: ctx.env.netns, proto: 'tcp', dst: res.addresses[0], dport: port, payload: { command }, info: `RESP ${command[0] ?? ''}` });
  await ctx.sleep(res.elapsedUs + (trace.rttUs ?? 0));
  if (trace.outcome === 'refused') return { why: 'Connection refused' };
  if (trace.outcome === 'no-route' || trace.outcome === 'unreachable') return { why: 'No route to host' };
  if (trace.outcome !== 'replied') return { why: 'Connection timed out' };
  const p = trace.payload as { redis?: RespValue } | undefined;
  if (!p?.redis) return { why: 'Connection reset by peer' };
  return { reply: p.redis };
}

async function run(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let host = '127.0.0.1';
  let port = 6379;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const a = args[i];
    if (a === '-h' && args[i + 1] !== undefined) host = args[++i];
    else if (a === '-p' && args[i + 1] !== undefined) port = Number(args[++i]);
    else if (a === '-n' || a === '-a') i++;
    else if (a === '--version' || a === '-v') {
      ctx.out('redis-cli 7.4.2\n');
      return 0;
    } else if (a === '--help') {
      ctx.out('redis-cli 7.4.2\n\nUsage: redis-cli [OPTIONS] [cmd [arg [arg ...]]]\n  -h <hostname>      Server hostname (default: 127.0.0.1).\n  -p <port>          Server port (default: 6379).\n');
      return 0;
    } else {
      ctx.err(`Unrecognized option or bad number of args for: '${a}'\n`);
      return 1;
    }
  }
  const tty = !ctx.stdoutNotTty;
  const command = args.slice(i);
  if (command.length) {
    const r = await send(ctx, host, port, command);
    if ('why' in r) {
      ctx.err(`Could not connect to Redis at ${host}:${port}: ${r.why}\n`);
      return 1;
    }
    ctx.out(formatReply(r.reply, tty));
    return 0;
  }
  // Interactive: the prompt names the server; a failed connection shows `not connected> `.
  const probe = await send(ctx, host, port, ['PING']);
  let connected = !('why' in probe);
  if ('why' in probe) ctx.err(`Could not connect to Redis at ${host}:${port}: ${probe.why}\n`);
  for (;;) {
    ctx.out(connected ? `${host}:${port}> ` : 'not connected> ');
    const line = await ctx.readLine();
    if (line === null || ctx.interrupt.interrupted) return 0;
    const w = words(line);
    if (!w.length) continue;
    if (['quit', 'exit'].includes(w[0].toLowerCase())) return 0;
    const r = await send(ctx, host, port, w);
    if ('why' in r) {
      ctx.err(`Could not connect to Redis at ${host}:${port}: ${r.why}\n`);
      connected = false;
      continue;
    }
    connected = true;
    ctx.out(formatReply(r.reply, true));
  }
}

export const redisCli: Program = { name: 'redis-cli', summary: 'Redis command line interface', flavors: ['ubuntu', 'debian'], run };
