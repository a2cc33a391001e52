import { NodeKind, type CompiledGraph } from './graph';
import { OP_LIST, type Note } from './ops';

export interface BackwardResult {
  /** grad[i] = ∂output/∂(node i). 0 for nodes the output does not depend on, and for constants. */
  readonly grad: Float64Array;
  /** local[e] = ∂(consumer)/∂(operand) of edge e, at the forward values. */
  readonly local: Float64Array;
  /** contribution[e] = grad[consumer] · local[e]: what travels back along edge e. */
  readonly contribution: Float64Array;
  /** runningSum[e] = the operand's gradient just after edge e's contribution was added. */
  readonly runningSum: Float64Array;
  /** Edges that carry a gradient back, in the order the sweep sends them. */
  readonly edgeOrder: Int32Array;
  /** Notes on slopes that are not finite (sqrt at 0, a power's exponent over a negative base). */
  readonly notes: ReadonlyMap<number, readonly Note[]>;
}

/**
 * Reverse mode in one sweep: each node's gradient is complete before it is passed on, and is
 * computed once however many paths lead back to it (seed 001's memoization). Where a value fans
 * out, the contributions from its consumers add up.
 *
 * The sweep visits nodes level by level back from the output (the number of steps on the longest
 * path to it), ties in program order. That is a reverse topological order, and it sends gradients
 * back as a wave across a left-to-right drawing of the graph: for colah's `e = (a+b)*(b+1)` the
 * fork at `b` receives 2 (through a+b) and then 3 (through b+1).
 *
 * @example
 * const g = buildGraph(parse('(x+y)*z'), { x: -2, y: 5, z: -4 });
 * backward(g, forward(g).value).grad[g.inputs[0]] // -4
 */
export function backward(g: CompiledGraph, value: Float64Array): BackwardResult {
  const n = g.nodeCount;
  const { kind, op, inStart, edgeFrom, variable, output } = g;
  const local = new Float64Array(g.edgeCount);
  for (let i = 0; i < n; i++) {
    if (kind[i] !== NodeKind.Op) continue;
    const spec = OP_LIST[op[i]];
    const s = inStart[i];
    const a = value[edgeFrom[s]];
    const b = spec.arity === 2 ? value[edgeFrom[s + 1]] : 0;
    // Where the value itself is undefined (log of a negative number), so is its slope.
    const undefinedHere = Number.isNaN(value[i]);
    for (let e = s; e < inStart[i + 1]; e++) {
      local[e] = undefinedHere ? NaN : spec.partial(e - s, a, b, value[i]);
    }
  }

  const order = sweepOrder(g);
  const grad = new Float64Array(n);
  const contribution = new Float64Array(g.edgeCount);
  const runningSum = new Float64Array(g.edgeCount);
  const edgeOrder = new Int32Array(g.edgeCount);
  const notes = new Map<number, Note[]>();
  let sent = 0;
  grad[output] = 1;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const upstream = grad[i];
    for (let e = inStart[i]; e < inStart[i + 1]; e++) {
      const from = edgeFrom[e];
      if (!variable[from]) continue;
      const c = upstream * local[e];
      contribution[e] = c;
      runningSum[e] = grad[from] += c;
      edgeOrder[sent++] = e;
      if (!Number.isFinite(local[e])) noteSlope(g, value, i, e - inStart[i], notes);
    }
  }
  return { grad, local, contribution, runningSum, edgeOrder: edgeOrder.slice(0, sent), notes };
}

/**
 * Op nodes that pass a gradient on (they depend on an input and feed the output), ordered by
 * their longest distance to the output, then by id. Counting sort: linear in the graph's size.
 */
export function sweepOrder(g: CompiledGraph): Int32Array {
  const { kind, inStart, edgeFrom, variable, reachesOutput, output } = g;
  const level = new Int32Array(g.nodeCount);
  let maxLevel = 0;
  let count = 0;
  for (let i = output; i >= 0; i--) {
    if (!reachesOutput[i]) continue;
    const next = level[i] + 1;
    for (let e = inStart[i]; e < inStart[i + 1]; e++) {
      const from = edgeFrom[e];
      if (level[from] < next) level[from] = next;
    }
    if (kind[i] === NodeKind.Op && variable[i]) {
      count++;
      if (level[i] > maxLevel) maxLevel = level[i];
    }
  }
  const start = new Int32Array(maxLevel + 2);
  const active = (i: number) => reachesOutput[i] && variable[i] && kind[i] === NodeKind.Op;
  for (let i = 0; i <= output; i++) if (active(i)) start[level[i] + 1]++;
  for (let l = 0; l <= maxLevel; l++) start[l + 1] += start[l];
  const order = new Int32Array(count);
  for (let i = 0; i <= output; i++) if (active(i)) order[start[level[i]]++] = i;
  return order;
}

function noteSlope(
  g: CompiledGraph,
  value: Float64Array,
  node: number,
  operand: number,
  notes: Map<number, Note[]>,
) {
  const spec = OP_LIST[g.op[node]];
  const s = g.inStart[node];
  const a = value[g.edgeFrom[s]];
  const b = spec.arity === 2 ? value[g.edgeFrom[s + 1]] : 0;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(value[node])) return;
  const code = spec.slopeNote?.(operand, a, b) ?? 'diag.infiniteSlope';
  const list = notes.get(node) ?? [];
  if (!list.some((n) => n.code === code)) list.push({ code, kind: 'slope' });
  notes.set(node, list);
}
