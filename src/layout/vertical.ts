import type { Box } from './labels';
import { LABEL_BOX } from './settings';
import type { LayoutInput, LayoutNodeInput } from './types';
import { SIDE_GAP } from './direction';

export { PORTRAIT_ENTER, PORTRAIT_LEAVE, SIDE_GAP, wantsVertical } from './direction';

/**
 * Top-to-bottom drawing (issue 9: "lay out for the screen's aspect ratio"). A portrait box fits a
 * left-to-right drawing by its width and wastes its height; drawn top to bottom, inputs at the
 * top and the output at the bottom, the same graph is laid out by the left-to-right machinery in
 * a turned frame (along = screen y, across = screen x) and turned back at the end. What differs
 * is where the labels go, since wires now run down through the top and bottom of each node:
 * - an input's value and gradient badge sit above it (nothing comes in from above an input);
 * - an op's name (and its group's control) sits left of it, its gradient badge right of it;
 * - an edge's value and badge sit beside its wire (right of it, else left), not across it.
 * So the gap between layers needs only a label's height, not its width, which is what makes the
 * drawing fit a portrait box larger.
 */

/**
 * Length of the output's stub (`GEOMETRY.outputStub`, which the renderer draws; a test keeps the
 * two equal): written here so the layout's chunk does not share `nodeSize` with the first screen.
 */
export const OUTPUT_STUB = 78;
/** Height of a row of a node's own labels (a value, a badge). */
const ROW = 23;
/** Half the height of a row beside a node. */
const HALF = 12;
/** Gap between layers (before labels widen it): a label box's height and the wires' stubs. */
export const TB_LAYER_GAP = 40;
/** Graphs up to this many nodes are tried top to bottom; beyond, their layers are too wide. */
export const TB_MAX_NODES = 80;
/** The rows of a node's own labels in a top-to-bottom drawing, as screen boxes around its centre. */
export function verticalRows(node: LayoutNodeInput): { above?: Box; below?: Box } {
  const v = node.visual ?? node;
  const vw = v.width / 2;
  const vh = v.height / 2;
  const rows: { above?: Box; below?: Box } = {};
  if (node.kind === 'input') {
    // Nothing comes into an input from above: its value, and its badge under it, sit there.
    const badge = node.below ? ROW : 0;
    if (node.below) rows.below = [-node.below / 2, -vh - ROW, node.below / 2, -vh];
    if (node.above) {
      rows.above = [-node.above / 2, -vh - badge - ROW, node.above / 2, -vh - badge];
    }
    return rows;
  }
  // Wires come in at the top and leave at the bottom: the name left, the badge right.
  if (node.above) rows.above = [-vw - SIDE_GAP - node.above, -HALF, -vw - SIDE_GAP, HALF];
  if (node.below) rows.below = [vw + SIDE_GAP, -HALF, vw + SIDE_GAP + node.below, HALF];
  return rows;
}

/**
 * Extents of a node and its rows: left and right of its centre (screen x), and half its height
 * (screen y, kept symmetric: a layer's nodes share their centre line).
 */
function extents(
  node: LayoutNodeInput,
  output: boolean,
): { left: number; right: number; half: number } {
  const v = node.visual ?? node;
  let left = Math.max(v.width / 2, node.width / 2);
  let right = left;
  let half = v.height / 2;
  const { above, below } = verticalRows(node);
  for (const r of [above, below]) {
    if (!r) continue;
    left = Math.max(left, -r[0]);
    right = Math.max(right, r[2]);
    half = Math.max(half, -r[1], r[3]);
  }
  // The output's value and gradient are written right of its stub, below it.
  if (output) right = Math.max(right, SIDE_GAP + LABEL_BOX.width);
  return { left, right, half };
}

/**
 * The turned problem: each node's box along the layers is its screen height, across them its
 * screen width with its rows (left and right of its centre may differ: `shift` says how far the
 * node's centre lies right of its box's centre). Rows are left out of the turned input (the
 * caller keeps them as boxes, `verticalRows`); a previous drawing's places are turned too.
 */
export function turnedInput(input: LayoutInput): { input: LayoutInput; shift: Float64Array } {
  const shift = new Float64Array(input.nodes.length);
  const output = outputOf(input);
  const nodes = input.nodes.map((node, i) => {
    const v = node.visual ?? node;
    const { left, right, half } = extents(node, node.id === output);
    shift[i] = (left - right) / 2;
    const turned: LayoutNodeInput = {
      id: node.id,
      kind: node.kind,
      width: 2 * half,
      height: left + right,
      visual: { width: v.height, height: v.width },
    };
    if (node.was) turned.was = { x: node.was.y, y: node.was.x - shift[i], layer: node.was.layer };
    return turned;
  });
  const { previous: _previous, ...rest } = input;
  return { input: { ...rest, nodes }, shift };
}

/** The output node's id as the layout takes it (`LayoutInput.output`, else the last sink). */
function outputOf(input: LayoutInput): number | undefined {
  if (input.output !== undefined) return input.output;
  const used = new Set(input.edges.map((e) => e.from));
  for (let i = input.nodes.length - 1; i >= 0; i--)
    if (!used.has(input.nodes[i].id)) return input.nodes[i].id;
  return undefined;
}

/**
 * A label box beside a wire, in the turned frame (x along, y across) at anchor `[x, y]`: right of
 * the wire (screen) for `side` 0, left of it for −1, and farther out on either side for larger
 * `side` (its sign is the side, its size the extra air).
 */
export function sideBox([x, y]: readonly [number, number], side: number, width: number): Box {
  const top = x - LABEL_BOX.above;
  const bottom = top + LABEL_BOX.height;
  const extra = Math.abs(side) > 1 ? Math.abs(side) : 0;
  return side >= 0
    ? [top, y + SIDE_GAP + extra, bottom, y + SIDE_GAP + extra + width]
    : [top, y - SIDE_GAP - extra - width, bottom, y - SIDE_GAP - extra];
}

/** Offsets a label beside its wire tries when no spot next to it is free, nearest first. */
export const SIDE_OFFSETS = [14, -14, 28, -28];
