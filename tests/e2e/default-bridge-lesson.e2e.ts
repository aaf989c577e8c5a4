// Course lesson 2 (docker0 and the default bridge) in a real browser, as issue #6 asks: opened from the catalog, every
// step done by clicking its `term` Run buttons in order (each step's goal turns green), every quiz answered (one
// wrongly first: retry and explanations), the summary reached; after a reload the steps, quiz scores, terminal
// history and the world (checks on it still hold) are all still there.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clickRun, launchBrowser, openLab, screenshotPath, terminalLines, typeCommand } from './browser';

const LESSON = '01-docker-networking/02-default-bridge';
const STEPS = ['the-default-network', 'docker0-on-the-host', 'no-network-means-bridge', 'addresses-are-lent-not-owned', 'the-way-out'];
const CHECKS: Record<string, number> = { 'the-default-network': 1, 'docker0-on-the-host': 2, 'no-network-means-bridge': 3, 'addresses-are-lent-not-owned': 2, 'the-way-out': 1 };

const checkIds = (step: string) => Array.from({ length: CHECKS[step] }, (_, i) => `${step}/${i + 1}`);

/** The step on screen, as its article. */
const stepView = (page: Page, step: string) => page.locator(`article.step[data-step="${step}"]`);

/** Clicks every Run button of the step in order, each after the previous command finished; returns each one's lines
 * (trailing blanks dropped: a row that wraps at the terminal's width keeps them). */
async function runEveryTermLine(page: Page, step: string): Promise<Map<string, string[]>> {
  const buttons = stepView(page, step).locator('ul.term button.run');
  const runs = new Map<string, string[]>();
  const n = await buttons.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const button = buttons.nth(i);
    runs.set((await button.getAttribute('data-command'))!, (await clickRun(page, button)).map((l) => l.trimEnd()));
  }
  return runs;
}

async function expectChecks(page: Page, step: string, done: boolean): Promise<void> {
  for (const id of checkIds(step)) {
    const li = page.locator(`li[data-check="${id}"]`);
    if (done) await li.and(page.locator('.done')).waitFor({ timeout: 15000 });
    else await expect(li.getAttribute('class')).resolves.not.toContain('done');
  }
}

const quizForm = (page: Page, quiz: string) => page.locator(`form[data-quiz="${quiz}"]`);

/** Picks options by id (a, b, ...) and submits. */
async function answerChoice(page: Page, quiz: string, ids: string[]): Promise<void> {
  const form = quizForm(page, quiz);
  for (const id of ids) await form.locator(`input[value="${id}"]`).check();
  await form.locator('button[type="submit"]').click();
}

async function feedback(page: Page, quiz: string): Promise<string> {
  return (await quizForm(page, quiz).locator('.feedback').textContent())!.trim();
}

/** Moves on from a completed step; the next step's (or the summary's) heading is in view, and has the focus. */
async function nextStep(page: Page, name: 'Next step →' | 'Finish →'): Promise<void> {
  await page.locator('article.step .complete').waitFor();
  await page.getByRole('button', { name }).click();
  const heading = name === 'Finish →' ? '#summary-title' : 'article.step h2';
  await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), heading);
  const [h, pane] = await Promise.all([page.locator(heading).boundingBox(), page.locator('.lesson-pane').boundingBox()]);
  expect(h!.y).toBeGreaterThanOrEqual(pane!.y);
  expect(h!.y + h!.height).toBeLessThanOrEqual(pane!.y + pane!.height);
}

/** A prediction's command is shown whole, wrapped in the narrow pane rather than cut off. */
async function expectCommandReadable(page: Page, quiz: string): Promise<void> {
  const pre = quizForm(page, quiz).locator('pre.command');
  expect(await pre.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
}

describe('course lesson 2: docker0 and the default bridge', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openLab(browser, `${inject('baseUrl')}#/`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the catalog', async () => {
    const entry = page.locator(`li[data-lesson="${LESSON}"]`);
    await expect(entry.locator('.status').textContent()).resolves.toBe('Not started');
    await entry.locator('a.title').click();
    await stepView(page, STEPS[0]).waitFor();
    expect(page.url()).toContain(`#/lesson/${LESSON}`);
    await expect(page.locator('.lesson-pane h1').textContent()).resolves.toBe('docker0 and the default bridge');
  });

  it('step 1: inspects the default network and predicts its subnet', async () => {
    const step = STEPS[0];
    await expectChecks(page, step, false);
    const runs = await runEveryTermLine(page, step);
    expect(runs.get('docker network ls')!.some((l) => /^[0-9a-f]{12}\s+bridge\s+bridge\s+local$/.test(l))).toBe(true);
    expect(runs.get('docker network inspect bridge')).toContain('                    "Subnet": "172.17.0.0/16",');
    await expectChecks(page, step, true);

    const quiz = `${step}-q1`;
    await expectCommandReadable(page, quiz);
    await answerChoice(page, quiz, ['b']);
    await expect(quizForm(page, quiz).locator('.truth pre').textContent({ timeout: 15000 })).resolves.toBe('172.17.0.0/16\n');
    await expect(feedback(page, quiz)).resolves.toBe('✓ Right first time.');
    await expect(quizForm(page, quiz).locator('.explain-all').textContent()).resolves.toContain('172.17.0.1 is the gateway');
    await page.screenshot({ path: screenshotPath('lesson2-step1') });
    await nextStep(page, 'Next step →');
  });

  it('step 2: finds docker0 and its route on the host', async () => {
    const step = STEPS[1];
    await stepView(page, step).waitFor();
    await expectChecks(page, step, false);
    const runs = await runEveryTermLine(page, step);
    expect(runs.get('ip addr show docker0')).toContain('    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0');
    expect(runs.get('ip route')).toContain('172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown');
    await expectChecks(page, step, true);
    await nextStep(page, 'Next step →');
  });

  it('step 3: two containers join the default bridge; a wrong answer first, then the right one', async () => {
    const step = STEPS[2];
    await stepView(page, step).waitFor();
    await expectChecks(page, step, false);
    const runs = await runEveryTermLine(page, step);
    expect(runs.get("docker inspect -f '{{.HostConfig.NetworkMode}}' alpine1")!.slice(1, -1)).toEqual(['bridge']);
    const listing = [...runs.entries()].find(([line]) => line.startsWith('docker network inspect -f'))![1];
    expect(listing.slice(1, -1)).toEqual(['alpine1 172.17.0.2/16 02:42:ac:11:00:02', 'alpine2 172.17.0.3/16 02:42:ac:11:00:03', '']);
    await expectChecks(page, step, true);

    const quiz = `${step}-q1`;
    const form = quizForm(page, quiz);
    await answerChoice(page, quiz, ['b']);
    await expect(feedback(page, quiz)).resolves.toBe('✗ Not quite. Try again.');
    await expect(form.locator('label.option.wrong .explain').textContent()).resolves.toContain('docker0 is not connected to the LAN');
    await expect(form.locator('button[type="submit"]').textContent()).resolves.toBe('Try again');
    expect(await page.locator('article.step .complete').count()).toBe(0);
    await answerChoice(page, quiz, ['a']);
    await expect(feedback(page, quiz)).resolves.toBe('✓ Right (after 2 tries).');
    await expect(form.locator('label.option.right .explain').textContent()).resolves.toContain('The first free address after the gateway');
    await expect(form.locator('label.option.right .tag').textContent()).resolves.toBe('correct answer');
    await page.screenshot({ path: screenshotPath('lesson2-step3-quiz') });
    await nextStep(page, 'Next step →');
  });

  it('step 4: the IPAM lends the lowest free address; predicts alpine1 got .4', async () => {
    const step = STEPS[3];
    await stepView(page, step).waitFor();
    await expectChecks(page, step, false);
    const runs = await runEveryTermLine(page, step);
    const listing = [...runs.entries()].find(([line]) => line.startsWith('docker network inspect -f'))![1];
    expect(listing.slice(1, -1)).toEqual(['alpine1 172.17.0.4/16', 'alpine2 172.17.0.3/16', 'alpine3 172.17.0.2/16', '']);
    await expectChecks(page, step, true);

    const quiz = `${step}-q1`;
    await answerChoice(page, quiz, ['c']);
    await expect(quizForm(page, quiz).locator('.truth pre').textContent({ timeout: 15000 })).resolves.toBe('172.17.0.4\n');
    await expect(feedback(page, quiz)).resolves.toBe('✓ Right first time.');
    await nextStep(page, 'Next step →');
  });

  it('step 5: a container reaches the internet; the last two quizzes', async () => {
    const step = STEPS[4];
    await stepView(page, step).waitFor();
    await expectChecks(page, step, false);
    const runs = await runEveryTermLine(page, step);
    expect(runs.get('docker exec alpine2 ip route')!.slice(1, -1)).toEqual(['default via 172.17.0.1 dev eth0', '172.17.0.0/16 dev eth0 scope link  src 172.17.0.3']);
    expect(runs.get('docker exec alpine2 ping -c 2 google.com')).toContain('2 packets transmitted, 2 packets received, 0% packet loss');
    await expectChecks(page, step, true);

    const multi = `${step}-q1`;
    await answerChoice(page, multi, ['a', 'b']);
    await expect(feedback(page, multi)).resolves.toBe('✓ Right first time.');
    const text = `${step}-q2`;
    await quizForm(page, text).locator('input[type="text"]').fill(' docker0 ');
    await quizForm(page, text).locator('button[type="submit"]').click();
    await expect(feedback(page, text)).resolves.toBe('✓ Right first time.');
    await expect(quizForm(page, text).locator('.explain-all').textContent()).resolves.toContain('com.docker.network.bridge.name');
    await nextStep(page, 'Finish →');
  });

  it('reaches the summary: every step done, the quiz score', async () => {
    await expect(page.locator('#summary-title').textContent()).resolves.toBe('Lesson complete');
    await expect(page.locator('[data-summary="steps"]').textContent()).resolves.toBe('5 of 5');
    await expect(page.locator('[data-summary="quizzes"]').textContent()).resolves.toBe('4 right first time, 1 after a retry, 0 answer shown (score 90%)');
    await expect(page.locator('.summary .part h3').textContent()).resolves.toBe('Part: Docker networking');
    await page.screenshot({ path: screenshotPath('lesson2-summary') });
  });

  it('keeps the steps, quiz scores, terminal history and world across a reload', async () => {
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('cnlab:ready').length > 0, undefined, { timeout: 20000 });
    await expect(page.locator('#summary-title').textContent({ timeout: 15000 })).resolves.toBe('Lesson complete');
    await expect(page.locator('[data-summary="steps"]').textContent()).resolves.toBe('5 of 5');
    await expect(page.locator('[data-summary="quizzes"]').textContent()).resolves.toBe('4 right first time, 1 after a retry, 0 answer shown (score 90%)');
    await expect(page.locator('.steps button .sr-only').allTextContents()).resolves.toEqual(STEPS.map((_, i) => `Step ${i + 1}, complete:`));

    // The world: step 4's conditions are about the containers' addresses, and they hold again on the reloaded world.
    await page.locator('.steps button', { hasText: 'Addresses are lent' }).click();
    await expectChecks(page, STEPS[3], true);
    await expect(feedback(page, `${STEPS[3]}-q1`)).resolves.toBe('✓ Right first time.');
    await page.locator('.steps button', { hasText: 'No --network means bridge' }).click();
    await expect(feedback(page, `${STEPS[2]}-q1`)).resolves.toBe('✓ Right (after 2 tries).');
    // The command log: step 1's `ran` condition reads it.
    await page.locator('.steps button', { hasText: 'The default network' }).click();
    await expectChecks(page, STEPS[0], true);

    // The terminal's history: Up recalls the last command; `history` lists the lesson's commands in order.
    await page.locator('[role="tabpanel"]:not([hidden]) .xterm-helper-textarea').focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await terminalLines(page)).at(-1)).toBe('learner@host1:~$ docker exec alpine2 ping -c 2 google.com');
    await page.keyboard.press('Control+U');
    const history = (await typeCommand(page, 'history')).slice(1, -1).map((l) => l.replace(/^\s*\d+\s+/, ''));
    expect(history.slice(-4)).toEqual(['docker exec alpine2 ip route', 'docker exec alpine2 cat /etc/resolv.conf', 'docker exec alpine2 ping -c 2 google.com', 'history']);
    expect(history).toContain('docker stop alpine1');
    // And the world itself, as the learner sees it.
    expect((await typeCommand(page, "docker ps --format '{{.Names}}'")).slice(1, -1)).toEqual(['alpine3', 'alpine2', 'alpine1']);

    await page.locator('.crumbs a').click();
    await expect(page.locator(`li[data-lesson="${LESSON}"] .status`).textContent()).resolves.toBe('✓ Complete · quiz 90%');
  });

  it('reports no page errors', () => {
    expect((page as Page & { labErrors?: string[] }).labErrors).toEqual([]);
  });
});
