// `docker inspect`: any object by name or ID (containers, then images, then networks), or only `--type`'s kind.
import type { CobraCommand } from '../../cobra';
import type { DockerEngineState } from '../../../core/docker/types';
import { DaemonError } from '../../../core/docker/errors';
import { findContainer, findUniqueNetwork } from '../../../core/docker/lookup';
import { inspectNetwork } from '../../../core/docker/inspect-network';
import { inspectImage } from '../../../core/docker/inspect-image';
import { catalogById, parseImageRef } from '../../../core/docker/image-catalog';
import { imageStore, localImage } from '../../../core/docker/images';
import { withDaemon } from './client';
import { INSPECT_FORMAT_HELP } from './filter-flag';
import { printInspect } from './inspect-output';
import { containerJson } from './container/inspect';

/** The image a reference names locally (`alpine`, `alpine:latest`, or an ID prefix), as inspect JSON. */
export function imageJson(engine: DockerEngineState, ref: string): Record<string, unknown> | undefined {
  const records = Object.values(imageStore(engine));
  const byId = records.find((r) => r.id === ref || r.id.slice(7).startsWith(ref.replace(/^sha256:/, '')) && ref.length >= 4);
  const parsed = parseImageRef(ref);
  const found = byId ? { record: byId, image: catalogById(byId.id)! } : parsed ? localImage(engine, parsed) : undefined;
  if (!found) return undefined;
  return inspectImage(records.filter((r) => r.id === found.image.id), found.image);
}

const KINDS = ['container', 'image', 'network'];

export const dockerInspect: CobraCommand = {
  name: 'inspect',
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', help: INSPECT_FORMAT_HELP },
    { name: 'size', short: 's', type: 'bool', help: 'Display total file sizes if the type is container' },
    { name: 'type', type: 'string', help: 'Return JSON for specified type' },
  ],
  run: (ctx, { values, args }) =>
    withDaemon(ctx, (engine) => {
      const type = values.type as string;
      if (type && !KINDS.includes(type) && !['config', 'node', 'plugin', 'secret', 'service', 'task', 'volume'].includes(type)) {
        ctx.err(`"${type}" is not a valid value for --type\n`);
        return 1;
      }
      const found: unknown[] = [];
      const errors: string[] = [];
      for (const ref of args) {
        const want = (k: string) => !type || type === k;
        const c = want('container') ? findContainer(engine, ref) : undefined;
        if (c) {
          found.push(containerJson(engine, c));
          continue;
        }
        const img = want('image') ? imageJson(engine, ref) : undefined;
        if (img) {
          found.push(img);
          continue;
        }
        try {
          if (want('network')) {
            found.push(inspectNetwork(engine, findUniqueNetwork(engine, ref)));
            continue;
          }
        } catch (e) {
          if (!(e instanceof DaemonError)) throw e;
        }
        errors.push(type ? `Error: No such ${type}: ${ref}` : `Error: No such object: ${ref}`);
      }
      return printInspect(ctx, found, errors, values.format as string);
    }),
};
