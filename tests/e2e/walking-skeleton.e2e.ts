// The walking skeleton in a real browser: the lab loads, a typed `docker network ls` prints Docker's table,
// and the topology view draws host1 with eth0, docker0 and the three default networks.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openLab, screenshotPath, terminalLines, typeCommand, waitForLastLine } from './browser';

describe('walking skeleton', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openLab(browser, inject('baseUrl'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('answers docker network ls with the Docker 27.5 table', async () => {
    const lines = await typeCommand(page, 'docker network ls');
    expect(lines[0]).toBe('learner@host1:~$ docker network ls');
    expect(lines.slice(1, 5).map((l) => l.replace(/^[0-9a-f]{12}/, 'ID'))).toEqual([
      'NETWORK ID     NAME      DRIVER    SCOPE',
      'ID   bridge    bridge    local',
      'ID   host      host      local',
      'ID   none      null      local',
    ]);
    expect(lines[5]).toBe('learner@host1:~$ ');
    await page.screenshot({ path: screenshotPath('walking-skeleton') });
  });

  it('draws host1 with eth0, its stack, and the default networks (bridge as docker0)', async () => {
    await page.waitForSelector('svg g.node.network');
    const keys = await page.$$eval('svg g.node', (els) => els.map((e) => e.getAttribute('data-key')));
    expect(keys).toEqual(expect.arrayContaining(['host:host1', 'iface:host1:eth0', 'stack:host1', 'segment:lan0']));
    const networks = await page.$$eval('svg g.node.network', (els) =>
      els.map((e) => [e.querySelector('text.label')?.textContent, e.querySelector('text.sublabel')?.textContent, [...e.querySelectorAll('g.lines text')].map((t) => t.textContent)]),
    );
    expect(networks.sort()).toEqual([
      ['bridge', '', ['bridge · 172.17.0.0/16', 'docker0 172.17.0.1']],
      ['host', "the host's stack", []],
      ['none', 'no interfaces', []],
    ]);
    const attach = await page.$$eval('svg g.link.attach', (els) => els.length);
    expect(attach).toBe(2);
  });

  it('reads on at "> " when a line ends inside a quote, then runs both lines as one command', async () => {
    await page.keyboard.type('echo "one');
    await page.keyboard.press('Enter');
    await waitForLastLine(page, '>');
    await page.keyboard.type('two"');
    await page.keyboard.press('Enter');
    await waitForLastLine(page, 'learner@host1:~$ ');
    const lines = await terminalLines(page);
    expect(lines.slice(-5)).toEqual(['learner@host1:~$ echo "one', '> two"', 'one', 'two', 'learner@host1:~$ ']);
  });

  it('reports no page errors', () => {
    expect((page as Page & { labErrors?: string[] }).labErrors).toEqual([]);
  });
});
