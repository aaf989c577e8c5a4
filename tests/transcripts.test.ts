// Replays every golden transcript under tests/transcripts/ and compares each command's output byte for byte.
// `UPDATE=1 npx vitest run tests/transcripts.test.ts` rewrites them from the emulator (read the diff before committing).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { commandLines, parseTranscript, renderTranscript, replay } from './transcript-format';

const dir = join(__dirname, 'transcripts');

function files(d: string): string[] {
  return readdirSync(d).flatMap((e) => {
    const p = join(d, e);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.txt') ? [p] : [];
  });
}

describe('golden transcripts', () => {
  for (const file of files(dir)) {
    it(relative(dir, file), async () => {
      const t = parseTranscript(readFileSync(file, 'utf8'));
      const blocks = await replay(t);
      if (process.env.UPDATE) {
        writeFileSync(file, renderTranscript(t, blocks));
        return;
      }
      t.steps.forEach((step, i) => {
        expect(`${commandLines(step.command)}${blocks[i]}`).toBe(`${commandLines(step.command)}${step.expected}`);
      });
    });
  }
});
