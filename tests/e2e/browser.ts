// Launching Debian's Chromium headless, opening the lab, typing into the terminal and reading its screen.
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Opens the lab and waits until the terminal prompt accepts input (`performance.mark('cnlab:ready')`). */
export async function openLab(browser: Browser, baseUrl: string, opts: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 }, colorScheme: opts.colorScheme ?? 'light' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (page as Page & { labErrors?: string[] }).labErrors = errors;
  await page.goto(baseUrl);
  await page.waitForFunction(() => performance.getEntriesByName('cnlab:ready').length > 0, undefined, { timeout: 20000 });
  return page;
}

/** The terminal's visible and scrollback lines, right-trimmed, via xterm's buffer. */
export async function terminalLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const term = (window as unknown as { __cnlab: { term: { buffer: { active: { length: number; getLine(i: number): { translateToString(trim: boolean): string } | undefined } } } } }).__cnlab.term;
    const buf = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < buf.length; i++) out.push(buf.getLine(i)?.translateToString(true) ?? '');
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  });
}

/** Types a line into the focused terminal and waits until a new prompt follows its output. */
export async function typeCommand(page: Page, line: string, prompt = 'learner@host1:~$ '): Promise<string[]> {
  const before = (await terminalLines(page)).length;
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ({ before, prompt }) => {
      const term = (window as unknown as { __cnlab: { term: { buffer: { active: { length: number; getLine(i: number): { translateToString(trim: boolean): string } | undefined } } } } }).__cnlab.term;
      const buf = term.buffer.active;
      let last = buf.length - 1;
      while (last > 0 && (buf.getLine(last)?.translateToString(true) ?? '') === '') last--;
      return last >= before && (buf.getLine(last)?.translateToString(false) ?? '').startsWith(prompt.trimEnd());
    },
    { before, prompt },
    { timeout: 15000 },
  );
  const lines = await terminalLines(page);
  return lines.slice(before - 1);
}

export function screenshotPath(name: string): string {
  mkdirSync('test-results', { recursive: true });
  return `test-results/${name}.png`;
}
