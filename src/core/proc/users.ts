// /etc/passwd as ps reads it to name a UID: the Ubuntu 24.04 host's system users, and each image's own (nginx 101,
// redis 999, daemon 1), so the same process shows `message+` on the host and `nginx` inside its container.
import type { CatalogImage } from '../docker/image-catalog';

/** Ubuntu 24.04 server: base-passwd's fixed users, sysusers' dynamic ones (99x), and the learner. */
const UBUNTU_PASSWD: Record<number, string> = {
  0: 'root', 1: 'daemon', 2: 'bin', 3: 'sys', 33: 'www-data', 100: 'dhcpcd', 101: 'messagebus', 102: 'pollinate', 103: 'syslog',
  104: 'uuidd', 105: 'tcpdump', 109: 'sshd', 991: 'polkitd', 992: 'systemd-resolve', 996: 'systemd-timesync', 998: 'systemd-network',
  1000: 'learner', 65534: 'nobody',
};

/** Debian's base-passwd (the official images' base) and Alpine's. */
const DEBIAN_PASSWD: Record<number, string> = { 0: 'root', 1: 'daemon', 2: 'bin', 3: 'sys', 33: 'www-data', 65534: 'nobody' };
const ALPINE_PASSWD: Record<number, string> = { 0: 'root', 1: 'bin', 2: 'daemon', 65534: 'nobody' };

export function hostUserName(uid: number): string {
  return UBUNTU_PASSWD[uid] ?? String(uid);
}

/** The name a UID has in the image's /etc/passwd (the nginx images add `nginx`, redis adds `redis`). */
export function imageUserName(image: CatalogImage | undefined, uid: number): string {
  const own: Record<number, string> = image?.repo === 'nginx' ? { 101: 'nginx' } : image?.repo === 'redis' ? { 999: 'redis' } : {};
  const base = image?.flavor === 'busybox' ? ALPINE_PASSWD : DEBIAN_PASSWD;
  return own[uid] ?? base[uid] ?? String(uid);
}
