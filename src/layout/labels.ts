import { monotoneTangents, pointOnCurve } from './curve';
import type { Point } from './routes';
import { LABEL_BOX, NODE_CLEARANCE } from './settings';
import { sideBox, SIDE_OFFSETS } from './vertical';

/** An axis-aligned box: left, top, right, bottom. */
export type Box = [number, number, number, number];

/** Fractions of a stretch's x-extent tried for a label: every 5%, the middle first, then outwards. */
const STEPS = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);
const FRACTIONS = [...STEPS].sort((a, b) => Math.abs(a - 0.5) - Math.abs(b - 0.5) || a - b);
/** For the first (last) of parallel edges: leftmost (rightmost) first, so two fit side by side. */
const EARLY = STEPS;
/** Fractions half-way between `STEPS`, tried off the wire. */
const HALF_STEPS = Array.from({ length: 20 }, (_, i) => (i + 0.5) / 20);
const LATE = [...STEPS].reverse();
const CELL = 128;
/** Finer cells for wire samples: a label box then scans only the few samples near it. */
const WIRE_CELL = 24;
/**
 * Wires are sampled every few px of their length (steep stretches too, where sampling by x would
 * skip past a label); a sample inside a label box costs like this much overlap.
 */
const WIRE_STEP = 2.5;
const WIRE_COST = 6;
/** Above this many edges labels only avoid nodes and each other (see `placeLabels`). */
const WIRE_LIMIT = 600;

/**
 * Chooses each edge's label anchor: a point on its curve where the label box (value above the
 * curve, gradient below) overlaps no node and no label placed before it, trying the stretches in
 * `stretchOrder`, each from its middle outwards (parallel edges: from opposite ends); when every spot collides, the spot with the
 * least overlapping area wins, unless the label fits clear of everything a little above or below its
 * wire (then drawn with a leader line). Greedy in edge order, so deterministic.
 */
export function placeLabels(
  routes: readonly Point[][],
  nodeBoxes: readonly Box[],
  lean?: Int8Array,
  widths?: readonly number[],
): LabelSpot[] {
  return placeLabelsAround(routes, nodeBoxes, [], lean, widths).spots;
}

/**
 * `placeLabels`, also told the rows where nodes write their own labels (`rows`: kept clear of
 * labels like nodes, and of every wire): says which rows a wire runs through. `beside`: the
 * turned frame of a top-to-bottom drawing (see `vertical.ts`), where a label sits beside its
 * wire (`sideBox`, its `dy` the side) rather than across it, and keeps off its own wire too.
 */
export function placeLabelsAround(
  routes: readonly Point[][],
  nodeBoxes: readonly Box[],
  rows: readonly Box[],
  lean?: Int8Array,
  widths?: readonly number[],
  beside = false,
): { spots: LabelSpot[]; crossedRows: number[] } {
  const boxOf = beside ? sideBox : boxAt;
  const offsetsOff = beside ? SIDE_OFFSETS : LEADER_OFFSETS;
  // Boxes by grid cell (as indices into `placed`); `mark` keeps a box spanning several cells
  // from being counted twice in one query.
  const grid = new Map<number, number[]>();
  const placed: Box[] = [];
  const mark: number[] = [];
  let query = 0;
  const key = (cx: number, cy: number) => cx * 65536 + cy;
  const add = (b: Box) => {
    const index = placed.length;
    placed.push(b);
    mark.push(0);
    forCells(b, CELL, (cx, cy) => {
      const k = key(cx, cy);
      const list = grid.get(k);
      if (list) list.push(index);
      else grid.set(k, [index]);
    });
  };
  /** Area of `b` covered by boxes placed so far; stops counting once it reaches `limit`. */
  const overlap = (b: Box, limit = Infinity) => {
    let area = 0;
    query++;
    forCells(b, CELL, (cx, cy) => {
      if (area >= limit) return;
      for (const index of grid.get(key(cx, cy)) ?? []) {
        if (mark[index] === query) continue;
        mark[index] = query;
        const o = placed[index];
        const w = Math.min(b[2], o[2]) - Math.max(b[0], o[0]);
        const h = Math.min(b[3], o[3]) - Math.max(b[1], o[1]);
        if (w > 0 && h > 0) area += w * h;
      }
    });
    return area;
  };
  for (const b of nodeBoxes) {
    add([
      b[0] - NODE_CLEARANCE,
      b[1] - NODE_CLEARANCE,
      b[2] + NODE_CLEARANCE,
      b[3] + NODE_CLEARANCE,
    ]);
  }
  // Rows are as wide as their widest label already (measured erring wide): no air added.
  for (const b of rows) add([...b]);

  // Points along every curve, so that a label is not written across another edge's wire. Only
  // for graphs small enough to be read label by label (the cost grows with edges × samples).
  const wires = new Map<number, number[]>();
  if (routes.length <= WIRE_LIMIT) {
    routes.forEach((pts, k) => {
      const tangents = monotoneTangents(pts);
      for (let i = 0; i + 1 < pts.length; i++) {
        const length = Math.hypot(pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]);
        const steps = Math.max(2, Math.ceil(length / WIRE_STEP));
        for (let s = 0; s <= steps; s++) {
          const [x, y] = pointOnCurve(pts, tangents, i, s / steps);
          const c = key(Math.floor(x / WIRE_CELL) + 32768, Math.floor(y / WIRE_CELL) + 32768);
          const list = wires.get(c);
          if (list) list.push(x, y, k);
          else wires.set(c, [x, y, k]);
        }
      }
    });
  }
  /**
   * How many points of other edges' wires fall inside `b`, each worth `WIRE_COST` of area;
   * stops counting once the cost reaches `limit`.
   */
  const crossing = (b: Box, own: number, limit = Infinity) => {
    if (wires.size === 0) return 0;
    let cost = 0;
    forCells(b, WIRE_CELL, (cx, cy) => {
      const list = wires.get(key(cx, cy));
      if (!list || cost >= limit) return;
      for (let i = 0; i < list.length && cost < limit; i += 3) {
        if (list[i + 2] === own) continue;
        const x = list[i];
        const y = list[i + 1];
        if (x > b[0] && x < b[2] && y > b[1] && y < b[3]) cost += WIRE_COST;
      }
    });
    return cost;
  };

  // Rows of nodes' own labels that some wire runs through (any wire: a node's label has none).
  const crossedRows: number[] = [];
  rows.forEach((r, i) => {
    if (crossing(r, -1, 1) > 0) crossedRows.push(i);
  });

  const spots = routes.map((pts, k) => {
    const fractions = !lean || lean[k] === 0 ? FRACTIONS : lean[k] < 0 ? EARLY : LATE;
    const tangents = monotoneTangents(pts);
    const width = widths?.[k] ?? LABEL_BOX.width;
    let best: Point = pointOnCurve(pts, tangents, 0, 0.5);
    let bestArea = Infinity;
    const tried: Point[] = [];
    let dy = 0;
    // Beside a wire, its right side first, then its left (where the wire bends away from it).
    search: for (const side of beside ? BOTH_SIDES : ON_WIRE) {
      for (const i of stretchOrder(pts, lean ? lean[k] : 0)) {
        for (const u of fractions) {
          const p = pointOnCurve(pts, tangents, i, u);
          if (side === 0) tried.push(p);
          const box = boxOf(p, side, width);
          let area = overlap(box, bestArea);
          if (area < bestArea) area += crossing(box, beside ? -1 : k, bestArea - area);
          // Beside a wire, another wire in the gap between the two would claim the label.
          if (beside && area < bestArea) area += crossing(between(p, box), k, bestArea - area);
          if (area < bestArea) {
            best = p;
            bestArea = area;
            dy = side;
            if (area === 0) break search;
          }
        }
      }
    }
    // Every spot on the curve is taken: the label moves off its wire, as little as will do, to a
    // spot clear of everything (its own wire included), and a leader line ties it to its edge.
    let clear = bestArea === 0;
    if (bestArea > LEADER_MIN_COST) {
      // Off the wire, spots between those tried on it too: a gap may be a few px wide.
      for (const i of stretchOrder(pts, lean ? lean[k] : 0)) {
        for (const u of HALF_STEPS) tried.push(pointOnCurve(pts, tangents, i, u));
      }
      offsets: for (const d of offsetsOff) {
        for (const p of tried) {
          const box = boxOf(p, d, width);
          if (overlap(box, 1e-9) === 0 && crossing(box, -1, 1) === 0) {
            // Beside a wire there is no leader line: a label with another wire between it and
            // its own would read as that one's.
            if (beside && crossing(between(p, box), k, 1) > 0) continue;
            best = p;
            dy = d;
            clear = true;
            break offsets;
          }
        }
      }
    }
    add(boxOf(best, dy, width));
    return { at: best, dy, clear };
  });
  return { spots, crossedRows };
}

/**
 * How far a label may leave its wire, nearest first: beyond its own box's half-height, so the
 * wire never runs through it, and no farther than a reader still joins it to its edge.
 */
const LEADER_OFFSETS = [-26, 28, -38, 40, -50, 52];
/** Where a label is tried along its wire: on it, or (top to bottom) right of it, then left. */
const ON_WIRE = [0];
const BOTH_SIDES = [0, -1];
/** Cost on the wire above which a label leaves it: any other wire through its box. */
const LEADER_MIN_COST = 0;

/** Where `placeLabels` puts an edge's label: its anchor on the curve, and the box's offset. */
export interface LabelSpot {
  at: Point;
  /** 0 on the wire; otherwise the box is moved this far down (+) or up (−), with a leader line. */
  dy: number;
  /** False when no spot was free: the label meets a node, another label or another wire. */
  clear: boolean;
}

/**
 * Stretches (segment indices) of a route in the order labels try them: the longest bend, which
 * is the last one into the consumer for an edge that leaves a shared trunk (the part that is
 * this edge's alone), then the other bends from the operand on, then the level runs. The first
 * of parallel edges goes the other way round, from the operand.
 */
function stretchOrder(pts: readonly Point[], lean: number): number[] {
  const bends: number[] = [];
  const levels: number[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    if (pts[i + 1][0] - pts[i][0] < 12) continue;
    (pts[i][1] === pts[i + 1][1] ? levels : bends).push(i);
  }
  if (lean < 0) return [...bends, ...levels]; // the first of parallel edges: from the left
  const last = bends.pop();
  return last === undefined ? levels : [last, ...bends, ...levels];
}

/** The strip between an anchor on a wire and a label box beside it (the turned frame). */
function between([, y]: Point, box: Box): Box {
  return y <= box[1] ? [box[0], y, box[2], box[1]] : [box[0], box[3], box[2], y];
}

/** The label box around an anchor, moved `dy` down (a label off its wire), `width` across. */
export function boxAt([x, ay]: Point, dy = 0, width: number = LABEL_BOX.width): Box {
  const w = width / 2;
  const y = ay + dy;
  return [x - w, y - LABEL_BOX.above, x + w, y - LABEL_BOX.above + LABEL_BOX.height];
}

function forCells(b: Box, cell: number, f: (cx: number, cy: number) => void) {
  const x0 = Math.floor(b[0] / cell);
  const x1 = Math.floor(b[2] / cell);
  const y0 = Math.floor(b[1] / cell);
  const y1 = Math.floor(b[3] / cell);
  for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) f(cx + 32768, cy + 32768);
}
