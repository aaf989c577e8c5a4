// One HTTP request as curl and wget make it: parse the URL, resolve the host, open a TCP connection through
// the walker (SYN, SYN-ACK or RST / ICMP / silence), and take the server's answer.
import type { CommandContext } from '../../types';
import { resolve, type Resolution } from '../../../core/dns';
import { walk } from '../../../core/sim/walker';
import type { PacketTrace } from '../../../core/sim/trace';
import type { HttpRequest, HttpResponse } from '../../../core/sim/http';

export interface Url {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
  /** `host[:port]` as it goes in the Host header. */
  hostHeader: string;
}

/** Parses `[scheme://]host[:port][/path]`; returns an error word for curl's messages. */
export function parseUrl(text: string): Url | { error: 'scheme'; scheme: string } | { error: 'host' } | { error: 'port' } {
  let rest = text;
  let scheme = 'http';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  }
  if (scheme !== 'http' && scheme !== 'https') return { error: 'scheme', scheme };
  const slash = rest.search(/[/?#]/);
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  let path = slash < 0 ? '/' : rest.slice(slash);
  if (!path.startsWith('/')) path = '/' + path;
  const hostPart = authority.replace(/^.*@/, '');
  const pm = /^(.*?)(?::(\d*))?$/.exec(hostPart)!;
  const host = pm[1];
  if (!host || !/^[A-Za-z0-9.-]+$/.test(host)) return { error: 'host' };
  const port = pm[2] ? Number(pm[2]) : scheme === 'https' ? 443 : 80;
  if (pm[2] !== undefined && (pm[2] === '' || port > 65535)) return { error: 'port' };
  return { scheme: scheme as Url['scheme'], host, port, path, hostHeader: pm[2] ? `${host}:${port}` : host };
}

export type FetchResult =
  | { kind: 'resolve-failed'; res: Resolution }
  | { kind: 'connect-failed'; ip: string; how: 'refused' | 'timeout' | 'unreachable'; elapsedUs: number; trace: PacketTrace }
  | { kind: 'reset'; ip: string; trace: PacketTrace }
  /** Connected, but the server sent nothing (no HTTP server behind the port) or a non-HTTP banner. */
  | { kind: 'empty'; ip: string; trace: PacketTrace }
  | { kind: 'not-http'; ip: string; trace: PacketTrace }
  | { kind: 'response'; ip: string; response: HttpResponse; elapsedUs: number; trace: PacketTrace };

/** Linux gives up a SYN after 6 retries: about 127 s (tcp_syn_retries). */
export const SYN_TIMEOUT_US = 127_000_000;

export function fetchHttp(ctx: CommandContext, url: Url, req: HttpRequest): FetchResult {
  const res = resolve(ctx.world, { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot }, url.host);
  if (!res.addresses.length) return { kind: 'resolve-failed', res };
  const ip = res.addresses[0];
  const trace = walk(ctx.world, { from: ctx.env.netns, proto: 'tcp', dst: ip, dport: url.port, payload: req, info: `HTTP: ${req.method} ${req.path} HTTP/1.1` });
  const elapsedUs = res.elapsedUs + (trace.rttUs ?? 0);
  switch (trace.outcome) {
    case 'replied': {
      const p = trace.payload as (HttpResponse & { proxyError?: string; banner?: string }) | undefined;
      if (!p) return { kind: 'empty', ip, trace };
      if (p.banner !== undefined) return { kind: 'not-http', ip, trace };
      if (p.proxyError !== undefined || p.status === undefined) return { kind: 'reset', ip, trace };
      return { kind: 'response', ip, response: p, elapsedUs, trace };
    }
    case 'refused':
      return { kind: 'connect-failed', ip, how: 'refused', elapsedUs, trace };
    case 'no-route':
    case 'unreachable':
      // A local failure (no route, no ARP answer) comes back when the kernel gives up, not after a round trip.
      return { kind: 'connect-failed', ip, how: 'unreachable', elapsedUs: res.elapsedUs + (trace.rttUs ?? trace.hops[trace.hops.length - 1]?.atUs ?? 0), trace };
    default:
      return { kind: 'connect-failed', ip, how: 'timeout', elapsedUs: res.elapsedUs + SYN_TIMEOUT_US, trace };
  }
}
