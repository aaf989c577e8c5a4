// /proc/sys/net/... as files: `cat /proc/sys/net/ipv4/ip_forward`, `echo 1 > /proc/sys/net/ipv4/ip_forward` as root.
import { registerFile } from '../../vfs';
import { SYSCTL_KEYS, keyPath, writeDenied } from './keys';

for (const key of SYSCTL_KEYS) {
  registerFile({
    path: keyPath(key.name),
    read(world, env) {
      const ns = world.state.netns[env.netns];
      if (!ns || (key.exists && !key.exists(world, ns))) return null;
      return key.read(world, ns) + '\n';
    },
    write(world, env, content) {
      const ns = world.state.netns[env.netns];
      if (!ns) return 'No such file or directory';
      const denied = writeDenied(env);
      if (denied) return denied;
      if (!key.write) return 'Permission denied';
      return key.write(world, ns, content) ? null : 'Invalid argument';
    },
  });
}
