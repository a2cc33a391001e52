import { backward } from './backward';
import { forward } from './forward';
import { buildGraph, type CompiledGraph } from './graph';
import { parse } from './parser';

/**
 * Gradient descent on a program whose output is a loss (seeds 000 and 001): the inputs marked as
 * parameters move by −lr × ∂loss/∂parameter, the data stay put, and the program runs again.
 */

/** One row of a training run: the loss and the parameters at that iteration. */
export interface TrainPoint {
  /** 0 for the starting point, k after k updates. */
  readonly iteration: number;
  readonly loss: number;
  readonly params: Readonly<Record<string, number>>;
}

export interface TrainOptions {
  /** Updates to make at most. */
  readonly steps?: number;
  /** Stop as soon as the loss is below this. */
  readonly lossBelow?: number;
}

export interface TrainResult {
  /** history[0] is the start; one row per update after it. */
  readonly history: readonly TrainPoint[];
  /** Why it stopped: the step budget ran out, the loss got below ε, or it stopped being a number. */
  readonly stopped: 'steps' | 'loss' | 'diverged';
}

/** One update, parameter by parameter: old − lr × gradient = new. */
export interface ParamUpdate {
  readonly name: string;
  readonly old: number;
  readonly grad: number;
  readonly next: number;
}

export interface DescentStep {
  /** The loss before the update. */
  readonly loss: number;
  readonly lr: number;
  readonly updates: readonly ParamUpdate[];
  /** The loss after it (the program re-run at the new parameter values). */
  readonly lossAfter: number;
}

/** The most updates one call to `train` makes, so "until the loss is below ε" always ends. */
export const MAX_TRAIN_STEPS = 10_000;

/**
 * Which inputs look like parameters by name: weights and biases (`w`, `W_h`, `w0`, `b_1`,
 * `theta`, `weight`, `bias`). Everything else is data. The person can change the guess.
 *
 * @example
 * guessParams(['x', 'w0', 'b', 'y', 'W_o']) // ['w0', 'b', 'W_o']
 */
export function guessParams(names: readonly string[]): string[] {
  return names.filter((n) => PARAM_NAME.test(n));
}

const PARAM_NAME = /^(?:[wWbB](?:_?\d+|_\w+)?|theta\w*|weights?\w*|bias(?:es)?\w*)$/;

/**
 * One update: runs the program, takes the gradient, moves every parameter by exactly
 * −lr × its gradient, runs it again for the new loss.
 *
 * @example
 * descentStep('w = 2\nL = w^2', {}, ['w'], 0.1).updates[0] // { name: 'w', old: 2, grad: 4, next: 1.6 }
 */
export function descentStep(
  source: string,
  values: Readonly<Record<string, number>>,
  params: readonly string[],
  lr: number,
): DescentStep {
  const g = buildGraph(parse(source), values);
  return stepCompiled(g, startingPoint(g), paramSlots(g, params), lr);
}

/**
 * Repeats `descentStep` until `steps` updates are made or the loss is below `lossBelow`,
 * whichever comes first (at most MAX_TRAIN_STEPS). The graph is built once; each iteration is a
 * forward and a backward sweep over its flat arrays.
 */
export function train(
  source: string,
  values: Readonly<Record<string, number>>,
  params: readonly string[],
  lr: number,
  options: TrainOptions = {},
): TrainResult {
  const g = buildGraph(parse(source), values);
  return trainCompiled(g, startingPoint(g), paramSlots(g, params), lr, options);
}

/** The inputs' values a compiled graph starts from, in input order. */
export function startingPoint(g: CompiledGraph): Float64Array {
  return Float64Array.from(g.inputs, (id) => g.baseValue[id]);
}

/** Positions (in input order) of the named parameters; names that are not inputs are skipped. */
export function paramSlots(g: CompiledGraph, params: readonly string[]): number[] {
  const wanted = new Set(params);
  const slots: number[] = [];
  for (let k = 0; k < g.inputs.length; k++) if (wanted.has(g.names[g.inputs[k]]!)) slots.push(k);
  return slots;
}

/** `stepCompiled` and `trainCompiled` work on a graph and a point already at hand. */
export function stepCompiled(
  g: CompiledGraph,
  point: Float64Array,
  slots: readonly number[],
  lr: number,
): DescentStep {
  const fw = forward(g, point).value;
  const bw = backward(g, fw);
  const updates = slots.map((k): ParamUpdate => {
    const id = g.inputs[k];
    const old = point[k];
    const grad = bw.grad[id];
    return { name: g.names[id]!, old, grad, next: old - lr * grad };
  });
  const after = Float64Array.from(point);
  slots.forEach((k, j) => (after[k] = updates[j].next));
  return { loss: fw[g.output], lr, updates, lossAfter: forward(g, after).value[g.output] };
}

export function trainCompiled(
  g: CompiledGraph,
  start: Float64Array,
  slots: readonly number[],
  lr: number,
  { steps = MAX_TRAIN_STEPS, lossBelow }: TrainOptions = {},
): TrainResult {
  const budget = Math.max(0, Math.min(MAX_TRAIN_STEPS, Math.floor(steps)));
  const point = Float64Array.from(start);
  const row = (iteration: number, loss: number): TrainPoint => {
    const params: Record<string, number> = {};
    for (const k of slots) params[g.names[g.inputs[k]]!] = point[k];
    return { iteration, loss, params };
  };
  const history: TrainPoint[] = [];
  for (let it = 0; ; it++) {
    const value = forward(g, point).value;
    const loss = value[g.output];
    history.push(row(it, loss));
    if (!Number.isFinite(loss)) return { history, stopped: 'diverged' };
    if (lossBelow !== undefined && loss < lossBelow) return { history, stopped: 'loss' };
    if (it >= budget) return { history, stopped: 'steps' };
    const grad = backward(g, value).grad;
    for (const k of slots) point[k] -= lr * grad[g.inputs[k]];
  }
}
