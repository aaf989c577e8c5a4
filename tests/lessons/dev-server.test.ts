// `npm run dev`: the lessons plugin serves the compiled index, recompiles when a lesson file changes and tells the
// page to reload; a lesson saved with a mistake shows its file:line:col.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { createServer, type ViteDevServer } from 'vite';
import { lessonsPlugin } from '../../src/lessons/vite-plugin';

const root = resolve(__dirname, '../..');

describe('lessons in the dev server', () => {
  let server: ViteDevServer;
  let dir: string;
  const sent: unknown[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cnlab-dev-lessons-'));
    cpSync(join(root, 'tests/lessons/fixtures/replay'), dir, { recursive: true });
    server = await createServer({ root, configFile: false, logLevel: 'silent', server: { middlewareMode: true, ws: false }, plugins: [lessonsPlugin({ dir })] });
    const send = server.ws.send.bind(server.ws);
    server.ws.send = ((...args: Parameters<typeof send>) => {
      sent.push(args[0]);
      return send(...args);
    }) as typeof server.ws.send;
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const index = async () => (await server.transformRequest('virtual:cnlab-lessons'))!.code;

  it('recompiles a changed lesson and asks the page to reload', async () => {
    expect(await index()).toContain('A lesson that replays cleanly');
    const file = join(dir, '00-part/01-good.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: A lesson that replays cleanly', 'title: Edited while serving'));
    server.watcher.emit('change', file);
    expect(sent).toContainEqual({ type: 'full-reload' });
    expect(await index()).toContain('Edited while serving');
  });

  it('reports a lesson saved with a mistake at its file:line:col', async () => {
    const file = join(dir, '00-part/03-not-after.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('- link: {name: br1}', '- lnk: {name: br1}'));
    server.watcher.emit('change', file);
    await expect(index()).rejects.toThrow(/00-part\/03-not-after\.md:11:3: check: unknown condition `lnk`/);
  });
});
