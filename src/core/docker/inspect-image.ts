// GET /images/{name}/json (types.ImageInspect, API 1.47): the catalog image as the daemon describes it.
import type { CatalogImage } from './image-catalog';
import { goEmptyStruct } from './go-json';
import type { ImageRecord } from './types';
import { rfc3339Nano } from '../sim/clock';

export function inspectImage(records: ImageRecord[], img: CatalogImage): Record<string, unknown> {
  const exposed: Record<string, object> = {};
  // nat.PortSet values are struct{} (fmt prints `{}`, JSON `{}`).
  for (const p of img.exposedPorts) exposed[p] = goEmptyStruct();
  const config: Record<string, unknown> = {
    Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false,
  };
  if (img.exposedPorts.length) config.ExposedPorts = exposed;
  Object.assign(config, {
    Tty: false, OpenStdin: false, StdinOnce: false, Env: img.env, Cmd: img.cmd, Image: '', Volumes: null,
    WorkingDir: img.workingDir, Entrypoint: img.entrypoint, OnBuild: null, Labels: Object.keys(img.labels).length ? img.labels : null,
  });
  if (img.stopSignal) config.StopSignal = img.stopSignal;
  const repo = img.repo;
  return {
    Id: img.id,
    RepoTags: records.map((r) => `${r.repo}:${r.tag}`),
    RepoDigests: [`${repo}@${img.digest}`],
    Parent: '',
    Comment: 'buildkit.dockerfile.v0',
    Created: img.created,
    DockerVersion: '',
    Author: '',
    Config: config,
    Architecture: 'amd64',
    Os: 'linux',
    Size: img.size,
    GraphDriver: {
      Data: { MergedDir: `/var/lib/docker/overlay2/${img.layers.at(-1)}/merged`, UpperDir: `/var/lib/docker/overlay2/${img.layers.at(-1)}/diff`, WorkDir: `/var/lib/docker/overlay2/${img.layers.at(-1)}/work` },
      Name: 'overlay2',
    },
    RootFS: { Type: 'layers', Layers: img.layers.map((l) => `sha256:${l}${img.id.slice(19, 71)}`) },
    Metadata: { LastTagTime: records.length ? rfc3339Nano(Math.min(...records.map((r) => r.pulledUs))) : '0001-01-01T00:00:00Z' },
  };
}
