import { anchor } from './anchor';
import { curvePath, curvePathDown } from './curve';
import { boxAt, placeLabelsAround, type Box } from './labels';
import { assignLayers, type Layered } from './layering';
import { place, type Placement, type SugiyamaSettings } from './placement';
import { routeEdges, type Point } from './routes';
import { withPrevious } from './stableKeys';
import { LABEL_BOX, SPACING } from './settings';
import type { LaidOutEdge, LayoutInput, LayoutOptions, LayoutQuality, LayoutResult } from './types';
import {
  OUTPUT_STUB,
  PORTRAIT_ENTER,
  sideBox,
  SIDE_GAP,
  TB_MAX_NODES,
  turnedInput,
  verticalRows,
} from './vertical';

/**
 * What each quality runs, chosen with `npm run bench:layout`: d3-dag's simplex placement draws
 * long edges straight and is worth its cost up to a few dozen nodes (5–10 ms at 20 nodes,
 * 140–220 ms at 100, seconds at 300); greedy placement stays fast (20–30 ms at 100 nodes,
 * 0.1–0.4 s at 300). 24 sweeps cost up to 3× more than 4 at 1,000 nodes for ≤ 5% fewer
 * crossings. Exact crossing minimisation (`opt`) found no fewer crossings than the sweeps on our
 * 20-node graphs and its time is erratic, so only `high` tries it, on tiny layers
 * (`OPT_MAX_PAIRS`).
 */
export const PRESETS = {
  fast: { decross: 'sweep', passes: 4, coord: 'greedy' },
  medium: { decross: 'sweep', passes: 24, coord: 'greedy' },
  auto: { decross: 'sweep', passes: 24, coord: 'simplex' },
  high: { decross: 'opt', passes: 24, coord: 'simplex' },
} as const satisfies Record<string, SugiyamaSettings>;

/** Node counts up to which `auto` and `high` use their own preset, then `medium`, then `fast`. */
export const LIMITS = {
  auto: { simplex: 60, medium: 300 },
  high: { simplex: 150, medium: 1000 },
} as const;

/** The settings `quality` means for a graph of `n` nodes. */
export function settingsFor(n: number, quality: LayoutQuality = 'auto'): SugiyamaSettings {
  if (quality === 'fast') return PRESETS.fast;
  const limits = LIMITS[quality];
  if (n <= limits.simplex) return PRESETS[quality];
  return n <= limits.medium ? PRESETS.medium : PRESETS.fast;
}

/**
 * Lays a computational graph out left to right, like the circuit diagrams of cs231n: inputs in
 * the first column, each op one column right of its deepest operand, constants just before their
 * consumer, the output alone on the right; edges curve between columns and never cross a node.
 * With `direction: 'TB'` (a portrait box) it is drawn top to bottom instead, where that fits such
 * a box larger (see `vertical.ts`). Pure and synchronous: runs in Node, in a Worker or on the
 * main thread.
 *
 * @example
 * const r = layoutGraph({
 *   nodes: [{ id: 0, kind: 'input', width: 60, height: 40 }, { id: 1, kind: 'op', width: 46, height: 46 }],
 *   edges: [{ id: 0, from: 0, to: 1 }, { id: 1, from: 0, to: 1 }],
 * });
 * r.nodes[1].layer // 1
 */
export function layoutGraph(input: LayoutInput, options: LayoutOptions = {}): LayoutResult {
  const placed = withPrevious(input);
  const before = input.previous?.layout.nodes.length ?? 0;
  // The places of a drawing in the other direction say nothing about this one.
  const wasDown = input.previous?.layout.direction === 'TB';
  const settings = settingsFor(input.nodes.length, options.quality);
  const across = wasDown ? forget(placed) : placed;
  const flat = layoutWith(across, settings);
  let result = flat;
  let used = across;
  const n = input.nodes.length;
  if (input.direction === 'TB' && n > 0 && n <= TB_MAX_NODES) {
    const down = wasDown ? placed : forget(placed);
    const tb = layoutDown(down, settings);
    // Top to bottom only where it fits the least portrait box that asks for it larger: never
    // a drawing smaller than left to right would give (see PORTRAIT_ENTER).
    if (fitIn(tb, PORTRAIT_ENTER) > fitIn(flat, PORTRAIT_ENTER)) {
      result = tb;
      used = down;
    }
  }
  return isAnchored(used, before) ? { ...result, anchored: true } : result;
}

/** `input` without the places of a previous drawing. */
function forget(input: LayoutInput): LayoutInput {
  if (!input.nodes.some((node) => node.was)) return input;
  return {
    ...input,
    nodes: input.nodes.map((node) => {
      if (!node.was) return node;
      const { was: _was, ...rest } = node;
      return rest;
    }),
  };
}

/**
 * The zoom that fits `r` whole in a box `aspect` times taller than wide (of width 1): the
 * drawing and, left to right, the output's stub right of it (as the renderer's fit counts it).
 */
export function fitIn(r: LayoutResult, aspect: number): number {
  const width = r.direction === 'TB' ? r.width : r.width + OUTPUT_STUB + 8;
  return Math.min(1 / Math.max(1, width), aspect / Math.max(1, r.height));
}

/**
 * `input` drawn top to bottom: laid out left to right in a turned frame (see `vertical.ts`),
 * then turned back.
 */
function layoutDown(input: LayoutInput, settings: SugiyamaSettings): LayoutResult {
  const { input: turned, shift } = turnedInput(input);
  const rows: Box[] = [];
  const rowNode: number[] = [];
  const output = turned.output;
  input.nodes.forEach((node, i) => {
    const { above, below } = verticalRows(node);
    for (const r of [above, below]) {
      if (!r) continue;
      rows.push([r[1], r[0], r[3], r[2]]);
      rowNode.push(i);
    }
    if (node.id === output) {
      // The output's stub runs down from it, its value and gradient right of it.
      const vh = (node.visual ?? node).height / 2;
      rows.push([vh + 2, -2, vh + OUTPUT_STUB + 10, SIDE_GAP + LABEL_BOX.width]);
      rowNode.push(i);
    }
  });
  return layoutWith(turned, { ...settings, vertical: true }, { rows, rowNode, shift });
}

/**
 * A top-to-bottom drawing's extras in the turned frame: its nodes' label rows (relative to the
 * node's centre, x along and y across, `rowNode` saying whose), and how far each node's centre
 * lies across from its box's centre.
 */
interface Down {
  rows: Box[];
  rowNode: number[];
  shift: Float64Array;
}

/**
 * Wider spacings tried, in turn, when a label finds no free spot: a graph small enough to be read
 * label by label gets the room its labels need (the camera keeps labels readable however wide the
 * drawing), rather than numbers written over wires.
 */
const ROOMIER = [1.3, 1.6];
/** Graphs up to this many nodes are laid out again with more room when a label clashes. */
const ROOMIER_MAX_NODES = 80;

/** `layoutGraph` with explicit d3-dag settings (the bench compares them). */
export function layoutWith(
  input: LayoutInput,
  settings: SugiyamaSettings,
  down?: Down,
): LayoutResult {
  const t0 = performance.now();
  const n = input.nodes.length;
  if (n === 0) {
    return { nodes: [], edges: [], width: 0, height: 0, engine: 'empty', ms: 0 };
  }
  const layered = assignLayers(input);
  let best = layoutOnce(input, layered, settings, down);
  for (const spread of n <= ROOMIER_MAX_NODES && settings.spread === undefined ? ROOMIER : []) {
    if (best.clashes === 0) break;
    const next = layoutOnce(input, layered, { ...settings, spread }, down);
    if (next.clashes < best.clashes) best = next;
  }
  const { result, spread } = best;
  return {
    ...result,
    engine: spread === 1 ? result.engine : `${result.engine}, spacing ×${spread}`,
    ms: Math.round((performance.now() - t0) * 100) / 100,
  };
}

/** Rounds of widening the gaps where labels still clash, and how much each round adds. */
const WIDEN_ROUNDS = 10;
const WIDEN_STEP = 12;

function layoutOnce(
  input: LayoutInput,
  layered: Layered,
  settings: SugiyamaSettings,
  down?: Down,
): { result: LayoutResult; clashes: number; spread: number } {
  const placement = place(input, layered, settings);
  mirrorToSourceOrder(placement, layered);
  // An edited program: nodes that were drawn before keep their heights (see anchor.ts).
  if (input.nodes.some((node) => node.was)) anchor(input, layered, placement, settings.spread ?? 1);
  // Top to bottom, d3-dag placed each node's box; its rows may reach farther on one side.
  if (down) for (let i = 0; i < placement.y.length; i++) placement.y[i] += down.shift[i];
  // Where labels clash, the gap they are in grows (a dense gap gets the room its labels need,
  // the others stay tight): only x moves, so this is cheap next to placing the nodes again.
  const labelled = input.edgeLabels !== false;
  const extra = new Float64Array(layered.layerCount).fill(labelled ? SPACING.labelGap : 0);
  let best = arrange(input, layered, placement, extra, down);
  // A round that helps not at all widens more the next time; four such rounds end it.
  let stuck = 0;
  const rounds = labelled && input.nodes.length <= ROOMIER_MAX_NODES ? WIDEN_ROUNDS : 0;
  for (let round = 0; round < rounds && best.clashes > 0 && stuck < 4; round++) {
    for (const g of best.crowded) extra[g] += WIDEN_STEP * 2 ** stuck;
    const next = arrange(input, layered, placement, extra, down);
    if (next.clashes < best.clashes) {
      best = next;
      stuck = 0;
    } else stuck++;
  }
  return {
    result: {
      ...best.result,
      engine: `d3-dag sugiyama: longest-path layers, ${placement.decross} decross, ${settings.coord} coord${down ? ', top to bottom' : ''}`,
    },
    clashes: best.clashes,
    spread: settings.spread ?? 1,
  };
}

/**
 * An edit of the drawing on screen, not another program that shares a name or two: at least
 * half of the previous drawing's nodes are found again.
 */
function isAnchored(input: LayoutInput, before: number): boolean {
  let kept = 0;
  for (const node of input.nodes) if (node.was) kept++;
  return before > 0 && kept * 2 >= before;
}

/**
 * Routes and labels a placement whose gaps are widened by `extra` (px, gap l lies right of layer
 * l). Returns the drawing, how many labels found no free spot plus how many node label rows a
 * wire runs through (`clashes`), and the gaps where those are (`crowded`).
 */
function arrange(
  input: LayoutInput,
  layered: Layered,
  placed: Placement,
  extra: Float64Array,
  down?: Down,
): { result: LayoutResult; clashes: number; crowded: number[] } {
  const shift = new Float64Array(layered.layerCount);
  for (let l = 1; l < shift.length; l++) shift[l] = shift[l - 1] + extra[l - 1];
  const placement: Placement = {
    ...placed,
    x: placed.x.map((v, i) => v + shift[layered.layer[i]]),
    layerX: placed.layerX.map((v, l) => v + shift[l]),
  };
  const routed = routeEdges(input, layered, placement);
  const routes = routed.routes.map((r) => r.map(round));
  const { x, y, layerX } = placement;

  // Top to bottom, a node's box is its drawn shape: its rows lie beside it, given apart.
  const nodeBoxes: Box[] = input.nodes.map((node, i) => {
    const { width, height } = down ? (node.visual ?? node) : node;
    return [x[i] - width / 2, y[i] - height / 2, x[i] + width / 2, y[i] + height / 2];
  });
  // The rows where nodes write their own value or name (above) and gradient (below).
  const rows: Box[] = [];
  const rowNode: number[] = [];
  down?.rows.forEach((r, k) => {
    const i = down.rowNode[k];
    rows.push([x[i] + r[0], y[i] + r[1], x[i] + r[2], y[i] + r[3]]);
    rowNode.push(i);
  });
  if (!down)
    input.nodes.forEach((node, i) => {
      const vh = (node.visual ?? node).height / 2;
      const room = node.height / 2 - vh;
      if (node.above) {
        rows.push([x[i] - node.above / 2, y[i] - vh - room, x[i] + node.above / 2, y[i] - vh]);
        rowNode.push(i);
      }
      if (node.below) {
        rows.push([
          x[i] - node.below / 2,
          y[i] + vh + 2,
          x[i] + node.below / 2,
          y[i] + vh + room + 2,
        ]);
        rowNode.push(i);
      }
    });
  const widths = input.edges.map((e) => e.labelWidth ?? LABEL_BOX.width);
  const placedLabels = placeLabelsAround(routes, nodeBoxes, rows, routed.lean, widths, !!down);
  const boxOf = down ? sideBox : boxAt;
  const labels = placedLabels.spots.map((l) => ({ ...l, at: round(l.at) }));

  // The gaps of what clashes: a label's, and both beside a node whose row a wire runs through.
  const gapAt = (px: number) => {
    let l = 0;
    while (l + 1 < layerX.length && layerX[l + 1] <= px) l++;
    return Math.min(l, Math.max(0, layerX.length - 2));
  };
  const crowded = new Set<number>();
  let clashes = 0;
  labels.forEach((l) => {
    if (l.clear || input.edgeLabels === false) return;
    clashes++;
    crowded.add(gapAt(l.at[0]));
  });
  for (const r of placedLabels.crossedRows) {
    clashes++;
    const l = layered.layer[rowNode[r]];
    if (l > 0) crowded.add(l - 1);
    if (l + 1 < layerX.length) crowded.add(l);
  }

  // Bounding box of nodes, rows, routes and label boxes; shift it to start at the margin.
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  const grow = (b: Box) => {
    left = Math.min(left, b[0]);
    top = Math.min(top, b[1]);
    right = Math.max(right, b[2]);
    bottom = Math.max(bottom, b[3]);
  };
  nodeBoxes.forEach(grow);
  rows.forEach(grow);
  labels.forEach((l, k) => grow(boxOf(l.at, l.dy, widths[k])));
  for (const r of routes) for (const [px, py] of r) grow([px, py, px, py]);
  const dx = SPACING.margin - left;
  const dy = SPACING.margin - top;
  const move = ([px, py]: Point): Point => round([px + dx, py + dy]);

  // Top to bottom: turned back, x across and y down the screen.
  const turn = down ? ([px, py]: Point): Point => [py, px] : (p: Point) => p;

  const nodes = input.nodes.map((node, i) => {
    const [cx, cy] = turn(move([x[i], y[i]]));
    return { id: node.id, x: cx, y: cy, layer: layered.layer[i] };
  });
  const edges = input.edges.map((edge, k) => {
    const points = routes[k].map(move).map(turn);
    const { dy } = labels[k];
    let label: LaidOutEdge['label'];
    if (down) {
      // The renderer centres a label's box on its anchor: the middle of the box beside the wire.
      const b = sideBox(move(labels[k].at), dy, widths[k]);
      label = { x: round([(b[1] + b[3]) / 2, 0])[0], y: move(labels[k].at)[0] };
    } else {
      const [lx, ly] = move(labels[k].at);
      label = { x: lx, y: ly };
      if (dy) label.dy = dy;
    }
    if (edge.labelWidth) label.width = edge.labelWidth;
    return { id: edge.id, path: down ? curvePathDown(points) : curvePath(points), points, label };
  });
  const width = Math.ceil(right - left + 2 * SPACING.margin);
  const height = Math.ceil(bottom - top + 2 * SPACING.margin);
  const result: LayoutResult = {
    nodes,
    edges,
    width: down ? height : width,
    height: down ? width : height,
    engine: '',
    ms: 0,
  };
  if (down) result.direction = 'TB';
  return { result, clashes, crowded: [...crowded] };
}

function round([px, py]: Point): Point {
  return [Math.round(px * 10) / 10, Math.round(py * 10) / 10];
}

/**
 * Decrossing leaves the drawing's up/down direction to chance: `w1, x1` may come out above
 * `w0, x0`, the reverse of the program and of cs231n's figure. A mirror image has the same
 * crossings, so flip the drawing when that puts more pairs of same-layer nodes in program order
 * (lower id above). Node ids follow the source, so this reads top to bottom as it was written.
 */
export function mirrorToSourceOrder(
  placement: { y: Float64Array; via: number[][] },
  layered: { layer: Int32Array },
): void {
  const { y, via } = placement;
  const n = y.length;
  const byLayer = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const l = layered.layer[i];
    const list = byLayer.get(l);
    if (list) list.push(i);
    else byLayer.set(l, [i]);
  }
  let inOrder = 0;
  let reversed = 0;
  for (const list of byLayer.values()) {
    if (list.length > 400) continue; // quadratic: the biggest layers say little about the intent
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const dy = y[list[b]] - y[list[a]]; // list is in id order: a < b
        if (dy > 0) inOrder++;
        else if (dy < 0) reversed++;
      }
    }
  }
  if (reversed <= inOrder) return;
  let top = Infinity;
  let bottom = -Infinity;
  for (let i = 0; i < n; i++) {
    top = Math.min(top, y[i]);
    bottom = Math.max(bottom, y[i]);
  }
  const flip = (v: number) => top + bottom - v;
  for (let i = 0; i < n; i++) y[i] = flip(y[i]);
  for (const heights of via) for (let j = 0; j < heights.length; j++) heights[j] = flip(heights[j]);
}
