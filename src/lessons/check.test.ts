// checkLesson's messages and replay: a prediction key that misses a multi-line output says how to write one, and the
// replay shows each step, failing exit statuses and what each prediction's command printed.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { compileCatalog } from './compiler/catalog';
import { checkLesson } from './check';

const fence = '```';

async function check(body: string) {
  const root = mkdtempSync(join(tmpdir(), 'cnlab-check-'));
  mkdirSync(join(root, '00-part'));
  writeFileSync(join(root, '00-part/meta.md'), '---\ntitle: Part\n---\n');
  writeFileSync(join(root, '00-part/01-x.md'), `---\ntitle: X\nsummary: Y\nminutes: 1\nworld: single-host\n---\n\n${body}\n`);
  return checkLesson(compileCatalog(root).lessons.get('00-part/01-x')!);
}

const step = `## Publish

${fence}check
- container: {name: web, running: true}
${fence}

${fence}solution
docker run -d --name web -p 8080:80 nginx
docker exec web ping -c 1 localhost
${fence}
`;

describe('checkLesson', () => {
  it('says how to key a prediction whose output spans lines', async () => {
    const r = await check(`${step}
${fence}quiz
type: predict
question: What?
command: docker port web
options: ["80/tcp -> 0.0.0.0:8080", nothing]
answer: a
${fence}

${fence}quiz
type: predict
question: What?
command: docker port web 80
accept: "0.0.0.0:8080"
${fence}

${fence}quiz
type: predict
question: What?
command: docker port web
options:
  - |
    80/tcp -> 0.0.0.0:8080
    80/tcp -> [::]:8080
  - nothing
answer: a
${fence}
`);
    expect(r.problems.map((p) => p.message)).toEqual([
      'quiz publish-q1: `docker port web` prints "80/tcp -> 0.0.0.0:8080\\n80/tcp -> [::]:8080" at this point, but the answer key says "80/tcp -> 0.0.0.0:8080" (the key is the whole output: write a multi-line option as a YAML `|` block)',
      'quiz publish-q2: `docker port web 80` prints "0.0.0.0:8080\\n[::]:8080" at this point, but the answer key says "0.0.0.0:8080" (the key is the whole output; free text ignores line breaks, so put its lines on one line)',
    ]);
  });

  it('replays with step headings, failing exit statuses and each prediction with its output', async () => {
    const r = await check(`${step}
${fence}quiz
type: predict
question: What?
command: docker port web 80 | head -n 1
accept: "0.0.0.0:8080"
${fence}
`);
    expect(r.problems).toEqual([]);
    expect(r.transcript).toMatch(/^# step "Publish"\nlearner@host1:~\$ docker run -d --name web -p 8080:80 nginx\n/);
    expect(r.transcript).toContain('executable file not found in $PATH: unknown\n[exit 126]\n');
    expect(r.transcript).toMatch(/# quiz publish-q1 predicts:\nlearner@host1:~\$ docker port web 80 \| head -n 1\n0\.0\.0\.0:8080\n$/);
  });
});
