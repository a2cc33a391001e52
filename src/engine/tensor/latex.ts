import { DERIVATION_HEADINGS, derivationDocument } from '../derivation';
import type { DerivationHeadings } from '../derivation';
import { numberTex } from '../format';
import type { TensorAnalysis } from './run';
import type { Shape, Value } from './types';

/** Rows and columns written in full; a larger matrix shows its corners around `\cdots`. */
export const BMATRIX_MAX = 6;
/** Rows and columns kept at each corner of an elided matrix. */
const CORNER = 2;

/**
 * A value as LaTeX: a number as itself, a vector as a one-row `bmatrix`, a matrix as a
 * `bmatrix` (amsmath), in full up to 6×6 and beyond that its corners with `\cdots`, `\vdots`
 * and `\ddots` between, its shape under it.
 *
 * @example
 * bmatrix({ shape: [2, 2], data: Float64Array.of(1, 2, 3, 4) })
 * // '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}'
 */
export function bmatrix(v: Value): string {
  if (typeof v === 'number') return numberTex(v);
  const { shape, data } = v;
  if (shape.length === 0) return numberTex(data[0]);
  const [m, n] = shape.length === 1 ? [1, shape[0]] : shape;
  const pick = (k: number) =>
    k <= BMATRIX_MAX
      ? Array.from({ length: k }, (_, i) => i)
      : [
          ...Array.from({ length: CORNER }, (_, i) => i),
          -1,
          ...Array.from({ length: CORNER }, (_, i) => k - CORNER + i),
        ];
  const rows = pick(m);
  const cols = pick(n);
  const lines = rows.map((i) =>
    cols
      .map((j) =>
        i < 0 ? (j < 0 ? '\\ddots' : '\\vdots') : j < 0 ? '\\cdots' : numberTex(data[i * n + j]),
      )
      .join(' & '),
  );
  const body = `\\begin{bmatrix} ${lines.join(' \\\\ ')} \\end{bmatrix}`;
  return m > BMATRIX_MAX || n > BMATRIX_MAX ? `\\underset{${shapeTex(shape)}}{${body}}` : body;
}

const shapeTex = (shape: Shape) => shape.join('{\\times}');

/**
 * The derivation of a tensor program (issue 15) as a LaTeX fragment, the scalar handout's
 * counterpart: the inputs as matrices, each forward step's formula with its shapes and the
 * matrix it gives, each backward step's rule with the share it sends back, then every input's
 * gradient, all as `bmatrix`es. `upTo` counts the steps played, as the store's `stepIndex`.
 */
export function tensorDerivationLatex(
  a: TensorAnalysis,
  upTo: number = a.steps.length,
  options: { headings?: Partial<DerivationHeadings>; partialNote?: string } = {},
): string {
  const headings = { ...DERIVATION_HEADINGS, ...options.headings };
  const g = a.graph;
  const shown = Math.max(0, Math.min(Math.floor(upTo), a.steps.length));
  const finished = shown === a.steps.length;
  const program = a.inputs.map((i) => `${g.symbol(i.node).tex} = ${bmatrix(i.value)}`);
  const out = g.symbol(g.output).tex;
  const loss = a.summedOutput ? `\\textstyle\\sum ${out}` : out;
  const d = (node: number) => `\\frac{\\partial ${loss}}{\\partial ${g.symbol(node).tex}}`;
  /** The formula, the matrix it gives, then the shapes its arithmetic reads. */
  const withShapes = (tex: string, v: Value, shapes: string) =>
    `${tex} = ${bmatrix(v)} \\quad \\left(${shapes}\\right)`;
  const forward: string[] = [];
  const backward: string[] = [];
  for (const step of a.steps.slice(0, shown)) {
    if (step.kind === 'forward-node')
      forward.push(withShapes(step.tex, step.value, step.shapesTex));
    else if (step.kind === 'seed') backward.push(step.tex);
    else {
      backward.push(withShapes(step.tex, step.contribution, step.shapesTex));
      // At a fork the shares add up: the gradient so far under the share.
      if (step.adds) backward.push(`${d(step.from)} = ${bmatrix(step.accumulated)}`);
    }
  }
  const gradients = finished
    ? a.inputs.map((i) => `${d(i.node)} = ${bmatrix(a.gradients[i.name])}`)
    : [];
  return derivationDocument({
    title: 'derivation of the forward and backward pass of a matrix program',
    shown,
    total: a.steps.length,
    headings,
    parts: { program, forward, backward, gradients },
    ...(options.partialNote !== undefined ? { partialNote: options.partialNote } : {}),
  });
}
