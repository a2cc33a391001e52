import type { TensorGraph } from './graph';
import { backwardTensor, forwardTensor, lossOf, type TensorAnalysis } from './run';
import type { Value } from './types';

/**
 * Gradient descent on a tensor program, fast enough to train live (the spiral lesson makes
 * hundreds of updates a second): the graph is built once, every run reuses the same two
 * buffers, and an update moves each parameter's entries in place. The data (every input not
 * named a parameter) stay put.
 */
export interface TensorTrainer {
  readonly graph: TensorGraph;
  /** The parameters being trained, in input order. */
  readonly params: readonly string[];
  /** One forward and backward run, then new = old − lr × gradient. Returns the loss before it. */
  step(lr: number): number;
  /** The loss at the current parameters (a forward run only). */
  loss(): number;
  /** Every input's current value, by name (a parameter's a fresh copy): ready for `analyze`. */
  values(): Record<string, Value>;
  /** A parameter's current entries, row-major (the trainer's own array: do not keep it). */
  current(name: string): Float64Array | undefined;
  /** Node `id`'s value at the last forward run (the trainer's own buffer: do not keep it). */
  valueOf(id: number): Float64Array;
}

/** A trainer starting at the analysis' input values, for the named parameters. */
export function tensorTrainer(a: TensorAnalysis, params: readonly string[]): TensorTrainer {
  const g = a.graph;
  const wanted = new Set(params);
  const inputs = new Map<number, Float64Array>();
  const trained: { id: number; name: string; data: Float64Array; offset: number }[] = [];
  for (const id of g.inputs) {
    const n = g.nodes[id];
    const data = a.run.value.slice(n.offset, n.offset + n.size);
    inputs.set(id, data);
    if (wanted.has(n.name!)) trained.push({ id, name: n.name!, data, offset: n.offset });
  }
  const value = new Float64Array(g.size);
  const room = new Float64Array(g.size + 2 * g.edgeSize);
  return {
    graph: g,
    params: trained.map((p) => p.name),
    step(lr) {
      forwardTensor(g, inputs, value);
      room.fill(0);
      const { grad } = backwardTensor(g, value, room);
      for (const p of trained) {
        const d = p.data;
        for (let k = 0; k < d.length; k++) d[k] -= lr * grad[p.offset + k];
      }
      return lossOf(g, value);
    },
    loss() {
      return lossOf(g, forwardTensor(g, inputs, value));
    },
    values() {
      const out: Record<string, Value> = {};
      for (const id of g.inputs) {
        const n = g.nodes[id];
        const data = inputs.get(id)!;
        out[n.name!] = n.shape.length === 0 ? data[0] : { shape: n.shape, data: data.slice() };
      }
      return out;
    },
    current(name) {
      return trained.find((p) => p.name === name)?.data;
    },
    valueOf(id) {
      const n = g.nodes[id];
      return value.subarray(n.offset, n.offset + n.size);
    },
  };
}

/** One row of a tensor training run's history: the loss after `iteration` updates. */
export interface TensorTrainResult {
  /** Loss at iteration 0 (the start), 1, … */
  readonly losses: readonly number[];
  readonly stopped: 'steps' | 'loss' | 'diverged';
  /** Every input's value at the end (at the last finite loss, if the run diverged). */
  readonly values: Record<string, Value>;
}

/**
 * Up to `steps` updates, stopping early once the loss is below `lossBelow` or is no longer a
 * number (then the values are those before the step that broke it).
 *
 * @example
 * const a = analyzeTensor('W = [[1, 2]]\nL = sum(W * W)');
 * tensorTrain(a, ['W'], 0.25, { steps: 10 }).losses[1] // 1.25: W halved
 */
export function tensorTrain(
  a: TensorAnalysis,
  params: readonly string[],
  lr: number,
  { steps = 50, lossBelow }: { steps?: number; lossBelow?: number } = {},
): TensorTrainResult {
  const trainer = tensorTrainer(a, params);
  const losses: number[] = [];
  let before = trainer.values();
  for (let it = 0; ; it++) {
    const loss = trainer.loss();
    losses.push(loss);
    if (!Number.isFinite(loss)) return { losses, stopped: 'diverged', values: before };
    if (lossBelow !== undefined && loss < lossBelow)
      return { losses, stopped: 'loss', values: trainer.values() };
    if (it >= steps) return { losses, stopped: 'steps', values: trainer.values() };
    before = trainer.values();
    trainer.step(lr);
  }
}
