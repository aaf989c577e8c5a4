// The kernel parameters under /proc/sys/net the lab models, per network namespace, as sysctl names them.
import type { World } from '../../../core/world';
import type { Netns } from '../../../core/kernel/types';
import type { ProcessEnv } from '../../types';
import { brNetfilterOn } from '../../../core/sim/frames';

export interface SysctlKey {
  /** Dotted name (`net.ipv4.ip_forward`); the file is /proc/sys/ with dots as slashes. */
  name: string;
  /** Present in this namespace (br_netfilter's keys exist only once the module is loaded). */
  exists?(world: World, ns: Netns): boolean;
  read(world: World, ns: Netns): string;
  /** Applies a value; returns false when the value is invalid (EINVAL). */
  write?(world: World, ns: Netns, value: string): boolean;
}

function boolKey(name: string, get: (ns: Netns) => boolean, set: (ns: Netns, v: boolean) => void): SysctlKey {
  return {
    name,
    read: (_w, ns) => (get(ns) ? '1' : '0'),
    write: (world, ns, value) => {
      if (!/^\s*[01]\s*$/.test(value)) return false;
      set(ns, value.trim() === '1');
      world.changed('sysctl', `${ns.id}:${name}`);
      return true;
    },
  };
}

const forward = (ns: Netns) => ns.sysctl.ipForward;
const setForward = (ns: Netns, v: boolean) => (ns.sysctl.ipForward = v);

export const SYSCTL_KEYS: SysctlKey[] = [
  {
    ...boolKey('net.bridge.bridge-nf-call-iptables', () => false, (ns, v) => (ns.sysctl.bridgeNfCallIptables = v)),
    exists: (world, ns) => !!world.state.docker[ns.host] || ns.sysctl.bridgeNfCallIptables !== undefined,
    read: (world, ns) => (brNetfilterOn(world, ns) ? '1' : '0'),
  },
  boolKey('net.ipv4.conf.all.forwarding', forward, setForward),
  boolKey('net.ipv4.ip_forward', forward, setForward),
  { name: 'net.ipv4.ip_local_port_range', read: () => '32768\t60999' },
];

export function findKey(name: string): SysctlKey | undefined {
  return SYSCTL_KEYS.find((k) => k.name === name);
}

export function keyPath(name: string): string {
  return '/proc/sys/' + name.replace(/\./g, '/');
}

/** Whether `env` may write kernel parameters: root on the host; /proc/sys is read-only in containers. */
export function writeDenied(env: ProcessEnv): 'Permission denied' | 'Read-only file system' | null {
  if (env.containerId) return 'Read-only file system';
  return env.user === 'root' ? null : 'Permission denied';
}
