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
  /**
   * Edges that carry a gradient back, in the order the sweep sends them: the graph's `gradEdges`,
   * or the order it was given (a collapsed group's steps in one run, see `collapsedOrder.ts`).
   */
  readonly edgeOrder: Int32Array;
  /** Notes on slopes that are not finite (sqrt at 0, a power's exponent over a negative base). */
  readonly notes: ReadonlyMap<number, readonly Note[]>;
}

/**
 * Reverse mode in one sweep: each node's gradient is complete before it is passed on, and is
 * computed once however many paths lead back to it (seed 001's memoization). Where a value fans
 * out, the contributions from its consumers add up.
 *
 * The order of the sweep is the graph's `gradEdges`, worked out once when the graph was built
 * (level by level back from the output, ties in program order): for colah's
 * `e = (a+b)*(b+1)` the fork at `b` receives 2 (through a+b) and then 3 (through b+1).
 *
 * `order` may put the same edges in another reverse topological order (each node's consumers
 * before it): the shares then arrive, and the running sums grow, in that order.
 *
 * @example
 * const g = buildGraph(parse('(x+y)*z'), { x: -2, y: 5, z: -4 });
 * backward(g, forward(g).value).grad[g.inputs[0]] // -4
 */
export function backward(
  g: CompiledGraph,
  value: Float64Array,
  order: Int32Array = g.gradEdges,
): BackwardResult {
  const n = g.nodeCount;
  const { kind, op, inStart, edgeFrom, edgeTo, output } = g;
  const gradEdges = order;
  const local = new Float64Array(g.edgeCount);
  for (let i = 0; i < n; i++) {
    if (kind[i] !== NodeKind.Op) continue;
    const spec = OP_LIST[op[i]];
    const s = inStart[i];
    const a = value[edgeFrom[s]];
    const b = spec.arity === 2 ? value[edgeFrom[s + 1]] : 0;
    const out = value[i];
    // Where the op itself leaves its domain (log of a negative number), its slope is undefined
    // too. Where it merely received a NaN, its own slope still holds: d(a + 1)/da is 1.
    if (Number.isNaN(out) && !Number.isNaN(a) && !Number.isNaN(b)) {
      for (let e = s; e < inStart[i + 1]; e++) local[e] = NaN;
    } else {
      local[s] = spec.partial(0, a, b, out);
      if (spec.arity === 2) local[s + 1] = spec.partial(1, a, b, out);
    }
  }

  const grad = new Float64Array(n);
  const contribution = new Float64Array(g.edgeCount);
  const runningSum = new Float64Array(g.edgeCount);
  const notes = new Map<number, Note[]>();
  grad[output] = 1;
  for (let k = 0; k < gradEdges.length; k++) {
    const e = gradEdges[k];
    const to = edgeTo[e];
    const slope = local[e];
    const c = grad[to] * slope;
    contribution[e] = c;
    runningSum[e] = grad[edgeFrom[e]] += c;
    // A slope that is not finite gets a note saying why.
    if (!Number.isFinite(slope)) noteSlope(g, value, to, e - inStart[to], notes);
  }
  return { grad, local, contribution, runningSum, edgeOrder: gradEdges, notes };
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
