// The lessons Vite plugin in a real `vite build`: lessons compile into an index plus one chunk per lesson, and a
// deliberately broken lesson fails the build with its file:line:col.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'vite';
import { lessonsPlugin } from '../../src/lessons/vite-plugin';

const root = resolve(__dirname, '../..');

async function buildWith(dir: string): Promise<{ files: string[]; out: string }> {
  const work = mkdtempSync(join(tmpdir(), 'cnlab-lessons-build-'));
  const entry = join(work, 'entry.js');
  writeFileSync(entry, "import { index, loadLesson } from 'virtual:cnlab-lessons';\nexport { index, loadLesson };\n");
  const out = join(work, 'dist');
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [lessonsPlugin({ dir })],
      build: { outDir: out, write: true, lib: { entry, formats: ['es'], fileName: 'entry' }, emptyOutDir: true },
    });
    return { files: readdirSync(out).sort(), out };
  } finally {
    setTimeout(() => rmSync(work, { recursive: true, force: true }), 0);
  }
}

describe('lessons Vite plugin', () => {
  it('emits the index and a separate chunk per lesson', async () => {
    const { files, out } = await buildWith('tests/lessons/fixtures/replay');
    expect(files.filter((f) => f.endsWith('.js')).length).toBe(6);
    const entry = readFileSync(join(out, 'entry.js'), 'utf8');
    expect(entry).toContain('title: "Replay fixtures"');
    expect(entry).not.toContain('sudo ip link del old0');
    const chunk = files.find((f) => f.startsWith('01-good'))!;
    expect(readFileSync(join(out, chunk), 'utf8')).toContain('sudo ip link del old0');
  });

  it('fails the build at the broken lesson\'s file:line:col', async () => {
    await expect(buildWith('tests/lessons/fixtures/broken')).rejects.toThrow('tests/lessons/fixtures/broken/00-part/01-broken.md:25:9: quiz: `answer` has no option `d` (options: a, b, c)');
  });
});
