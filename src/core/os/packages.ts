// Distribution packages: what `apt-get install` (Debian bookworm, Ubuntu noble) and `apk add` (Alpine 3.21) can
// add to a container or host — each package's version, download size and the commands it provides (dependencies
// are not modelled) —
// and which mirror each distribution fetches from (the package manager really reaches it over the emulated network).

export type Distro = 'debian' | 'ubuntu' | 'alpine';

export interface PackageInfo {
  version: string;
  /** Download size in kB (apt's "Need to get", apk's index). */
  kb: number;
  /** Commands it puts on $PATH. */
  commands: string[];
}

type Catalog = Record<string, PackageInfo>;

const p = (version: string, kb: number, commands: string[] = []): PackageInfo => ({ version, kb, commands });

const DEBIAN: Catalog = {
  curl: p('7.88.1-10+deb12u8', 315, ['curl']),
  wget: p('1.21.3-1+b2', 984, ['wget']),
  iproute2: p('6.1.0-3', 1046, ['ip', 'ss', 'bridge']),
  'iputils-ping': p('3:20221126-1+deb12u1', 47, ['ping']),
  dnsutils: p('1:9.18.33-1~deb12u2', 158, ['dig', 'nslookup', 'host']),
  'bind9-dnsutils': p('1:9.18.33-1~deb12u2', 158, ['dig', 'nslookup', 'host']),
  tcpdump: p('4.99.3-1', 493, ['tcpdump']),
  traceroute: p('1:2.1.2-1', 60, ['traceroute']),
  iptables: p('1.8.9-2', 386, ['iptables', 'iptables-save', 'iptables-restore']),
  'netcat-openbsd': p('1.219-1', 42, ['nc']),
  'bridge-utils': p('1.7.1-1', 35, ['brctl']),
  jq: p('1.6-2.1', 65, ['jq']),
  python3: p('3.11.2-1+b1', 26, ['python3']),
  'net-tools': p('2.10-0.1', 243, ['ifconfig', 'netstat', 'route', 'arp']),
  conntrack: p('1:1.4.7-1+b2', 33, ['conntrack']),
  procps: p('2:4.0.2-3', 709, ['ps', 'top', 'free', 'pgrep', 'pkill', 'watch']),
  nmap: p('7.93+dfsg1-1', 1893, ['nmap']),
  vim: p('2:9.0.1378-2', 1567, ['vim']),
  nano: p('7.2-1+deb12u1', 690, ['nano']),
  'redis-tools': p('5:7.0.15-1~deb12u3', 1002, ['redis-cli']),
  less: p('590-2.1~deb12u2', 132, ['less']),
  socat: p('1.7.4.4-2', 376, ['socat']),
  telnet: p('0.17+2.4-2+deb12u1', 70, ['telnet']),
};

/** Ubuntu noble: the host has most of the network tools already (see BASE_HOST); these come from the archive. */
const UBUNTU: Catalog = {
  ...DEBIAN,
  curl: p('8.5.0-2ubuntu10.6', 227, ['curl']),
  iproute2: p('6.1.0-1ubuntu6', 1120, ['ip', 'ss', 'bridge']),
  'iputils-ping': p('3:20240117-1build1', 44, ['ping']),
  dnsutils: p('1:9.18.30-0ubuntu0.24.04.2', 33, ['dig', 'nslookup', 'host']),
  tcpdump: p('4.99.4-3ubuntu4', 479, ['tcpdump']),
  traceroute: p('1:2.1.5-1', 46, ['traceroute']),
  iptables: p('1.8.10-3ubuntu2', 381, ['iptables', 'iptables-save', 'iptables-restore']),
  'netcat-openbsd': p('1.226-1ubuntu2', 44, ['nc']),
  jq: p('1.7.1-3build1', 65, ['jq']),
  python3: p('3.12.3-0ubuntu2', 23, ['python3']),
  'net-tools': p('2.10-0.1ubuntu4', 204, ['ifconfig', 'netstat', 'route', 'arp']),
  conntrack: p('1:1.4.8-1ubuntu1', 35, ['conntrack']),
  'redis-tools': p('5:7.0.15-1build2', 1017, ['redis-cli']),
};

const ALPINE: Catalog = {
  curl: p('8.12.1-r1', 264, ['curl']),
  'bind-tools': p('9.18.35-r0', 486, ['dig', 'host', 'nslookup']),
  tcpdump: p('4.99.5-r0', 478, ['tcpdump']),
  iptables: p('1.8.11-r1', 387, ['iptables', 'iptables-save', 'iptables-restore']),
  bash: p('5.2.37-r0', 1286, ['bash']),
  jq: p('1.7.1-r0', 296, ['jq']),
  python3: p('3.12.9-r0', 27893, ['python3']),
  'bridge-utils': p('1.7.1-r4', 23, ['brctl']),
  'conntrack-tools': p('1.4.8-r0', 178, ['conntrack']),
  nmap: p('7.95-r1', 5631, ['nmap']),
  socat: p('1.8.0.1-r0', 322, ['socat']),
  vim: p('9.1.1105-r0', 1836, ['vim']),
  nano: p('8.2-r0', 574, ['nano']),
};

/** The distribution an image is built on (none for the bare busybox image, which has no package manager). */
export function imageDistro(image: { repo: string; flavor: string }): Distro | null {
  if (image.repo === 'busybox') return null;
  if (image.flavor === 'busybox' || image.repo === 'nicolaka/netshoot') return 'alpine';
  return image.repo === 'ubuntu' ? 'ubuntu' : 'debian';
}

const CATALOGS: Record<Distro, Catalog> = { debian: DEBIAN, ubuntu: UBUNTU, alpine: ALPINE };

export function packageInfo(distro: Distro, name: string): PackageInfo | undefined {
  return Object.hasOwn(CATALOGS[distro], name) ? CATALOGS[distro][name] : undefined;
}

/** Every package name the distribution's catalog offers, in catalog order. */
export function packageNames(distro: Distro): string[] {
  return Object.keys(CATALOGS[distro]);
}

/** Commands the installed packages add. */
export function commandsOf(distro: Distro, installed: readonly string[]): Set<string> {
  return new Set(installed.flatMap((n) => packageInfo(distro, n)?.commands ?? []));
}

/** Commands a fresh Ubuntu 24.04 server has on its PATH that the lab does not model (it says so rather than "not found"). */
export const UBUNTU_BASE: readonly string[] = [
  'ps', 'top', 'htop', 'less', 'more', 'vi', 'vim', 'nano', 'find', 'df', 'du', 'free', 'lsof', 'watch',
  'ssh', 'scp', 'journalctl', 'mount', 'umount', 'lsblk', 'lsns', 'unshare', 'chroot', 'tc', 'tracepath', 'mtr',
  'telnet', 'tar', 'gzip', 'man', 'file', 'stat', 'basename', 'dirname', 'readlink', 'realpath', 'cp', 'mv', 'chmod', 'chown', 'ln',
  'diff', 'tail', 'timeout', 'nproc', 'uptime', 'hostnamectl', 'resolvectl', 'networkctl', 'nft', 'ip6tables', 'ping6', 'openssl',
];

/** Programs the lab models that a fresh Ubuntu host does not have until a package brings them. */
export const HOST_ABSENT: readonly string[] = ['jq', 'conntrack', 'nmap', 'socat', 'redis-cli'];

/** The mirror each distribution's package manager fetches from, and how its sources are named. */
export const MIRRORS: Record<Distro, { host: string; port: number }> = {
  debian: { host: 'deb.debian.org', port: 80 },
  ubuntu: { host: 'archive.ubuntu.com', port: 80 },
  alpine: { host: 'dl-cdn.alpinelinux.org', port: 443 },
};
