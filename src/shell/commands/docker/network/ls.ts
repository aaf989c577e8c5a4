// `docker network ls`: list networks, sorted by name in natural order, as Docker 27.5 prints them.
import type { CobraCommand } from '../../../cobra';
import { GO_TYPE } from '../../../format/gotemplate';
import { renderFormat, truncateId } from '../../../format/docker-format';
import { goTimeString } from '../../../../core/sim/clock';
import { listNetworks } from '../../../../core/docker/network-list';
import { filterArgs } from '../../../../core/docker/filters';
import type { Network } from '../../../../core/docker/types';
import { naturalCompare } from '../../../format/natsort';
import { withDaemon } from '../client';
import { FORMAT_HELP, filterFlag } from '../filter-flag';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
const RAW = 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n';

const HEADER: Record<string, string> = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

function sortedLabels(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

/** The template data for one row: docker's *network.networkContext, whose fields are methods. */
export function networkContext(n: Network, trunc: boolean) {
  const fields = {
    ID: () => (trunc ? truncateId(n.id) : n.id),
    Name: () => n.name,
    Driver: () => n.driver,
    Scope: () => n.scope,
    IPv6: () => String(n.enableIPv6),
    Internal: () => String(n.internal),
    Labels: () => sortedLabels(n.labels),
    CreatedAt: () => goTimeString(n.created),
  };
  const json = () => {
    const out: Record<string, string> = {};
    for (const k of Object.keys(fields).sort()) out[k] = fields[k as keyof typeof fields]();
    return out;
  };
  return { [GO_TYPE]: '*network.networkContext', ...fields, Label: (name: string) => n.labels[name] ?? '', toJSON: json };
}

/** formatter's NewFormat for networks: `table`/`raw` resolve to defaults, `-q` narrows them to IDs. */
function resolveFormat(format: string, quiet: boolean): string {
  if (format === '' || format === 'table') return quiet ? '{{.ID}}' : DEFAULT_TABLE;
  if (format === 'raw') return quiet ? 'network_id: {{.ID}}' : RAW;
  return format;
}

export const networkLs: CobraCommand = {
  name: 'ls',
  aliases: ['list'],
  use: 'ls [OPTIONS]',
  short: 'List networks',
  args: { none: true },
  flags: [
    filterFlag('Provide filter values (e.g. "driver=bridge")'),
    { name: 'format', type: 'string', help: FORMAT_HELP },
    { name: 'no-trunc', type: 'bool', help: 'Do not truncate the output' },
    { name: 'quiet', short: 'q', type: 'bool', help: 'Only display network IDs' },
  ],
  run: (ctx, { values }) =>
    withDaemon(ctx, (engine) => {
      const networks = listNetworks(engine, filterArgs(values.filter as string[]));
      networks.sort((a, b) => naturalCompare(a.name, b.name));
      const rows = networks.map((n) => networkContext(n, !values['no-trunc']));
      const result = renderFormat(resolveFormat(values.format as string, values.quiet as boolean), rows, HEADER);
      if (!result.ok) {
        ctx.err(result.error + '\n');
        return 1;
      }
      ctx.out(result.text);
      return 0;
    }),
};
