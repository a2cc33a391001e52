import { decrossDfs, twolayerAgg, twolayerGreedy, type Decross, type SugiNode } from 'd3-dag';

/**
 * A d3-dag decross operator: d3-dag's own layer-by-layer orderer (`twolayerGreedy` over the
 * median, its default), swept down and up up to `passes` times from each initial order (program
 * order by `key`, when given, then d3-dag's two depth-first orders), keeping the best order seen,
 * the earliest on ties: of equally good drawings, a reader gets the one closest to what they
 * typed (cs231n's `x, y, z` top to bottom, not `y, x, z`). It does what d3-dag's `decrossTwoLayer` does, but counts crossings
 * in O(E log V) per sweep (Barth–Jünger–Mutzel) instead of comparing every pair of nodes in a
 * layer, which is what makes `decrossTwoLayer` take seconds on graphs of a few hundred nodes.
 */
export function decrossSweep<N, L>(
  passes: number,
  key?: (node: SugiNode<N, L>) => number,
): Decross<N, L> {
  const order = twolayerGreedy().base(twolayerAgg());
  const inits: ((layers: SugiNode<N, L>[][]) => void)[] = [
    decrossDfs().topDown(true),
    decrossDfs().topDown(false),
  ];
  const bySource =
    key &&
    ((layers: SugiNode<N, L>[][]) => {
      for (const l of layers) l.sort((a, b) => key(a) - key(b));
    });
  return (layers: SugiNode<N, L>[][]) => {
    // Program order first: on a tie in crossings the first order seen is kept. A large graph
    // keeps to two initial orders, so it takes no longer than before.
    const size = layers.reduce((t, l) => t + l.length, 0);
    const starts = !bySource ? inits : size > 500 ? [bySource, inits[0]] : [bySource, ...inits];
    // The order d3-dag hands over is arbitrary: the first initial order is the one kept on ties.
    let best = layers.map((l) => l.slice());
    let bestCount = Infinity;
    const keep = () => {
      const count = crossings(layers);
      if (count < bestCount) {
        bestCount = count;
        best = layers.map((l) => l.slice());
      }
    };
    for (const init of starts) {
      init(layers);
      keep();
      for (let pass = 0; pass < passes && bestCount > 0; pass++) {
        const before = layers.map((l) => l.slice());
        for (let i = 1; i < layers.length; i++) order(layers[i - 1], layers[i], true);
        keep();
        for (let i = layers.length - 2; i >= 0; i--) order(layers[i], layers[i + 1], false);
        keep();
        // A sweep that changed nothing would repeat itself.
        if (layers.every((l, i) => l.every((node, j) => node === before[i][j]))) break;
      }
    }
    layers.forEach((l, i) => l.splice(0, l.length, ...best[i]));
  };
}

/** Crossings between consecutive layers of a layered d3-dag graph (links weighted by multiplicity). */
export function crossings<N, L>(layers: readonly SugiNode<N, L>[][]): number {
  let total = 0;
  for (let i = 0; i + 1 < layers.length; i++) {
    const below = new Map<SugiNode<N, L>, number>();
    layers[i + 1].forEach((node, j) => below.set(node, j));
    const ends: number[] = [];
    for (const node of layers[i]) {
      const targets: number[] = [];
      for (const [child, count] of node.childCounts()) {
        const j = below.get(child);
        if (j !== undefined) for (let c = 0; c < count; c++) targets.push(j);
      }
      targets.sort((a, b) => a - b);
      for (const t of targets) ends.push(t);
    }
    total += inversions(ends, layers[i + 1].length);
  }
  return total;
}

/** Pairs p < q with ends[p] > ends[q], by a Fenwick tree over positions 0..size-1. */
function inversions(ends: readonly number[], size: number): number {
  const tree = new Int32Array(size + 1);
  let count = 0;
  for (let p = 0; p < ends.length; p++) {
    // how many earlier ends are greater than ends[p]
    let le = 0;
    for (let i = ends[p] + 1; i > 0; i -= i & -i) le += tree[i];
    count += p - le;
    for (let i = ends[p] + 1; i <= size; i += i & -i) tree[i]++;
  }
  return count;
}
