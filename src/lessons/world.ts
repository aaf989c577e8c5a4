// The world a lesson starts from: a preset and seed, then the frontmatter's `setup` commands typed silently on
// the first host. The browser (worker) and `cnlab lessons check` build it the same way, so both see the same bytes.
import { createWorld } from '../core/presets';
import type { World } from '../core/world';
import { Session } from '../shell/session';
import { arraySource, runTypedLine } from '../shell/script-runner';
import { COMMAND_CUTOFF_SECONDS } from './cutoff';

export interface LessonWorldSpec {
  preset: string;
  seed: number;
  setup: readonly string[];
}

export interface SetupFailure {
  command: string;
  exitCode: number;
  output: string;
}

/** Builds the lesson's starting world; setup commands that fail are reported (the world is still returned). */
export async function buildLessonWorld(spec: LessonWorldSpec): Promise<{ world: World; failures: SetupFailure[] }> {
  const world = createWorld({ preset: spec.preset, seed: spec.seed });
  const failures: SetupFailure[] = [];
  if (!spec.setup.length) return { world, failures };
  const session = new Session(world, world.hostNames()[0]);
  for (const command of spec.setup) {
    let output = '';
    const exitCode = await runTypedLine(session, command, (t) => (output += t), { echo: false, input: arraySource([]), defaultInterruptSeconds: COMMAND_CUTOFF_SECONDS });
    if (exitCode !== 0) failures.push({ command, exitCode, output });
  }
  return { world, failures };
}
