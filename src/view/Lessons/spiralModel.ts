import { compileTensor, forwardTensor, type TensorAnalysis } from '../../engine/tensor/run';
import type { TensorGraph } from '../../engine/tensor/graph';
import { tensorTrainer, type TensorTrainer } from '../../engine/tensor/train';

/**
 * The spiral lesson's numbers (issue 15): which nodes of the program are the points, the labels
 * and the predicted probabilities, a trainer over the chosen parameters, and the classifier
 * evaluated over a grid of the plane, all with the engine. Pure: no DOM, so it is unit-tested.
 */

/** Where a classifier program keeps its parts. */
export interface SpiralParts {
  /** The data points, n×2 (the input declared with `spiral_points`). */
  readonly x: number;
  /** The labels, one-hot n×k (the cross-entropy's second operand). */
  readonly y: number;
  /** The predicted probabilities, n×k (the cross-entropy's first operand). */
  readonly p: number;
  readonly n: number;
  readonly k: number;
}

/** Whether the text is meant for this lesson: it makes spiral data. */
export const SPIRAL_SOURCE = /\bspiral_points\s*\(/;

/** The points, labels and probabilities of a program fit for the lesson, or null. */
export function spiralParts(t: TensorAnalysis): SpiralParts | null {
  const g = t.graph;
  const ce = g.nodes.find((n) => n.kind === 'op' && n.op?.name === 'crossentropy');
  if (!ce) return null;
  const [p, y] = ce.operands;
  const x = g.inputs.find((id) => {
    const n = g.nodes[id];
    return (
      n.shape.length === 2 &&
      n.shape[1] === 2 &&
      SPIRAL_SOURCE.test(t.source.slice(n.span.start, n.span.end))
    );
  });
  if (x === undefined) return null;
  const [n, k] = g.nodes[p].shape;
  if (g.nodes[p].shape.length !== 2 || g.nodes[x].shape[0] !== n || k < 2) return null;
  return { x, y, p, n, k };
}

/** The plane shown: the data lie within the unit disc. */
export const EXTENT = 1.15;

/** Index of the largest of `k` entries from `from`. */
export function argmax(data: ArrayLike<number>, from: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (data[from + c] > data[from + best]) best = c;
  return best;
}

/**
 * The program run on a G×G grid of the plane (row 0 at the top, y = +EXTENT), for the decision
 * regions: the same program built with X the grid's points (and Y zeros of a matching shape),
 * evaluated forward with the trainer's current parameters.
 */
export interface RegionGrid {
  readonly size: number;
  /** Recomputes every grid point's predicted class into `classes` (length size²). */
  update(trainer: TensorTrainer): Uint8Array;
}

export function regionGrid(
  t: TensorAnalysis,
  parts: SpiralParts,
  size: number,
  seed: number,
): RegionGrid {
  const g = t.graph;
  const xName = g.nodes[parts.x].name!;
  const yName = g.nodes[parts.y].name;
  const points = new Float64Array(size * size * 2);
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) {
      const r = i * size + j;
      points[2 * r] = -EXTENT + ((j + 0.5) * 2 * EXTENT) / size;
      points[2 * r + 1] = EXTENT - ((i + 0.5) * 2 * EXTENT) / size;
    }
  const values: Record<string, { shape: number[]; data: Float64Array }> = {
    [xName]: { shape: [size * size, 2], data: points },
  };
  if (yName !== undefined && g.nodes[parts.y].kind === 'input')
    values[yName] = {
      shape: [size * size, parts.k],
      data: new Float64Array(size * size * parts.k),
    };
  const grid: TensorGraph = compileTensor(t.source, values, { seed }).graph;
  const ids = new Map(grid.inputs.map((id) => [grid.nodes[id].name!, id]));
  const inputs = new Map<number, Float64Array>();
  for (const id of grid.inputs) inputs.set(id, grid.nodes[id].init!);
  const value = new Float64Array(grid.size);
  const classes = new Uint8Array(size * size);
  const pNode = grid.nodes[parts.p];
  return {
    size,
    update(trainer) {
      for (const name of trainer.params) {
        const id = ids.get(name);
        const cur = trainer.current(name);
        if (id !== undefined && cur) inputs.set(id, cur);
      }
      forwardTensor(grid, inputs, value);
      const probs = value.subarray(pNode.offset, pNode.offset + pNode.size);
      for (let r = 0; r < classes.length; r++) classes[r] = argmax(probs, r * parts.k, parts.k);
      return classes;
    },
  };
}

/** The share of points the trainer's last forward run classifies right. */
export function accuracy(trainer: TensorTrainer, parts: SpiralParts): number {
  const p = trainer.valueOf(parts.p);
  const y = trainer.valueOf(parts.y);
  let right = 0;
  for (let r = 0; r < parts.n; r++)
    if (argmax(p, r * parts.k, parts.k) === argmax(y, r * parts.k, parts.k)) right++;
  return right / parts.n;
}

export { tensorTrainer };
