// OpenBSD netcat 1.226 as Ubuntu 24.04 and netshoot ship it: `nc [-zvnw...] HOST PORT[S]` (ports, service names and
// lo-hi ranges), "Connection to HOST (IP) PORT port [tcp/SERVICE] succeeded!", failures with -v, `nc -l PORT` or
// Debian's `nc -l -p PORT` listeners, -N/-q to shut down after stdin's EOF, -w for connects and idle streams.
import type { CommandContext } from '../../types';
import { resolve } from '../../../core/dns';
import { parseIpv4 } from '../../../core/net/ipv4';
import { parseNetcatArgs } from '../../../core/sim/netcat-options';
import { portToService, serviceToPort } from '../../../core/kernel/netfilter/services';
import { OPENBSD_NC_HELP, OPENBSD_NC_USAGE, strerror } from './usage';
import { connectTcp, converse, hangUp } from './stream';
import { listen } from './listen';

class Fatal extends Error {}

/** strtonum(3)'s verdict on `text` in [min, max]: null when fine, else "invalid", "too small" or "too large". */
function strtonumError(text: string, min: number, max: number): string | null {
  if (!/^[-+]?\d+$/.test(text.trim())) return 'invalid';
  const n = Number(text);
  return n < min ? 'too small' : n > max ? 'too large' : null;
}

/** strtoport: a number 1-65535, else a service name from /etc/services. */
function strtoport(text: string): number {
  const e = strtonumError(text, 1, 65535);
  if (e === null) return Number(text);
  if (e !== 'invalid') throw new Fatal(`port number ${e}: ${text}`);
  const p = serviceToPort(text);
  if (p === undefined) throw new Fatal(`service "${text}" unknown`);
  return p;
}

/** build_ports: each operand a service name, a lo-hi range or a port. */
function buildPorts(operands: string[]): number[] {
  const ports: number[] = [];
  for (const p of operands) {
    const sv = serviceToPort(p);
    const dash = p.indexOf('-');
    if (sv !== undefined) ports.push(sv);
    else if (/^\d/.test(p) && dash > 0) {
      let hi = strtoport(p.slice(dash + 1));
      let lo = strtoport(p.slice(0, dash));
      if (lo > hi) [lo, hi] = [hi, lo];
      for (let n = lo; n <= hi; n++) ports.push(n);
    } else ports.push(strtoport(p));
  }
  return ports;
}

export async function openbsdNc(ctx: CommandContext): Promise<number> {
  try {
    return await run(ctx);
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
    ctx.err(`nc: ${e.message}\n`);
    return 1;
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const usage = () => {
    ctx.err(OPENBSD_NC_USAGE);
    return 1;
  };
  const r = parseNetcatArgs(ctx.argv.slice(1), 'openbsd');
  if (!r.ok) {
    ctx.err(`nc: ${r.error === 'unknown' ? 'invalid option' : 'option requires an argument'} -- '${r.letter}'\n`);
    return usage();
  }
  const { flags, values, operands } = r.opts;
  if (flags.h) {
    ctx.err(OPENBSD_NC_HELP);
    return 0;
  }
  let timeoutS: number | null = null;
  if (values.w !== undefined) {
    const e = strtonumError(values.w, 0, Math.floor(2147483647 / 1000));
    if (e) throw new Fatal(`timeout ${e}: ${values.w}`);
    timeoutS = Number(values.w);
  }
  let quitS = -1;
  if (values.q !== undefined) {
    const e = strtonumError(values.q, -2147483648, 2147483647);
    if (e) throw new Fatal(`quit timer ${e}: ${values.q}`);
    quitS = Number(values.q);
  }
  const listenMode = !!flags.l;
  let host: string | undefined;
  let ports: string[] = [];
  // The operand rules of main(): `nc -l [-p] PORT`, `nc HOST PORT...`.
  if (operands.length === 0 && listenMode) {
    host = values.s;
    ports = values.p !== undefined ? [values.p] : [];
  } else if (operands.length === 1 && values.p === undefined && values.s === undefined) {
    if (listenMode) ports = operands;
  } else if (operands.length >= 2) {
    if (listenMode && (values.p !== undefined || values.s !== undefined || operands.length > 2)) return usage();
    host = operands[0];
    ports = operands.slice(1);
  } else return usage();
  if (!ports.length) throw new Fatal('missing port number');
  if (listenMode && flags.z) throw new Fatal('cannot use -z and -l');
  if (!listenMode && flags.k) throw new Fatal('must use -l with -k');
  if (flags.u || flags.U) {
    ctx.err(`cnlab: nc ${flags.u ? '-u' : '-U'} is not modelled in this lab\n`);
    return 1;
  }
  const shutdownOnEof = !!flags.N || quitS >= 0;
  if (listenMode) {
    const p = /^\d+$/.test(ports[0]) ? Number(ports[0]) : serviceToPort(ports[0]);
    if (p === undefined || p > 65535) throw new Fatal('getaddrinfo: Servname not supported for ai_socktype');
    return listen(ctx, { flavor: 'openbsd', port: p, verbose: !!flags.v, numeric: !!flags.n, keep: !!flags.k, shutdownOnEof });
  }
  return connect(ctx, host!, buildPorts(ports), { verbose: !!flags.v, zero: !!flags.z, numeric: !!flags.n, detach: !!flags.d, timeoutS, quitS, shutdownOnEof });
}

interface ClientOptions {
  verbose: boolean;
  zero: boolean;
  numeric: boolean;
  detach: boolean;
  timeoutS: number | null;
  quitS: number;
  shutdownOnEof: boolean;
}

async function connect(ctx: CommandContext, host: string, ports: number[], o: ClientOptions): Promise<number> {
  // getaddrinfo: -n allows only a numeric address.
  const res = o.numeric && parseIpv4(host) === null ? null : resolve(ctx.world, { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot }, host);
  if (res && !(await ctx.sleep(res.elapsedUs))) return 130;
  if (!res || !res.addresses.length) {
    const gai = !res || res.error === 'NXDOMAIN' || res.error === null ? 'Name or service not known' : 'Temporary failure in name resolution';
    throw new Fatal(`getaddrinfo for host "${host}" port ${ports[0]}: ${gai}`);
  }
  const ip = res.addresses[0];
  const showIp = !o.numeric && host !== ip;
  const stdin = o.detach ? null : ctx.stdin;
  const stdinEnded = o.detach || stdin !== null;
  const data = o.zero ? '' : (stdin ?? '');
  const fin = !o.zero && stdin !== null && o.shutdownOnEof;
  let ret = 1;
  for (const port of ports) {
    const c = connectTcp(ctx, ip, port, data, fin, o.timeoutS ? o.timeoutS * 1_000_000 : null);
    if (!(await ctx.sleep(c.elapsedUs))) {
      if (c.kind === 'connected') hangUp(c.answer);
      return 130;
    }
    if (c.kind === 'failed') {
      if (o.verbose) {
        const what = c.timer ? `timed out: ${strerror('EINPROGRESS', 'glibc')}` : `failed: ${strerror(c.errno, 'glibc')}`;
        ctx.err(`nc: connect to ${host}${showIp ? ` (${ip})` : ''} port ${port} (tcp) ${what}\n`);
      }
      continue;
    }
    ret = 0;
    if (o.verbose || o.zero) {
      const service = (!o.numeric && portToService(port)) || '*';
      ctx.err(`Connection to ${host}${showIp ? ` (${ip})` : ''} ${port} port [tcp/${service}] succeeded!\n`);
    }
    if (o.zero) {
      hangUp(c.answer);
      continue;
    }
    const idleUs = o.timeoutS ? o.timeoutS * 1_000_000 : null;
    const rcvd = await converse(ctx, c.answer, data, { fin, stdinEnded, idleUs, lingerUs: o.quitS > 0 ? o.quitS * 1_000_000 : 0 });
    if (rcvd === null) return 130;
  }
  return ret;
}
