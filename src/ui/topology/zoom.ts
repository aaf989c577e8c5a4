// Zoom, pan and "fit" for the topology (d3-zoom): wheel and drag on the SVG, buttons for keyboard users, and a fit
// that keeps following the drawing as it grows until the learner zooms or pans by hand.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import 'd3-transition';

export interface ZoomControl {
  /** Scales the drawing to fit the viewport (animated unless `instant`). */
  fit(instant?: boolean): void;
  zoomBy(factor: number): void;
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
