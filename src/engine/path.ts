import type { Analysis } from './analysis';
import { TEX, type Notation } from './tex';
import { formatNumber, numberTex } from './format';
import { NEVER } from './trace';

/**
 * The factors of the path a gradient has come along, from the output (or from the nearest fork,
 * whose gradient is a sum) down to the operand of edge `edge`:
 * `∂f/∂w₀ = ∂f/∂a₄ · ∂a₄/∂a₃ · ∂a₃/∂a₁ · ∂a₁/∂w₀ = 1 · 0.1966 · 1 · (-1) = -0.1966`.
 * Returns undefined when the path has two factors or fewer (the step's own formula says it). Into
 * a fork, where the path carries one share of the sum, the `∂f/∂x =` in front is left out.
 */
export function pathFactors(a: Analysis, edge: number, n: Notation = TEX): string | undefined {
  const g = a.compiled;
  const { trace, backward: bw } = a;
  const edges = [edge];
  let top = g.edgeTo[edge];
  while (top !== g.output) {
    const outs: number[] = [];
    for (let k = g.outStart[top]; k < g.outStart[top + 1]; k++) {
      const e = g.outEdges[k];
      if (trace.edgeGradStep[e] !== NEVER) outs.push(e);
    }
    if (outs.length !== 1) break;
    edges.unshift(outs[0]);
    top = g.edgeTo[outs[0]];
  }
  if (edges.length < 2) return undefined;
  const sym = (node: number) => n.symbol(g.symbol(node));
  const atom = (v: number) => (n === TEX ? numberTex(v, { atom: true }) : n.number(v, true, 4));
  const f = sym(g.output);
  const symbolic: string[] = [];
  const numeric: string[] = [];
  if (top !== g.output) {
    symbolic.push(n.partial(f, sym(top)));
    numeric.push(atom(bw.grad[top]));
  }
  for (const e of edges) {
    symbolic.push(n.partial(sym(g.edgeTo[e]), sym(g.edgeFrom[e])));
    numeric.push(atom(bw.local[e]));
  }
  // Two factors are the step's own `upstream · local`: nothing the headline does not say.
  if (symbolic.length < 3) return undefined;
  const result = bw.contribution[edge];
  const value = n === TEX ? numberTex(result) : formatNumber(result);
  // Into a fork this path brings one share, not the whole ∂f/∂x: no `∂f/∂x =` in front of it.
  const operand = g.edgeFrom[edge];
  const shares = trace.arrivalStart[operand + 1] - trace.arrivalStart[operand];
  const lhs = shares > 1 ? '' : `${n.partial(f, sym(operand))} = `;
  return `${lhs}${symbolic.join(n.times)} = ${numeric.join(n.times)} = ${value}`;
}
