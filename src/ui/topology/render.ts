// Draws a layout into an SVG with D3 data joins keyed by object, so updates animate enter/update/exit.
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import type { Layout, LayoutLink, LayoutNode } from './layout';

const DURATION = 300;

export function renderLayout(svgEl: SVGSVGElement, layout: Layout): void {
  const svg = select(svgEl);
  svg.attr('viewBox', `0 0 ${Math.max(layout.width, 300)} ${Math.max(layout.height, 200)}`);
  let root = svg.select<SVGGElement>('g.root');
  if (root.empty()) {
    root = svg.append('g').attr('class', 'root');
    root.append('g').attr('class', 'links');
    root.append('g').attr('class', 'nodes');
  }

  root
    .select<SVGGElement>('g.links')
    .selectAll<SVGGElement, LayoutLink>('g.link')
    .data(layout.links, (d) => d.key)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', (d) => `link ${d.kind}`).attr('data-key', (d) => d.key).style('opacity', 0);
        g.append('line');
        g.append('text').attr('class', 'link-label');
        g.transition().duration(DURATION).style('opacity', 1);
        return g;
      },
      (update) => update,
      (exit) => exit.transition().duration(DURATION).style('opacity', 0).remove(),
    )
    .call((g) => {
      g.select('line').attr('x1', (d) => d.x1).attr('y1', (d) => d.y1).attr('x2', (d) => d.x2).attr('y2', (d) => d.y2);
      g.select('text')
        .attr('x', (d) => (d.x1 + d.x2) / 2 + 4)
        .attr('y', (d) => (d.y1 + d.y2) / 2)
        .text((d) => d.label);
    });

  root
    .select<SVGGElement>('g.nodes')
    .selectAll<SVGGElement, LayoutNode>('g.node')
    .data(layout.nodes, (d) => d.key)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', (d) => `node ${d.kind}`)
          .attr('data-key', (d) => d.key)
          .attr('transform', (d) => `translate(${d.x},${d.y})`)
          .style('opacity', 0);
        g.append('title');
        g.append('rect').attr('rx', (d) => (d.kind === 'network' ? 26 : 6));
        g.append('text').attr('class', 'label').attr('x', 10).attr('y', 18);
        g.append('text').attr('class', 'sublabel').attr('x', 10).attr('y', 34);
        g.append('g').attr('class', 'lines');
        g.transition().duration(DURATION).style('opacity', 1);
        return g;
      },
      (update) => update.call((u) => u.transition().duration(DURATION).attr('transform', (d) => `translate(${d.x},${d.y})`)),
      (exit) => exit.transition().duration(DURATION).style('opacity', 0).remove(),
    )
    .call((g: Selection<SVGGElement, LayoutNode, SVGGElement, unknown>) => {
      g.select('title').text((d) => d.title);
      g.select('rect').attr('width', (d) => d.w).attr('height', (d) => d.h);
      g.select('text.label').text((d) => d.label);
      g.select('text.sublabel').text((d) => d.sublabel);
      g.select('g.lines')
        .selectAll('text')
        .data((d) => d.lines)
        .join('text')
        .attr('x', 10)
        .attr('y', (_, i) => 52 + i * 16)
        .text((t) => t);
    });
}
