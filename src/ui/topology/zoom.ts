// Zoom, pan and "fit" for the topology (d3-zoom): wheel and drag on the SVG, buttons and keys for keyboard users, and
// a fit that keeps following the drawing as it grows until the learner zooms or pans by hand (or by keyboard).
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import 'd3-transition';

export interface ZoomControl {
  /** Scales the drawing to fit the viewport (animated unless `instant`). */
  fit(instant?: boolean): void;
  zoomBy(factor: number): void;
  /** Moves the drawing by screen pixels (the arrow keys on the diagram's background). */
  panBy(dx: number, dy: number): void;
  /** Pans just enough to show a box of the drawing (layout coordinates), e.g. the object that took focus. */
  reveal(box: { x: number; y: number; w: number; h: number }): void;
  /** The drawing's size changed: re-fit if the learner has not taken over. */
  contentChanged(width: number, height: number): void;
  destroy(): void;
}

const MIN_SCALE = 0.1;
const MAX_SCALE = 4;
const MARGIN = 12;

export function attachZoom(svgEl: SVGSVGElement, viewport: SVGGElement): ZoomControl {
  const svg = select(svgEl);
  let content = { width: 1, height: 1 };
  let userMoved = false;
  let programmatic = false;
  const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([MIN_SCALE, MAX_SCALE])
    .on('zoom', (e) => {
      viewport.setAttribute('transform', e.transform.toString());
      if (!programmatic && e.sourceEvent) userMoved = true;
    });
  svg.call(behavior).on('dblclick.zoom', null);

  function fitTransform() {
    const w = svgEl.clientWidth || 1;
    const h = svgEl.clientHeight || 1;
    const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.min((w - 2 * MARGIN) / content.width, (h - 2 * MARGIN) / content.height, 1.25)));
    const x = (w - content.width * k) / 2;
    return zoomIdentity.translate(Math.max(MARGIN, x), MARGIN).scale(k);
  }

  function apply(t: ReturnType<typeof fitTransform>, instant: boolean) {
    programmatic = true;
    if (instant) svg.call(behavior.transform, t);
    else svg.transition().duration(300).call(behavior.transform, t);
    programmatic = false;
  }

  const ro = new ResizeObserver(() => {
    if (!userMoved) apply(fitTransform(), true);
  });
  ro.observe(svgEl);

  return {
    fit(instant = false) {
      userMoved = false;
      apply(fitTransform(), instant);
    },
    zoomBy(factor) {
      userMoved = true;
      programmatic = true;
      svg.transition().duration(200).call(behavior.scaleBy, factor);
      programmatic = false;
    },
    panBy(dx, dy) {
      userMoved = true;
      const t = zoomTransform(svgEl);
      apply(zoomIdentity.translate(t.x + dx, t.y + dy).scale(t.k), true);
    },
    reveal(box) {
      const t = zoomTransform(svgEl);
      const w = svgEl.clientWidth || 1;
      const h = svgEl.clientHeight || 1;
      const shift = (lo: number, size: number, view: number) => {
        const hi = lo + size;
        if (size > view - 2 * MARGIN || lo < MARGIN) return MARGIN - lo;
        if (hi > view - MARGIN) return view - MARGIN - hi;
        return 0;
      };
      const dx = shift(t.x + box.x * t.k, box.w * t.k, w);
      const dy = shift(t.y + box.y * t.k, box.h * t.k, h);
      if (!dx && !dy) return;
      userMoved = true;
      apply(zoomIdentity.translate(t.x + dx, t.y + dy).scale(t.k), true);
    },
    contentChanged(width, height) {
      const grew = width !== content.width || height !== content.height;
      content = { width, height };
      if (grew && !userMoved) apply(fitTransform(), false);
    },
    destroy() {
      ro.disconnect();
      svg.on('.zoom', null);
    },
  };
}
