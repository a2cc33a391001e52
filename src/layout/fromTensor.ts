import type { TensorAnalysis } from '../engine/tensor/run';
import type { LayoutInput } from './types';

/** Most rows or columns a node's heat grid draws; a larger tensor shows its top-left corner. */
export const GRID_MAX = 12;
/** Room above a grid for the node's name and shape. */
export const GRID_HEAD = 34;
const PAD = 8;

/** Side of one grid cell: big enough to read on a projector, small enough for a 12×12. */
export function cellSize(shape: readonly number[]): number {
  const rows = shape.length === 2 ? shape[0] : 1;
  const cols = shape.length === 0 ? 1 : shape[shape.length - 1];
  const most = Math.min(GRID_MAX, Math.max(rows, cols));
  return most <= 4 ? 16 : most <= 8 ? 12 : 9;
}

/** The rows and columns a tensor's grid draws (a vector is one row). */
export function gridDims(shape: readonly number[]): [number, number] {
  const rows = shape.length === 2 ? shape[0] : 1;
  const cols = shape.length === 0 ? 1 : shape[shape.length - 1];
  return [Math.min(rows, GRID_MAX), Math.min(cols, GRID_MAX)];
}

/**
 * The box of a tensor program's node: a scalar as the scalar graph draws it, a tensor as a card
 * with its name and shape above two grids, its values then (below) its gradient.
 */
export function tensorNodeSize(kind: string, shape: readonly number[]) {
  if (shape.length === 0)
    return kind === 'op' ? { width: 92, height: 70 } : { width: 84, height: 52 };
  const [r, c] = gridDims(shape);
  const s = cellSize(shape);
  return {
    width: Math.max(84, c * s + 2 * PAD),
    height: GRID_HEAD + 2 * r * s + 3 * PAD,
  };
}

/** The layout's view of a tensor program: one box per node, one edge per operand. */
export function tensorLayoutInput(t: TensorAnalysis): LayoutInput {
  const edges: LayoutInput['edges'] = [];
  for (const n of t.nodes)
    for (const o of n.operands) edges.push({ id: edges.length, from: o, to: n.id });
  return {
    nodes: t.nodes.map((n) => ({ id: n.id, kind: n.kind, ...tensorNodeSize(n.kind, n.shape) })),
    edges,
    output: t.graph.output,
    // Cards, no numbers on the wires: no room kept for edge labels (issue 9).
    edgeLabels: false,
  };
}

/** What decides a tensor program's layout: its nodes' operations, shapes and operands. */
export const tensorStructureKey = (t: TensorAnalysis): string =>
  t.nodes.map((n) => `${n.op}:${n.shape.join('x')}:${n.operands.join(',')}`).join('|');
