// docker/cli's container options (cli/command/container/opts.go addFlags, plus run/create's own flags) as
// declarations: the help text of `docker run --help` and `docker create --help` is generated from these.
import ipaddr from 'ipaddr.js';
import type { FlagSpec } from '../../../flags';
import { CliError } from './cli-error';
import { parseNetworkOpt } from './network-opt';

const isIP = (s: string) => ipaddr.isValid(s) && (!/^[\d.]+$/.test(s) || ipaddr.IPv4.isValidFourPartDecimal(s));

const list = (name: string, help: string, short?: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({ name, short, type: 'stringArray', valueName: 'list', help, ...extra });
const str = (name: string, help: string, short?: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({ name, short, type: 'string', help, ...extra });
const typed = (name: string, valueName: string, help: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({ name, type: 'string', valueName, help, ...extra });
const bool = (name: string, help: string, short?: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({ name, short, type: 'bool', help, ...extra });

const intFlag = (name: string, help: string, short?: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({
  name,
  short,
  type: 'string',
  valueName: extra.valueName ?? 'int',
  help,
  parse: (raw) => (/^[+-]?\d+$/.test(raw) ? { value: raw } : { error: `strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax` }),
  ...extra,
});

/**
 * opts.ValidateExtraHost: `name:ip` or `name=ip` (the first `=`, else the first `:`, so IPv6 addresses survive), an
 * address in brackets allowed, or the special `host-gateway`; the daemon is always sent `name:ip`.
 */
function parseExtraHost(raw: string): { value: string } | { error: string } {
  const eq = raw.indexOf('=');
  const at = eq >= 0 ? eq : raw.indexOf(':');
  const name = at >= 0 ? raw.slice(0, at) : '';
  if (at < 0 || name === '' || name.includes(':')) return { error: `bad format for add-host: ${JSON.stringify(raw)}` };
  let addr = raw.slice(at + 1);
  if (addr !== 'host-gateway') {
    if (addr.length > 2 && addr.startsWith('[') && addr.endsWith(']')) addr = addr.slice(1, -1);
    if (!isIP(addr)) return { error: `invalid IP address in add-host: ${JSON.stringify(addr)}` };
  }
  return { value: `${name}:${addr}` };
}

/** opts.ValidateIPAddress (`--dns`): net.ParseIP after trimming spaces; the canonical form is kept. */
function parseDnsServer(raw: string): { value: string } | { error: string } {
  const t = raw.trim();
  if (!isIP(t)) return { error: `${raw} is not an ip address` };
  return { value: ipaddr.parse(t).toString() };
}

/** opts.ValidateDNSSearch: `.` or a domain name (a trailing dot dropped). */
function parseDnsSearch(raw: string): { value: string } | { error: string } {
  const t = raw.replace(/^ +| +$/g, '');
  if (t === '.') return { value: t };
  const label = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
  const m = new RegExp(`^(${label}(?:\\.${label})*)\\.?\\s*$`).exec(t);
  if (!/[a-zA-Z]/.test(t) || !m || m[1].length >= 255) return { error: `${t} is not a valid domain` };
  return { value: m[1] };
}

/** NetworkOpt.Set runs as the flag is parsed, so its errors are the flag's (`invalid argument ... for "--network" flag`). */
function networkFlag(raw: string): { value: string } | { error: string } {
  try {
    parseNetworkOpt(raw);
    return { value: raw };
  } catch (e) {
    if (e instanceof CliError) return { error: e.message };
    throw e;
  }
}

/** The flags every container-creating command has (opts.go addFlags). */
export const CONTAINER_FLAGS: FlagSpec[] = [
  list('attach', 'Attach to STDIN, STDOUT or STDERR', 'a'),
  list('device-cgroup-rule', 'Add a rule to the cgroup allowed devices list'),
  list('device', 'Add a host device to the container'),
  typed('gpus', 'gpu-request', "GPU devices to add to the container ('all' to pass all GPUs)"),
  list('env', 'Set environment variables', 'e'),
  list('env-file', 'Read in a file of environment variables'),
  str('entrypoint', 'Overwrite the default ENTRYPOINT of the image'),
  list('group-add', 'Add additional groups to join'),
  str('hostname', 'Container host name', 'h'),
  str('domainname', 'Container NIS domain name'),
  bool('interactive', 'Keep STDIN open even if not attached', 'i'),
  list('label', 'Set meta data on a container', 'l'),
  list('label-file', 'Read in a line delimited file of labels'),
  bool('read-only', "Mount the container's root filesystem as read only"),
  str('restart', 'Restart policy to apply when a container exits', undefined, { default: 'no' }),
  str('stop-signal', 'Signal to stop the container'),
  intFlag('stop-timeout', 'Timeout (in seconds) to stop a container'),
  typed('sysctl', 'map', 'Sysctl options', { type: 'stringArray', defaultText: 'map[]' }),
  bool('tty', 'Allocate a pseudo-TTY', 't'),
  typed('ulimit', 'ulimit', 'Ulimit options', { type: 'stringArray', defaultText: '[]' }),
  str('user', 'Username or UID (format: <name|uid>[:<group|gid>])', 'u'),
  str('workdir', 'Working directory inside the container', 'w'),
  bool('rm', 'Automatically remove the container and its associated anonymous volumes when it exits'),
  list('cap-add', 'Add Linux capabilities'),
  list('cap-drop', 'Drop Linux capabilities'),
  bool('privileged', 'Give extended privileges to this container'),
  list('security-opt', 'Security Options'),
  str('userns', 'User namespace to use'),
  str('cgroupns', `Cgroup namespace to use (host|private)
'host':    Run the container in the Docker host's cgroup namespace
'private': Run the container in its own private cgroup namespace
'':        Use the cgroup namespace as configured by the
           default-cgroupns-mode option on the daemon (default)`),
  list('add-host', 'Add a custom host-to-IP mapping (host:ip)', undefined, { parse: parseExtraHost }),
  list('dns', 'Set custom DNS servers', undefined, { parse: parseDnsServer }),
  list('dns-option', 'Set DNS options'),
  list('dns-opt', 'Set DNS options', undefined, { hidden: true }),
  list('dns-search', 'Set custom DNS search domains', undefined, { parse: parseDnsSearch }),
  list('expose', 'Expose a port or a range of ports'),
  str('ip', 'IPv4 address (e.g., 172.30.100.104)'),
  str('ip6', 'IPv6 address (e.g., 2001:db8::33)'),
  list('link', 'Add link to another container'),
  list('link-local-ip', 'Container IPv4/IPv6 link-local addresses'),
  str('mac-address', 'Container MAC address (e.g., 92:d0:c6:0a:29:33)'),
  list('publish', "Publish a container's port(s) to the host", 'p'),
  bool('publish-all', 'Publish all exposed ports to random ports', 'P'),
  typed('network', 'network', 'Connect a container to a network', { type: 'stringArray', parse: networkFlag }),
  typed('net', 'network', 'Connect a container to a network', { type: 'stringArray', hidden: true, parse: networkFlag }),
  list('network-alias', 'Add network-scoped alias for the container'),
  list('net-alias', 'Add network-scoped alias for the container', undefined, { hidden: true }),
  str('log-driver', 'Logging driver for the container'),
  str('volume-driver', 'Optional volume driver for the container'),
  list('log-opt', 'Log driver options'),
  list('storage-opt', 'Storage driver options for the container'),
  list('tmpfs', 'Mount a tmpfs directory'),
  list('volumes-from', 'Mount volumes from the specified container(s)'),
  list('volume', 'Bind mount a volume', 'v'),
  typed('mount', 'mount', 'Attach a filesystem mount to the container', { type: 'stringArray' }),
  str('health-cmd', 'Command to run to check health'),
  typed('health-interval', 'duration', 'Time between running the check (ms|s|m|h) (default 0s)'),
  intFlag('health-retries', 'Consecutive failures needed to report unhealthy'),
  typed('health-timeout', 'duration', 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)'),
  typed('health-start-period', 'duration', 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)'),
  typed('health-start-interval', 'duration', 'Time between running the check during the start period (ms|s|m|h) (default 0s)'),
  bool('no-healthcheck', 'Disable any container-specified HEALTHCHECK'),
  intFlag('blkio-weight', 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)', undefined, { valueName: 'uint16' }),
  list('blkio-weight-device', 'Block IO weight (relative device weight)', undefined, { defaultText: '[]' }),
  str('cidfile', 'Write the container ID to the file'),
  str('cpuset-cpus', 'CPUs in which to allow execution (0-3, 0,1)'),
  str('cpuset-mems', 'MEMs in which to allow execution (0-3, 0,1)'),
  intFlag('cpu-period', 'Limit CPU CFS (Completely Fair Scheduler) period'),
  intFlag('cpu-quota', 'Limit CPU CFS (Completely Fair Scheduler) quota'),
  intFlag('cpu-rt-period', 'Limit CPU real-time period in microseconds'),
  intFlag('cpu-rt-runtime', 'Limit CPU real-time runtime in microseconds'),
  intFlag('cpu-shares', 'CPU shares (relative weight)', 'c'),
  typed('cpus', 'decimal', 'Number of CPUs'),
  list('device-read-bps', 'Limit read rate (bytes per second) from a device', undefined, { defaultText: '[]' }),
  list('device-read-iops', 'Limit read rate (IO per second) from a device', undefined, { defaultText: '[]' }),
  list('device-write-bps', 'Limit write rate (bytes per second) to a device', undefined, { defaultText: '[]' }),
  list('device-write-iops', 'Limit write rate (IO per second) to a device', undefined, { defaultText: '[]' }),
  typed('kernel-memory', 'bytes', 'Kernel memory limit'),
  typed('memory', 'bytes', 'Memory limit', { short: 'm' }),
  typed('memory-reservation', 'bytes', 'Memory soft limit'),
  typed('memory-swap', 'bytes', "Swap limit equal to memory plus swap: '-1' to enable unlimited swap"),
  intFlag('memory-swappiness', 'Tune container memory swappiness (0 to 100)', undefined, { defaultText: '-1' }),
  bool('oom-kill-disable', 'Disable OOM Killer'),
  intFlag('oom-score-adj', "Tune host's OOM preferences (-1000 to 1000)"),
  intFlag('pids-limit', 'Tune container pids limit (set -1 for unlimited)'),
  str('cgroup-parent', 'Optional parent cgroup for the container'),
  str('ipc', 'IPC mode to use'),
  str('isolation', 'Container isolation technology'),
  str('pid', 'PID namespace to use'),
  typed('shm-size', 'bytes', 'Size of /dev/shm'),
  str('uts', 'UTS namespace to use'),
  str('runtime', 'Runtime to use for this container'),
  bool('init', 'Run an init inside the container that forwards signals and reaps processes'),
  typed('annotation', 'map', 'Add an annotation to the container (passed through to the OCI runtime)', { type: 'stringArray', defaultText: 'map[]' }),
];

const pullFlag = str('pull', 'Pull image before running ("always", "missing", "never")', undefined, { default: 'missing' });

/** Flags `docker create` adds (create.go). */
export const CREATE_ONLY_FLAGS: FlagSpec[] = [
  str('name', 'Assign a name to the container'),
  pullFlag,
  bool('quiet', 'Suppress the pull output', 'q'),
  str('platform', 'Set platform if server is multi-platform capable'),
  bool('disable-content-trust', 'Skip image verification', undefined, { default: true }),
  bool('help', 'Print usage'),
];

/** Flags `docker run` adds (run.go AddRunFlags). */
export const RUN_ONLY_FLAGS: FlagSpec[] = [
  bool('detach', 'Run container in background and print container ID', 'd'),
  bool('sig-proxy', 'Proxy received signals to the process', undefined, { default: true }),
  str('detach-keys', 'Override the key sequence for detaching a container'),
  ...CREATE_ONLY_FLAGS,
];
