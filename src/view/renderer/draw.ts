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
