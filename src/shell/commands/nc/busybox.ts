// BusyBox 1.37 nc (nc_bloaty, NC_110_COMPAT): `nc [OPTIONS] HOST PORT` connects, `nc -l -p PORT` listens; -z scans,
// -v reports "HOST (IP:PORT) open" and failures other than a refusal (-vv those too), -w caps the connect.
import type { CommandContext } from '../../types';
import { resolve } from '../../../core/dns';
import { parseNetcatArgs } from '../../../core/sim/netcat-options';
import { serviceToPort } from '../../../core/kernel/netfilter/services';
import { BUSYBOX_NC_USAGE, strerror } from './usage';
import { connectTcp, converse, hangUp } from './stream';
import { listen } from './listen';

/** bb_lookup_port: a number up to 65535 or a service name; anything else comes out as port 0. */
function lookupPort(text: string | undefined): number {
  if (text === undefined) return 0;
  if (/^\d+$/.test(text) && Number(text) <= 65535) return Number(text);
  return serviceToPort(text) ?? 0;
}

export async function busyboxNc(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const usage = () => {
    ctx.err(BUSYBOX_NC_USAGE);
    return 1;
  };
  if (args.length === 1 && args[0] === '--help') {
    ctx.err(BUSYBOX_NC_USAGE);
    return 0;
  }
  const r = parseNetcatArgs(args, 'busybox');
  if (!r.ok) {
    ctx.err(`nc: ${r.error === 'unknown' ? 'unrecognized option' : 'option requires an argument'}: ${r.letter}\n`);
    return usage();
  }
  const { flags, values, operands, exec } = r.opts;
  if (operands.length > 2) return usage();
  if (exec || flags.u) {
    ctx.err(`cnlab: nc ${exec ? '-e' : '-u'} is not modelled in this lab\n`);
    return 1;
  }
  const verbose = flags.v ?? 0;
  let waitS = 0;
  if (values.w !== undefined) {
    if (!/^\d+$/.test(values.w)) {
      ctx.err(`nc: invalid number '${values.w}'\n`);
      return 1;
    }
    waitS = Number(values.w);
  }
  let localPort = 0;
  if (values.p !== undefined) {
    localPort = lookupPort(values.p);
    if (!localPort) {
      ctx.err(`nc: bad local port '${values.p}'\n`);
      return 1;
    }
  }
  if (flags.l) {
    // Without -p the kernel picks the port (verbose mode says which).
    const port = localPort || 32768 + ctx.world.rng.int(28232);
    return listen(ctx, { flavor: 'busybox', port, verbose: verbose > 0, numeric: !!flags.n, keep: false, shutdownOnEof: true });
  }
  if (operands.length === 0) return usage();
  const host = operands[0];
  const port = lookupPort(operands[1]);
  const res = resolve(ctx.world, { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot }, host);
  if (!(await ctx.sleep(res.elapsedUs))) return 130;
  if (!res.addresses.length) {
    ctx.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  const ip = res.addresses[0];
  const data = flags.z ? '' : (ctx.stdin ?? '');
  const c = connectTcp(ctx, ip, port, data, !flags.z && ctx.stdin !== null, waitS ? waitS * 1_000_000 : null);
  if (!(await ctx.sleep(c.elapsedUs))) {
    if (c.kind === 'connected') hangUp(c.answer);
    ctx.err('punt!\n');
    return 130;
  }
  const stats = (sent: number, rcvd: number) => {
    if (verbose > 1) ctx.err(`sent ${sent}, rcvd ${rcvd}\n`);
  };
  if (c.kind === 'failed') {
    if (verbose > 1 || (verbose && c.errno !== 'ECONNREFUSED')) ctx.err(`nc: ${host} (${ip}:${port}): ${strerror(c.errno, 'musl')}\n`);
    stats(0, 0);
    return 1;
  }
  if (verbose) ctx.err(`${host} (${ip}:${port}) open\n`);
  if (flags.z) {
    hangUp(c.answer);
    stats(0, 0);
    return 0;
  }
  const stdinEnded = ctx.stdin !== null;
  const rcvd = await converse(ctx, c.answer, data, { fin: stdinEnded, stdinEnded, idleUs: stdinEnded && waitS ? 2 * waitS * 1_000_000 : null, lingerUs: 0 });
  if (rcvd === null) {
    ctx.err('punt!\n');
    return 130;
  }
  stats(new TextEncoder().encode(data).length, rcvd);
  return 0;
}
