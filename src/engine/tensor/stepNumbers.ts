import { formatNumber, numberTex } from '../format';
import type { TensorGraph, TensorNode } from './graph';
import type { TensorAnalysis, TensorStep } from './run';
import { edgeIndexForm } from './indexForm';
import { shapeText, type Shape, type Value } from './types';

/**
 * A tensor step with its numbers (issue 15, point 4): the rule in matrix form with the shape
 * under every factor, the shapes' arithmetic, then the same rule with the matrices filled in and
 * the result; a bias fed by broadcasting adds its upstream rows one by one (Σ_b), and at a fork
 * the share is added to what the operand had (`+=`, the two matrices adding). Written from the
 * op registry's own rule (`vjpRule` with matrices for operands), so any program gets its lines.
 */

/** Rows and columns written in full; beyond, the first few, a `⋯`/`⋮`, and the last one. */
export const MATRIX_FULL = 6;
const MATRIX_HEAD = 3;
/** Significant digits of a matrix entry: three keep a 4×5 matrix within a laptop's panel. */
export const MATRIX_DIGITS = 3;

/**
 * How much of a matrix a line writes: 0 up to 5 rows and columns (beyond, 3, dots, the last),
 * 1 up to 3 (beyond, the first, dots, the last), 2 its shape alone. A panel too narrow for one
 * asks for the next (the chain-rule panel does, line by line).
 */
export type Detail = 0 | 1 | 2;

const FULL: readonly number[] = [MATRIX_FULL, 3];
const HEAD: readonly number[] = [MATRIX_HEAD, 1];

/** The entry indices a truncated axis of `n` shows (`-1` for the dots). */
function shownIndices(n: number, detail: Detail = 0): number[] {
  const full = FULL[detail] ?? MATRIX_FULL;
  const head = HEAD[detail] ?? MATRIX_HEAD;
  if (n <= full) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: head }, (_, i) => i), -1, n - 1];
}

/**
 * A value as a KaTeX `bmatrix`: a scalar as its number, a vector as one row, a matrix in full
 * up to `MATRIX_FULL` rows and columns, larger ones with `⋯` and `⋮` standing for the rest.
 *
 * @example
 * matrixTex({ shape: [2, 2], data: Float64Array.of(1, 2, 3, 4) })
 * // '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}'
 */
export function matrixTex(v: Value, digits = MATRIX_DIGITS, detail: Detail = 0): string {
  if (typeof v === 'number') return numberTex(v, { atom: true, digits });
  const { shape } = v;
  if (shape.length === 0) return numberTex(v.data[0], { atom: true, digits });
  if (detail === 2)
    return `\\underset{${shapeTex(shape)}}{\\begin{bmatrix} \\cdots \\end{bmatrix}}`;
  const data = roundedEntries(v.data, digits);
  const rows = shape.length === 2 ? shape[0] : 1;
  const cols = shape[shape.length - 1];
  const lines = shownIndices(rows, detail).map((i) =>
    shownIndices(cols, detail)
      .map((j) =>
        i < 0
          ? j < 0
            ? '\\ddots'
            : '\\vdots'
          : j < 0
            ? '\\cdots'
            : entryTex(data[i * cols + j], digits),
      )
      .join(' & '),
  );
  return `\\begin{bmatrix} ${lines.join(' \\\\ ')} \\end{bmatrix}`;
}

const entryTex = (x: number, digits: number) => numberTex(x, { digits });

/**
 * A matrix's entries rounded the way numpy prints an array: to the decimals its largest entry
 * needs for `digits` significant digits, so the columns stay narrow (0.000702 beside 0.142 is
 * written 0.0007), but never to nothing: a non-zero entry keeps one significant digit. Whole
 * numbers and entries as large as the largest keep their `digits` digits.
 */
function roundedEntries(data: Float64Array, digits: number): Float64Array {
  let max = 0;
  for (const x of data) if (Number.isFinite(x)) max = Math.max(max, Math.abs(x));
  if (max === 0) return data;
  const shared = digits - 1 - Math.floor(Math.log10(max));
  return data.map((x) => {
    if (!Number.isFinite(x) || x === 0) return x;
    const magnitude = Math.floor(Math.log10(Math.abs(x)));
    const own = digits - 1 - magnitude;
    if (own <= shared) return x;
    const d = Math.min(20, Math.max(shared, -magnitude, 0));
    return Number(x.toFixed(d));
  });
}

/** The same as text, rows in brackets: `[[1, 2], [3, 4]]`, with `…` where rows or columns are left out. */
export function matrixText(v: Value, digits = MATRIX_DIGITS, detail: Detail = 0): string {
  if (typeof v === 'number') return formatNumber(v, digits);
  const { shape } = v;
  if (shape.length === 0) return formatNumber(v.data[0], digits);
  if (detail === 2) return `[${shapeText(shape)}]`;
  const data = roundedEntries(v.data, digits);
  const rows = shape.length === 2 ? shape[0] : 1;
  const cols = shape[shape.length - 1];
  const row = (i: number) =>
    `[${shownIndices(cols, detail)
      .map((j) => (j < 0 ? '…' : formatNumber(data[i * cols + j], digits)))
      .join(', ')}]`;
  if (shape.length === 1) return row(0);
  return `[${shownIndices(rows, detail)
    .map((i) => (i < 0 ? '…' : row(i)))
    .join(', ')}]`;
}

/** One line of a step's explanation. */
export interface StepLine {
  /**
   * `rule`: the matrix rule with shapes under its factors; `shapes`: their arithmetic;
   * `numbers`: the rule with the matrices and the result; `rows` (`columns`): a broadcast
   * operand's sum over the rows (the columns, examples as columns); `fork`: the share added to
   * what the operand had.
   */
  readonly kind: 'rule' | 'shapes' | 'numbers' | 'rows' | 'columns' | 'fork';
  readonly tex: string;
  readonly text: string;
}

const shapeTex = (s: Shape) => shapeText(s).replace(/×/g, '{\\times}');

/** `X` with its shape under it. */
const under = (tex: string, s: Shape) => `\\underset{${shapeTex(s)}}{${tex}}`;

/** How ∂L/∂(node) is written, in the trace's notation. */
function partial(g: TensorGraph, node: number, tex: boolean): string {
  const L = g.symbol(g.output);
  const summed = g.nodes[g.output].shape.length > 0;
  const x = g.symbol(node);
  if (!tex) return `∂${summed ? `sum(${L.text})` : L.text}/∂${x.text}`;
  const loss = summed ? `\\textstyle\\sum ${L.tex}` : L.tex;
  return `\\frac{\\partial ${loss}}{\\partial ${x.tex}}`;
}

const valueOf = (a: TensorAnalysis, n: TensorNode): Value => a.nodes[n.id].value;

/**
 * Two matrices written side by side get a `\cdot` between them: KaTeX may break a line after an
 * operator but never inside a juxtaposition, so a product of two 4×3 matrices would overflow a
 * narrow chain-rule panel (presentation at 1280×800) instead of going on the next line.
 */
const breakable = (tex: string): string =>
  tex.replace(/(\\end\{bmatrix\}(?:\^\{?\\top\}?)?) (\\begin\{bmatrix\})/g, '$1 \\cdot $2');

/**
 * The lines of step `step` of `a.steps`: what the chain-rule panel writes under the step's own
 * formula. Forward: the op applied to the operands' matrices, equal to the result. Backward: the
 * rule with shapes under its factors, the rule with the numbers, and (where they apply) the
 * broadcast rows' sum and the fork's addition.
 */
export function stepLines(a: TensorAnalysis, step: TensorStep, detail: Detail = 0): StepLine[] {
  const g = a.graph;
  const matrixTex = (v: Value) => texOf(v, MATRIX_DIGITS, detail);
  const matrixText = (v: Value) => textOf(v, MATRIX_DIGITS, detail);
  if (step.kind === 'forward-node') {
    const n = g.nodes[step.node];
    const sym = g.symbol(n.id);
    const args = n.operands.map((o) => matrixTex(valueOf(a, g.nodes[o])));
    const argsText = n.operands.map((o) => matrixText(valueOf(a, g.nodes[o])));
    const rule = n.operands.map((o) => under(g.symbol(o).tex, g.nodes[o].shape));
    return [
      {
        kind: 'rule',
        tex: `${under(sym.tex, n.shape)} = ${n.op!.write('tex', rule, n.attr)}`,
        text: step.formulaText,
      },
      {
        kind: 'numbers',
        tex: `${sym.tex} = ${breakable(n.op!.write('tex', args, n.attr))} = ${matrixTex(step.value)}`,
        text: `${sym.text} = ${n.op!.write('text', argsText, n.attr)} = ${matrixText(step.value)}`,
      },
    ];
  }
  if (step.kind === 'seed') {
    const n = g.nodes[step.node];
    return [
      {
        kind: 'numbers',
        tex: `${partial(g, n.id, true)} = ${matrixTex(step.grad)}`,
        text: `${partial(g, n.id, false)} = ${matrixText(step.grad)}`,
      },
    ];
  }
  const edge = g.gradEdges[step.edge];
  const to = g.nodes[step.to];
  const from = g.nodes[step.from];
  const shapes = to.operands.map((o) => g.nodes[o].shape);
  const op = to.op!;
  const ruleWith = (n: 'tex' | 'text', args: readonly string[], up: string, out: string): string =>
    op.vjpRule(n, edge.index, args, up, out, shapes, to.shape);
  const lhs = (tex: boolean) => partial(g, from.id, tex);
  const rel = step.adds ? { tex: '\\mathrel{+}=', text: '+=' } : { tex: '=', text: '=' };
  const lines: StepLine[] = [];
  // The rule, every factor with its shape under it.
  lines.push({
    kind: 'rule',
    tex: `${under(lhs(true), from.shape)} ${rel.tex} ${ruleWith(
      'tex',
      to.operands.map((o) => under(g.symbol(o).tex, g.nodes[o].shape)),
      under(partial(g, to.id, true), to.shape),
      under(g.symbol(to.id).tex, to.shape),
    )}`,
    text: `${lhs(false)} ${rel.text} ${step.ruleText}`,
  });
  lines.push({ kind: 'shapes', tex: `\\left(${step.shapesTex}\\right)`, text: `(${step.shapes})` });
  // The same rule with the numbers: operands, upstream gradient and output as matrices.
  const N = shapes[0].length === 2 ? shapes[0][0] : 1;
  const fillN = (s: string) => s.replace(/\}\{N\}/g, `}{${N}}`).replace(/\/N\b/g, `/${N}`);
  const numbersTex = fillN(
    ruleWith(
      'tex',
      to.operands.map((o) => matrixTex(valueOf(a, g.nodes[o]))),
      matrixTex(step.upstream),
      matrixTex(valueOf(a, to)),
    ),
  );
  const numbersText = fillN(
    ruleWith(
      'text',
      to.operands.map((o) => matrixText(valueOf(a, g.nodes[o]))),
      matrixText(step.upstream),
      matrixText(valueOf(a, to)),
    ),
  );
  // At a fork the share is not yet ∂L/∂x: it is named by its rule (words would need a language).
  const share = step.adds ? step.ruleTex : lhs(true);
  const shareText = step.adds ? step.ruleText : lhs(false);
  lines.push({
    kind: 'numbers',
    tex: `${share} = ${breakable(numbersTex)} = ${matrixTex(step.contribution)}`,
    text: `${shareText} = ${numbersText} = ${matrixText(step.contribution)}`,
  });
  const rows = broadcastRows(a, step, detail);
  if (rows) lines.push(rows);
  if (step.adds) {
    const before = previousGradient(a, step);
    lines.push({
      kind: 'fork',
      tex: `${lhs(true)} = ${matrixTex(before)} + ${matrixTex(step.contribution)} = ${matrixTex(
        step.accumulated,
      )}`,
      text: `${lhs(false)} = ${matrixText(before)} + ${matrixText(step.contribution)} = ${matrixText(
        step.accumulated,
      )}`,
    });
  }
  return lines;
}

/** Rows of a broadcast sum written one by one up to this many; beyond, the sum stays whole. */
const MAX_ROWS_WRITTEN = 6;

/**
 * A vector (or 1×n row) stretched over the rows of an elementwise op's output, as a bias is:
 * its share is the sum over the batch rows of the upstream rows (times the local derivative),
 * written row by row, `Σ_b = [row 1] + [row 2] + … = result`. Read from the index form, whose
 * terms are exactly those rows' entries.
 */
function broadcastRows(a: TensorAnalysis, step: TensorStep, detail: Detail): StepLine | null {
  if (step.kind !== 'backward-edge') return null;
  const matrixTex = (v: Value) => texOf(v, MATRIX_DIGITS, detail);
  const matrixText = (v: Value) => textOf(v, MATRIX_DIGITS, detail);
  const g = a.graph;
  const to = g.nodes[step.to];
  const from = g.nodes[step.from];
  if (to.op!.arity !== 2 || !isElementwise(to.op!.name) || to.shape.length !== 2) return null;
  const [R, C] = to.shape;
  // A row (a vector, 1×n) stretched over the rows, as `X @ W + b`; or a column (m×1) over the
  // columns, as seed 000's `W1 @ X + b1` with examples as columns.
  const rowLike = from.shape.length === 1 || (from.shape.length === 2 && from.shape[0] === 1);
  const colLike = from.shape.length === 2 && from.shape[1] === 1 && from.shape[0] === R;
  const count = rowLike ? R : C;
  const size = rowLike ? C : R;
  if ((!rowLike && !colLike) || count < 2 || count > MAX_ROWS_WRITTEN || size === 1) return null;
  const edge = g.gradEdges[step.edge];
  const perEntry = Array.from({ length: size }, (_, j) => edgeIndexForm(g, a.run, edge, j));
  if (perEntry.some((f) => f.terms.length !== count)) return null;
  const letter = rowLike ? 'b' : 'j';
  const partsTex: string[] = [];
  const partsText: string[] = [];
  for (let b = 0; b < count; b++) {
    const data = Float64Array.from(perEntry, (f) => f.terms[b].value);
    const part = { shape: rowLike ? [size] : [size, 1], data };
    // Each row (column) marked with its index under it: the sum written out, in no words.
    partsTex.push(`\\underbrace{${matrixTex(part)}}_{${letter}=${b + 1}}`);
    partsText.push(`${matrixText(part)} (${letter}=${b + 1})`);
  }
  const lhs = step.adds ? step.ruleTex : partial(g, from.id, true);
  const lhsText = step.adds ? step.ruleText : partial(g, from.id, false);
  // What is summed: the rule as if the operand had the output's shape (no broadcast).
  const shapes = to.operands.map((o, k) => (k === edge.index ? to.shape : g.nodes[o].shape));
  const summand = (n: 'tex' | 'text') =>
    to.op!.vjpRule(
      n,
      edge.index,
      to.operands.map((o) => (n === 'tex' ? g.symbol(o).tex : g.symbol(o).text)),
      partial(g, to.id, n === 'tex'),
      n === 'tex' ? g.symbol(to.id).tex : g.symbol(to.id).text,
      shapes,
      to.shape,
    );
  const at = rowLike ? letter : `:,${letter}`;
  return {
    kind: rowLike ? 'rows' : 'columns',
    tex: `${lhs} = \\sum_{${letter}=1}^{${count}} \\left(${summand('tex')}\\right)_{${at}} = ${partsTex.join(' + ')} = ${matrixTex(step.contribution)}`,
    text: `${lhsText} = Σ_${letter} (${summand('text')})[${at}] = ${partsText.join(' + ')} = ${matrixText(step.contribution)}`,
  };
}

const ELEMENTWISE2 = new Set(['add', 'sub', 'mul', 'div', 'pow', 'max', 'min']);
const isElementwise = (name: string) => ELEMENTWISE2.has(name);

/** The operand's gradient before this step's share arrived: the running sum one share earlier. */
function previousGradient(a: TensorAnalysis, step: TensorStep & { kind: 'backward-edge' }): Value {
  for (let k = step.index - 1; k >= 0; k--) {
    const s = a.steps[k];
    if (s.kind === 'backward-edge' && s.from === step.from) return s.accumulated;
  }
  return 0;
}

// The exported writers under other names, for the line writers' detail-bound ones above.
const texOf = matrixTex;
const textOf = matrixText;
