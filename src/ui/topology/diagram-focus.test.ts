// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { layoutTopology } from './layout';
import { syntheticModel } from './fixtures';
import { renderLayout } from './render';
import { DiagramFocus } from './diagram-focus';
import type { ZoomControl } from './zoom';

const NS = 'http://www.w3.org/2000/svg';

function mount() {
  const svg = document.createElementNS(NS, 'svg') as SVGSVGElement;
  svg.setAttribute('tabindex', '0');
  const viewport = document.createElementNS(NS, 'g') as SVGGElement;
  svg.appendChild(viewport);
  document.body.appendChild(svg);
  const calls: string[] = [];
  const zoom: ZoomControl = {
    fit: () => calls.push('fit'),
    zoomBy: (f) => calls.push(`zoom ${f}`),
    panBy: (x, y) => calls.push(`pan ${x},${y}`),
    reveal: () => calls.push('reveal'),
    contentChanged: () => undefined,
    destroy: () => undefined,
  };
  const opened: string[] = [];
  let closed = 0;
  const focus = new DiagramFocus(svg, viewport, { open: (k) => opened.push(k), close: () => closed++, zoom: () => zoom });
  const draw = (containers: number) => {
    const layout = layoutTopology(syntheticModel(1, containers));
    const had = focus.focused();
    renderLayout(viewport, layout, { changed: new Set(), selected: null, onSelect: () => undefined });
    focus.rendered(layout, had);
  };
  const press = (key: string, opts: KeyboardEventInit = {}) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...opts }));
  const active = () => document.activeElement?.getAttribute('data-key') ?? document.activeElement?.tagName;
  return { svg, viewport, focus, draw, press, active, calls, opened, closed: () => closed };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('DiagramFocus', () => {
  it('puts exactly one object in the tab order, each clickable object a named button', () => {
    const d = mount();
    d.draw(3);
    const stops = [...d.viewport.querySelectorAll('[tabindex="0"]')].map((el) => el.getAttribute('data-key'));
    expect(stops).toEqual(['segment:lan0']);
    const buttons = d.viewport.querySelectorAll('[role="button"]');
    expect(buttons.length).toBe(2 + 1 + 2 + 3 * 2);
    for (const b of buttons) expect(b.getAttribute('aria-label')).toBeTruthy();
    expect(d.viewport.querySelector('g[data-key="router:lan0"]')!.hasAttribute('tabindex')).toBe(false);
  });

  it('moves focus and the tab stop with the arrow keys, and opens details with Enter and Space', () => {
    const d = mount();
    d.draw(2);
    const m = syntheticModel(1, 2);
    d.focus.focus('segment:lan0');
    for (let i = 0; i < 5; i++) d.press('ArrowRight');
    expect(d.active()).toBe(`sandbox:${m.sandboxes[0].id}`);
    expect([...d.viewport.querySelectorAll('[tabindex="0"]')].map((el) => el.getAttribute('data-key'))).toEqual([`sandbox:${m.sandboxes[0].id}`]);
    d.press('Enter');
    d.press('ArrowRight');
    d.press(' ');
    expect(d.opened).toEqual([`sandbox:${m.sandboxes[0].id}`, `endpoint:${m.endpoints[0].id}`]);
    d.press('Escape');
    expect(d.closed()).toBe(1);
    d.press('End');
    expect(d.active()).toBe(`endpoint:${m.endpoints[1].id}`);
    expect(d.calls.filter((c) => c === 'reveal').length).toBe(8);
  });

  it('pans, zooms and fits from the background, and Enter there goes to the object holding the tab stop', () => {
    const d = mount();
    d.draw(1);
    d.svg.focus();
    d.press('ArrowLeft');
    d.press('ArrowDown', { shiftKey: true });
    d.press('+');
    d.press('-');
    d.press('0');
    expect(d.calls).toEqual(['pan 60,0', 'pan 0,-240', 'zoom 1.25', 'zoom 0.8', 'fit']);
    d.press('Enter');
    expect(d.active()).toBe('segment:lan0');
  });

  it('keeps focus on the same object across redraws, and hands it to the next one when its object goes away', () => {
    const d = mount();
    const m = syntheticModel(1, 3);
    d.draw(3);
    d.focus.focus(`sandbox:${m.sandboxes[1].id}`);
    d.draw(4);
    expect(d.active()).toBe(`sandbox:${m.sandboxes[1].id}`);
    d.focus.focus(`sandbox:${m.sandboxes[2].id}`);
    d.draw(2);
    expect(d.active()).toBe(`endpoint:${m.endpoints[1].id}`);
    expect([...d.viewport.querySelectorAll('[tabindex="0"]')].map((el) => el.getAttribute('data-key'))).toEqual([`endpoint:${m.endpoints[1].id}`]);
    // The leaving sandbox fades out but is no longer a button.
    const leaving = d.viewport.querySelector(`g[data-key="sandbox:${m.sandboxes[2].id}"]`)!;
    expect([leaving.getAttribute('role'), leaving.getAttribute('tabindex'), leaving.getAttribute('aria-hidden')]).toEqual([null, null, 'true']);
  });

  it('restarts type-ahead after any other key', () => {
    const d = mount();
    const m = syntheticModel(1, 12);
    d.draw(12);
    d.focus.focus('segment:lan0');
    d.press('c');
    d.press('1');
    d.press('1');
    expect(d.active()).toBe(`sandbox:${m.sandboxes[11].id}`);
    d.press('Home');
    d.press('c');
    d.press('2');
    expect(d.active()).toBe(`sandbox:${m.sandboxes[2].id}`);
  });

  it('does not take focus on a redraw when the diagram did not have it', () => {
    const d = mount();
    const outside = document.createElement('button');
    document.body.appendChild(outside);
    d.draw(1);
    outside.focus();
    d.draw(2);
    expect(document.activeElement).toBe(outside);
  });
});
