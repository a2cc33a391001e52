import type { BaseType, Selection as D3Selection } from 'd3';

/** A `<g>` selection, the unit every part of the renderer draws into. */
export type G = D3Selection<SVGGElement, unknown, null, undefined>;

export const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * What each element was last drawn from. A step changes two or three items, but rewriting every
 * element's attributes makes the browser restyle the whole SVG: at 1,000 nodes that cost a second
 * per step. So each element is touched only when its signature changed (or it animates now).
 */
const drawnAs = new WeakMap<Element, string>();
export function changed(el: Element, signature: string): boolean {
  if (drawnAs.get(el) === signature) return false;
  drawnAs.set(el, signature);
  return true;
}

/**
 * `classList.toggle` without the write when nothing changes: even a no-op class write on the
 * `<svg>` restyles every element in it and re-shapes every label (~100 ms at 1,000 nodes).
 */
export function toggleClass(el: Element, name: string, on: boolean): void {
  if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
}

/** Camera moves are instant for people who asked for less motion (and in jsdom, which has no media queries). */
export function reducedMotion(): boolean {
  return typeof matchMedia !== 'function' || matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * A label that the step just played brings fades in over the part `[from, from + span]` of the
 * step's `duration`, so it lands when the pulse arrives; any other label shows at once (and a
 * fade still running from an earlier step is cut short).
 */
export function land<E extends BaseType, D>(
  sel: D3Selection<E, D, null, undefined>,
  arriving: boolean,
  duration: number,
  from: number,
  span: number,
): void {
  if (arriving) {
    sel
      .attr('opacity', 0)
      .transition('land')
      .delay(duration * from)
      .duration(duration * span)
      .attr('opacity', 1);
  } else sel.interrupt('land').attr('opacity', 1);
}

/** Graphs from this many elements in a layer keep them in groups of `CHUNK` (see `chunked`). */
export const CHUNK_FROM = 400;
const CHUNK = 64;

/**
 * Puts a layer's elements (in drawing order) into groups of `CHUNK`, when there are at least
 * `CHUNK_FROM` of them, or back directly into the layer. The browser recomputes an SVG group's
 * bounds from all its children whenever one of them changes: a step that rewrites three labels
 * of a 2,000-node graph made it walk every node of their layer (~2 ms a step); in groups of 64 it
 * walks one group and the layer's 32 groups. Only groups whose contents changed are rewritten,
 * so a redraw of the same graph moves nothing. Paint order stays the drawing order.
 */
export function chunked(layer: Element, elements: readonly Element[]): void {
  const doc = layer.ownerDocument;
  const groups = [...layer.children].filter((c) => c.classList.contains('chunk'));
  if (elements.length < CHUNK_FROM) {
    if (groups.length === 0) return;
    layer.append(...elements);
    for (const g of groups) g.remove();
    return;
  }
  const count = Math.ceil(elements.length / CHUNK);
  for (let c = 0; c < count; c++) {
    let g = groups[c];
    if (!g) {
      g = doc.createElementNS(SVG_NS, 'g');
      g.setAttribute('class', 'chunk');
      layer.append(g);
      groups.push(g);
    }
    const want = elements.slice(c * CHUNK, (c + 1) * CHUNK);
    const have = g.children;
    if (have.length === want.length && want.every((el, i) => have[i] === el)) continue;
    g.replaceChildren(...want);
  }
  for (const g of groups.slice(count)) g.remove();
}
