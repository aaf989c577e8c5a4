// `docker port`: a container's published ports (`80/tcp -> 0.0.0.0:8080`), or the host side of one of them.
import type { CobraCommand } from '../../../cobra';
import { getContainer } from '../../../../core/docker/lookup';
import { withDaemon } from '../client';
import { networkSettingsPorts } from './ports';
import { naturalCompare } from '../../../format/natsort';

/** net.JoinHostPort: IPv6 hosts in brackets. */
function joinHostPort(ip: string, port: string): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
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
        const [port, proto = 'tcp'] = args[1].split('/');
        const key = `${port}/${proto}`;
        const bindings = ports[key];
        if (!bindings?.length) {
          ctx.err(`Error: No public port '${key}' published for ${args[0]}\n`);
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
