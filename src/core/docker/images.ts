// The daemon's image store: which references are local, and `POST /images/create` (pull) with the progress
// lines Docker prints on a terminal, and the registry's errors for unknown repositories and tags.
import type { World } from '../world';
import { DaemonError } from './errors';
import { type CatalogImage, type ImageRef, catalogById, findCatalogImage, refText } from './image-catalog';
import type { DockerEngineState, ImageRecord } from './types';

export function imageStore(engine: DockerEngineState): Record<string, ImageRecord> {
  return (engine.images ??= {});
}

/** The local image a reference names, if pulled. */
export function localImage(engine: DockerEngineState, ref: ImageRef): { record: ImageRecord; image: CatalogImage } | undefined {
  const record = imageStore(engine)[refText(ref)];
  const image = record && catalogById(record.id);
  return record && image ? { record, image } : undefined;
}

/** `library/alpine` for official images, the repository itself otherwise (pull output's "Pulling from"). */
function remoteName(repo: string): string {
  return repo.includes('/') ? repo : `library/${repo}`;
}

/** The registry's answer for a reference it cannot serve. */
function registryError(ref: ImageRef): DaemonError {
  if (!findCatalogImage({ repo: ref.repo, tag: 'latest' })) {
    return new DaemonError(`pull access denied for ${ref.repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`, 404);
  }
  return new DaemonError(`manifest for ${refText(ref)} not found: manifest unknown: manifest unknown`, 404);
}

/**
 * Pulls `ref`: returns the progress lines as a terminal shows them when done (one line per layer), ending with
 * the Digest and Status lines. Layers another local image shares show `Already exists`.
 */
export function pullImage(world: World, engine: DockerEngineState, ref: ImageRef): string[] {
  const image = findCatalogImage(ref);
  if (!image) {
    world.clock.advance(600_000 + world.rng.int(400_000));
    throw registryError(ref);
  }
  const store = imageStore(engine);
  const key = refText(ref);
  const lines = [`${ref.tag}: Pulling from ${remoteName(ref.repo)}`];
  if (store[key]?.id === image.id) {
    world.clock.advance(500_000 + world.rng.int(500_000));
    lines.push(`Digest: ${image.digest}`, `Status: Image is up to date for ${key}`);
    return lines;
  }
  const haveLayers = new Set(Object.values(store).flatMap((r) => catalogById(r.id)?.layers ?? []));
  for (const layer of image.layers) {
    if (haveLayers.has(layer)) {
      lines.push(`${layer}: Already exists `);
    } else {
      world.clock.advance(300_000 + world.rng.int(900_000));
      lines.push(`${layer}: Pull complete `);
    }
  }
  lines.push(`Digest: ${image.digest}`, `Status: Downloaded newer image for ${key}`);
  store[key] = { repo: ref.repo, tag: ref.tag, id: image.id, pulledUs: world.clock.now() };
  world.changed('docker', `${engine.host}:image:${key}`);
  return lines;
}

/** `docker.io/library/alpine:latest`: the canonical name `docker pull` prints last. */
export function canonicalName(ref: ImageRef): string {
  return `docker.io/${remoteName(ref.repo)}:${ref.tag}`;
}
