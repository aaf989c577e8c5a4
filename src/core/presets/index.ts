// Named starting worlds that lessons and the sandbox pick from (`world: single-host` in lesson frontmatter).
import { World } from '../world';
import { addHost, addSegment } from './host';
import { startDockerEngine } from '../docker/engine';

export interface PresetInfo {
  name: string;
  title: string;
  build(world: World): void;
}

const PRESETS: PresetInfo[] = [
  {
    name: 'single-host',
    title: 'One Docker host (host1) on a LAN',
    build(world) {
      addSegment(world, { name: 'lan0', cidr: '10.10.0.0/24', gateway: '10.10.0.1', dns: '10.10.0.1' });
      addHost(world, 'host1', 'lan0', '10.10.0.11');
      startDockerEngine(world, 'host1');
    },
  },
];

export function presetNames(): string[] {
  return PRESETS.map((p) => p.name);
}

export function findPreset(name: string): PresetInfo | undefined {
  return PRESETS.find((p) => p.name === name);
}

export const DEFAULT_SEED = 1;
export const DEFAULT_PRESET = 'single-host';

/** Builds a fresh world from a preset; the same seed and preset always give the same world. */
export function createWorld(opts: { seed?: number; preset?: string } = {}): World {
  const seed = opts.seed ?? DEFAULT_SEED;
  const name = opts.preset ?? DEFAULT_PRESET;
  const preset = findPreset(name);
  if (!preset) throw new Error(`unknown world preset "${name}" (known: ${presetNames().join(', ')})`);
  const world = World.empty(seed, name);
  preset.build(world);
  return world;
}
