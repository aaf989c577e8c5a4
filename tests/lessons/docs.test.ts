// docs/authoring.md is held to the schema: its reference section is generated from it, every `check` and `quiz`
// example in it compiles, every condition and block is shown, and its first lesson passes `lessons check`.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'yaml';
import { REFERENCE_BEGIN, REFERENCE_END, referenceMarkdown } from '../../src/lessons/schema/reference';
import { PREDICATE_KINDS } from '../../src/lessons/schema/predicates';
import { parseCheckBlock } from '../../src/lessons/schema/check';
import { parseQuiz } from '../../src/lessons/schema/quiz';
import { compileCatalog } from '../../src/lessons/compiler/catalog';
import { checkLesson } from '../../src/lessons/check';

const path = join(__dirname, '../../docs/authoring.md');
const doc = readFileSync(path, 'utf8');

/** Contents of every fenced block whose info string is `kind`, at any indentation or nesting. */
function blocks(kind: string): string[] {
  const out: string[] = [];
  const lines = doc.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(`{3,})(\w+)\s*$/.exec(lines[i]);
    if (!m || m[3] !== kind) continue;
    const close = new RegExp(`^\\s*${m[2]}\\s*$`);
    const body: string[] = [];
    for (i++; i < lines.length && !close.test(lines[i]); i++) body.push(lines[i].slice(m[1].length));
    out.push(body.join('\n'));
  }
  return out;
}

describe('docs/authoring.md', () => {
  it('has the reference generated from the current schema', () => {
    const start = doc.indexOf(REFERENCE_BEGIN);
    const end = doc.indexOf(REFERENCE_END);
    expect(start).toBeGreaterThan(0);
    const current = doc.slice(start, end + REFERENCE_END.length);
    if (process.env.UPDATE) {
      writeFileSync(path, doc.slice(0, start) + referenceMarkdown() + doc.slice(end + REFERENCE_END.length));
      return;
    }
    expect(current).toBe(referenceMarkdown());
  });

  it('shows only check examples that compile, covering every condition and `not`', () => {
    const examples = blocks('check');
    const seen = new Set<string>();
    for (const text of examples) {
      const r = parseCheckBlock(parse(text));
      expect(r, text).toMatchObject({ ok: true });
      if (r.ok) for (const item of r.value) seen.add(item.pred.kind === 'not' ? `not` : item.pred.kind).add(item.pred.kind === 'not' ? item.pred.pred.kind : item.pred.kind);
    }
    expect([...seen].sort()).toEqual([...PREDICATE_KINDS, 'not'].sort());
  });

  it('shows only quiz examples that compile, of every type', () => {
    const types = new Set<string>();
    for (const text of blocks('quiz')) {
      const r = parseQuiz(parse(text));
      expect(r, text).toMatchObject({ ok: true });
      if (r.ok) types.add(r.value.type);
    }
    expect([...types].sort()).toEqual(['multiple', 'predict', 'single', 'text']);
  });

  it('documents every block kind', () => {
    for (const kind of ['term', 'check', 'hint', 'solution', 'quiz']) expect(blocks(kind).length, kind).toBeGreaterThan(0);
  });

  it('starts with a lesson that builds and passes lessons check', async () => {
    const lesson = blocks('markdown')[0];
    const root = mkdtempSync(join(tmpdir(), 'cnlab-doc-'));
    mkdirSync(join(root, '00-start'));
    writeFileSync(join(root, '00-start/meta.md'), '---\ntitle: Start\n---\n');
    writeFileSync(join(root, '00-start/02-my-lesson.md'), lesson + '\n');
    const catalog = compileCatalog(root);
    const report = await checkLesson(catalog.lessons.get('00-start/02-my-lesson')!);
    expect(report.problems).toEqual([]);
    expect(report.checks).toBe(2);
  });
});
