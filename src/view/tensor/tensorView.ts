import { interpolatePuOr, interpolateRdBu } from 'd3-scale-chromatic';
import type { TensorNodeInfo, TensorStep } from '../../engine/tensor/run';
import type { Shape, Value } from '../../engine/tensor/types';
import { formatNumber } from '../../engine/format';
import { cellSize, gridDims, GRID_HEAD } from '../../layout/fromTensor';

/** One drawn cell of a heat grid: its indices (from 0), number and fill. */
export interface Cell {
  readonly row: number;
  readonly col: number;
  readonly value: number;
  readonly fill: string;
}

/** The entries of a value as numbers (a scalar as one). */
export const entries = (v: Value): ArrayLike<number> => (typeof v === 'number' ? [v] : v.data);

/**
 * The symmetric domain [-m, m] a grid's colours span: the largest magnitude, so 0 is always the
 * scale's neutral middle and the sign reads from the hue. A grid of zeros gets [-1, 1].
 */
export function colourDomain(v: Value): [number, number] {
  let m = 0;
  for (const x of Array.from(entries(v))) if (Number.isFinite(x)) m = Math.max(m, Math.abs(x));
  return m === 0 ? [-1, 1] : [-m, m];
}

/**
 * A number's colour on a diverging, colour-blind-safe scale: values on red–blue (blue positive),
 * gradients on purple–orange (orange positive), so the two grids never read as one another.
 */
export function cellFill(x: number, domain: [number, number], kind: 'value' | 'grad'): string {
  if (!Number.isFinite(x)) return '#888888';
  const t = 0.5 + x / (2 * domain[1]);
  // RdBu runs red→blue and PuOr purple→orange: positive is blue, and orange for a gradient.
  return kind === 'value' ? interpolateRdBu(t) : interpolatePuOr(t);
}

/** The cells a node's grid draws: at most `GRID_MAX` rows and columns, row-major. */
export function gridCells(v: Value, shape: Shape, kind: 'value' | 'grad'): Cell[] {
  const [rows, cols] = gridDims(shape);
  const width = shape.length === 0 ? 1 : shape[shape.length - 1];
  const data = entries(v);
  const domain = colourDomain(v);
  const cells: Cell[] = [];
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const value = data[i * width + j];
      cells.push({ row: i, col: j, value, fill: cellFill(value, domain, kind) });
    }
  return cells;
}

/** Where a node's two grids sit in its box (top-left corners, box-relative) and their cell size. */
export function gridPlacement(shape: Shape, box: { width: number; height: number }) {
  const [rows, cols] = gridDims(shape);
  const size = cellSize(shape);
  const x = (box.width - cols * size) / 2;
  const valueY = GRID_HEAD;
  return { size, rows, cols, x, valueY, gradY: valueY + rows * size + 8 };
}

/** `3×5 matrix`, `vector of 3`: a shape as a reader says it. */
export interface TensorWords {
  matrix(rows: number, cols: number): string;
  vector(n: number): string;
  hasGradient: string;
}

/** The node's accessible name: "W1, 3×5 matrix", and ", has a gradient" once it is known. */
export function tensorNodeName(
  node: Pick<TensorNodeInfo, 'shape' | 'symbol'>,
  gradKnown: boolean,
  words: TensorWords,
): string {
  const { shape } = node;
  const kind = shape.length === 2 ? words.matrix(shape[0], shape[1]) : words.vector(shape[0]);
  return `${node.symbol.text}, ${kind}${gradKnown ? `, ${words.hasGradient}` : ''}`;
}

/** A cell's hover text: its indices (from 1, as a reader counts) and its numbers. */
export function cellTitle(
  name: string,
  shape: Shape,
  row: number,
  col: number,
  value: number,
  grad: number | undefined,
): string {
  const at = shape.length === 2 ? `[${row + 1}, ${col + 1}]` : `[${col + 1}]`;
  const g = grad === undefined ? '' : `, ∂L/∂${name}${at} = ${formatNumber(grad)}`;
  return `${name}${at} = ${formatNumber(value)}${g}`;
}

/** Shape, min, max, mean and norm of a tensor: what the inspector says of one too big to list. */
export function summary(v: Value) {
  const d = Array.from(entries(v));
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sq = 0;
  for (const x of d) {
    min = Math.min(min, x);
    max = Math.max(max, x);
    sum += x;
    sq += x * x;
  }
  return { min, max, mean: sum / d.length, norm: Math.sqrt(sq) };
}

/** What the steps played so far have computed in a tensor program. */
export interface TensorKnown {
  /** Node id → its value, once computed (inputs and constants from the start). */
  readonly value: ReadonlyMap<number, Value>;
  /** Node id → its gradient so far (a fork's running sum until its last share arrives). */
  readonly grad: ReadonlyMap<number, Value>;
  /** The edges (`to:index`, operand `index` of `to`) the step just played crossed, and how. */
  readonly active: ReadonlySet<string>;
  readonly activeNode: number | null;
  readonly phase: 'forward' | 'backward';
}

/**
 * The numbers known after `stepIndex` steps of `analysis.tensor.steps` (all of them at the end):
 * values appear as each node is computed, gradients as each backward edge is passed.
 */
export function tensorKnown(
  t: { nodes: readonly TensorNodeInfo[]; steps: readonly TensorStep[] },
  stepIndex: number,
  /** Practice mode (issue 16): the last step's numbers are asked for, so not shown yet. */
  hideLast = false,
): TensorKnown {
  const value = new Map<number, Value>();
  const grad = new Map<number, Value>();
  const active = new Set<string>();
  let activeNode: number | null = null;
  let phase: 'forward' | 'backward' = 'forward';
  for (const n of t.nodes) if (n.kind !== 'op') value.set(n.id, n.value);
  const upTo = Math.min(stepIndex, t.steps.length);
  for (let k = 0; k < upTo; k++) {
    const s = t.steps[k];
    const last = k === upTo - 1;
    const shown = !(last && hideLast);
    if (s.kind === 'forward-node') {
      if (shown) value.set(s.node, s.value);
      if (last) {
        activeNode = s.node;
        t.nodes[s.node].operands.forEach((_, i) => active.add(`${s.node}:${i}`));
      }
    } else if (s.kind === 'seed') {
      grad.set(s.node, s.grad);
      phase = 'backward';
      if (last) activeNode = s.node;
    } else {
      if (shown) grad.set(s.from, s.accumulated);
      phase = 'backward';
      if (last) {
        activeNode = s.from;
        t.nodes[s.to].operands.forEach((o, i) => o === s.from && active.add(`${s.to}:${i}`));
      }
    }
  }
  return { value, grad, active, activeNode, phase };
}
