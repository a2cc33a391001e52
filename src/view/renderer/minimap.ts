import { select, type ZoomTransform } from 'd3';
import type { GraphView } from './viewModel';

export interface Minimap {
  /** Redraws the overview of a new graph. */
  draw(view: GraphView, bounds: { width: number; height: number }): void;
  /** Marks the current step's nodes. */
  mark(view: GraphView): void;
  /** Moves the viewport frame; the minimap shows only while part of the graph is out of view. */
  view(t: ZoomTransform, w: number, h: number): void;
  destroy(): void;
}

/** Height of the overview, in CSS px: it sits in the graph's footer, beside the legend. */
const HEIGHT = 40;
/** Widest it gets, for a long chain. */
const MAX_WIDTH = 180;

/**
 * A small overview of the whole graph in `host` (the graph's footer, so it never covers a node):
 * every node as a dot, the current step's nodes marked, and a frame around what the view shows.
 * Clicking it centres the view there. Hidden while the whole graph is in view. Decorative for
 * assistive technology: the graph and the step controls carry the same information.
 */
export function createMinimap(
  host: Element | null,
  centreAt: (x: number, y: number) => void,
): Minimap {
  const doc = host?.ownerDocument;
  const svgEl = doc?.createElementNS('http://www.w3.org/2000/svg', 'svg');
  if (svgEl && host) host.append(svgEl);
  const root = select(svgEl ?? null)
    .attr('class', 'minimap')
    .attr('aria-hidden', 'true')
    .attr('focusable', 'false')
    .style('display', 'none');
  const back = root.append('rect').attr('class', 'minimap-back').attr('rx', 4);
  const dots = root.append('path').attr('class', 'minimap-nodes');
  const here = root.append('path').attr('class', 'minimap-current');
  const frame = root.append('rect').attr('class', 'minimap-frame');
  let scale = 1;
  let size = { width: 1, height: 1 };
  let mapW = MAX_WIDTH;
  let mapH = HEIGHT;
  const dot = (x: number, y: number) => `M${(x * scale).toFixed(1)},${(y * scale).toFixed(1)}h0.01`;

  root.on('click', (event: MouseEvent) => {
    event.stopPropagation();
    const rect = svgEl!.getBoundingClientRect();
    centreAt((event.clientX - rect.left - 2) / scale, (event.clientY - rect.top - 2) / scale);
  });

  return {
    draw(view, bounds) {
      size = bounds;
      scale = Math.min(HEIGHT / Math.max(bounds.height, 1), MAX_WIDTH / Math.max(bounds.width, 1));
      mapW = bounds.width * scale;
      mapH = bounds.height * scale;
      root.attr('width', mapW + 4).attr('height', mapH + 4);
      back.attr('width', mapW + 4).attr('height', mapH + 4);
      for (const layer of [dots, here, frame]) layer.attr('transform', 'translate(2,2)');
      dots.attr('d', view.nodes.map((n) => dot(n.x, n.y)).join(''));
    },
    mark(view) {
      here.attr(
        'd',
        view.nodes
          .filter((n) => n.current)
          .map((n) => dot(n.x, n.y))
          .join(''),
      );
    },
    view(t, w, h) {
      // The part of the graph the view shows, in graph units.
      const x0 = -t.x / t.k;
      const y0 = -t.y / t.k;
      const x1 = (w - t.x) / t.k;
      const y1 = (h - t.y) / t.k;
      const whole = x0 <= 1 && y0 <= 1 && x1 >= size.width - 1 && y1 >= size.height - 1;
      if (whole) root.style('display', 'none');
      else root.style('display', null);
      if (whole) return;
      const l = Math.max(0, x0) * scale;
      const tp = Math.max(0, y0) * scale;
      frame
        .attr('x', l)
        .attr('y', tp)
        .attr('width', Math.max(2, Math.min(mapW, x1 * scale) - l))
        .attr('height', Math.max(2, Math.min(mapH, y1 * scale) - tp));
    },
    destroy() {
      root.on('click', null);
      svgEl?.remove();
    },
  };
}
