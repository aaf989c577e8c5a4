// The topology diagram by keyboard in Chromium: Tab reaches its background and then its objects (two tab stops), the
// arrow keys and type-ahead move between objects, Enter opens the same details a click does, Escape closes them and
// gives focus back, focus survives live redraws without the page moving, and axe finds nothing serious.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, launchBrowser, openLab, typeCommand } from './browser';

const SHOTS = join(tmpdir(), 'cnlab-diagram-keyboard');

interface Model {
  networks: { id: string; name: string }[];
  sandboxes: { id: string; name: string }[];
  endpoints: { id: string; sandboxId: string }[];
}

function model(page: Page): Promise<Model> {
  return page.evaluate(() => (window as unknown as { __cnlab: { lab: { topology: Model } } }).__cnlab.lab.topology);
}

/** What has focus: `svg` for the diagram's background, an object's data-key, or the element's tag. */
function focused(page: Page): Promise<{ key: string; label: string | null; ring: string }> {
  return page.evaluate(() => {
    const a = document.activeElement!;
    const ring = a.querySelector(':scope > .focus-ring');
    return {
      key: a.matches('svg.cnm') ? 'svg' : (a.getAttribute('data-key') ?? a.tagName.toLowerCase()),
      label: a.getAttribute('aria-label'),
      ring: ring ? getComputedStyle(ring).stroke : '',
    };
  });
}

/** Every scroll offset on the page (the window and each scrolled element): a jump shows up as a change. */
function scrollOffsets(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out = [`window ${window.scrollX},${window.scrollY}`];
    for (const el of document.querySelectorAll('*')) if (el.scrollTop || el.scrollLeft) out.push(`${el.tagName}.${el.className} ${el.scrollLeft},${el.scrollTop}`);
    return out.join('\n');
  });
}

/** Runs a command in a shell of its own, as a lesson or another tab would: the world changes, focus stays put. */
function runElsewhere(page: Page, line: string): Promise<void> {
  return page.evaluate(async (line) => {
    type Client = { openSession(host: string): Promise<{ id: string }>; exec(id: string, line: string, on: () => void): Promise<unknown> };
    const client = (window as unknown as { __cnlab: { lab: { client: Client } } }).__cnlab.lab.client;
    const s = await client.openSession('host1');
    await client.exec(s.id, line, () => undefined);
  }, line);
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
  if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.click('header button.toggle');
  await page.waitForTimeout(350);
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('#pane-topology').screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('the topology diagram by keyboard', () => {
  let browser: Browser;
  let page: Page;
  let web: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openLab(browser, inject('baseUrl'));
    await page.locator('svg g.node.network').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reaches a container typed into the terminal: Tab to the diagram, Tab to its objects, arrows to the sandbox, Enter for its details', async () => {
    await typeCommand(page, 'docker network create app');
    await typeCommand(page, 'docker run -dit --name web --network app alpine ash');
    await page.waitForFunction(() => document.querySelectorAll('svg g.node.sandbox').length === 1);
    web = `sandbox:${(await model(page)).sandboxes.find((s) => s.name === 'web')!.id}`;
    // Until the "changed" outline fades, the new objects' names end in ", changed".
    await page.waitForFunction(() => !document.querySelector('svg .changed'), undefined, { timeout: 5000 });
    const scroll = await scrollOffsets(page);

    // The last control before the diagram is the toolbar's Step mode button.
    await page.locator('.toolbar button', { hasText: 'Step mode' }).focus();
    await page.keyboard.press('Tab');
    expect((await focused(page)).key).toBe('svg');
    await expect.poll(() => page.locator('.keys').textContent()).toContain('pan');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ key: 'segment:lan0', label: 'LAN lan0 10.10.0.0/24' });

    const path: string[] = [];
    for (let i = 0; i < 30 && !(await focused(page)).label?.startsWith('web, sandbox'); i++) {
      await page.keyboard.press('ArrowRight');
      path.push((await focused(page)).key);
    }
    const at = await focused(page);
    expect(at).toMatchObject({ key: web, label: 'web, sandbox, bridge, eth0 172.18.0.2/16' });
    expect(at.ring).not.toBe('none');
    // Every step landed on a drawn object (no stop on anything else), and each object is one tab stop at most.
    for (const k of path) expect(k).toMatch(/^(host|iface|network|sandbox|endpoint):/);
    expect(await page.locator('#pane-topology svg [tabindex="0"]').count()).toBe(1);
    expect(await scrollOffsets(page)).toBe(scroll);

    await page.keyboard.press('Enter');
    await page.locator('aside.details h2', { hasText: 'Sandbox of web' }).waitFor();
    await expect.poll(() => page.locator('aside.details .cmd code').first().textContent()).toBe('$ docker inspect web');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('details-title');
    expect(await page.locator(`svg g[data-key="${web}"]`).getAttribute('aria-current')).toBe('true');

    await page.keyboard.press('Escape');
    await page.locator('aside.details').waitFor({ state: 'detached' });
    expect((await focused(page)).key).toBe(web);
    await page.keyboard.press('Tab');
    expect((await focused(page)).key).not.toMatch(/^(svg|segment|host|iface|network|sandbox|endpoint)/);
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).key).toBe(web);
  });

  it('moves by type-ahead, Home and End, and up and down between a sandbox, its veth and its network', async () => {
    const m = await model(page);
    const ep = `endpoint:${m.endpoints.find((e) => `sandbox:${e.sandboxId}` === web)!.id}`;
    const app = `network:${m.networks.find((n) => n.name === 'app')!.id}`;
    await page.keyboard.press('Home');
    expect((await focused(page)).key).toBe('segment:lan0');
    await page.keyboard.type('web');
    expect((await focused(page)).key).toBe(web);
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ key: ep, label: expect.stringMatching(/^Endpoint web on app: eth0 172\.18\.0\.2\/16 via veth veth[0-9a-f]{7}$/) });
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ key: app, label: expect.stringMatching(/^Network app, bridge, 172\.18\.0\.0\/16, br-[0-9a-f]{12}, gateway 172\.18\.0\.1$/) });
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.locator('aside.details h2', { hasText: 'Endpoint eth0 of web' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('aside.details').waitFor({ state: 'detached' });
    expect((await focused(page)).key).toBe(ep);
  });

  it('keeps focus on the object through live redraws, and hands it to a neighbour when the object is removed, without the page moving', async () => {
    await page.keyboard.type('web');
    expect((await focused(page)).key).toBe(web);
    const scroll = await scrollOffsets(page);
    await runElsewhere(page, 'docker network create other');
    await runElsewhere(page, 'docker run -dit --name db --network app alpine ash');
    await page.waitForFunction(() => document.querySelectorAll('svg g.node.sandbox').length === 2);
    await page.waitForTimeout(400);
    expect((await focused(page)).key).toBe(web);
    expect(await scrollOffsets(page)).toBe(scroll);

    const db = `sandbox:${(await model(page)).sandboxes.find((s) => s.name === 'db')!.id}`;
    await runElsewhere(page, 'docker rm -f web');
    await page.waitForFunction(() => document.querySelectorAll('svg g.node.sandbox:not([data-exiting])').length === 1);
    await page.waitForTimeout(400);
    expect((await focused(page)).key).toBe(db);
    expect(await page.locator('#pane-topology svg [tabindex="0"]').count()).toBe(1);
    expect(await scrollOffsets(page)).toBe(scroll);
  });

  it('pans and zooms from the background with the arrow keys, + and -, and fits with 0', async () => {
    const transform = () => page.$eval('svg.cnm g.viewport', (g) => g.getAttribute('transform'));
    await page.locator('svg.cnm').focus();
    const start = await transform();
    await page.keyboard.press('ArrowLeft');
    const panned = await transform();
    expect(panned).not.toBe(start);
    expect(Number(/translate\(([-\d.]+)/.exec(panned!)![1])).toBeCloseTo(Number(/translate\(([-\d.]+)/.exec(start!)![1]) + 60, 0);
    await page.keyboard.press('+');
    await page.waitForTimeout(300);
    expect(Number(/scale\(([\d.]+)/.exec((await transform())!)![1])).toBeGreaterThan(Number(/scale\(([\d.]+)/.exec(panned!)![1]));
    await page.keyboard.press('0');
    await page.waitForTimeout(400);
    expect(await transform()).toBe(start);
    expect((await focused(page)).key).toBe('svg');
  });

  it('shows a focus ring on objects and links in both themes, with no serious or critical axe violation', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await page.locator('svg.cnm').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.type('db');
      await shot(page, `sandbox-${theme}`);
      expect(await axeViolations(page), `${theme}, sandbox focused`).toEqual([]);
      await page.keyboard.press('ArrowUp');
      await shot(page, `endpoint-${theme}`);
      await page.keyboard.press('Enter');
      await page.locator('aside.details pre').first().waitFor();
      expect(await axeViolations(page), `${theme}, details open`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('svg.cnm').focus();
      await shot(page, `background-${theme}`);
    }
    await setTheme(page, 'light');
  });

  it('reports no page errors', () => {
    expect((page as Page & { labErrors?: string[] }).labErrors).toEqual([]);
  });
});
