// One netcat TCP connection from the client's side: connect() through the packet walker (SYN, then SYN-ACK, RST,
// ICMP or silence), then the stream: send stdin, print what comes back, and wait until both directions are done.
import type { CommandContext } from '../../types';
import { walk } from '../../../core/sim/walker';
import { closeNetcat, netcatConnection, type NetcatReply } from '../../../core/sim/netcat';
import type { HttpResponse } from '../../../core/sim/http';
import { SYN_TIMEOUT_US } from '../curl/fetch';

export type ConnectOutcome =
  | { kind: 'connected'; elapsedUs: number; answer: unknown }
  | { kind: 'failed'; errno: string; elapsedUs: number; timer: boolean };

/** An HTTP request typed or piped into nc (`printf 'GET / HTTP/1.0\r\n\r\n' | nc host 80`), for web servers. */
function httpRequestOf(data: string): Record<string, string> | null {
  const m = /^(GET|HEAD) (\S+) HTTP\/1\.[01]\r?\n((?:[^\r\n]+\r?\n)*)\r?\n/.exec(data);
  if (!m) return null;
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*?)\\r?$`, 'im').exec(m[3])?.[1] ?? '';
  return { method: m[1], path: m[2], host: header('Host'), userAgent: header('User-Agent') };
}

/**
 * connect() to ip:port, sending `data` (and a FIN after it when `fin`). `limitUs` is the program's own connect
 * timer (-w): a connect that would take longer is cut there (`timer`).
 */
export function connectTcp(ctx: CommandContext, ip: string, port: number, data: string, fin: boolean, limitUs: number | null): ConnectOutcome {
  const payload = { ...(httpRequestOf(data) ?? {}), netcat: { data, fin } };
  const trace = walk(ctx.world, { from: ctx.env.netns, proto: 'tcp', dst: ip, dport: port, payload });
  const cut = (elapsedUs: number, errno: string): ConnectOutcome =>
    limitUs !== null && elapsedUs > limitUs ? { kind: 'failed', errno: 'ETIMEDOUT', elapsedUs: limitUs, timer: true } : { kind: 'failed', errno, elapsedUs, timer: false };
  switch (trace.outcome) {
    case 'replied':
      return { kind: 'connected', elapsedUs: trace.rttUs ?? 0, answer: trace.payload };
    case 'refused':
      return { kind: 'failed', errno: 'ECONNREFUSED', elapsedUs: trace.rttUs ?? 0, timer: false };
    case 'no-route':
    case 'unreachable': {
      const local = (trace.payload as { errno?: string } | undefined)?.errno;
      const errno = local ?? (trace.icmpError?.code === 0 ? 'ENETUNREACH' : 'EHOSTUNREACH');
      return cut(trace.rttUs ?? trace.hops[trace.hops.length - 1]?.atUs ?? 0, errno);
    }
    default:
      return cut(SYN_TIMEOUT_US, 'ETIMEDOUT');
  }
}

/** The raw bytes of an HTTP answer as they arrive on the socket. */
function rawHttp(r: HttpResponse, head: boolean): string {
  return `HTTP/${r.httpVersion ?? '1.1'} ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${head ? '' : r.body}`;
}

/** What the server sent at once, and whether it closed its side after that. */
function serverAnswer(answer: unknown, data: string): { text: string; fin: boolean; conn: number | null } {
  const a = answer as { netcat?: NetcatReply; banner?: string; status?: number } | undefined;
  if (a?.netcat) return { text: a.netcat.data, fin: a.netcat.fin, conn: a.netcat.conn };
  if (a?.banner !== undefined) return { text: `${a.banner}\r\n`, fin: data !== '', conn: null };
  const req = httpRequestOf(data);
  if (a?.status !== undefined && req) return { text: rawHttp(a as HttpResponse, req.method === 'HEAD'), fin: true, conn: null };
  // A server that got bytes it does not understand hangs up; one that got nothing waits for more.
  return { text: '', fin: data !== '' && a !== undefined, conn: null };
}

/** -z: connected, then closed at once without sending anything. */
export function hangUp(answer: unknown): void {
  closeNetcat((answer as { netcat?: NetcatReply } | undefined)?.netcat?.conn ?? null, 'client');
}

export interface StreamRules {
  /** It shut down its write side after stdin's EOF. */
  fin: boolean;
  /** It exits once stdin has ended and the server has closed (BusyBox; OpenBSD too, its inputs both gone). */
  stdinEnded: boolean;
  /** OpenBSD -w: poll() gives up after this long with nothing happening (the program exits 0). */
  idleUs: number | null;
  /** OpenBSD -q: the wait after both inputs are gone. */
  lingerUs: number;
}

const POLL_US = 100_000;

/** After connect(): print the server's data and wait for the stream to end. Returns the bytes received, or null on Ctrl-C. */
export async function converse(ctx: CommandContext, answer: unknown, data: string, rules: StreamRules): Promise<number | null> {
  const got = serverAnswer(answer, data);
  if (got.text) ctx.out(got.text);
  const received = new TextEncoder().encode(got.text).length;
  let idle = 0;
  try {
    for (;;) {
      const conn = netcatConnection(got.conn);
      const netClosed = got.fin || !!conn?.serverFin || !!conn?.serverClosed;
      if (netClosed && rules.stdinEnded) {
        if (rules.lingerUs > 0 && !(await ctx.sleep(rules.lingerUs))) return null;
        return received;
      }
      if (rules.idleUs !== null && idle >= rules.idleUs) return received;
      if (!(await ctx.sleep(POLL_US))) return null;
      idle += POLL_US;
    }
  } finally {
    closeNetcat(got.conn, 'client');
  }
}
