// `ip netns exec NAME` bind-mounts /etc/netns/NAME/<file> over /etc/<file>: a process in a named namespace reads
// (and writes) that namespace's resolv.conf and hosts when they exist.
import type { World } from '../../../core/world';
import type { ProcessEnv } from '../../types';
import { registerFile } from '../../vfs';

function overrideKey(world: World, env: ProcessEnv, file: string): string | null {
  const ns = world.state.netns[env.netns];
  if (ns?.kind !== 'named' || env.fsRoot !== ns.host) return null;
  const key = `${env.fsRoot}:/etc/netns/${ns.name}/${file}`;
  return world.state.files[key] !== undefined ? key : null;
}

for (const file of ['resolv.conf', 'hosts']) {
  registerFile({
    path: `/etc/${file}`,
    where: 'host',
    read(world, env) {
      const key = overrideKey(world, env, file);
      return key ? world.state.files[key] : null;
    },
    write(world, env, content) {
      if (env.user !== 'root') return 'Permission denied';
      const key = overrideKey(world, env, file) ?? `${env.fsRoot}:/etc/${file}`;
      world.state.files[key] = content;
      world.changed('file', key);
      return null;
    },
  });
}
