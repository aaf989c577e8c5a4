// The registry the lab can pull from: a small built-in catalog of Docker Hub images with the config Docker 27
// reads from them (Cmd, Entrypoint, Env, WorkingDir, ExposedPorts, StopSignal, Labels), their layers and sizes,
// the userland their shells have, and what their main process does (listen, log) when it starts.

/** What the image's default main process does once started. */
export interface ImageService {
  /** Program name as `ss -p` and `ps` show it. */
  process: string;
  /** The executable that starts it (argv[0] of the default command, or the entrypoint). */
  binaries: string[];
  listen: { proto: 'tcp' | 'udp'; port: number; service: string; v6?: 'twin' | 'dual' }[];
  /** Exit status after a graceful stop (its stop signal handled). */
  gracefulExit: number;
}

export interface CatalogImage {
  repo: string;
  /** Tags the registry has; the first is what `latest` points at. */
  tags: string[];
  id: string;
  /** Repo digest of the pulled manifest. */
  digest: string;
  /** Layer IDs as the pull progress shows them (12 hex). */
  layers: string[];
  /** Image creation time (RFC 3339). */
  created: string;
  /** Bytes as `docker images` counts them. */
  size: number;
  env: string[];
  cmd: string[] | null;
  entrypoint: string[] | null;
  workingDir: string;
  exposedPorts: string[];
  labels: Record<string, string>;
  stopSignal: string;
  /** The userland of shells run in it: BusyBox (alpine, busybox) or GNU (Debian-based). */
  flavor: 'busybox' | 'debian';
  /** Programs this image does not ship, so `docker exec` fails to find them. */
  absent: string[];
  /** Programs beyond its userland that it ships (netshoot's toolbox), found on $PATH though the lab may not emulate them. */
  ships?: string[];
  service?: ImageService;
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const NET_TOOLS = ['apk', 'conntrack', 'jq', 'redis-cli', 'python3', 'nc', 'ping', 'ip', 'ss', 'nslookup', 'dig', 'host', 'traceroute', 'tcpdump', 'wget', 'iptables', 'iptables-save', 'iptables-restore', 'bridge', 'brctl'];

/** procps: the Debian-based official images do not ship it (`apt-get install procps` adds it); netshoot does. */
const PROCPS = ['ps', 'pgrep', 'pkill', 'top', 'free', 'watch'];

export const IMAGE_CATALOG: readonly CatalogImage[] = [
  {
    repo: 'alpine',
    tags: ['latest', '3.21', '3.21.3', '3.20', '3.19', '3.18', '3', 'edge'],
    id: 'sha256:aded1e1a5b3705116fa0a92ba074a5e0b0031647d9c315983ccba2ee5428ec8b',
    digest: 'sha256:a8560b36e8b8210634f77d9f7f9efd7ffa463e380b75e2e74aff4511df3ef88c',
    layers: ['f18232174bc9'],
    created: '2025-02-14T03:28:36Z',
    size: 7_834_442,
    env: [PATH],
    cmd: ['/bin/sh'],
    entrypoint: null,
    workingDir: '',
    exposedPorts: [],
    labels: {},
    stopSignal: '',
    flavor: 'busybox',
    absent: ['bash', 'curl', 'tcpdump', 'iptables', 'bridge', 'brctl', 'ss'],
  },
  {
    repo: 'busybox',
    tags: ['latest', '1.37', '1.37.0', '1.36', '1.36.1', '1', 'musl', 'glibc', 'uclibc', 'stable'],
    id: 'sha256:31311c5853a22c04d692f6581b4faa25771d915c1ba056c74e5ec29e4b8b5e8c',
    digest: 'sha256:498a000f370d8c37927118ed80afe8adc38d1edcbfc071627d17b25c88efcab0',
    layers: ['9c0abc9c5bd3'],
    created: '2024-09-26T21:31:42Z',
    size: 4_270_000,
    env: [PATH],
    cmd: ['sh'],
    entrypoint: null,
    workingDir: '',
    exposedPorts: [],
    labels: {},
    stopSignal: '',
    flavor: 'busybox',
    absent: ['bash', 'curl', 'tcpdump', 'iptables', 'bridge', 'ss', 'apk', 'getent'],
  },
  {
    repo: 'nginx',
    tags: ['latest', '1.27', '1.27.3', 'mainline', '1', 'stable', '1.26', '1.25'],
    id: 'sha256:b52e0b094bc0e26c9eddc9e4ab7a64ce0033c3360d8b7ad4ff4132c4e03e8f7b',
    digest: 'sha256:9d6b58feebd2dbd3c56ab5853333d627cc6e281011cfd6050fa4bcf2072c9496',
    layers: ['7cf63256a31a', 'bf9acace214a', '513c3649bb14', 'd014f92d532d', '9dd21ad5a4a6', '943ea0f0c2e4', '103f50cb3e9f'],
    created: '2024-11-26T18:42:08Z',
    size: 192_000_000,
    env: [PATH, 'NGINX_VERSION=1.27.3', 'NJS_VERSION=0.8.7', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm'],
    cmd: ['nginx', '-g', 'daemon off;'],
    entrypoint: ['/docker-entrypoint.sh'],
    workingDir: '',
    exposedPorts: ['80/tcp'],
    labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    stopSignal: 'SIGQUIT',
    flavor: 'debian',
    absent: [...NET_TOOLS, ...PROCPS],
    service: { process: 'nginx', binaries: ['nginx'], listen: [{ proto: 'tcp', port: 80, service: 'container-nginx', v6: 'twin' }], gracefulExit: 0 },
  },
  {
    // The same nginx on Alpine: BusyBox userland, a much smaller image.
    repo: 'nginx',
    tags: ['alpine', '1.27-alpine', '1.27.3-alpine', 'mainline-alpine', 'stable-alpine'],
    id: 'sha256:91734281c0ebfc6f1aea979cffeed5079cfe786228a71cc6f1f46a228cde6e34',
    digest: 'sha256:41523187cf7d7a2f2677a80609d9caa14388bf5c1fbca9c410ba3de602aaaab4',
    layers: ['f18232174bc9', '7a2ea8bdf1ad', 'c0e0f4bb4b25', '5c4eb4e8ba8b', 'e7c2f1d2b7f0', 'f6dd3da1a8a1', '5a4d5c4c2f55', 'b9c8dc6a7e57'],
    created: '2024-11-26T19:33:40Z',
    size: 47_900_000,
    env: [PATH, 'NGINX_VERSION=1.27.3', 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.8.7', 'NJS_RELEASE=1'],
    cmd: ['nginx', '-g', 'daemon off;'],
    entrypoint: ['/docker-entrypoint.sh'],
    workingDir: '',
    exposedPorts: ['80/tcp'],
    labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    stopSignal: 'SIGQUIT',
    flavor: 'busybox',
    absent: ['tcpdump', 'iptables', 'bridge', 'brctl', 'traceroute'],
    service: { process: 'nginx', binaries: ['nginx'], listen: [{ proto: 'tcp', port: 80, service: 'container-nginx', v6: 'twin' }], gracefulExit: 0 },
  },
  {
    repo: 'httpd',
    tags: ['latest', '2.4', '2.4.62', '2'],
    id: 'sha256:4ce3c9e9a3f1e5ecb1a4f7c1d83b6d5e9d5f69d5a8a0f2d64d8b66b1d1a2c3e4',
    digest: 'sha256:437b9f7d469dd606fa6d2a5f9a3be55fe3af7e0c49e1a4e9b5f8e1a8e28fde5a',
    layers: ['7cf63256a31a', '0e54d5b4a6b2', '4f4fb700ef54', 'b1a06b3b2b0a', '2a6a3e8b2df3', 'c8b1e1d9f0a4'],
    created: '2024-12-03T00:45:08Z',
    size: 148_000_000,
    env: ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.62', 'HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec', 'HTTPD_PATCHES='],
    cmd: ['httpd-foreground'],
    entrypoint: null,
    workingDir: '/usr/local/apache2',
    exposedPorts: ['80/tcp'],
    labels: {},
    stopSignal: 'SIGWINCH',
    flavor: 'debian',
    absent: [...NET_TOOLS, 'curl', ...PROCPS],
    service: { process: 'httpd', binaries: ['httpd-foreground', 'httpd'], listen: [{ proto: 'tcp', port: 80, service: 'container-httpd', v6: 'dual' }], gracefulExit: 0 },
  },
  {
    repo: 'redis',
    tags: ['latest', '7.4', '7.4.2', '7', '7.2', '6'],
    id: 'sha256:43355efd22490e31ca14b9d569367d05121e2be61fd8e47937563ae2a80952ae',
    digest: 'sha256:93a8d83b707d0d6a1b9186edecca2e37f83722ae0e398aee4eea0ff17c2fad0e',
    layers: ['7cf63256a31a', '1d4ea4ac9d1b', 'c6dd1d32bb3e', '0f4b6fe4d3b8', '2a1b6c1a5b9a', 'f8f5ea7d1c4b', '4f4fb700ef54', '6b4ac0e8a6d1'],
    created: '2025-01-06T22:37:18Z',
    size: 117_000_000,
    env: [PATH, 'GOSU_VERSION=1.17', 'REDIS_VERSION=7.4.2', 'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.2.tar.gz', 'REDIS_DOWNLOAD_SHA=4ddebbf09061cbb589011786febdb34f29767dd7f89dbe712d2b68e808af6a1f'],
    cmd: ['redis-server'],
    entrypoint: ['docker-entrypoint.sh'],
    workingDir: '/data',
    exposedPorts: ['6379/tcp'],
    labels: {},
    stopSignal: '',
    flavor: 'debian',
    absent: [...NET_TOOLS.filter((t) => t !== 'redis-cli'), 'curl', ...PROCPS],
    service: { process: 'redis-server', binaries: ['redis-server'], listen: [{ proto: 'tcp', port: 6379, service: 'redis', v6: 'twin' }], gracefulExit: 0 },
  },
  {
    repo: 'ubuntu',
    tags: ['latest', '24.04', 'noble', '22.04', 'jammy', '20.04', 'focal'],
    id: 'sha256:a04dc4851cbcbb42b54d1f52a41f5f9eca6a5fd03748c3f6eb2cbeb238ca99bd',
    digest: 'sha256:72297848456d5d37d1262630108ab308d3e9ec7ed1c3286a32fe09856619a782',
    layers: ['5a7813e071bf'],
    created: '2025-01-26T05:31:33Z',
    size: 78_100_000,
    env: [PATH],
    cmd: ['/bin/bash'],
    entrypoint: null,
    workingDir: '',
    exposedPorts: [],
    labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' },
    stopSignal: '',
    flavor: 'debian',
    absent: [...NET_TOOLS, 'curl', ...PROCPS],
  },
  {
    repo: 'debian',
    tags: ['latest', 'bookworm', '12', '12.9', 'stable', 'bookworm-slim', 'stable-slim', '12-slim'],
    id: 'sha256:b2ab84c007feae81d95c5350d44ad7a54ea4693a79cb40fb05bd3fe00cbd4d24',
    digest: 'sha256:35286826a88dc879b4f438b645ba574a55a14187b483d09213a024dc0c0a64ed',
    layers: ['fd674058ff8f'],
    created: '2025-02-24T00:00:00Z',
    size: 116_500_000,
    env: [PATH],
    cmd: ['bash'],
    entrypoint: null,
    workingDir: '',
    exposedPorts: [],
    labels: {},
    stopSignal: '',
    flavor: 'debian',
    absent: [...NET_TOOLS, 'curl', ...PROCPS],
  },
  {
    repo: 'nicolaka/netshoot',
    tags: ['latest', 'v0.13', 'v0.12'],
    id: 'sha256:1b5e4e8a8c55e0b1b7cbc0b5d7b4c2b1a0d2e7f7c2f4a3b9e8d1c6b5a4f3e2d1',
    digest: 'sha256:a20c2531bf35436ed3766cd6cfe89d352b050ccc4d7005ce6400adf97503da1b',
    layers: ['1f3e46996e29', '6d1d4d5f3b2a', '2b8f6a7d8c91', 'e3c4a5b6d7f8', '9a8b7c6d5e4f', '0c1d2e3f4a5b', '4f4fb700ef54'],
    created: '2024-11-14T19:12:44Z',
    size: 510_000_000,
    env: [PATH],
    cmd: ['zsh'],
    entrypoint: null,
    workingDir: '/root',
    exposedPorts: [],
    labels: {},
    stopSignal: '',
    flavor: 'debian',
    absent: ['apt', 'apt-get', 'redis-cli'],
    // The toolbox its README lists (packages from its Dockerfile), so `docker run nicolaka/netshoot drill` is not "executable file not found".
    ships: ('ab bird brctl bridge calicoctl conntrack ctop dhcping drill ethtool file fping git grpcurl http iftop iperf ' +
      'ipset iptraf-ng ipvsadm jq ltrace mtr nft ngrep nmap nping oping openssl scapy speedtest-cli ssh strace swaks tc ' +
      'tcptraceroute termshark tshark vim websocat').split(' '),
  },
];

/** A parsed image reference: `nginx` -> nginx:latest, `nicolaka/netshoot:v0.13`, `library/alpine`. */
export interface ImageRef {
  repo: string;
  tag: string;
}

/** reference.ParseNormalizedNamed for the names the lab knows: `docker.io/library/` and `library/` are dropped. */
export function parseImageRef(text: string): ImageRef | null {
  let s = text;
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  let tag = 'latest';
  if (colon > slash) {
    tag = s.slice(colon + 1);
    s = s.slice(0, colon);
  }
  s = s.replace(/^docker\.io\//, '').replace(/^library\//, '');
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/.test(s)) return null;
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) return null;
  return { repo: s, tag };
}

/** reference.ParseNormalizedNamed's error for text that is not a reference. */
export function invalidReference(text: string): string {
  const name = text.split(/[:@]/)[0];
  if (name !== name.toLowerCase() && parseImageRef(text.toLowerCase())) {
    return `invalid reference format: repository name (${name.includes('/') ? name : `library/${name}`}) must be lowercase`;
  }
  return 'invalid reference format';
}

/** The catalog image a reference names, if the registry has that repository and tag. */
export function findCatalogImage(ref: ImageRef): CatalogImage | undefined {
  return IMAGE_CATALOG.find((i) => i.repo === ref.repo && i.tags.includes(ref.tag));
}

export function catalogById(id: string): CatalogImage | undefined {
  return IMAGE_CATALOG.find((i) => i.id === id);
}

/** `alpine:latest`, `nicolaka/netshoot:latest`: how pull output and `docker images` name a reference. */
export function refText(ref: ImageRef): string {
  return `${ref.repo}:${ref.tag}`;
}

/** Executables the images' userlands ship (BusyBox applets in alpine/busybox; coreutils and friends in Debian). */
const USERLAND: Record<'busybox' | 'debian', ReadonlySet<string>> = {
  busybox: new Set(
    ('sh ash apk arp awk basename cat chmod chown cp cut date dd df dirname dmesg du echo env expr false find free grep ' +
      'getent head hostname id ifconfig ip ipcalc kill less ln ls mkdir mount mv nc netstat nslookup ping ping6 printenv ps pwd ' +
      'readlink rm rmdir route sed seq sleep sort stat tail tar tee test top touch tr traceroute true uname uniq uptime ' +
      'vi watch wc wget which whoami xargs yes').split(' '),
  ),
  debian: new Set(
    ('sh bash dash awk cat chmod chown cp cut date dd df dirname du echo env expr false find getent grep head hostname id kill ' +
      'ln ls mkdir mount mv printenv pwd readlink rm rmdir sed seq sleep sort stat tail tar tee test touch tr true ' +
      'uname uniq wc which whoami xargs yes curl ping ip ss nslookup dig host tcpdump traceroute iptables nc wget zsh python3 apt apt-get redis-cli').split(' '),
  ),
};

/** Whether the image has `name` on its $PATH. */
export function imageHasExecutable(image: CatalogImage, name: string): boolean {
  if (image.absent.includes(name)) return false;
  if (image.service?.binaries.includes(name) || image.ships?.includes(name)) return true;
  if (image.entrypoint?.some((e) => e.slice(e.lastIndexOf('/') + 1) === name)) return true;
  return USERLAND[image.flavor].has(name);
}
