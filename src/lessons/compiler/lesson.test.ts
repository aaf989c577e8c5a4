import { describe, expect, it } from 'vitest';
import { compileLesson } from './lesson';
import { LessonBuildError } from './diagnostics';

const FM = `---
title: T
summary: S
minutes: 5
world: single-host
---
`;

function compile(text: string) {
  return compileLesson({ file: 'lessons/p/l.md', relPath: 'p/l.md', id: 'p/l', part: 'p', order: 1, text, knownIds: new Set(['p/l', 'p/other']) });
}

/** The diagnostics of a lesson that must not compile, as `file:line:col: message` lines. */
function errors(text: string): string[] {
  try {
    compile(text);
  } catch (e) {
    if (e instanceof LessonBuildError) return e.message.split('\n');
    throw e;
  }
  throw new Error('compiled without errors');
}

describe('compileLesson', () => {
  it('splits steps at ## headings, in source order, with the intro before them', () => {
    const l = compile(`${FM}# Title\n\nIntro text.\n\n## First step\n\nDo this:\n\n\`\`\`term\ndocker network ls\n# a comment\n\`\`\`\n\n## Second \`step\`\n\nMore.\n`);
    expect(l.title).toBe('T');
    expect(l.intro).toEqual([{ kind: 'html', html: '<p>Intro text.</p>\n' }]);
    expect(l.steps.map((s) => [s.id, s.title, s.line])).toEqual([
      ['first-step', 'First step', 11],
      ['second-step', 'Second `step`', 20],
    ]);
    expect(l.steps[1].titleHtml).toBe('Second <code>step</code>');
    expect(l.summaryHtml).toBe('S');
    expect(l.steps[0].segments).toEqual([
      {
        kind: 'html',
        html:
          '<p>Do this:</p>\n<ul class="term"><li><code>docker network ls</code><button type="button" class="run" data-command="docker network ls" aria-label="Run docker network ls">Run</button></li><li class="comment"><code># a comment</code></li></ul>\n',
      },
    ]);
    expect(l.outline).toEqual([{ id: 'first-step', title: 'First step' }, { id: 'second-step', title: 'Second `step`' }]);
  });

  it('keeps short hyphenated words of commands and inline code on one line, and renders the summary', () => {
    const l = compile(`${FM.replace('summary: S', 'summary: How `-p 8080:80` publishes')}## S\n\n\`NO-CARRIER\` and \`ip link set veth-red up\`:\n\n\`\`\`term\ndocker network create -d macvlan lan\n\`\`\`\n`);
    expect(l.summaryHtml).toBe('How <code><span class="nobr">-p</span> 8080:80</code> publishes');
    expect(l.steps[0].segments).toEqual([
      {
        kind: 'html',
        html:
          '<p><code><span class="nobr">NO-CARRIER</span></code> and <code>ip link set <span class="nobr">veth-red</span> up</code>:</p>\n<ul class="term"><li><code>docker network create <span class="nobr">-d</span> macvlan lan</code><button type="button" class="run" data-command="docker network create -d macvlan lan" aria-label="Run docker network create -d macvlan lan">Run</button></li></ul>\n',
      },
    ]);
  });

  it('compiles checks with generated or given labels, hints, a solution with prompt answers, and quizzes', () => {
    const l = compile(`${FM}## S\n\n\`\`\`check\n- ran: docker network ls\n- network: {name: n1, driver: bridge}\n  label: Make **n1**\n\`\`\`\n\n\`\`\`hint\nFirst hint\n\`\`\`\n\n\`\`\`hint\nSecond hint\n\`\`\`\n\n\`\`\`solution\n# make it\ndocker network ls\n< y\n\`\`\`\n\n\`\`\`quiz\nquestion: Q?\noptions: [x, y]\nanswer: b\n\`\`\`\n`);
    const s = l.steps[0];
    expect(s.checks.map((c) => [c.id, c.label, c.line])).toEqual([
      ['s/1', 'You ran `docker network ls`', 10],
      ['s/2', 'Make **n1**', 11],
    ]);
    expect(s.checks[1].pred).toEqual({ kind: 'network', args: { name: 'n1', driver: 'bridge' } });
    expect(s.checks[0].labelHtml).toBe('You ran <code>docker network ls</code>');
    expect(s.hints).toEqual(['<p>First hint</p>\n', '<p>Second hint</p>\n']);
    expect(s.solution).toEqual([{ command: 'docker network ls', input: ['y'] }]);
    expect(s.quizzes[0]).toMatchObject({ id: 's-q1', type: 'single', options: [{ id: 'a', correct: false }, { id: 'b', correct: true }] });
    expect(s.segments.map((x) => x.kind)).toEqual(['checks', 'quiz']);
    expect(l.checkCount).toBe(2);
    expect(l.quizCount).toBe(1);
  });

  it('gives duplicate step titles distinct ids', () => {
    const l = compile(`${FM}## Go\n\n## Go\n`);
    expect(l.steps.map((s) => s.id)).toEqual(['go', 'go-2']);
  });

  it('requires frontmatter', () => {
    expect(errors('# No frontmatter\n')).toEqual(['lessons/p/l.md:1:1: a lesson starts with YAML frontmatter between two `---` lines (title, summary, minutes, world)']);
  });

  it('reports frontmatter problems at the offending key or value', () => {
    expect(errors(`---\ntitle: T\nsumary: S\nminutes: five\nworld: mars\nrequires: [p/other, p/nope]\n---\n## S\n`)).toEqual([
      'lessons/p/l.md:2:1: frontmatter: `summary` is required',
      'lessons/p/l.md:3:1: frontmatter: unknown key `sumary`',
      'lessons/p/l.md:4:10: frontmatter: `minutes` must be a number, not text',
      'lessons/p/l.md:5:8: frontmatter: `world` must be a known world (single-host)',
    ]);
    expect(errors(`${FM.replace('world: single-host', 'world: single-host\nrequires: [p/other, p/nope]')}## S\n`)).toEqual([
      'lessons/p/l.md:6:21: requires: no lesson `p/nope` (ids look like `00-start/01-welcome`)',
    ]);
  });

  it('reports YAML syntax errors inside a block at their file position', () => {
    expect(errors(`${FM}## S\n\n\`\`\`check\n- ran: a: b\n\`\`\`\n\`\`\`solution\ndocker network ls\n\`\`\`\n`)).toEqual([
      'lessons/p/l.md:10:8: check: YAML: Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('reports unknown conditions and bad fields at the key or value', () => {
    expect(errors(`${FM}## S\n\n\`\`\`check\n- netwrk: {name: x}\n- network: {name: x, internal: maybe}\n- container: {name: c}\n  ran: ls\n\`\`\`\n\`\`\`solution\ndocker network ls\n\`\`\`\n`)).toEqual([
      'lessons/p/l.md:10:3: check: unknown condition `netwrk` (known: ran, network, container, endpoints, reachable, resolves, iptables, output, netns, link, route, not)',
      'lessons/p/l.md:11:32: check: `network.internal` must be `true` or `false`, not text',
      'lessons/p/l.md:12:3: check: one condition per item, found `container` and `ran`',
    ]);
  });

  it('rejects unknown commands and docker subcommands in term, solution and setup', () => {
    expect(errors(`${FM.replace('world: single-host', 'world: single-host\nsetup:\n  - dockr ps')}## S\n\n\`\`\`term\necho ok\nfoo --bar | grep x\ndocker netwrk ls\n\`\`\`\n\n\`\`\`check\n- ran: x\n\`\`\`\n\n\`\`\`solution\ndocker network lss\necho "unterminated\n\`\`\`\n`)).toEqual([
      'lessons/p/l.md:7:5: setup: unknown command `dockr` (the lab has no such program; type `help` in the lab for the list)',
      'lessons/p/l.md:13:1: term: unknown command `foo` (the lab has no such program; type `help` in the lab for the list)',
      'lessons/p/l.md:14:8: term: unknown command `docker netwrk`',
      'lessons/p/l.md:22:16: solution: unknown command `docker network lss`',
      'lessons/p/l.md:23:1: solution: incomplete command (" is never closed)',
    ]);
  });

  it('rejects a quiz whose answer key points nowhere', () => {
    expect(errors(`${FM}## S\n\n\`\`\`quiz\nquestion: Q?\noptions:\n  - a thing\n  - text: other\n    id: other\nanswer: [a, c]\ntype: multiple\n\`\`\`\n`)).toEqual([
      'lessons/p/l.md:15:13: quiz: `answer` has no option `c` (options: a, other)',
    ]);
  });

  it('requires solutions and checks to come together, and interactive blocks inside steps', () => {
    expect(errors(`${FM}\`\`\`hint\nearly\n\`\`\`\n## A\n\`\`\`check\n- ran: ls\n\`\`\`\n## B\n\`\`\`solution\necho hi\n\`\`\`\n## C\n- item\n\n  \`\`\`quiz\n  question: q\n  accept: x\n  \`\`\`\n`)).toEqual([
      'lessons/p/l.md:7:1: a `hint` block belongs in a step: put it after a `##` heading',
      'lessons/p/l.md:10:1: step "A" has checks but no `solution` block (the checker replays it)',
      'lessons/p/l.md:14:1: step "B" has a solution but no `check` block to prove it',
      'lessons/p/l.md:21:3: a `quiz` block must not be inside a list or quote',
    ]);
  });

  it('requires at least one step', () => {
    expect(errors(`${FM}Just text.\n`)).toEqual(['lessons/p/l.md:1:1: a lesson needs at least one step: a `##` heading']);
  });
});
