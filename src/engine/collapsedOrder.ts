import type { CompiledGraph } from './graph';

/**
 * The order of the backward sweep when some groups are collapsed: every collapsed group's
 * backward steps are one contiguous block, so a collapsed group plays as one step and nothing
 * outside its box changes before that step (issue 17).
 *
 * A priority topological sort (Kahn) over units: each outermost collapsed group is one unit,
 * every other node that passes a gradient on is a unit of its own. A unit is ready once every
 * consumer outside it has sent its share; of the ready units the one whose earliest member comes
 * first in the graph's own order (`gradEdges`) goes next. Inside a unit the same sort runs again
 * over its inner collapsed groups (a collapsed statement inside a collapsed layer stays a block
 * of its own inside the layer's block), its other members keeping their order in `gradEdges`.
 *
 * Why this is the graph's order when nothing is collapsed: `gradEdges` is itself a reverse
 * topological order, so the node it sends from next always has all its consumers done (it is
 * ready), and no ready node comes before it (each one that did was already taken). The sort then
 * takes exactly `gradEdges`' nodes in `gradEdges`' order, each with its edges in operand order.
 *
 * Why each node's gradient is complete before it is passed on: a unit starts only after every
 * consumer outside it has sent, and inside it the members go in `gradEdges`' order (a reverse
 * topological order) or, for inner groups, by the same argument one level down.
 *
 * Why the sort never gets stuck: a statement's group is only used outside through its named node,
 * which is its last (ids are a topological order), and a layer's statements are of one depth, so
 * no path leaves a group and comes back into it; the units then form a DAG. Should a group ever
 * break that, the graph's own order is returned (the group then plays as before, not as a block).
 *
 * Linear in the graph's size but for a heap of ready units (log of their number).
 *
 * @example
 * collapsedEdgeOrder(g, [])           // g.gradEdges, the same numbers
 * collapsedEdgeOrder(g, [layerH2])    // h2_*'s edges in one run
 */
export function collapsedEdgeOrder(
  g: CompiledGraph,
  groups: readonly { readonly nodes: readonly number[] }[],
): Int32Array {
  const { gradEdges, edgeTo, edgeFrom } = g;
  if (groups.length === 0 || gradEdges.length === 0) return gradEdges;
  // The nodes that send a gradient, in the order they first send, and where each one's run of
  // edges starts in `gradEdges` (a node's edges are consecutive there, in operand order).
  const position = new Int32Array(g.nodeCount).fill(-1);
  const senders: number[] = [];
  const runStart: number[] = [];
  for (let k = 0; k < gradEdges.length; k++) {
    const to = edgeTo[gradEdges[k]];
    if (position[to] < 0) {
      position[to] = senders.length;
      senders.push(to);
      runStart.push(k);
    }
  }
  runStart.push(gradEdges.length);
  // Only the members that send a gradient matter; groups with none are left out.
  const sets = groups
    .map((grp) => grp.nodes.filter((m) => position[m] >= 0).map((m) => position[m]))
    .filter((s) => s.length > 0)
    .map((s) => s.sort((a, b) => a - b));

  /** Unit of each sender position at the current level of `arrange` (-1: not in the list). */
  const unitOf = new Int32Array(senders.length).fill(-1);
  const arrange = (list: readonly number[], inner: readonly (readonly number[])[]): number[] => {
    if (inner.length === 0) return [...list];
    // Outermost groups first: the largest claims its members, a group inside it claims none.
    const bySize = [...inner].sort((a, b) => b.length - a.length);
    const units: number[][] = [];
    const unitGroup: (readonly number[] | undefined)[] = [];
    for (const p of list) unitOf[p] = -2;
    for (const set of bySize) {
      if (!set.every((p) => unitOf[p] === -2)) continue;
      const u = units.length;
      units.push([]);
      unitGroup.push(set);
      for (const p of set) unitOf[p] = u;
    }
    for (const p of list) {
      if (unitOf[p] === -2) {
        unitOf[p] = units.length;
        units.push([]);
        unitGroup.push(undefined);
      }
      units[unitOf[p]].push(p); // in `list`'s order, which is gradEdges' order
    }
    // Shares each unit still waits for: edges into its members from consumers outside it.
    const waiting = new Int32Array(units.length);
    for (const p of list) {
      const u = unitOf[p];
      for (let k = runStart[p]; k < runStart[p + 1]; k++) {
        const q = position[edgeFrom[gradEdges[k]]];
        if (q >= 0 && unitOf[q] >= 0 && unitOf[q] !== u) waiting[unitOf[q]]++;
      }
    }
    const heap = new MinHeap((u) => units[u][0]);
    for (let u = 0; u < units.length; u++) if (waiting[u] === 0) heap.push(u);
    const placed: number[] = [];
    while (heap.size > 0) {
      const u = heap.pop();
      const members = units[u];
      placed.push(u);
      for (const p of members) {
        for (let k = runStart[p]; k < runStart[p + 1]; k++) {
          const q = position[edgeFrom[gradEdges[k]]];
          if (q < 0 || unitOf[q] < 0 || unitOf[q] === u) continue;
          if (--waiting[unitOf[q]] === 0) heap.push(unitOf[q]);
        }
      }
    }
    if (placed.length < units.length) throw new Stuck();
    for (const p of list) unitOf[p] = -1;
    // Each group's inside, arranged by the groups it holds (its members are free again now).
    const out: number[] = [];
    for (const u of placed) {
      const members = units[u];
      const own = unitGroup[u];
      if (!own || members.length === 1) {
        out.push(...members);
        continue;
      }
      const holds = new Set(members);
      const within = inner.filter((s) => s.length < members.length && s.every((p) => holds.has(p)));
      out.push(...arrange(members, within));
    }
    return out;
  };

  let order: number[];
  try {
    order = arrange(
      senders.map((_, p) => p),
      sets,
    );
  } catch (e) {
    if (e instanceof Stuck) return gradEdges;
    throw e;
  }
  const edges = new Int32Array(gradEdges.length);
  let n = 0;
  for (const p of order) {
    for (let k = runStart[p]; k < runStart[p + 1]; k++) edges[n++] = gradEdges[k];
  }
  return edges;
}

class Stuck extends Error {}

/** A binary min-heap of unit ids by a key. */
class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly key: (u: number) => number) {}
  get size() {
    return this.items.length;
  }
  push(u: number) {
    const { items, key } = this;
    let i = items.push(u) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (key(items[parent]) <= key(items[i])) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }
  pop(): number {
    const { items, key } = this;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && key(items[l]) < key(items[m])) m = l;
        if (r < items.length && key(items[r]) < key(items[m])) m = r;
        if (m === i) break;
        [items[m], items[i]] = [items[i], items[m]];
        i = m;
      }
    }
    return top;
  }
}
