/**
 * Which way a scalar graph is drawn (issue 9): the little the store and the renderer need of
 * `vertical.ts`, kept apart so the first screen's code does not carry the layout's part of it.
 */

/** Air between a wire (or a node) and the label written beside it, top to bottom. */
export const SIDE_GAP = 7;

/**
 * A box this much taller than wide (height / width) turns the drawing top to bottom; it turns
 * back below `PORTRAIT_LEAVE`. The gap between them keeps a box near square from flipping the
 * drawing at each small resize. The layout compares both directions in a box of `PORTRAIT_ENTER`
 * (the least portrait box that asks for top to bottom) and keeps left to right where that fits
 * as large or larger, so a taller box only favours top to bottom more.
 */
export const PORTRAIT_ENTER = 1.1;
export const PORTRAIT_LEAVE = 0.95;

/**
 * Whether a graph box of `width`×`height` asks for a top-to-bottom drawing, given whether it did
 * before (`was`): hysteresis, so that a resize across the square does not flip it back and forth.
 *
 * @example
 * wantsVertical(false, 631, 728) // true (1.15)
 * wantsVertical(true, 800, 780) // true: still above PORTRAIT_LEAVE
 */
export function wantsVertical(was: boolean, width: number, height: number): boolean {
  if (!(width > 0 && height > 0)) return was;
  const ratio = height / width;
  return was ? ratio >= PORTRAIT_LEAVE : ratio >= PORTRAIT_ENTER;
}
