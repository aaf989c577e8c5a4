// `docker info`: the client section and the daemon's system.Info printed as cli/command/system/info.go does,
// or rendered with `--format` (a Go template over dockerInfo, `json` for all of it).
import type { CobraCommand } from '../../../cobra';
import type { CommandContext } from '../../../types';
import { executeTemplate, parseTemplate, TemplateError } from '../../../format/gotemplate';
import { dockerTemplateFuncs } from '../../../format/gotemplate/docker-funcs';
import { withDaemon } from '../client';
import { CLI_PLUGINS, dockerInfoData, systemInfo, type SystemInfo } from './info-data';
import { DOCKER_VERSION } from '../version-info';

/** go-units BytesSize: binary prefixes, four significant digits. */
function bytesSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${Number(n.toPrecision(4))}${units[i]}`;
}

function clientSection(): string {
  const plugins = CLI_PLUGINS.map((p) => `  ${p.Name}: ${p.ShortDescription} (${p.Vendor})\n    Version:  ${p.Version}\n    Path:     ${p.Path}\n`).join('');
  return `Client: Docker Engine - Community\n Version:    ${DOCKER_VERSION}\n Context:    default\n Debug Mode: false\n Plugins:\n${plugins}`;
}

/** prettyPrintServerInfo for the fields a single-node Linux daemon without swarm fills in. */
function serverSection(i: SystemInfo): string {
  const security = i.SecurityOptions.map((o) => {
    const kv = Object.fromEntries(o.split(',').map((p) => p.split('=')));
    return `  ${kv.name}\n${kv.profile ? `   Profile: ${kv.profile}\n` : ''}`;
  }).join('');
  return [
    `Server:`, ` Containers: ${i.Containers}`, `  Running: ${i.ContainersRunning}`, `  Paused: ${i.ContainersPaused}`, `  Stopped: ${i.ContainersStopped}`,
    ` Images: ${i.Images}`, ` Server Version: ${i.ServerVersion}`, ` Storage Driver: ${i.Driver}`,
    ...i.DriverStatus.map(([k, v]) => `  ${k}: ${v}`),
    ` Logging Driver: ${i.LoggingDriver}`, ` Cgroup Driver: ${i.CgroupDriver}`, ` Cgroup Version: ${i.CgroupVersion}`,
    ` Plugins:`, `  Volume: ${i.Plugins.Volume.join(' ')}`, `  Network: ${i.Plugins.Network.join(' ')}`, `  Log: ${i.Plugins.Log.join(' ')}`,
    ` Swarm: ${i.Swarm.LocalNodeState}`, ` Runtimes: ${Object.keys(i.Runtimes).join(' ')}`, ` Default Runtime: ${i.DefaultRuntime}`,
    ` Init Binary: ${i.InitBinary}`, ` containerd version: ${i.ContainerdCommit.ID}`, ` runc version: ${i.RuncCommit.ID}`, ` init version: ${i.InitCommit.ID}`,
    ` Security Options:\n${security.slice(0, -1)}`,
    ` Kernel Version: ${i.KernelVersion}`, ` Operating System: ${i.OperatingSystem}`, ` OSType: ${i.OSType}`, ` Architecture: ${i.Architecture}`,
    ` CPUs: ${i.NCPU}`, ` Total Memory: ${bytesSize(i.MemTotal)}`, ` Name: ${i.Name}`, ` ID: ${i.ID}`, ` Docker Root Dir: ${i.DockerRootDir}`,
    ` Debug Mode: ${i.Debug}`, ` Experimental: ${i.ExperimentalBuild}`,
    ` Insecure Registries:`, ...i.RegistryConfig.InsecureRegistryCIDRs.map((c) => `  ${c}`),
    ` Live Restore Enabled: ${i.LiveRestoreEnabled}`, ``, ``,
  ].join('\n');
}

/** formatInfo: `json` is `{{json .}}`; a parse error exits 64, an execution error prints after the partial output. */
function formatInfo(ctx: CommandContext, data: unknown, format: string): number {
  let tmpl;
  try {
    tmpl = parseTemplate(format === 'json' ? '{{json .}}' : format, { funcs: dockerTemplateFuncs });
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    ctx.err(`template parsing error: ${e.message}\n`);
    return 64;
  }
  try {
    ctx.out(executeTemplate(tmpl, data) + '\n');
    return 0;
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    ctx.out((e.partial ?? '') + '\n');
    ctx.err(`${e.message}\n`);
    return 1;
  }
}

export const dockerInfo: CobraCommand = {
  name: 'info',
  use: 'info [OPTIONS]',
  short: 'Display system-wide information',
  args: { none: true },
  category: 'top',
  topOrder: 12,
  flags: [{ name: 'format', short: 'f', type: 'string', help: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" }],
  run: (ctx, { values }) =>
    withDaemon(ctx, (engine) => {
      const format = values.format as string;
      if (format) return formatInfo(ctx, dockerInfoData(ctx.world, engine), format);
      ctx.out(clientSection() + '\n' + serverSection(systemInfo(ctx.world, engine)));
      return 0;
    }),
};
