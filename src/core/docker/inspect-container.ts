// GET /containers/{id}/json as Docker 27.5 encodes it (types.ContainerJSON): field order of the v27 API types,
// Go maps with sorted keys, the legacy top-level NetworkSettings fields mirroring the default bridge endpoint.
import type { Container, DockerEngineState, PortBinding } from './types';
import { ZERO_TIME } from './container-create';
import { catalogById } from './image-catalog';
import { goEmptyStruct } from './go-json';

const MASKED_PATHS = ['/proc/asound', '/proc/acpi', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

function sorted<T>(m: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

const binding = (b: PortBinding) => ({ HostIp: b.hostIp, HostPort: b.hostPort });

/** NetworkSettings.Networks[name]: a running endpoint's data, or only the configuration once stopped. */
function endpointSettings(engine: DockerEngineState, c: Container, name: string) {
  const entry = c.networks[name];
  const ep = entry.endpointId ? engine.endpoints[entry.endpointId] : undefined;
  const n = engine.networks[entry.networkId] ?? Object.values(engine.networks).find((x) => x.name === name);
  const ipam = entry.request.ipv4Address || entry.request.ipv6Address || entry.request.ipamConfigSent
    ? { ...(entry.request.ipv4Address ? { IPv4Address: entry.request.ipv4Address } : {}), ...(entry.request.ipv6Address ? { IPv6Address: entry.request.ipv6Address } : {}) }
    : null;
  const [ip, len] = ep?.ipv4 ? ep.ipv4.split('/') : ['', '0'];
  const userDefined = n ? !n.predefined : false;
  return {
    IPAMConfig: ipam,
    Links: entry.request.links.length ? entry.request.links : null,
    Aliases: entry.request.aliases.length ? entry.request.aliases : null,
    MacAddress: ep?.mac ?? entry.request.macAddress ?? '',
    DriverOpts: entry.request.driverOpts,
    NetworkID: n?.id ?? entry.networkId,
    EndpointID: ep?.id ?? '',
    Gateway: ep?.gateway ?? '',
    IPAddress: ip,
    IPPrefixLen: Number(len),
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: userDefined && ep ? ep.dnsNames : null,
  };
}

function networkSettings(engine: DockerEngineState, c: Container, ports: Record<string, PortBinding[] | null>) {
  const sb = c.sandboxId ? engine.sandboxes[c.sandboxId] : undefined;
  const networks: Record<string, ReturnType<typeof endpointSettings>> = {};
  for (const name of Object.keys(c.networks).sort()) networks[name] = endpointSettings(engine, c, name);
  const bridge = networks.bridge;
  const portsOut: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ports)) portsOut[k] = v === null ? null : v.map(binding);
  return {
    Bridge: '',
    SandboxID: sb?.id ?? '',
    SandboxKey: sb?.key ?? '',
    Ports: portsOut,
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: bridge?.EndpointID ?? '',
    Gateway: bridge?.Gateway ?? '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: bridge?.IPAddress ?? '',
    IPPrefixLen: bridge?.IPPrefixLen ?? 0,
    IPv6Gateway: '',
    MacAddress: bridge?.MacAddress ?? '',
    Networks: networks,
  };
}

function hostConfig(c: Container) {
  const h = c.hostConfig;
  const portBindings: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(sorted(h.portBindings))) portBindings[k] = v.map(binding);
  return {
    Binds: null, ContainerIDFile: '', LogConfig: { Type: 'json-file', Config: {} }, NetworkMode: h.networkMode,
    PortBindings: portBindings, RestartPolicy: { Name: h.restartPolicy, MaximumRetryCount: 0 }, AutoRemove: h.autoRemove,
    VolumeDriver: '', VolumesFrom: null, ConsoleSize: h.consoleSize, CapAdd: null, CapDrop: null, CgroupnsMode: 'private',
    Dns: h.dns, DnsOptions: h.dnsOptions, DnsSearch: h.dnsSearch, ExtraHosts: h.extraHosts.length ? h.extraHosts : null,
    GroupAdd: null, IpcMode: 'private', Cgroup: '', Links: h.links?.length ? h.links : null, OomScoreAdj: 0, PidMode: '', Privileged: h.privileged,
    PublishAllPorts: h.publishAllPorts, ReadonlyRootfs: false, SecurityOpt: null, UTSMode: '', UsernsMode: '', ShmSize: 67108864,
    Runtime: 'runc', Isolation: '', CpuShares: 0, Memory: 0, NanoCpus: 0, CgroupParent: '', BlkioWeight: 0,
    BlkioWeightDevice: [], BlkioDeviceReadBps: [], BlkioDeviceWriteBps: [], BlkioDeviceReadIOps: [], BlkioDeviceWriteIOps: [],
    CpuPeriod: 0, CpuQuota: 0, CpuRealtimePeriod: 0, CpuRealtimeRuntime: 0, CpusetCpus: '', CpusetMems: '', Devices: [],
    DeviceCgroupRules: null, DeviceRequests: null, MemoryReservation: 0, MemorySwap: 0, MemorySwappiness: null,
    OomKillDisable: null, PidsLimit: null, Ulimits: [], CpuCount: 0, CpuPercent: 0, IOMaximumIOps: 0, IOMaximumBandwidth: 0,
    MaskedPaths: h.privileged ? null : MASKED_PATHS, ReadonlyPaths: h.privileged ? null : READONLY_PATHS,
  };
}

function config(c: Container) {
  const k = c.config;
  const exposed: Record<string, object> = {};
  // nat.PortSet values are struct{} (fmt prints `{}`, JSON `{}`).
  for (const p of [...k.exposedPorts].sort()) exposed[p] = goEmptyStruct();
  const cfg: Record<string, unknown> = {
    Hostname: k.hostname, Domainname: k.domainname, User: k.user, AttachStdin: k.attachStdin, AttachStdout: k.attachStdout,
    AttachStderr: k.attachStderr,
  };
  if (k.exposedPorts.length) cfg.ExposedPorts = exposed;
  Object.assign(cfg, {
    Tty: k.tty, OpenStdin: k.openStdin, StdinOnce: k.openStdin && k.attachStdin, Env: k.env, Cmd: k.cmd, Image: c.image,
    Volumes: null, WorkingDir: k.workingDir, Entrypoint: k.entrypoint, OnBuild: null, Labels: sorted(k.labels),
  });
  if (k.stopSignal) cfg.StopSignal = k.stopSignal;
  return cfg;
}

/** types.ContainerJSON; `ports` is NetworkSettings.Ports as the caller computed it. */
export function inspectContainer(engine: DockerEngineState, c: Container, ports: Record<string, PortBinding[] | null>): Record<string, unknown> {
  const s = c.state;
  const dir = `/var/lib/docker/containers/${c.id}`;
  const layer = catalogById(c.imageId)?.layers.at(-1) ?? '';
  const started = s.startedUs !== 0;
  return {
    Id: c.id,
    Created: c.created,
    Path: c.path,
    Args: c.args,
    State: {
      Status: s.status, Running: s.status === 'running', Paused: s.status === 'paused', Restarting: s.status === 'restarting',
      OOMKilled: false, Dead: s.status === 'dead', Pid: s.pid, ExitCode: s.exitCode, Error: s.error,
      StartedAt: started ? s.startedAt : ZERO_TIME, FinishedAt: s.finishedUs ? s.finishedAt : ZERO_TIME,
    },
    Image: c.imageId,
    ResolvConfPath: started ? `${dir}/resolv.conf` : '',
    HostnamePath: started ? `${dir}/hostname` : '',
    HostsPath: started ? `${dir}/hosts` : '',
    LogPath: started ? `${dir}/${c.id}-json.log` : '',
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
    HostConfig: hostConfig(c),
    GraphDriver: {
      Data: {
        LowerDir: `/var/lib/docker/overlay2/${c.id}-init/diff:/var/lib/docker/overlay2/${layer}/diff`,
        MergedDir: `/var/lib/docker/overlay2/${c.id}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${c.id}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${c.id}/work`,
      },
      Name: 'overlay2',
    },
    Mounts: [],
    Config: config(c),
    NetworkSettings: networkSettings(engine, c, ports),
  };
}
