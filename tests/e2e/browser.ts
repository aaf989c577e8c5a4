// Launching Debian's Chromium headless, opening the lab, typing into the terminal and reading its screen.
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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

type XtermLine = { isWrapped: boolean; translateToString(trim: boolean): string };
type Xterm = { buffer: { active: { length: number; getLine(i: number): XtermLine | undefined } } };

/** The terminal's visible and scrollback lines, right-trimmed, via xterm's buffer; rows wrapped at the terminal's
 * width are joined back into the line the program printed. */
export async function terminalLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const buf = (window as unknown as { __cnlab: { term: Xterm } }).__cnlab.term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < buf.length; i++) {
      const line = buf.getLine(i);
      // A row that continues on the next keeps its full width; a last row drops unwritten cells (not typed spaces).
      const text = line?.translateToString(!buf.getLine(i + 1)?.isWrapped) ?? '';
      if (line?.isWrapped && out.length) out[out.length - 1] += text;
      else out.push(text);
    }
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  });
}

/** Rows of the terminal buffer up to the last non-empty one (wrapped rows count one each). */
function rowCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const buf = (window as unknown as { __cnlab: { term: Xterm } }).__cnlab.term.buffer.active;
    let last = buf.length - 1;
    while (last > 0 && (buf.getLine(last)?.translateToString(true) ?? '') === '') last--;
    return last + 1;
  });
}

/** Types a line into the visible terminal, waits until a new prompt follows its output, and returns the command's
 * lines (its echo, its output, and the new prompt), wrapped rows joined. */
export async function typeCommand(page: Page, line: string, prompt = 'learner@host1:~$ '): Promise<string[]> {
  return runAndWait(page, line, prompt, async () => {
    await page.locator('[role="tabpanel"]:not([hidden]) .xterm-helper-textarea').focus();
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  });
}

/** Clicks a lesson's Run button (a `term` line), waits until the command it types has run and a new prompt follows,
 * and returns the command's lines as typeCommand does. */
export async function clickRun(page: Page, button: Locator, prompt = 'learner@host1:~$ '): Promise<string[]> {
  const line = await button.getAttribute('data-command');
  if (line === null) throw new Error('not a Run button: it has no data-command');
  return runAndWait(page, line, prompt, () => button.click());
}

async function runAndWait(page: Page, line: string, prompt: string, enter: () => Promise<void>): Promise<string[]> {
  const before = await rowCount(page);
  await enter();
  await waitOrShow(page, () =>
    page.waitForFunction(
      ({ before, prompt }) => {
        const buf = (window as unknown as { __cnlab: { term: Xterm } }).__cnlab.term.buffer.active;
        let last = buf.length - 1;
        while (last > 0 && (buf.getLine(last)?.translateToString(true) ?? '') === '') last--;
        const row = buf.getLine(last);
        return last >= before && !row?.isWrapped && (row?.translateToString(false) ?? '').startsWith(prompt.trimEnd());
      },
      { before, prompt },
      { timeout: 15000 },
    ),
  );
  const lines = await terminalLines(page);
  return lines.slice(lines.lastIndexOf(`${prompt}${line}`.trimEnd()));
}

export function screenshotPath(name: string): string {
  mkdirSync('test-results', { recursive: true });
  return `test-results/${name}.png`;
}

/** The packet walks the topology view finished animating (`window.__cnlab.packets`). */
export interface PacketRecord {
  id: number;
  summary: string;
  outcome: string;
  reason: string;
  visited: string[];
  on: string[];
  dropAt: string | null;
}

/** How many walks the view has animated so far. */
export function packetCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __cnlab: { packets: PacketRecord[] } }).__cnlab.packets.length);
}

/** Waits until the view has animated a walk (after the first `after`) whose summary is `summary` (`ICMP a > b`). */
export async function waitForPacket(page: Page, summary: string, after = 0, timeout = 20000): Promise<PacketRecord> {
  const handle = await page.waitForFunction(
    ({ s, after }) => (window as unknown as { __cnlab: { packets: PacketRecord[] } }).__cnlab.packets.slice(after).find((p) => p.summary === s) ?? null,
    { s: summary, after },
    { timeout },
  );
  return (await handle.jsonValue()) as PacketRecord;
}

/** Waits until the visible terminal's last non-empty line is `text` (trailing spaces aside), e.g. after a Tab. */
export async function waitForLastLine(page: Page, text: string, timeout = 15000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const lines = await terminalLines(page);
    if ((lines[lines.length - 1] ?? '').trimEnd() === text.trimEnd()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const lines = await terminalLines(page);
  throw new Error(`timed out waiting for the last terminal line ${JSON.stringify(text)}\n--- terminal (last 8 lines) ---\n${lines.slice(-8).join('\n')}`);
}

/** Runs a wait; when it times out, the error shows the terminal's last lines (what the test was waiting on). */
async function waitOrShow<T>(page: Page, wait: () => Promise<T>): Promise<T> {
  try {
    return await wait();
  } catch (e) {
    const lines = await terminalLines(page).catch(() => []);
    throw new Error(`${(e as Error).message}\n--- terminal (last 8 lines) ---\n${lines.slice(-8).join('\n')}`, { cause: e });
  }
}

/** axe-core's serious and critical violations on the page as it is now (rule id and the offending selectors). */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
