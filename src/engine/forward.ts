import { NodeKind, type CompiledGraph } from './graph';
import { OP_LIST, type Note } from './ops';

export interface ForwardResult {
  /** value[i]: the forward value of node i. */
  readonly value: Float64Array;
  /** Notes on values: a domain left (log of a negative number) or a kink hit (relu at 0). */
  readonly notes: ReadonlyMap<number, readonly Note[]>;
}

/**
 * Evaluates every node in id order (a topological order), so each op finds its operands ready.
 * Domain trouble is not an exception: the value becomes NaN or ±Infinity and the node gets a note.
 * A note is only raised where the trouble starts, not on everything downstream of a NaN.
 *
 * `inputValues[k]` overrides the value of input `g.inputs[k]`.
 *
 * @example
 * forward(buildGraph(parse('log(x)'), { x: -1 })).notes // Map { 1 => [{ code: 'diag.logNegative', … }] }
 */
export function forward(g: CompiledGraph, inputValues?: ArrayLike<number>): ForwardResult {
  const n = g.nodeCount;
  const { kind, op, inStart, edgeFrom } = g;
  const value = new Float64Array(n);
  value.set(g.baseValue);
  if (inputValues) for (let k = 0; k < g.inputs.length; k++) value[g.inputs[k]] = inputValues[k];
  const notes = new Map<number, Note[]>();

  for (let i = 0; i < n; i++) {
    if (kind[i] !== NodeKind.Op) {
      if (kind[i] === NodeKind.Const && !Number.isFinite(value[i]) && !Number.isNaN(value[i])) {
        notes.set(i, [{ code: 'diag.overflow', kind: 'domain' }]);
      }
      continue;
    }
    const spec = OP_LIST[op[i]];
    const s = inStart[i];
    const a = value[edgeFrom[s]];
    const b = spec.arity === 2 ? value[edgeFrom[s + 1]] : 0;
    const out = spec.evaluate(a, b);
    value[i] = out;
    if (spec.diagnose && Number.isFinite(a) && Number.isFinite(b)) {
      const note = spec.diagnose(a, b, out);
      if (note) notes.set(i, [note]);
    }
  }
  return { value, notes };
}
