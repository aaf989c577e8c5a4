// The lab UI end to end in Chromium: building a user-defined network with two containers by typing, the CNM view
// gaining them, a ping animated along the right veth links, an isolation drop stopping at docker0 with its reason,
// Tab completion of a container name, Ctrl-C and Ctrl-D, the details panel, step mode, and a second shell tab.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, openLab, packetCount, screenshotPath, terminalLines, typeCommand, waitForLastLine, waitForPacket } from './browser';

const PS1 = 'learner@host1:~$ ';

interface Model {
  networks: { id: string; name: string; bridge: string | null }[];
  sandboxes: { id: string; name: string; netns: string }[];
  endpoints: { id: string; sandboxId: string; networkId: string; hostIfname: string | null; ipv4: string }[];
}

function model(page: Page): Promise<Model> {
  return page.evaluate(() => (window as unknown as { __cnlab: { lab: { topology: Model } } }).__cnlab.lab.topology);
}

/** Text lines drawn inside a node of the diagram. */
function nodeText(page: Page, key: string): Promise<{ label: string; lines: string[] }> {
  return page.$eval(`svg g.node[data-key="${key}"]`, (g) => ({
    label: g.querySelector('text.label')?.textContent ?? '',
    lines: [...g.querySelectorAll('g.lines text')].map((t) => t.textContent ?? ''),
  }));
}

function box(page: Page, key: string) {
  return page.$eval(`svg g[data-key="${key}"]`, (g) => {
    const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute('transform') ?? '')!;
    const r = g.querySelector('rect.shape')!;
    return { x: Number(m[1]), y: Number(m[2]), w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')) };
  });
}

function line(page: Page, key: string) {
  return page.$eval(`svg g.link[data-key="${key}"]`, (g) => {
    const l = g.querySelector('line.stroke')!;
    return { x1: Number(l.getAttribute('x1')), y1: Number(l.getAttribute('y1')), x2: Number(l.getAttribute('x2')), y2: Number(l.getAttribute('y2')), label: g.querySelector('text')?.textContent ?? '' };
  });
}

describe('the lab UI', () => {
  let browser: Browser;
  let page: Page;
  let m: Model;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openLab(browser, inject('baseUrl'));
    await page.locator('svg g.node.network').first().waitFor();
    await page.locator('select').first().selectOption('4');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws a network, two sandboxes and their endpoints created by typing, with the right addresses', async () => {
    await typeCommand(page, 'docker network create alpine-net');
    await typeCommand(page, 'docker run -dit --name alpine1 --network alpine-net alpine ash');
    await typeCommand(page, 'docker run -dit --name alpine2 --network alpine-net alpine ash');
    await page.waitForFunction(() => document.querySelectorAll('svg g.node.sandbox').length === 2 && document.querySelectorAll('svg g.link.veth').length === 2);
    m = await model(page);
    const net = m.networks.find((n) => n.name === 'alpine-net')!;
    expect(await nodeText(page, `network:${net.id}`)).toEqual({ label: 'alpine-net', lines: ['bridge · 172.18.0.0/16', net.bridge!, 'gateway 172.18.0.1'] });
    const [s1, s2] = ['alpine1', 'alpine2'].map((n) => m.sandboxes.find((s) => s.name === n)!);
    expect(await nodeText(page, `sandbox:${s1.id}`)).toEqual({ label: 'alpine1', lines: ['eth0 172.18.0.2/16'] });
    expect(await nodeText(page, `sandbox:${s2.id}`)).toEqual({ label: 'alpine2', lines: ['eth0 172.18.0.3/16'] });

    // Each endpoint is a veth link from the sandbox's top edge to the network's bottom edge, named by its host end.
    const netBox = await box(page, `network:${net.id}`);
    for (const [sb, ip] of [
      [s1, '172.18.0.2/16'],
      [s2, '172.18.0.3/16'],
    ] as const) {
      const ep = m.endpoints.find((e) => e.sandboxId === sb.id)!;
      expect([ep.networkId, ep.ipv4]).toEqual([net.id, ip]);
      const l = await line(page, `endpoint:${ep.id}`);
      const sbBox = await box(page, `sandbox:${sb.id}`);
      expect(l.label).toBe(ep.hostIfname);
      expect(l.y1).toBe(sbBox.y);
      expect(l.x1 > sbBox.x && l.x1 < sbBox.x + sbBox.w).toBe(true);
      expect(l.y2).toBe(netBox.y + netBox.h);
      expect(l.x2 > netBox.x && l.x2 < netBox.x + netBox.w).toBe(true);
    }
    // The kernel agrees: both host-side veths are ports of the network's bridge.
    const ports = (await typeCommand(page, 'bridge link')).join('');
    for (const ep of m.endpoints) expect(ports).toMatch(new RegExp(`${ep.hostIfname}@if\\d+: <[A-Z_,]+> mtu 1500 master ${net.bridge} state forwarding`));
  });

  it('animates a ping hop by hop along both veth links and the bridge, there and back', async () => {
    const before = await packetCount(page);
    await typeCommand(page, 'docker exec alpine1 ping -c 1 alpine2');
    const rec = await waitForPacket(page, 'ICMP 172.18.0.2 > 172.18.0.3', before);
    const net = m.networks.find((n) => n.name === 'alpine-net')!;
    const [s1, s2] = ['alpine1', 'alpine2'].map((n) => m.sandboxes.find((s) => s.name === n)!);
    const [e1, e2] = [s1, s2].map((s) => m.endpoints.find((e) => e.sandboxId === s.id)!);
    const there = [`${s1.netns}:eth0`, `host1:${e1.hostIfname}`, `host1:${net.bridge}`, `host1:${e2.hostIfname}`, `${s2.netns}:eth0`];
    expect(rec.outcome).toBe('replied');
    expect(rec.visited).toEqual([...there, ...there.slice(0, -1).reverse()]);
    expect(rec.on).toEqual([`endpoint:${e1.id}`, `network:${net.id}`, `endpoint:${e2.id}`, `network:${net.id}`, `endpoint:${e1.id}`]);
  });

  it('completes a container name with Tab, and stops an isolated ping at docker0 with the reason', async () => {
    await typeCommand(page, 'docker run -dit --name lonely alpine ash');
    await page.keyboard.type('docker exec lon');
    await page.keyboard.press('Tab');
    await waitForLastLine(page, `${PS1}docker exec lonely`);
    await typeCommand(page, 'ping -c 1 -W 1 172.18.0.2');
    const rec = await waitForPacket(page, 'ICMP 172.17.0.2 > 172.18.0.2');
    expect(rec.outcome).toBe('dropped');
    expect(rec.dropAt).toBe('host1:docker0');
    expect(rec.reason).toBe('dropped in filter/FORWARD by rule 1 of DOCKER-ISOLATION-STAGE-2 in host1');
    const bridge = (await model(page)).networks.find((n) => n.name === 'bridge')!;
    const b = await box(page, `network:${bridge.id}`);
    const marker = await page.$eval('svg g.drop', (g) => ({ at: g.getAttribute('data-at'), transform: g.getAttribute('transform'), title: g.querySelector('title')?.textContent }));
    expect(marker).toEqual({ at: 'host1:docker0', transform: `translate(${b.x + b.w / 2},${b.y + b.h / 2})`, title: `Dropped: ${rec.reason}` });
    await expect(page.locator('.packet-panel').textContent()).resolves.toContain('✕ dropped in filter/FORWARD by rule 1 of DOCKER-ISOLATION-STAGE-2');
  });

  it('interrupts a running ping with Ctrl-C and leaves a container shell with Ctrl-D', async () => {
    await page.keyboard.type('ping 172.18.0.2');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.xterm-rows')?.textContent?.includes('icmp_seq=2'), undefined, { timeout: 10000 });
    await page.keyboard.press('Control+C');
    await waitForLastLine(page, PS1);
    const lines = await terminalLines(page);
    const i = lines.lastIndexOf('--- 172.18.0.2 ping statistics ---');
    expect(lines[i - 1]).toBe('^C');
    expect(lines[i + 1]).toMatch(/^\d+ packets transmitted, \d+ received, 0% packet loss, time \d+ms$/);

    await page.keyboard.type('docker exec -it alpine1 ash');
    await page.keyboard.press('Enter');
    await waitForLastLine(page, '/ #');
    await page.keyboard.press('Control+D');
    await waitForLastLine(page, PS1);
  });

  it('opens a URL in the output (wrapped over two rows here) as a link in a new tab', async () => {
    await typeCommand(page, 'docker --help | tail -1');
    const target = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('[role="tabpanel"]:not([hidden]) .xterm-rows > div')];
      const row = rows.filter((r) => r.textContent?.includes('https://')).pop()!;
      const box = row.getBoundingClientRect();
      const text = row.textContent!.replace(/\u00a0/g, ' ');
      const cols = (window as unknown as { __cnlab: { term: { cols: number } } }).__cnlab.term.cols;
      const cell = box.width / cols;
      return { x: box.left + (text.indexOf('https://') + 5) * cell, y: box.top + box.height / 2 };
    });
    // The page can reach nothing but loopback here, so record what the link asks to open instead of following it.
    await page.evaluate(() => {
      const w = window as unknown as { __opened: string[]; open: (url: string) => null };
      w.__opened = [];
      w.open = (url: string) => (w.__opened.push(url), null);
    });
    await page.mouse.move(target.x, target.y);
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __opened: string[] }).__opened)).toEqual(['https://docs.docker.com/go/guides/']);
  });

  it('opens docker network inspect for a clicked network in the details panel', async () => {
    const net = m.networks.find((n) => n.name === 'alpine-net')!;
    await page.click(`svg g.node[data-key="network:${net.id}"] rect.shape`);
    await page.locator('aside.details h2', { hasText: 'Network alpine-net' }).waitFor();
    await expect(page.locator('aside.details .cmd code').first().textContent()).resolves.toBe('$ docker network inspect alpine-net');
    await expect(page.locator('aside.details pre').first().textContent()).resolves.toContain('"Name": "alpine-net"');
    await page.keyboard.press('Escape');
    await page.locator('aside.details').waitFor({ state: 'detached' });
  });

  it('follows one packet hop by hop in step mode, forwards and back', async () => {
    await expect.poll(() => page.locator('.packet-panel .head').textContent()).not.toContain('hop ');
    await page.click('.toolbar button:text("Step mode")');
    const before = await packetCount(page);
    await typeCommand(page, 'docker exec alpine1 ping -c 1 -W 1 172.18.0.3');
    const head = page.locator('.packet-panel .head');
    await expect.poll(() => head.textContent()).toContain('hop 1 of');
    const total = Number(/hop 1 of (\d+)/.exec((await head.textContent()) ?? '')![1]);
    await page.click('button[aria-label="Next hop"]');
    await page.click('button[aria-label="Next hop"]');
    await expect.poll(() => head.textContent()).toContain(`hop 3 of ${total}`);
    await page.click('button[aria-label="Previous hop"]');
    await expect.poll(() => head.textContent()).toContain(`hop 2 of ${total}`);
    const at = await page.$eval('svg g.packet', (g) => g.getAttribute('data-at'));
    expect(at).toBeTruthy();
    for (let i = 2; i <= total; i++) await page.click('button[aria-label="Next hop"]');
    await waitForPacket(page, 'ICMP 172.18.0.2 > 172.18.0.3', before);
    await page.click('.toolbar button:text("Step mode")');
  });

  it('runs tcpdump in a second tab while the first pings, both live', async () => {
    const net = m.networks.find((n) => n.name === 'alpine-net')!;
    await page.click('button.new:not(.close)');
    await page.locator('button[role="tab"]', { hasText: 'host1 (2)' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[role="tabpanel"]:not([hidden]) .xterm-rows').length === 1);
    await waitForLastLine(page, PS1);
    await page.locator('[role="tabpanel"]:not([hidden]) .xterm-helper-textarea').focus();
    await page.keyboard.type(`sudo tcpdump -n -i ${net.bridge} icmp`);
    await page.keyboard.press('Enter');
    await waitForLastLine(page, `listening on ${net.bridge}, link-type EN10MB (Ethernet), snapshot length 262144 bytes`);

    await page.click('button[role="tab"]:text-is("host1")');
    await typeCommand(page, 'docker exec alpine1 ping -c 2 alpine2');
    await page.click('button[role="tab"]:text-is("host1 (2)")');
    await expect
      .poll(async () => (await terminalLines(page)).filter((l) => / IP 172\.18\.0\.[23] > 172\.18\.0\.[23]: ICMP echo (request|reply), id \d+, seq \d+, length 64$/.test(l)).length)
      .toBe(4);
    await page.locator('[role="tabpanel"]:not([hidden]) .xterm-helper-textarea').focus();
    await page.keyboard.press('Control+C');
    await waitForLastLine(page, PS1);
    const lines = await terminalLines(page);
    expect(lines.slice(-5)).toEqual(['^C', '4 packets captured', '4 packets received by filter', '0 packets dropped by kernel', PS1]);
  });

  it('has no serious or critical axe violations in either theme, in the diagram, the list and the details panel', async () => {
    for (const theme of ['light', 'dark']) {
      if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.click('header button.toggle');
      expect(await axeViolations(page), `${theme}, diagram`).toEqual([]);
      await page.click('button[role="radio"]:text("List")');
      await page.locator('.list button.item').first().click();
      await page.locator('aside.details pre').first().waitFor();
      expect(await axeViolations(page), `${theme}, list with details`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.click('button[role="radio"]:text("Diagram")');
    }
  });

  it('takes screenshots in both themes with a packet stopped on the bridge in step mode', async () => {
    await expect.poll(() => page.locator('.packet-panel .head').textContent()).not.toContain('hop ');
    await page.click('.toolbar button:text("Step mode")');
    await typeCommand(page, 'docker exec alpine2 ping -c 1 alpine1');
    const head = page.locator('.packet-panel .head');
    await expect.poll(() => head.textContent()).toContain('hop 1 of');
    const net = m.networks.find((n) => n.name === 'alpine-net')!;
    while ((await page.$eval('svg g.packet', (g) => g.getAttribute('data-at'))) !== `host1:${net.bridge}`) await page.click('button[aria-label="Next hop"]');
    for (const theme of ['dark', 'light']) {
      if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.click('header button.toggle');
      await page.waitForTimeout(350);
      await page.screenshot({ path: screenshotPath(`lab-${theme}`) });
    }
    await page.click('.toolbar button:text("Step mode")');
  });

  it('reports no page errors', () => {
    expect((page as Page & { labErrors?: string[] }).labErrors).toEqual([]);
  });
});
