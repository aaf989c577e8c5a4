// The sample lesson in a real browser: clicking its `term` blocks runs them in the terminal and turns its checks
// green, its quizzes are answered (one wrong first, to see retry and explanation), the summary scores them, and
// after a reload the progress (steps, answers, the command log, the world) is still there.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openLab, screenshotPath, terminalLines, typeCommand } from './browser';

const LESSON = '00-start/01-welcome';

/** axe-core's serious and critical violations inside the lesson pane (the terminal and topology have their own suite). */
async function lessonPaneViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const results = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<Result> } }).axe;
    return axe.run({ include: [['#pane-lesson']] }, { resultTypes: ['violations'] });
  });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function runButton(page: Page, command: string): Promise<void> {
  await page.locator(`.lesson-pane ul.term button.run[data-command="${command}"]`).first().click();
}

async function checkDone(page: Page, id: string): Promise<void> {
  await page.locator(`li[data-check="${id}"].done`).waitFor({ timeout: 15000 });
}

async function choose(page: Page, quiz: string, optionText: string): Promise<void> {
  await page.locator(`form[data-quiz="${quiz}"] label.option`, { hasText: optionText }).locator('input').check();
}

describe('lesson runtime', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openLab(browser, `${inject('baseUrl')}#/lesson/${LESSON}`);
    await page.locator('[data-step="your-first-command"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('checks the first step live after a Run click, and scores a quiz with a retry', async () => {
    const check = page.locator('li[data-check="your-first-command/1"]');
    await expect(check.getAttribute('class')).resolves.not.toContain('done');
    await runButton(page, 'docker network ls');
    await checkDone(page, 'your-first-command/1');
    expect((await terminalLines(page)).some((l) => /^[0-9a-f]{12}\s+bridge\s+bridge\s+local$/.test(l))).toBe(true);

    const quiz = 'your-first-command-q1';
    await choose(page, quiz, 'host');
    await page.locator(`form[data-quiz="${quiz}"] button[type="submit"]`).click();
    await expect(page.locator(`form[data-quiz="${quiz}"] .feedback`).textContent()).resolves.toContain('Not quite');
    await expect(page.locator(`form[data-quiz="${quiz}"] .explain`).first().textContent()).resolves.toContain('shares host1');
    await choose(page, quiz, 'bridge');
    await page.locator(`form[data-quiz="${quiz}"] button[type="submit"]`).click();
    await expect(page.locator(`form[data-quiz="${quiz}"] .feedback`).textContent()).resolves.toContain('Right (after 2 tries)');
    await page.locator('.step .complete').waitFor();
    await page.getByRole('button', { name: 'Show a hint (1 left)' }).click();
    await page.getByRole('button', { name: 'Show the solution' }).click();
    expect(await lessonPaneViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next step →' }).click();
  });

  it('completes the filter and count steps, and the prediction runs its command', async () => {
    await page.locator('[data-step="filter-the-list"]').waitFor();
    await page.getByRole('button', { name: 'Show a hint (2 left)' }).click();
    await expect(page.locator('.hint').first().textContent()).resolves.toContain('--filter');
    await runButton(page, 'docker network ls --filter driver=bridge');
    await checkDone(page, 'filter-the-list/1');
    await page.getByRole('button', { name: 'Next step →' }).click();

    await page.locator('[data-step="count-the-networks"]').waitFor();
    await page.getByRole('button', { name: 'Show the solution' }).click();
    await runButton(page, 'docker network ls -q | wc -l');
    await checkDone(page, 'count-the-networks/1');
    const quiz = 'count-the-networks-q1';
    await choose(page, quiz, 'bridge');
    await page.locator(`form[data-quiz="${quiz}"] button[type="submit"]`).click();
    await expect(page.locator(`form[data-quiz="${quiz}"] .truth pre`).textContent({ timeout: 15000 })).resolves.toBe('bridge\n');
    await expect(page.locator(`form[data-quiz="${quiz}"] .feedback`).textContent()).resolves.toContain('Right first time');
    await page.getByRole('button', { name: 'Next step →' }).click();
  });

  it('answers the multiple-choice and free-text quizzes and shows the summary', async () => {
    await page.locator('[data-step="check-your-understanding"]').waitFor();
    const multi = 'check-your-understanding-q1';
    for (const name of ['`bridge`', '`host`', '`none`']) {
      await page.locator(`form[data-quiz="${multi}"] label.option`, { hasText: name.replace(/`/g, '') }).first().locator('input').check();
    }
    await page.locator(`form[data-quiz="${multi}"] button[type="submit"]`).click();
    await expect(page.locator(`form[data-quiz="${multi}"] .feedback`).textContent()).resolves.toContain('Right first time');
    const text = 'check-your-understanding-q2';
    await page.locator(`form[data-quiz="${text}"] input[type="text"]`).fill('  Docker0 ');
    await page.locator(`form[data-quiz="${text}"] button[type="submit"]`).click();
    await expect(page.locator(`form[data-quiz="${text}"] .feedback`).textContent()).resolves.toContain('Right first time');
    await page.getByRole('button', { name: 'Finish →' }).click();
    await expect(page.locator('#summary-title').textContent()).resolves.toBe('Lesson complete');
    await expect(page.locator('[data-summary="steps"]').textContent()).resolves.toBe('4 of 4');
    await expect(page.locator('[data-summary="quizzes"]').textContent()).resolves.toBe('3 right first time, 1 after a retry, 0 answer shown (score 88%)');
    await page.screenshot({ path: screenshotPath('lesson-summary') });
    expect(await lessonPaneViolations(page)).toEqual([]);
  });

  it('keeps progress, the command log and the world across a reload', async () => {
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('cnlab:ready').length > 0, undefined, { timeout: 20000 });
    await expect(page.locator('#summary-title').textContent({ timeout: 15000 })).resolves.toBe('Lesson complete');
    await expect(page.locator('[data-summary="quizzes"]').textContent()).resolves.toContain('score 88%');
    await page.locator('.steps button', { hasText: 'Your first command' }).click();
    await checkDone(page, 'your-first-command/1');
    await expect(page.locator('form[data-quiz="your-first-command-q1"] .feedback').textContent()).resolves.toContain('Right (after 2 tries)');
    await page.locator('.crumbs a').click();
    await expect(page.locator(`li[data-lesson="${LESSON}"] .status`).textContent()).resolves.toContain('Complete');
  });

  it('exports progress as a file that another browser imports', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
    const file = await download.path();
    const other = await openLab(browser, `${inject('baseUrl')}#/`);
    await expect(other.locator(`li[data-lesson="${LESSON}"] .status`).textContent()).resolves.toBe('Not started');
    await other.locator('input[type="file"]').setInputFiles(file);
    await other.locator('[role="status"]', { hasText: 'Progress loaded from' }).waitFor();
    await expect(other.locator(`li[data-lesson="${LESSON}"] .status`).textContent()).resolves.toBe('✓ Complete · quiz 88%');
    // The exporting browser was last on the first step: the importing one opens it there, complete, with its log.
    await other.locator(`li[data-lesson="${LESSON}"] a.title`).click();
    await checkDone(other, 'your-first-command/1');
    await expect(other.locator('.steps button .sr-only').allTextContents()).resolves.toEqual(['Step 1, complete:', 'Step 2, complete:', 'Step 3, complete:', 'Step 4, complete:']);
    expect((other as Page & { labErrors?: string[] }).labErrors).toEqual([]);
    await other.close();
  });

  it('reports no page errors', () => {
    expect((page as Page & { labErrors?: string[] }).labErrors).toEqual([]);
  });
});

describe('catalog, sandbox, undo, reset and share', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists parts and lessons with progress, and opens a lesson from the catalog', async () => {
    const page = await openLab(browser, `${inject('baseUrl')}#/`);
    await expect(page.locator('h2#part-00-start').textContent()).resolves.toBe('Getting started');
    await expect(page.locator(`li[data-lesson="${LESSON}"] .status`).textContent()).resolves.toBe('Not started');
    expect(await lessonPaneViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('lesson-catalog') });
    await page.locator(`li[data-lesson="${LESSON}"] a.title`).click();
    await page.locator('[data-step="your-first-command"]').waitFor();
    expect(page.url()).toContain(`#/lesson/${LESSON}`);
    expect((page as Page & { labErrors?: string[] }).labErrors).toEqual([]);
    await page.close();
  });

  it('passes axe in the dark theme too', async () => {
    const page = await openLab(browser, `${inject('baseUrl')}#/lesson/${LESSON}`, { colorScheme: 'dark' });
    await page.locator('[data-step="your-first-command"]').waitFor();
    await runButton(page, 'docker network ls');
    await checkDone(page, 'your-first-command/1');
    await choose(page, 'your-first-command-q1', 'host');
    await page.locator('form[data-quiz="your-first-command-q1"] button[type="submit"]').click();
    await page.getByRole('button', { name: 'Show a hint (1 left)' }).click();
    await page.getByRole('button', { name: 'Show the solution' }).click();
    expect(await lessonPaneViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('lesson-step-dark') });
    await page.close();
  });

  it('resets a lesson: fresh world, no progress', async () => {
    const page = await openLab(browser, `${inject('baseUrl')}#/lesson/${LESSON}`);
    await page.locator('[data-step="your-first-command"]').waitFor();
    await typeCommand(page, 'sudo ip netns add red');
    await runButton(page, 'docker network ls');
    await checkDone(page, 'your-first-command/1');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Reset lesson' }).click();
    await page.locator('li[data-check="your-first-command/1"]:not(.done)').waitFor();
    expect(await typeCommand(page, 'ip netns list')).toEqual(['learner@host1:~$ ip netns list', 'learner@host1:~$ ']);
    await page.close();
  });

  it('undoes the last change in the sandbox and shares the world as a link', async () => {
    const page = await openLab(browser, `${inject('baseUrl')}#/sandbox/single-host`);
    await expect(page.locator('.lesson-pane h1').textContent()).resolves.toBe('Sandbox');
    expect(await lessonPaneViolations(page)).toEqual([]);
    const undo = page.getByRole('button', { name: '↶ Undo' });
    await typeCommand(page, 'sudo ip netns add red');
    await typeCommand(page, 'ip netns list');
    await page.waitForFunction(() => !(document.querySelector('.tools button') as HTMLButtonElement).disabled);
    await undo.click();
    await page.locator('.tools .status', { hasText: 'Undone' }).waitFor();
    expect((await typeCommand(page, 'ip netns list')).slice(1)).toEqual(['learner@host1:~$ ']);
    await typeCommand(page, 'sudo ip netns add blue');
    await page.getByRole('button', { name: 'Share world' }).click();
    const link = await page.locator('.link input').inputValue();
    expect(link).toMatch(/#\/share\/[A-Za-z0-9_-]+$/);
    await page.close();

    const other = await openLab(browser, link);
    await other.waitForFunction(() => location.hash === '#/sandbox/shared');
    expect((await typeCommand(other, 'ip netns list')).slice(1)).toEqual(['blue', 'learner@host1:~$ ']);
    expect((other as Page & { labErrors?: string[] }).labErrors).toEqual([]);
    await other.close();
  });
});
