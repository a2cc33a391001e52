import type { Layered } from './layering';
import type { Placement } from './placement';
import { SPACING } from './settings';
import type { LayoutInput } from './types';

export type Point = [number, number];

/** Edges leave and enter nodes level for at least this long, so arrowheads point straight in. */
const STUB = 10;

/**
 * The polyline of every edge (by edge index), x strictly increasing:
 * start on the operand's right side → level to its layer's right edge → level through each layer
 * it skips (at the gap d3-dag left for it there, so it never crosses a node) → the consumer's
 * left side, `SPACING.arrow` short of it. Between layers the renderer's monotone curve makes a
 * smooth S; inside a layer's column the edge runs level, so no bend can clip a node.
 *
 * Ends at one node are spread `SPACING.portSpread` apart, ordered by where the edges go (come
 * from) so they do not cross there; long edges that share a trunk share its port. Parallel edges
 * run `SPACING.parallelSpread` apart and bow apart between neighbouring layers.
 */
export function routeEdges(
  input: LayoutInput,
  layered: Layered,
  placement: Placement,
): { routes: Point[][]; lean: Int8Array } {
  const { from, to, layer } = layered;
  const { x, y, layerX, layerHalf, via } = placement;
  const n = input.nodes.length;
  const m = from.length;

  // Parallel edges: rank among the edges with the same ends, centred on 0.
  const pairCount = new Map<number, number>();
  const rank = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const key = from[k] * n + to[k];
    rank[k] = pairCount.get(key) ?? 0;
    pairCount.set(key, rank[k] + 1);
  }
  const offset = new Float64Array(m);
  // Where along the route the label should lean, so parallel edges' labels sit side by side.
  const lean = new Int8Array(m);
  for (let k = 0; k < m; k++) {
    const c = pairCount.get(from[k] * n + to[k])!;
    offset[k] = (rank[k] - (c - 1) / 2) * SPACING.parallelSpread;
    if (c > 1) lean[k] = rank[k] === 0 ? -1 : rank[k] === c - 1 ? 1 : 0;
  }

  // Where each edge heads first / comes from last, and which edges share that first / last hop.
  const nextY = new Float64Array(m);
  const prevY = new Float64Array(m);
  const startKey: string[] = new Array(m);
  const endKey: string[] = new Array(m);
  for (let k = 0; k < m; k++) {
    const v = via[k];
    nextY[k] = (v.length ? v[0] : y[to[k]]) + offset[k];
    prevY[k] = (v.length ? v[v.length - 1] : y[from[k]]) + offset[k];
    startKey[k] = `${v.length ? 'trunk' : to[k]}:${offset[k]}`;
    endKey[k] = `${from[k]}:${offset[k]}`;
  }
  const startPort = ports(input, from, nextY, startKey);
  const endPort = ports(input, to, prevY, endKey);

  // Where the gap right of layer l starts and ends.
  const gapStart = (l: number) => layerX[l] + layerHalf[l];
  const gapEnd = (l: number) => layerX[l + 1] - layerHalf[l + 1];

  const routes: Point[][] = new Array(m);
  for (let k = 0; k < m; k++) {
    const a = from[k];
    const b = to[k];
    const pts: Point[] = [];
    const sy = y[a] + startPort[k];
    const ey = y[b] + endPort[k];
    const sx = x[a] + boundary(input, a, startPort[k]);
    const ex = x[b] - boundary(input, b, endPort[k]) - SPACING.arrow;
    pts.push([sx, sy]);
    const out = layerX[layer[a]] + layerHalf[layer[a]];
    const outLimit = out + ROW_STUB_SHARE * (gapEnd(layer[a]) - out);
    const outRow = Math.min(outLimit, x[a] + rowHalf(input, a, y[a], nextY[k]));
    pts.push([Math.max(out, sx + STUB, outRow), sy]);
    via[k].forEach((v, j) => {
      const l = layer[a] + 1 + j;
      pts.push([layerX[l] - layerHalf[l], v + offset[k]]);
      pts.push([layerX[l] + layerHalf[l], v + offset[k]]);
    });
    if (via[k].length === 0 && offset[k] !== 0) {
      // Bow parallel edges apart where they cross the gap, so their curves differ visibly.
      const left = pts[pts.length - 1][0];
      const right = Math.min(layerX[layer[b]] - layerHalf[layer[b]], ex - STUB);
      pts.push([(left + right) / 2, (sy + ey) / 2 + offset[k] * 1.5]);
    }
    const into = layerX[layer[b]] - layerHalf[layer[b]];
    const intoLimit = into - ROW_STUB_SHARE * (into - gapStart(layer[b] - 1));
    const intoRow = Math.max(intoLimit, x[b] - rowHalf(input, b, y[b], prevY[k]));
    pts.push([Math.min(into, ex - STUB, intoRow), ey]);
    pts.push([ex, ey]);
    routes[k] = increasing(pts);
  }
  return { routes, lean };
}

/**
 * Vertical offset (from the node's centre) of each edge's end at node `end[k]`: the groups of
 * edges (same `key`) at one node, sorted by `towards`, spread `SPACING.portSpread` apart within
 * the middle of the node's drawn shape.
 */
function ports(
  input: LayoutInput,
  end: Int32Array,
  towards: Float64Array,
  key: readonly string[],
): Float64Array {
  const m = end.length;
  const groups = new Map<number, Map<string, number[]>>();
  for (let k = 0; k < m; k++) {
    let byKey = groups.get(end[k]);
    if (!byKey) groups.set(end[k], (byKey = new Map()));
    const list = byKey.get(key[k]);
    if (list) list.push(k);
    else byKey.set(key[k], [k]);
  }
  const port = new Float64Array(m);
  for (const [i, byKey] of groups) {
    const c = byKey.size;
    if (c < 2) continue;
    const sorted = [...byKey.values()].sort((p, q) => towards[p[0]] - towards[q[0]] || p[0] - q[0]);
    const half = visual(input, i).height / 2;
    const step = Math.min(SPACING.portSpread, (half * 1.2) / (c - 1));
    sorted.forEach((edges, j) => {
      for (const k of edges) port[k] = (j - (c - 1) / 2) * step;
    });
  }
  return port;
}

/** Share of a gap that a stub may run level to keep clear of a node's label row. */
const ROW_STUB_SHARE = 0.45;
/** Air between a node's label row and a wire bending past its end. */
const ROW_CLEARANCE = 4;

/**
 * How far from node `i`'s centre an edge heading to height `towards` must run level before it
 * bends: past the end of the label row it would bend through (the row below when it heads below
 * the drawn shape, above when above), else 0.
 */
function rowHalf(input: LayoutInput, i: number, cy: number, towards: number): number {
  const node = input.nodes[i];
  const half = visual(input, i).height / 2;
  const row = towards > cy + half - 1 ? node.below : towards < cy - half + 1 ? node.above : 0;
  return row ? row / 2 + ROW_CLEARANCE : 0;
}

/** The drawn shape of a node: `visual` when given, else its layout box. */
export function visual(input: LayoutInput, i: number): { width: number; height: number } {
  const node = input.nodes[i];
  return node.visual ?? node;
}

/** Horizontal distance from a node's centre to its side at height `dy` from the centre. */
function boundary(input: LayoutInput, i: number, dy: number): number {
  const { width, height } = visual(input, i);
  if (input.nodes[i].kind === 'op') {
    const r = Math.min(width, height) / 2;
    const flat = width / 2 - r; // a circle, or a stadium when wider than tall
    return flat + Math.sqrt(Math.max(0, r * r - dy * dy));
  }
  return width / 2;
}

/** Drops points that do not move right of the previous one (a node as wide as its column). */
function increasing(pts: Point[]): Point[] {
  const out: Point[] = [pts[0]];
  for (let i = 1; i < pts.length; i++) {
    const last = out[out.length - 1];
    if (pts[i][0] > last[0] + 0.5) out.push(pts[i]);
    else if (i === pts.length - 1) out[out.length - 1] = pts[i];
  }
  return out;
}
