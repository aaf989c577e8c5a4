// `docker port`: a container's published ports (`80/tcp -> 0.0.0.0:8080`), or the host side of one of them.
import type { CobraCommand } from '../../../cobra';
import { getContainer } from '../../../../core/docker/lookup';
import { withDaemon } from '../client';
import { networkSettingsPorts } from './ports';
import { naturalCompare } from '../../../format/natsort';
import { goQuote } from '../../../flags';

/** net.JoinHostPort: IPv6 hosts in brackets. */
function joinHostPort(ip: string, port: string): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** strconv.ParseUint(s, 10, 16)'s reason, or '' when s is a valid port number. */
function parseUint16Error(s: string): string {
  if (!/^[0-9]+$/.test(s)) return 'invalid syntax';
  return Number(s) > 65535 ? 'value out of range' : '';
}

export const containerPort: CobraCommand = {
  name: 'port',
  aliasesLine: 'docker container port, docker port',
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  args: { min: 1, max: 2 },
  run: (ctx, { args }) =>
    withDaemon(ctx, (engine) => {
      const c = getContainer(engine, args[0]);
      const ports = networkSettingsPorts(c);
      if (args[1] !== undefined) {
        // docker/cli 27: strings.Cut on the first '/', tcp when no protocol, the port checked with
        // strconv.ParseUint(port, 10, 16), and the error quoting the argument as typed.
        const cut = args[1].indexOf('/');
        const port = cut < 0 ? args[1] : args[1].slice(0, cut);
        const proto = (cut < 0 ? '' : args[1].slice(cut + 1)) || 'tcp';
        const portErr = parseUint16Error(port);
        if (portErr) {
          ctx.err(`Error: invalid port (${port}): strconv.ParseUint: parsing ${goQuote(port)}: ${portErr}\n`);
          return 1;
        }
        const bindings = ports[`${port}/${proto}`];
        if (!bindings) {
          ctx.err(`Error: No public port '${args[1]}' published for ${args[0]}\n`);
          return 1;
        }
        // docker/cli sorts its lines with sortorder.NaturalLess (80/tcp before 3000/tcp).
        for (const line of bindings.map((b) => joinHostPort(b.hostIp, b.hostPort)).sort(naturalCompare)) ctx.out(line + '\n');
        return 0;
      }
      const out: string[] = [];
      for (const [key, bindings] of Object.entries(ports)) for (const b of bindings ?? []) out.push(`${key} -> ${joinHostPort(b.hostIp, b.hostPort)}`);
      out.sort(naturalCompare);
      for (const line of out) ctx.out(line + '\n');
      return 0;
    }),
};
