import { formatNumber } from '../../engine/format';
import { analyzeTensor, type TensorAnalysis, type TensorStep } from '../../engine/tensor/run';
import type { Value } from '../../engine/tensor/types';
import { EXAMPLES, type ExampleId } from '../../examples';
import { STEP_NOTES, type StepNote, type StepWork } from '../../stepNotes';

/**
 * The seed notes on a matrix example's steps (issue 15, point 7): which notes a step carries, and
 * the numbers their worked parts show, computed from the run's values. Pure: unit-tested without
 * a browser.
 */

/** What decides that a program is an example with other numbers: its nodes, names and shapes. */
const shapeKey = (t: TensorAnalysis): string =>
  t.nodes
    .map((n) => `${n.op}:${n.name ?? ''}:${n.shape.join('x')}:${n.operands.join(',')}`)
    .join('|');

const keys = new WeakMap<TensorAnalysis, string>();
const keyOf = (t: TensorAnalysis) => {
  let k = keys.get(t);
  if (k === undefined) keys.set(t, (k = shapeKey(t)));
  return k;
};
const exampleKeys = new Map<ExampleId, string>();

/**
 * The annotated example this program is, if any: the chosen one, or (a link to an example whose
 * numbers were edited, which the menu no longer names) the one with the same nodes and shapes.
 */
export function annotatedExample(
  chosen: ExampleId | null,
  tensor: TensorAnalysis,
): { id: ExampleId; notes: readonly StepNote[] } | undefined {
  const ids = Object.keys(STEP_NOTES) as ExampleId[];
  const order = chosen && ids.includes(chosen) ? [chosen, ...ids.filter((i) => i !== chosen)] : ids;
  for (const id of order) {
    let key = exampleKeys.get(id);
    if (key === undefined) {
      const ex = EXAMPLES.find((e) => e.id === id)!;
      key = shapeKey(analyzeTensor(ex.source));
      exampleKeys.set(id, key);
    }
    if (key === keyOf(tensor)) return { id, notes: STEP_NOTES[id]! };
  }
  return undefined;
}

/** The node's id by the name the program gives it. */
const nodeNamed = (t: TensorAnalysis, name: string) => t.nodes.find((n) => n.name === name);

/**
 * The notes of one step: a forward step's are those on the node it computes; a backward step's
 * are those on the node whose gradient it completes (the last edge out of it, at a fork).
 */
export function notesAt(
  tensor: TensorAnalysis,
  step: TensorStep,
  notes: readonly StepNote[],
): StepNote[] {
  if (step.kind === 'seed') return [];
  if (step.kind === 'forward-node') {
    const name = tensor.nodes[step.node].name;
    return notes.filter((n) => n.phase === 'forward' && n.node === name);
  }
  const name = tensor.nodes[step.from].name;
  if (name === undefined) return [];
  const later = tensor.steps
    .slice(step.index + 1)
    .some((s) => s.kind === 'backward-edge' && s.from === step.from);
  return later ? [] : notes.filter((n) => n.phase === 'backward' && n.node === name);
}

/** A row (or a vector) of a value as numbers; a matrix's row `row`. */
function rowOf(v: Value, row: number): number[] {
  if (typeof v === 'number') return [v];
  if (v.shape.length < 2) return Array.from(v.data);
  const n = v.shape[1];
  return Array.from(v.data.subarray(row * n, (row + 1) * n));
}

/** How many rows a worked note can pick from (1 for those that are not by row). */
export function workRows(tensor: TensorAnalysis, work: StepWork): number {
  if (work.kind === 'meanError') return 1;
  const mu = nodeNamed(tensor, work.mu);
  return mu && mu.shape.length === 2 ? mu.shape[0] : 1;
}

/** A worked formula, line by line: LaTeX, and the same in plain text for screen readers. */
export interface Worked {
  readonly lines: readonly { readonly tex: string; readonly text: string }[];
}

const num = (v: number) => formatNumber(v, 4);
const texNum = (v: number) =>
  num(v)
    .replace('∞', '\\infty')
    .replace(/e([+-]?\d+)$/, '\\mathrm{e}{$1}');
const bmatrix = (rows: readonly (readonly number[])[]) =>
  `\\begin{bmatrix} ${rows.map((r) => r.map(texNum).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
const textMatrix = (rows: readonly (readonly number[])[]) =>
  `[${rows.map((r) => `[${r.map(num).join(', ')}]`).join(', ')}]`;

/** ∂μ_j/∂a_j: J[k][i] = μ_k (𝕀(i = k) − μ_i), symmetric. */
export function softmaxJacobian(mu: readonly number[]): number[][] {
  return mu.map((mk, k) => mu.map((mi, i) => mk * ((i === k ? 1 : 0) - mi)));
}

/** The row vector g times the matrix J. */
export function rowTimes(g: readonly number[], J: readonly (readonly number[])[]): number[] {
  return J[0].map((_, i) => g.reduce((s, gk, k) => s + gk * J[k][i], 0));
}

/**
 * The numbers of a note's worked part for row `row` (from 0), or undefined if the program lacks a
 * node the note reads.
 */
export function workOut(tensor: TensorAnalysis, work: StepWork, row: number): Worked | undefined {
  const j = row + 1;
  if (work.kind === 'softmaxJacobian' || work.kind === 'softmaxProduct') {
    const muNode = nodeNamed(tensor, work.mu);
    if (!muNode) return undefined;
    const mu = rowOf(muNode.value, row);
    const J = softmaxJacobian(mu);
    if (work.kind === 'softmaxJacobian') {
      return {
        lines: [
          { tex: `\\mu_{${j}} = ${bmatrix([mu])}`, text: `μ_${j} = ${textMatrix([mu])}` },
          {
            tex: `\\frac{\\partial \\mu_{${j}}}{\\partial a^{(L)}_{${j}}} = ${bmatrix(J)}`,
            text: `∂μ_${j}/∂a_${j} = ${textMatrix(J)}`,
          },
        ],
      };
    }
    const yNode = nodeNamed(tensor, work.y);
    if (!yNode || muNode.grad === undefined) return undefined;
    const g = rowOf(muNode.grad, row);
    const y = rowOf(yNode.value, row);
    const product = rowTimes(g, J);
    const diff = mu.map((m, k) => m - y[k]);
    const ySum = y.reduce((s, v) => s + v, 0);
    return {
      lines: [
        // One matrix per line: the row and the Jacobian side by side are wider than a phone, or
        // than the panel in presentation mode. The Jacobian is B2's, just above.
        {
          tex: `\\frac{\\partial \\ell}{\\partial \\mu_{${j}}} = ${bmatrix([g])}`,
          text: `∂ℓ/∂μ_${j} = ${textMatrix([g])}`,
        },
        {
          tex: `\\frac{\\partial \\ell}{\\partial \\mu_{${j}}} \\frac{\\partial \\mu_{${j}}}{\\partial a^{(L)}_{${j}}} = ${bmatrix([product])}`,
          text: `∂ℓ/∂μ_${j} · ∂μ_${j}/∂a_${j} = ${textMatrix([product])}`,
        },
        {
          tex: `\\mu_{${j}} - y_{${j}} = ${bmatrix([mu])} - ${bmatrix([y])} = ${bmatrix([diff])}`,
          text: `μ_${j} − y_${j} = ${textMatrix([mu])} − ${textMatrix([y])} = ${textMatrix([diff])}`,
        },
        {
          tex: `\\textstyle\\sum_k y_{${j}k} = ${texNum(ySum)}`,
          text: `Σ_k y_${j}k = ${num(ySum)}`,
        },
      ],
    };
  }
  const out = nodeNamed(tensor, work.out);
  const yNode = nodeNamed(tensor, work.y);
  if (!out || !yNode || typeof out.value === 'number' || typeof yNode.value === 'number')
    return undefined;
  const rows = matrixRows(out.value);
  const ys = matrixRows(yNode.value);
  if (rows.length !== ys.length || rows[0].length !== ys[0].length) return undefined;
  const m = examplesOf(tensor, work);
  const diff = rows.map((r, i) => r.map((v, k) => v - ys[i][k]));
  const scaled = diff.map((r) => r.map((v) => v / m));
  return {
    lines: [
      {
        tex: `dZ^{[2]} = A^{[2]} - Y = ${bmatrix(diff)}`,
        text: `dZ2 = A2 − Y = ${textMatrix(diff)}`,
      },
      {
        tex: `\\tfrac{1}{m}\\, dZ^{[2]} = \\tfrac{1}{${m}}\\, dZ^{[2]} = ${bmatrix(scaled)}`,
        text: `(1/m) dZ2 = (1/${m}) dZ2 = ${textMatrix(scaled)}`,
      },
    ],
  };
}

/** m of seed 000: the examples, one per column of the labels. */
export function examplesOf(tensor: TensorAnalysis, work: StepWork): number {
  if (work.kind !== 'meanError') return 1;
  const y = nodeNamed(tensor, work.y);
  return y && y.shape.length === 2 ? y.shape[1] : (y?.shape[0] ?? 1);
}

function matrixRows(v: { shape: readonly number[]; data: Float64Array }): number[][] {
  const [m, n] = v.shape.length === 2 ? v.shape : [1, v.shape[0]];
  return Array.from({ length: m }, (_, i) => Array.from(v.data.subarray(i * n, (i + 1) * n)));
}
