// `docker images` / `docker image ls`: local images, newest first (formatter.ImageContext).
import type { CobraCommand } from '../../../cobra';
import type { FlagValues } from '../../../flags';
import type { CommandContext } from '../../../types';
import { GO_TYPE } from '../../../format/gotemplate';
import { renderFormat } from '../../../format/docker-format';
import { catalogById } from '../../../../core/docker/image-catalog';
import { imageStore } from '../../../../core/docker/images';
import { withDaemon } from '../client';
import { FORMAT_HELP, filterFlag } from '../filter-flag';
import { humanDuration, humanSize } from '../units';

const DEFAULT_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const HEADER: Record<string, string> = { Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE', Digest: 'DIGEST', Containers: 'CONTAINERS' };

async function runImages(ctx: CommandContext, values: FlagValues, args: string[]): Promise<number> {
  return withDaemon(ctx, (engine) => {
    const now = ctx.world.clock.now();
    const want = args[0];
    const rows = Object.values(imageStore(engine))
      .filter((r) => !want || want === r.repo || want === `${r.repo}:${r.tag}`)
      .map((r) => ({ r, img: catalogById(r.id)! }))
      .sort((a, b) => Date.parse(b.img.created) - Date.parse(a.img.created) || (a.r.repo < b.r.repo ? -1 : 1))
      .map(({ r, img }) => {
        const fields = {
          Containers: () => 'N/A',
          CreatedAt: () => img.created.replace('T', ' ').replace('Z', ' +0000 UTC'),
          CreatedSince: () => `${humanDuration(now - Date.parse(img.created) * 1000)} ago`,
          Digest: () => img.digest,
          ID: () => (values['no-trunc'] ? img.id : img.id.slice(7, 19)),
          Repository: () => r.repo,
          SharedSize: () => 'N/A',
          Size: () => humanSize(img.size),
          Tag: () => r.tag,
          UniqueSize: () => 'N/A',
          VirtualSize: () => humanSize(img.size),
        };
        const json = () => Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f()]));
        return { [GO_TYPE]: '*formatter.imageContext', ...fields, toJSON: json };
      });
    const format = (values.format as string) || 'table';
    const resolved = format === 'table' ? (values.quiet ? '{{.ID}}' : values.digests ? 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}' : DEFAULT_TABLE) : format;
    const result = renderFormat(resolved, rows, HEADER);
    if (!result.ok) {
      ctx.err(result.error + '\n');
      return 1;
    }
    ctx.out(result.text);
    return 0;
  });
}

const flags = [
  { name: 'all', short: 'a', type: 'bool' as const, help: 'Show all images (default hides intermediate images)' },
  { name: 'digests', type: 'bool' as const, help: 'Show digests' },
  filterFlag('Filter output based on conditions provided'),
  { name: 'format', type: 'string' as const, help: FORMAT_HELP },
  { name: 'no-trunc', type: 'bool' as const, help: "Don't truncate output" },
  { name: 'quiet', short: 'q', type: 'bool' as const, help: 'Only show image IDs' },
];
const ALIASES = 'docker image ls, docker image list, docker images';

export const imageLs: CobraCommand = {
  name: 'ls',
  aliases: ['list'],
  aliasesLine: ALIASES,
  use: 'ls [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  args: { max: 1 },
  flags,
  run: (ctx, { values, args }) => runImages(ctx, values, args),
};

export const dockerImages: CobraCommand = {
  name: 'images',
  aliasesLine: ALIASES,
  use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  args: { max: 1 },
  flags,
  category: 'top',
  topOrder: 7,
  run: (ctx, { values, args }) => runImages(ctx, values, args),
};
