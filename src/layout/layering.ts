import type { LayoutInput } from './types';

/** The graph in index form (node index = position in `input.nodes`) with its layers. */
export interface Layered {
  /** Node index of each edge's operand and consumer. */
  from: Int32Array;
  to: Int32Array;
  /** Layer (column) of each node; 0 = leftmost. */
  layer: Int32Array;
  layerCount: number;
  /** Node indices in a topological order. */
  order: Int32Array;
}

/**
 * Assigns each node a column, left to right:
 * - nodes without operands (inputs) in layer 0;
 * - every other node at its longest-path depth from them, i.e. one column right of its deepest
 *   operand: the column is the forward step at which its value can first be computed, so the
 *   forward pass sweeps the drawing one column at a time (constants do not count as operands
 *   for this: they are placed afterwards);
 * - a constant without operands in the layer just before its (first) consumer, next to it;
 * - the output (when computed from something) alone in the rightmost layer.
 * Empty layers are removed. Throws on a cycle or on an edge naming an unknown node.
 */
export function assignLayers(input: LayoutInput): Layered {
  const n = input.nodes.length;
  const m = input.edges.length;
  const index = new Map<number, number>();
  input.nodes.forEach((node, i) => index.set(node.id, i));
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const indegree = new Int32Array(n);
  const outdegree = new Int32Array(n);
  input.edges.forEach((e, k) => {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) {
      throw new Error(`layout: edge ${e.id} joins an unknown node`);
    }
    from[k] = a;
    to[k] = b;
    indegree[b]++;
    outdegree[a]++;
  });
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    outStart[from[k] + 1]++;
    inStart[to[k] + 1]++;
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1] += outStart[i];
    inStart[i + 1] += inStart[i];
  }
  const outEdges = new Int32Array(m);
  const inEdges = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let k = 0; k < m; k++) {
    outEdges[outFill[from[k]]++] = k;
    inEdges[inFill[to[k]]++] = k;
  }

  const order = topologicalOrder(n, to, outStart, outEdges, indegree);

  // A constant placed by its consumer: no operands, at least one consumer.
  const pinned = (i: number) =>
    input.nodes[i].kind === 'const' && indegree[i] === 0 && outdegree[i] > 0;
  const layer = new Int32Array(n);
  for (const i of order) {
    if (pinned(i)) continue;
    let l = 0;
    for (let p = inStart[i]; p < inStart[i + 1]; p++) {
      const operand = from[inEdges[p]];
      l = Math.max(l, pinned(operand) ? 1 : layer[operand] + 1);
    }
    layer[i] = l;
  }
  for (let i = 0; i < n; i++) {
    if (!pinned(i)) continue;
    let first = Infinity;
    for (let p = outStart[i]; p < outStart[i + 1]; p++) {
      first = Math.min(first, layer[to[outEdges[p]]]);
    }
    layer[i] = first - 1;
  }

  const output = pickOutput(input, index, layer, outdegree);
  // Only a computed output moves: a lone input or constant stays where inputs live.
  if (output >= 0 && indegree[output] > 0) {
    let others = -1;
    for (let i = 0; i < n; i++) if (i !== output) others = Math.max(others, layer[i]);
    if (others >= layer[output]) layer[output] = others + 1;
  }
  const layerCount = compact(layer);
  return { from, to, layer, layerCount, order };
}

function topologicalOrder(
  n: number,
  to: Int32Array,
  outStart: Int32Array,
  outEdges: Int32Array,
  indegree: Int32Array,
): Int32Array {
  const remaining = indegree.slice();
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (remaining[i] === 0) order[tail++] = i;
  while (head < tail) {
    const i = order[head++];
    for (let p = outStart[i]; p < outStart[i + 1]; p++) {
      const c = to[outEdges[p]];
      if (--remaining[c] === 0) order[tail++] = c;
    }
  }
  if (tail < n) throw new Error(`layout: the graph has a cycle (${n - tail} of ${n} nodes on it)`);
  return order;
}

/** The output node's index: the given one if it is a sink, else the deepest sink (highest index on ties). */
function pickOutput(
  input: LayoutInput,
  index: Map<number, number>,
  layer: Int32Array,
  outdegree: Int32Array,
): number {
  if (input.output !== undefined) {
    const i = index.get(input.output);
    return i !== undefined && outdegree[i] === 0 ? i : -1;
  }
  let best = -1;
  for (let i = 0; i < layer.length; i++) {
    if (outdegree[i] === 0 && (best < 0 || layer[i] >= layer[best])) best = i;
  }
  return best;
}

/** Renumbers layers so none is empty; returns the number of layers. */
function compact(layer: Int32Array): number {
  let max = -1;
  for (const l of layer) max = Math.max(max, l);
  const used = new Int32Array(max + 1);
  for (const l of layer) used[l] = 1;
  const renumber = new Int32Array(max + 1);
  let count = 0;
  for (let l = 0; l <= max; l++) if (used[l]) renumber[l] = count++;
  for (let i = 0; i < layer.length; i++) layer[i] = renumber[layer[i]];
  return count;
}
