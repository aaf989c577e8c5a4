// dockerd's configuration file /etc/docker/daemon.json as the daemon reads it at start: JSON, only directives
// dockerd knows (an unknown one stops the daemon), and the ones the lab applies — bip (docker0's address and the
// default bridge's subnet), default-address-pools (where new networks' subnets come from) and dns (containers'
// default nameservers). Other valid directives are accepted and have no effect in the lab.
import { parseCidr } from '../net/cidr';
import { parseIpv4 } from '../net/ipv4';

export interface DaemonConfig {
  bip?: { ip: number; len: number };
  defaultAddressPools?: { base: string; size: number }[];
  dns?: string[];
}

export const DAEMON_JSON = '/etc/docker/daemon.json';

/** Directives dockerd 27 accepts in daemon.json (its flags' names). */
const KNOWN = new Set([
  'allow-nondistributable-artifacts', 'api-cors-header', 'authorization-plugins', 'bip', 'bip6', 'bridge', 'builder', 'cgroup-parent',
  'containerd', 'containerd-namespace', 'containerd-plugins-namespace', 'data-root', 'debug', 'default-address-pools', 'default-cgroupns-mode',
  'default-gateway', 'default-gateway-v6', 'default-ipc-mode', 'default-network-opts', 'default-runtime', 'default-shm-size', 'default-ulimits',
  'dns', 'dns-opts', 'dns-search', 'exec-opts', 'exec-root', 'experimental', 'features', 'fixed-cidr', 'fixed-cidr-v6', 'group', 'host-gateway-ip',
  'hosts', 'icc', 'init', 'init-path', 'insecure-registries', 'ip', 'ip-forward', 'ip-forward-no-drop', 'ip-masq', 'ip6tables', 'iptables', 'ipv6',
  'labels', 'live-restore', 'log-driver', 'log-format', 'log-level', 'log-opts', 'max-concurrent-downloads', 'max-concurrent-uploads',
  'max-download-attempts', 'metrics-addr', 'mtu', 'no-new-privileges', 'node-generic-resources', 'oom-score-adjust', 'pidfile', 'raw-logs',
  'registry-mirrors', 'runtimes', 'seccomp-profile', 'selinux-enabled', 'shutdown-timeout', 'storage-driver', 'storage-opts', 'swarm-default-advertise-addr',
  'tls', 'tlscacert', 'tlscert', 'tlskey', 'tlsverify', 'userland-proxy', 'userland-proxy-path', 'userns-remap',
]);

/** The file's settings, or the reason dockerd refuses to start with it (what `journalctl -u docker` would say). */
export function parseDaemonConfig(text: string | undefined): { config: DaemonConfig } | { error: string } {
  if (text === undefined || text.trim() === '') return { config: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: `unable to configure the Docker daemon with file ${DAEMON_JSON}: invalid JSON` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: `unable to configure the Docker daemon with file ${DAEMON_JSON}: json: cannot unmarshal into Go value of type map[string]interface {}` };
  const obj = raw as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((k) => !KNOWN.has(k));
  if (unknown.length) return { error: `unable to configure the Docker daemon with file ${DAEMON_JSON}: the following directives don't match any configuration option: ${unknown.join(', ')}` };
  const config: DaemonConfig = {};
  if (obj.bip !== undefined) {
    const [addr, len] = String(obj.bip).split('/');
    const ip = parseIpv4(addr);
    if (ip === null || len === undefined || !(Number(len) >= 1 && Number(len) <= 30)) return { error: `invalid bip: ${String(obj.bip)}` };
    config.bip = { ip, len: Number(len) };
  }
  if (obj['default-address-pools'] !== undefined) {
    const pools = obj['default-address-pools'];
    if (!Array.isArray(pools)) return { error: 'default-address-pools: not a list' };
    const out: { base: string; size: number }[] = [];
    for (const p of pools) {
      const base = (p as { base?: unknown }).base;
      const size = Number((p as { size?: unknown }).size);
      const cidr = typeof base === 'string' ? parseCidr(base) : null;
      if (!cidr || !(size >= cidr.len && size <= 32)) return { error: `invalid default address pool: ${JSON.stringify(p)}` };
      out.push({ base, size } as { base: string; size: number });
    }
    config.defaultAddressPools = out;
  }
  if (obj.dns !== undefined) {
    if (!Array.isArray(obj.dns) || obj.dns.some((d) => typeof d !== 'string' || parseIpv4(d) === null)) return { error: `${JSON.stringify(obj.dns)} is not an ip address` };
    config.dns = obj.dns as string[];
  }
  return { config };
}
