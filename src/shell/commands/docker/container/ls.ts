// `docker ps` / `docker container ls`: the container table (formatter.ContainerContext), -a -q -n -l -s,
// --no-trunc, --filter and --format, as Docker 27.5 prints them.
import type { CobraCommand } from '../../../cobra';
import type { CommandContext } from '../../../types';
import type { FlagValues } from '../../../flags';
import { GO_TYPE } from '../../../format/gotemplate';
import { renderFormat, truncateId } from '../../../format/docker-format';
import { displayWidth } from '../../../format/tabwriter';
import { listContainers } from '../../../../core/docker/container-list';
import { filterArgs } from '../../../../core/docker/filters';
import { catalogById } from '../../../../core/docker/image-catalog';
import type { Container } from '../../../../core/docker/types';
import { withDaemon } from '../client';
import { FORMAT_HELP, filterFlag } from '../filter-flag';
import { humanDuration, humanSize, stateString } from '../units';
import { apiPorts, displayablePorts } from './ports';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

const HEADER: Record<string, string> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
};

/** formatter.Ellipsis: cut to `max` display columns, the last one becoming `…`. */
function ellipsis(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}

/** The daemon's Command: Path plus Args, args with spaces single-quoted. */
export function commandLine(c: Container): string {
  if (!c.args.length) return c.path;
  return `${c.path} ${c.args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}

/** Go's time.Time.String() of a Unix-seconds time in UTC. */
function createdAt(us: number): string {
  const d = new Date(Math.floor(us / 1_000_000) * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

/** formatter.ContainerContext for one row: its methods are the `--format` placeholders. */
export class ContainerContext {
  constructor(
    private readonly c: Container,
    private readonly nowUs: number,
    private readonly trunc: boolean,
    private readonly size: boolean,
  ) {}
  Command(): string {
    return JSON.stringify(this.trunc ? ellipsis(commandLine(this.c), 20) : commandLine(this.c));
  }
  CreatedAt(): string {
    return createdAt(this.c.createdUs);
  }
  ID(): string {
    return this.trunc ? truncateId(this.c.id) : this.c.id;
  }
  Image(): string {
    return this.c.image;
  }
  Labels(): string {
    const l = this.c.config.labels;
    return Object.keys(l).sort().map((k) => `${k}=${l[k]}`).join(',');
  }
  LocalVolumes(): string {
    return '0';
  }
  Mounts(): string {
    return '';
  }
  Names(): string {
    return this.c.name;
  }
  Networks(): string {
    return Object.keys(this.c.networks).sort().join(',');
  }
  Ports(): string {
    return displayablePorts(apiPorts(this.c));
  }
  RunningFor(): string {
    return `${humanDuration(this.nowUs - this.c.createdUs)} ago`;
  }
  Size(): string {
    return this.size ? `0B (virtual ${humanSize(catalogById(this.c.imageId)?.size ?? 0)})` : '0B';
  }
  State(): string {
    return this.c.state.status;
  }
  Status(): string {
    return stateString(this.c, this.nowUs);
  }
  Label(name: string): string {
    return this.c.config.labels[name] ?? '';
  }
  /** `--format json`: every placeholder, keys sorted (the CLI marshals a map). */
  toJSON(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of JSON_FIELDS) out[k] = this[k]();
    return out;
  }
}
(ContainerContext.prototype as unknown as Record<symbol, string>)[GO_TYPE] = '*formatter.ContainerContext';

const JSON_FIELDS = ['Command', 'CreatedAt', 'ID', 'Image', 'Labels', 'LocalVolumes', 'Mounts', 'Names', 'Networks', 'Ports', 'RunningFor', 'Size', 'State', 'Status'] as const;

function resolveFormat(values: FlagValues): string {
  const format = values.format as string;
  const quiet = values.quiet as boolean;
  let f = format === '' || format === 'table' ? DEFAULT_TABLE : format === 'raw' ? 'container_id: {{.ID}}\\nimage: {{.Image}}\\ncommand: {{.Command}}\\ncreated_at: {{.CreatedAt}}\\nstate: {{- pad .State 1 0}}\\nstatus: {{- pad .Status 1 0}}\\nnames: {{.Names}}\\nlabels: {{- pad .Labels 1 0}}\\nports: {{- pad .Ports 1 0}}\\n' : format;
  if (quiet && (format === '' || format === 'table')) f = '{{.ID}}';
  if (values.size && f === DEFAULT_TABLE) f += '\t{{.Size}}';
  return f;
}

async function runPs(ctx: CommandContext, values: FlagValues): Promise<number> {
  return withDaemon(ctx, (engine) => {
    const last = Number(values.last);
    let list = listContainers(engine, filterArgs(values.filter as string[]), (values.all as boolean) || last > 0 || (values.latest as boolean));
    if (values.latest) list = list.slice(0, 1);
    else if (last > 0) list = list.slice(0, last);
    const now = ctx.world.clock.now();
    const rows = list.map((c) => new ContainerContext(c, now, !values['no-trunc'], values.size as boolean));
    const result = renderFormat(resolveFormat(values), rows, HEADER);
    if (!result.ok) {
      ctx.err(result.error + '\n');
      return 1;
    }
    ctx.out(result.text);
    return 0;
  });
}

const psFlags = [
  { name: 'all', short: 'a', type: 'bool' as const, help: 'Show all containers (default shows just running)' },
  filterFlag('Filter output based on conditions provided'),
  { name: 'format', type: 'string' as const, help: FORMAT_HELP },
  { name: 'last', short: 'n', type: 'int' as const, help: 'Show n last created containers (includes all states)', default: -1 },
  { name: 'latest', short: 'l', type: 'bool' as const, help: 'Show the latest created container (includes all states)' },
  { name: 'no-trunc', type: 'bool' as const, help: "Don't truncate output" },
  { name: 'quiet', short: 'q', type: 'bool' as const, help: 'Only display container IDs' },
  { name: 'size', short: 's', type: 'bool' as const, help: 'Display total file sizes' },
];

const ALIASES = 'docker container ls, docker container list, docker container ps, docker ps';

export const containerLs: CobraCommand = {
  name: 'ls',
  aliases: ['list', 'ps'],
  aliasesLine: ALIASES,
  use: 'ls [OPTIONS]',
  short: 'List containers',
  args: { none: true },
  flags: psFlags,
  run: (ctx, { values }) => runPs(ctx, values),
};

export const dockerPs: CobraCommand = {
  name: 'ps',
  aliasesLine: ALIASES,
  use: 'ps [OPTIONS]',
  short: 'List containers',
  args: { none: true },
  flags: psFlags,
  category: 'top',
  topOrder: 3,
  run: (ctx, { values }) => runPs(ctx, values),
};
