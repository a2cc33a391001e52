import { OP_INDEX, OP_LIST, OPS, type OpName } from '../ops';
import type { TensorGraph } from './graph';
import { forwardTensor, lossOf, type TensorAnalysis } from './run';
import { sizeOf, type Shape, type Tensor, type Value } from './types';

/**
 * Gradient check and gradient descent for tensor programs. A tensor input has too many entries
 * to difference one by one, so the check follows cs231n: a central difference along one random
 * direction (which tests every entry of the gradient at once, as a dot product) plus a few
 * sampled entries (which locate a wrong one).
 */

export interface TensorEntryCheck {
  /** Row-major index of the entry. */
  readonly index: number;
  readonly analytic: number;
  readonly numeric: number;
  readonly relError: number;
  /** A kink (relu at 0, a tie in max) lies between the two sides of the difference. */
  readonly kink: boolean;
}

export interface TensorInputCheck {
  readonly name: string;
  /** ⟨∇, d⟩ for a random unit direction d, and its central difference. */
  readonly analytic: number;
  readonly numeric: number;
  readonly relError: number;
  /** A kink lies between x + h·d and x − h·d: the difference may see two slopes (cs231n). */
  readonly kink: boolean;
  readonly entries: readonly TensorEntryCheck[];
}

/** Entry k of an operand of shape `s` broadcast to an output of shape `out`. */
function broadcastIndex(k: number, s: Shape, out: Shape): number {
  if (s.length === 0) return 0;
  const n = out[out.length - 1] ?? 1;
  const [i, j] = out.length === 2 ? [Math.floor(k / n), k % n] : [0, k];
  if (s.length === 1) return s[0] === 1 ? 0 : j;
  return (s[0] === 1 ? 0 : i) * s[1] + (s[1] === 1 ? 0 : j);
}

/**
 * Whether some node with a kink (relu, abs, max, min) has an entry on different sides of it in
 * the two runs (or on it): then the centred difference straddles the kink.
 */
function kinkBetween(g: TensorGraph, plus: Float64Array, minus: Float64Array): boolean {
  for (const n of g.nodes) {
    if (n.kind !== 'op' || !Object.hasOwn(OPS, n.op!.name)) continue;
    const kink = OP_LIST[OP_INDEX[n.op!.name as OpName]].kink;
    if (!kink) continue;
    const [a, b] = n.operands.map((o) => g.nodes[o]);
    for (let k = 0; k < n.size; k++) {
      const side = (v: Float64Array) =>
        Math.sign(
          kink.at(
            v[a.offset + broadcastIndex(k, a.shape, n.shape)],
            b ? v[b.offset + broadcastIndex(k, b.shape, n.shape)] : 0,
          ),
        );
      const p = side(plus);
      if (p === 0 || p !== side(minus)) return true;
    }
  }
  return false;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-8);

/** A small deterministic generator, so a check reads the same every time. */
function generator(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Checks every input's gradient of a tensor analysis. */
export function tensorGradientCheck(
  a: TensorAnalysis,
  { h = 1e-5, samples = 3, seed = 1 }: { h?: number; samples?: number; seed?: number } = {},
): TensorInputCheck[] {
  const g = a.graph;
  const rnd = generator(seed);
  // Every input at the analysis' values (which may differ from the program's text), one moved.
  const current = new Map(
    g.inputs.map((id) => [
      id,
      a.run.value.subarray(g.nodes[id].offset, g.nodes[id].offset + g.nodes[id].size),
    ]),
  );
  const run = (node: number, data: Float64Array) =>
    forwardTensor(g, new Map(current).set(node, data));
  return g.inputs.map((id) => {
    const n = g.nodes[id];
    const x = a.run.value.subarray(n.offset, n.offset + n.size);
    const grad = a.run.grad.subarray(n.offset, n.offset + n.size);
    const d = new Float64Array(n.size).map(() => rnd() * 2 - 1);
    const norm = Math.hypot(...d) || 1;
    for (let k = 0; k < d.length; k++) d[k] /= norm;
    const plus = x.map((v, k) => v + h * d[k]);
    const minus = x.map((v, k) => v - h * d[k]);
    const up = run(id, plus);
    const down = run(id, minus);
    const numeric = (lossOf(g, up) - lossOf(g, down)) / (2 * h);
    let analytic = 0;
    for (let k = 0; k < d.length; k++) analytic += grad[k] * d[k];
    const entries: TensorEntryCheck[] = [];
    const picks = new Set<number>();
    while (picks.size < Math.min(samples, n.size)) picks.add(Math.floor(rnd() * n.size));
    for (const index of picks) {
      const p = Float64Array.from(x);
      const m = Float64Array.from(x);
      p[index] += h;
      m[index] -= h;
      const pv = run(id, p);
      const mv = run(id, m);
      const num = (lossOf(g, pv) - lossOf(g, mv)) / (2 * h);
      entries.push({
        index,
        analytic: grad[index],
        numeric: num,
        relError: rel(grad[index], num),
        kink: kinkBetween(g, pv, mv),
      });
    }
    return {
      name: n.name!,
      analytic,
      numeric,
      relError: rel(analytic, numeric),
      kink: kinkBetween(g, up, down),
      entries,
    };
  });
}

/**
 * One gradient-descent update of the named parameters (every input if none are named):
 * new = old − lr × gradient, entry by entry. Returns every input's value after the update (the
 * data as they were), ready to pass back to `TensorProgram.analyze` (or `analyze`).
 */
export function tensorDescentStep(
  a: TensorAnalysis,
  lr: number,
  params?: readonly string[],
): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const input of a.inputs) {
    // Data keep their values, so that the result is every input's value for the next run.
    if (params && !params.includes(input.name)) {
      out[input.name] = input.value;
      continue;
    }
    const g = a.gradients[input.name];
    if (typeof input.value === 'number') {
      out[input.name] = input.value - lr * (g as number);
      continue;
    }
    const grad = (g as Tensor).data;
    const data = new Float64Array(sizeOf(input.shape));
    for (let k = 0; k < data.length; k++) data[k] = input.value.data[k] - lr * grad[k];
    out[input.name] = { shape: input.shape, data };
  }
  return out;
}
