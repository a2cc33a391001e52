import type { Layered } from './layering';
import type { Placement } from './placement';
import { LABEL_BOX, SPACING } from './settings';
import type { LayoutInput } from './types';

/**
 * Keeps an edited program's drawing where it was (issue 17: "changing one statement keeps the
 * rest of the graph where it was"). d3-dag places every node afresh, and one node more anywhere
 * moves all the others (other crossings to undo, other heights to balance). So, when nodes carry
 * where they stood before (`was`), their heights across the layers are chosen here instead:
 *
 * - a node that stood before wants its old height; a new node wants the mean height of its
 *   operands (or, for a new input, of its consumers), i.e. it goes where the statement it joins is;
 * - the point where a long wire crosses a layer wants its operand's height;
 * - in each layer the nodes that stood before are placed first, in order, spread apart only where
 *   they would now overlap (see `pack`); then each new node and wire crossing goes into the free
 *   gap nearest its wish, or above or below them all (see `place`), so it never pushes them.
 *
 * Columns stay d3-dag's: a column's x depends only on the columns left of it, so what lies left
 * of the edit keeps its x and what lies after it moves right only if the edit added a column.
 * Changes `placement.y` and `placement.via` in place.
 */
export function anchor(
  input: LayoutInput,
  layered: Layered,
  placement: Placement,
  spread: number,
): void {
  const n = input.nodes.length;
  const { from, to, layer, order } = layered;
  const m = from.length;
  const { y, via } = placement;
  const outdegree = new Int32Array(n);
  const indegree = new Int32Array(n);
  const reach = new Int32Array(n);
  for (let k = 0; k < m; k++) {
    outdegree[from[k]]++;
    indegree[to[k]]++;
    reach[from[k]] = Math.max(reach[from[k]], layer[to[k]]);
  }
  // Old heights, in this placement's frame: the offset that moves the kept nodes least from
  // where d3-dag put them (the final drawing is shifted to its margin anyway).
  const offsets: number[] = [];
  input.nodes.forEach((node, i) => {
    if (node.was) offsets.push(node.was.y - y[i]);
  });
  if (offsets.length === 0) return;
  offsets.sort((a, b) => a - b);
  const shift = offsets[offsets.length >> 1];

  const wish = new Float64Array(n).fill(NaN);
  input.nodes.forEach((node, i) => {
    if (node.was) wish[i] = node.was.y - shift;
  });
  const operandsOf: number[][] = Array.from({ length: n }, () => []);
  const consumersOf: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < m; k++) {
    operandsOf[to[k]].push(from[k]);
    consumersOf[from[k]].push(to[k]);
  }
  const mean = (list: readonly number[]) => {
    let sum = 0;
    let count = 0;
    for (const j of list) {
      if (Number.isNaN(wish[j])) continue;
      sum += wish[j];
      count++;
    }
    return count > 0 ? sum / count : NaN;
  };
  for (const i of order) if (Number.isNaN(wish[i])) wish[i] = mean(operandsOf[i]);
  for (let p = order.length - 1; p >= 0; p--) {
    const i = order[p];
    if (Number.isNaN(wish[i])) wish[i] = mean(consumersOf[i]);
  }
  for (let i = 0; i < n; i++) if (Number.isNaN(wish[i])) wish[i] = y[i];

  // Each layer's items: its nodes and the points where long wires cross it.
  interface Item {
    node: number;
    trunk: boolean;
    wish: number;
    size: number;
    kept: boolean;
    /** d3-dag's height: the order among equal wishes. */
    tie: number;
  }
  // A layer's nodes hold their old heights when they came from one old layer together (the
  // column as it was, maybe shifted right by the edit); a node that left its old companions (the
  // edited statement's result, now a column further) finds room among them like a new one.
  const oldLayers = new Map<number, Map<number, number>>();
  input.nodes.forEach((node, i) => {
    if (!node.was) return;
    const counts = oldLayers.get(layer[i]) ?? new Map<number, number>();
    counts.set(node.was.layer, (counts.get(node.was.layer) ?? 0) + 1);
    oldLayers.set(layer[i], counts);
  });
  const usual = new Map<number, number>();
  for (const [l, counts] of oldLayers) {
    let best = -1;
    for (const [old, c] of counts) if (best < 0 || c > (counts.get(best) ?? 0)) best = old;
    usual.set(l, best);
  }
  const layers: Item[][] = Array.from({ length: layered.layerCount }, () => []);
  const trunkY: Float64Array[] = new Array<Float64Array>(n);
  for (let i = 0; i < n; i++) {
    const labels = Math.max(outdegree[i], indegree[i]) * LABEL_BOX.height;
    layers[layer[i]].push({
      node: i,
      trunk: false,
      wish: wish[i],
      size: Math.max(input.nodes[i].height, labels, 1),
      kept: input.nodes[i].was?.layer === usual.get(layer[i]),
      tie: y[i],
    });
    trunkY[i] = new Float64Array(Math.max(0, reach[i] - layer[i] - 1));
    for (let l = layer[i] + 1; l < reach[i]; l++) {
      layers[l].push({ node: i, trunk: true, wish: wish[i], size: 0.5, kept: false, tie: y[i] });
    }
  }
  const gap = SPACING.nodeGap * spread;
  let top = Infinity;
  for (const items of layers) {
    for (const item of items) if (item.kept) top = Math.min(top, item.wish - item.size / 2);
  }
  layers.forEach((items, l) => {
    const at = place(items, gap, top);
    items.forEach((item, j) => {
      if (item.trunk) trunkY[item.node][l - layer[item.node] - 1] = at[j];
      else y[item.node] = at[j];
    });
  });
  for (let k = 0; k < m; k++) {
    const span = layer[to[k]] - layer[from[k]] - 1;
    via[k] = Array.from(trunkY[from[k]].subarray(0, span));
  }
}

/**
 * Positions for items in a row, in the given order, each as close to its wish as the gaps allow:
 * the least weighted sum of squared moves with neighbours at least `(size_a + size_b) / 2 + gap`
 * apart (blocks of touching items are merged and placed at their weighted mean; O(n)).
 */
/** The cost of a spot above the drawing's top edge, next to distances in px. */
const ABOVE_TOP = 1e9;

export function pack(
  items: readonly { wish: number; size: number; weight: number }[],
  gap: number,
): Float64Array {
  interface Block {
    first: number;
    last: number;
    /** Σ weight·(wish − offset) and Σ weight: the block's start is their ratio. */
    sum: number;
    weight: number;
    start: number;
  }
  const offset = new Float64Array(items.length);
  const blocks: Block[] = [];
  const separation = (a: number, b: number) => (items[a].size + items[b].size) / 2 + gap;
  items.forEach((item, i) => {
    let block: Block = {
      first: i,
      last: i,
      sum: item.weight * item.wish,
      weight: item.weight,
      start: item.wish,
    };
    offset[i] = 0;
    for (;;) {
      const before = blocks[blocks.length - 1];
      if (!before) break;
      const need = separation(before.last, block.first);
      if (before.start + offset[before.last] + need <= block.start) break;
      // Touching: one block, the later items offset from the earlier block's start.
      const base = offset[before.last] + need;
      for (let j = block.first; j <= block.last; j++) {
        offset[j] += base;
        before.sum += items[j].weight * (items[j].wish - offset[j]);
        before.weight += items[j].weight;
      }
      before.last = block.last;
      before.start = before.sum / before.weight;
      blocks.pop();
      block = before;
    }
    blocks.push(block);
  });
  const out = new Float64Array(items.length);
  for (const b of blocks) for (let j = b.first; j <= b.last; j++) out[j] = b.start + offset[j];
  return out;
}

/**
 * Positions for one layer's items (in any order; returned in that order): the kept ones packed
 * at their wishes (`pack`), then each other one, in order of its wish, at the point nearest its
 * wish in a gap wide enough for it (`gap` from each neighbour), or past either end. A spot above
 * `top` (the drawing's top edge) is taken only when nothing else is free: the drawing would grow
 * upwards, and everything in it would move down.
 */
export function place(
  items: readonly { wish: number; size: number; kept: boolean; tie: number }[],
  gap: number,
  top = -Infinity,
): Float64Array {
  const out = new Float64Array(items.length);
  const byWish = (a: number, b: number) =>
    items[a].wish - items[b].wish || items[a].tie - items[b].tie;
  const kept = items.map((_, i) => i).filter((i) => items[i].kept);
  kept.sort(byWish);
  const packed = pack(
    kept.map((i) => ({ wish: items[i].wish, size: items[i].size, weight: 1 })),
    gap,
  );
  // What is placed so far, by position.
  const pos: number[] = Array.from(packed);
  const size: number[] = kept.map((i) => items[i].size);
  kept.forEach((i, j) => (out[i] = packed[j]));
  const others = items.map((_, i) => i).filter((i) => !items[i].kept);
  others.sort(byWish);
  for (const i of others) {
    const { wish, size: s } = items[i];
    // Gaps around where the wish falls, outwards, until none can be nearer than the best.
    let right = 0;
    while (right < pos.length && pos[right] <= wish) right++;
    let best = NaN;
    let bestAt = 0;
    let bestCost = Infinity;
    const consider = (g: number) => {
      // Gap g lies between placed items g − 1 and g (−1 and length: the open ends).
      const lo = g > 0 ? pos[g - 1] + (size[g - 1] + s) / 2 + gap : -Infinity;
      const hi = g < pos.length ? pos[g] - (size[g] + s) / 2 - gap : Infinity;
      if (lo > hi) return;
      const c = Math.min(hi, Math.max(lo, wish));
      const cost = Math.abs(c - wish) + (c - s / 2 < top ? ABOVE_TOP : 0);
      if (Number.isNaN(best) || cost < bestCost) {
        best = c;
        bestAt = g;
        bestCost = cost;
      }
    };
    for (let d = 0; ; d++) {
      const a = right - d;
      const b = right + d;
      if (a < 0 && b > pos.length) break;
      if (!Number.isNaN(best)) {
        // Every spot in a gap further out is at least this far from the wish.
        const left = a >= 0 ? (a < right ? wish - pos[a] : 0) : Infinity;
        const rightmost = b <= pos.length ? (b > right ? pos[b - 1] - wish : 0) : Infinity;
        if (Math.min(left, rightmost) > bestCost) break;
      }
      if (a >= 0) consider(a);
      if (d > 0 && b <= pos.length) consider(b);
    }
    out[i] = best;
    pos.splice(bestAt, 0, best);
    size.splice(bestAt, 0, s);
  }
  return out;
}
