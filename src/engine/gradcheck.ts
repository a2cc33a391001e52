import { forward } from './forward';
import { NodeKind, type CompiledGraph } from './graph';
import { analyze, type Analysis } from './analysis';
import { OP_LIST } from './ops';

/** Step of the centred difference: cs231n's suggestion, small but far above rounding noise. */
export const DEFAULT_H = 1e-5;

/**
 * cs231n's rule of thumb for the relative error: below 1e-4 the analytic gradient is fine (even
 * near a kink), up to 1e-2 it is worth a look, above that it is most likely wrong.
 */
export const REL_OK = 1e-4;
export const REL_BAD = 1e-2;

export type CheckStatus = 'ok' | 'warn' | 'bad';

export interface InputCheck {
  readonly name: string;
  /** ∂output/∂input from the backward pass. */
  readonly analytic: number;
  /** (f(x + h) − f(x − h)) / 2h with every other input held fixed. */
  readonly numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|, 1e-8). */
  readonly relError: number;
  readonly status: CheckStatus;
  /**
   * A kink (relu or |·| at 0, a tie in max or min) lies within h of the point along this input:
   * the two sides of the difference see different slopes, so disagreement is expected there.
   */
  readonly kink: boolean;
}

export interface GradientCheck {
  readonly h: number;
  readonly inputs: readonly InputCheck[];
}

/**
 * Checks every input's analytic gradient against a centred finite difference, cs231n's
 * "gradient check". Each difference re-runs only the forward sweep of the already compiled graph
 * (two runs per input), so a check of a 100-input program costs 200 cheap sweeps.
 *
 * Throws `ExpressionError` for text that does not parse.
 *
 * @example
 * gradientCheck('(x+y)*z', { x: -2, y: 5, z: -4 }).inputs[0] // { name: 'x', analytic: -4, numeric: ≈ -4, status: 'ok', … }
 */
export function gradientCheck(
  source: string,
  values?: Readonly<Record<string, number>>,
  h: number = DEFAULT_H,
): GradientCheck {
  return checkAnalysis(analyze(source, values), h);
}

/**
 * The same check for an analysis already at hand (the UI has one in its store). `limit` checks
 * only the first inputs: each one costs two forward sweeps of the whole graph.
 */
export function checkAnalysis(
  a: Analysis,
  h: number = DEFAULT_H,
  limit: number = Infinity,
): GradientCheck {
  if (!(h > 0)) throw new RangeError(`gradient check: h must be positive, got ${h}`);
  const g = a.compiled;
  const base = Array.from(g.inputs, (id) => a.value[id]);
  const point = Float64Array.from(base);
  const inputs: InputCheck[] = [];
  const count = Math.min(g.inputs.length, limit);
  for (let k = 0; k < count; k++) {
    const name = g.names[g.inputs[k]]!;
    point[k] = base[k] + h;
    const plus = forward(g, point).value;
    point[k] = base[k] - h;
    const minus = forward(g, point).value;
    point[k] = base[k];
    const numeric = (plus[g.output] - minus[g.output]) / (2 * h);
    const analytic = a.backward.grad[g.inputs[k]];
    const relError = relativeError(analytic, numeric);
    inputs.push({
      name,
      analytic,
      numeric,
      relError,
      status: statusOf(relError),
      kink: crossesKink(g, a.value, plus, minus, downstreamOf(g, g.inputs[k])),
    });
  }
  return { h, inputs };
}

/** cs231n's relative error, with a floor so that two zeros compare as equal. */
export function relativeError(a: number, n: number): number {
  if (a === n) return 0;
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), 1e-8);
}

export function statusOf(relError: number): CheckStatus {
  if (!(relError <= REL_BAD)) return 'bad'; // NaN lands here too
  return relError < REL_OK ? 'ok' : 'warn';
}

/**
/** 1 for the input and every node computed from it: what nudging that input can move. */
function downstreamOf(g: CompiledGraph, input: number): Uint8Array {
  const down = new Uint8Array(g.nodeCount);
  down[input] = 1;
  // Ids are a topological order: every operand comes before its consumers.
  for (let i = input + 1; i < g.nodeCount; i++) {
    for (let e = g.inStart[i]; e < g.inStart[i + 1]; e++) {
      if (down[g.edgeFrom[e]]) {
        down[i] = 1;
        break;
      }
    }
  }
  return down;
}

/**
 * True if some kinked op, feeding the output, whose argument the nudged input moves, sits on its
 * kink at the point or at either end of the difference, or is on different sides of it at the two
 * ends. In `relu(x) * y` at x = 0, nudging y never moves relu's argument: no warning for y.
 */
function crossesKink(
  g: CompiledGraph,
  at: Float64Array,
  plus: Float64Array,
  minus: Float64Array,
  moved: Uint8Array,
): boolean {
  for (let i = 0; i < g.nodeCount; i++) {
    if (g.kind[i] !== NodeKind.Op || !g.reachesOutput[i]) continue;
    const spec = OP_LIST[g.op[i]];
    // Where the kink sits, as a signed distance, is the registry's to say (relu at 0, max at a tie).
    const offset = spec.kink?.at;
    if (!offset) continue;
    const s = g.inStart[i];
    if (!moved[g.edgeFrom[s]] && !(spec.arity === 2 && moved[g.edgeFrom[s + 1]])) continue;
    const side = (v: Float64Array) =>
      Math.sign(offset(v[g.edgeFrom[s]], spec.arity === 2 ? v[g.edgeFrom[s + 1]] : 0));
    const p = side(plus);
    const m = side(minus);
    if (p === 0 || m === 0 || side(at) === 0 || p !== m) return true;
  }
  return false;
}
