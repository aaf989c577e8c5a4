// The daemon's GET /info answer (api/types/system.Info, API 1.47 / Engine 27.5) and the CLI's dockerInfo wrapper
// around it (cli/command/system/info.go), as `docker info --format` templates and `--format json` see them.
import type { World } from '../../../../core/world';
import type { DockerEngineState } from '../../../../core/docker/types';
import { containersOf } from '../../../../core/docker/lookup';
import { imageStore } from '../../../../core/docker/images';
import { HOST_KERNEL } from '../../../../core/docker/service-logs';
import { rfc3339Nano } from '../../../../core/sim/clock';
import { GO_TYPE } from '../../../format/gotemplate/values';
import { DOCKER_BUILD, DOCKER_VERSION } from '../version-info';

const struct = <T extends object>(type: string, fields: T): T => ({ [GO_TYPE]: type, ...fields });

const commit = (id: string) => struct('system.Commit', { ID: id, Expected: id });

/** The cli-plugins docker info lists (pluginmanager.Plugin: metadata first, then name and path). */
export const CLI_PLUGINS = [
  { SchemaVersion: '0.1.0', Vendor: 'Docker Inc.', Version: 'v0.20.0', ShortDescription: 'Docker Buildx', Name: 'buildx', Path: '/usr/libexec/docker/cli-plugins/docker-buildx' },
  { SchemaVersion: '0.1.0', Vendor: 'Docker Inc.', Version: 'v2.32.4', ShortDescription: 'Docker Compose', Name: 'compose', Path: '/usr/libexec/docker/cli-plugins/docker-compose' },
];

/** clientInfo: Debug, the embedded clientVersion (newClientVersion without a daemon: no ApiVersion), plugins, warnings. */
export function clientInfo() {
  return struct('system.clientInfo', {
    Debug: false,
    Platform: struct('system.platformInfo', { Name: 'Docker Engine - Community' }),
    Version: DOCKER_VERSION,
    DefaultAPIVersion: '1.47',
    GitCommit: DOCKER_BUILD,
    GoVersion: 'go1.22.11',
    Os: 'linux',
    Arch: 'amd64',
    BuildTime: 'Wed Jan 22 13:41:48 2025',
    Context: 'default',
    Plugins: CLI_PLUGINS.map((p) => struct('manager.Plugin', p)),
    Warnings: null,
  });
}

/** system.Info for this engine, fields in the struct's (and so the JSON's) order. */
export function systemInfo(world: World, engine: DockerEngineState) {
  const all = Object.values(containersOf(engine));
  const running = all.filter((c) => c.state.status === 'running').length;
  const paused = all.filter((c) => c.state.status === 'paused').length;
  const id = world.state.seed.toString(16).padStart(8, '0');
  return {
    ID: `${id}-5c1e-4b6e-9a0e-3f1d2c4b5a69`,
    Containers: all.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: all.length - running - paused,
    Images: new Set(Object.values(imageStore(engine)).map((i) => i.id)).size,
    Driver: 'overlay2',
    DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
    Plugins: struct('system.PluginsInfo', {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    }),
    MemoryLimit: true, SwapLimit: true, CpuCfsPeriod: true, CpuCfsQuota: true, CPUShares: true, CPUSet: true, PidsLimit: true,
    IPv4Forwarding: true, BridgeNfIptables: true, BridgeNfIp6tables: true, Debug: false,
    NFd: 27 + 2 * running, OomKillDisable: false, NGoroutines: 42 + 10 * running,
    SystemTime: rfc3339Nano(world.clock.now(), 0),
    LoggingDriver: 'json-file', CgroupDriver: 'systemd', CgroupVersion: '2', NEventsListener: 0,
    KernelVersion: HOST_KERNEL, OperatingSystem: 'Ubuntu 24.04.1 LTS', OSVersion: '24.04', OSType: 'linux', Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: struct('registry.ServiceConfig', {
      AllowNondistributableArtifactsCIDRs: null,
      AllowNondistributableArtifactsHostnames: null,
      InsecureRegistryCIDRs: ['127.0.0.0/8'],
      IndexConfigs: { 'docker.io': struct('registry.IndexInfo', { Name: 'docker.io', Mirrors: [], Secure: true, Official: true }) },
      Mirrors: null,
    }),
    NCPU: 2,
    MemTotal: 4105007104,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker', HttpProxy: '', HttpsProxy: '', NoProxy: '',
    Name: engine.host,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: DOCKER_VERSION,
    Runtimes: { 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } },
    DefaultRuntime: 'runc',
    Swarm: struct('swarm.Info', { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null }),
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: commit('bcc810d6b9066471b0b6fa75f557a15a1cbf31bb'),
    RuncCommit: commit('v1.2.4-0-g6c52b3f'),
    InitCommit: commit('de40ad0'),
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    CDISpecDirs: [],
    Containerd: struct('system.ContainerdInfo', { Address: '/run/containerd/containerd.sock', Namespaces: struct('system.ContainerdNamespaces', { Containers: 'moby', Plugins: 'plugins.moby' }) }),
    Warnings: null,
  };
}

export type SystemInfo = ReturnType<typeof systemInfo>;

/** dockerInfo: the embedded *system.Info (flattened in JSON), then ServerErrors (omitted), ClientInfo, ClientErrors (omitted). */
export function dockerInfoData(world: World, engine: DockerEngineState) {
  return struct('system.dockerInfo', { ...systemInfo(world, engine), ClientInfo: clientInfo() });
}
