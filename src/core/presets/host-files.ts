// The files and daemons an Ubuntu 24.04 server starts with that the network tools read: /etc/hostname,
// /etc/hosts, the systemd-resolved stub /etc/resolv.conf (and its upstream copy), and the resolver's sockets.
import type { World } from '../world';
import { addListener } from '../kernel/sockets';

/** /etc/hosts as the Ubuntu installer writes it (the host name on 127.0.1.1). */
export function ubuntuHosts(hostname: string): string {
  return `127.0.0.1 localhost
127.0.1.1 ${hostname}

# The following lines are desirable for IPv6 capable hosts
::1     ip6-localhost ip6-loopback
fe00::0 ip6-localnet
ff00::0 ip6-mcastprefix
ff02::1 ip6-allnodes
ff02::2 ip6-allrouters
`;
}

const RESOLVED_HEADER = (path: string) => `# This is ${path} managed by man:systemd-resolved(8).
# Do not edit.
#
`;

/** /etc/resolv.conf -> /run/systemd/resolve/stub-resolv.conf: the local stub at 127.0.0.53. */
export function stubResolvConf(search: string[]): string {
  return `${RESOLVED_HEADER('/run/systemd/resolve/stub-resolv.conf')}# This file might be symlinked as /etc/resolv.conf. If you're looking at
# /etc/resolv.conf and seeing this text, you have followed a symlink.
#
# This is a dynamic resolv.conf file for connecting local clients to the
# internal DNS stub resolver of systemd-resolved. This file lists all
# configured search domains.
#
# Run "resolvectl status" to see details about the uplink DNS servers
# currently in use.
#
# Third party programs should typically not access this file directly, but only
# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a
# different way, replace this symlink by a static file or a different symlink.
#
# See man:systemd-resolved.service(8) for details about the supported modes of
# operation for /etc/resolv.conf.

nameserver 127.0.0.53
options edns0 trust-ad
search ${search.length ? search.join(' ') : '.'}
`;
}

/** /run/systemd/resolve/resolv.conf: the uplink servers (what Docker copies into default-bridge containers). */
export function upstreamResolvConf(nameservers: string[], search: string[]): string {
  return `${RESOLVED_HEADER('/run/systemd/resolve/resolv.conf')}# This file might be symlinked as /etc/resolv.conf. If you're looking at
# /etc/resolv.conf and seeing this text, you have followed a symlink.
#
# This is a dynamic resolv.conf file for connecting local clients directly to
# all known uplink DNS servers. This file lists all configured search domains.
#
# Third party programs should typically not access this file directly, but only
# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a
# different way, replace this symlink by a static file or a different symlink.
#
# See man:systemd-resolved.service(8) for details about the supported modes of
# operation for /etc/resolv.conf.

${nameservers.map((n) => `nameserver ${n}\n`).join('')}search ${search.length ? search.join(' ') : '.'}
`;
}

/** Fixed pids of the system daemons: they start at boot, below the pids the lab hands out (from 1000), so no container
 * main process ever gets one of them. */
export const RESOLVED_PID = 584;
export const SSHD_PID = 897;

/** Writes the host's files and starts systemd-resolved (127.0.0.53/54) and sshd (port 22). */
export function installHostFiles(world: World, hostname: string): void {
  const host = world.host(hostname);
  const files = world.state.files;
  files[`${hostname}:/etc/hostname`] = `${hostname}\n`;
  files[`${hostname}:/etc/hosts`] = ubuntuHosts(hostname);
  files[`${hostname}:/etc/resolv.conf`] = stubResolvConf(host.resolv.search);
  files[`${hostname}:/run/systemd/resolve/stub-resolv.conf`] = stubResolvConf(host.resolv.search);
  files[`${hostname}:/run/systemd/resolve/resolv.conf`] = upstreamResolvConf(host.resolv.nameservers, host.resolv.search);
  for (const ip of ['127.0.0.53', '127.0.0.54']) {
    for (const proto of ['udp', 'tcp'] as const) {
      addListener(world, host.rootNs, { proto, ip, port: 53, process: 'systemd-resolve', pid: RESOLVED_PID, service: 'systemd-resolved', device: ip === '127.0.0.53' ? 'lo' : undefined });
    }
  }
  addListener(world, host.rootNs, { proto: 'tcp', port: 22, process: 'sshd', pid: SSHD_PID, service: 'sshd', v6: 'twin' });
}
