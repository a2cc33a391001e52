import { checkAnswer } from '../answer';
import type { ExpressionError } from '../errors';
import { checkShape } from './shapeAnswer';
import type { TensorAnalysis, TensorNodeInfo, TensorStep } from './run';
import type { Shape, Value } from './types';

/**
 * Practice mode's questions on a matrix program (issue 16): what a student works out by hand
 * before a tensor step shows its numbers. The rule, per step kind:
 *
 * - a forward step (`Z = X @ W`, `A = tanh(Z)`, `L = sum(A)`): the shape of the new value, then
 *   one entry of it (an index form worked by hand: a row times a column, one entry of a tanh);
 * - the seed asks nothing (∂L/∂L is 1, or ones of the output's shape);
 * - a backward step through a matrix product (`∂L/∂W = Xᵀ · ∂L/∂Z`): the gradient's shape
 *   ("What shape is ∂L/∂W?"), then the formula, assembled from offered pieces (the operands,
 *   the upstream gradient, each with its transpose), then one entry;
 * - any other backward step (elementwise `⊙ f′(z)`, a bias's sum over the broadcast rows, a
 *   reduction spreading back, a transpose): the shape, then one entry. There the formula is not
 *   a product to assemble: it is the op's own rule, which the step shows once answered.
 *
 * A backward step's entry is of the share this step sends back (`contribution`); at a fork (a
 * value used twice) the question says it asks for this step's share, which the step then adds
 * to what the operand had.
 *
 * Pure: everything here is computed from the analysis; nothing is stored.
 */
export type TensorQuestionKind = 'shape' | 'formula' | 'entry';

/** Rows × columns: every factor of a product is a matrix (a vector is a row or a column). */
export type Dims = readonly [number, number];

export interface ShapeQuestion {
  readonly kind: 'shape';
  /** A node's value (forward), or ∂L/∂node (backward). */
  readonly of: 'value' | 'grad';
  readonly node: number;
  readonly expected: Shape;
}

/** One offered piece of a product: `X`, `Xᵀ`, `∂L/∂Z`, `(∂L/∂Z)ᵀ`, `Wᵀ`. */
export interface Piece {
  /** What it is: an operand (its node id) or the upstream gradient, and whether transposed. */
  readonly role: 'operand' | 'upstream';
  readonly node: number;
  readonly transposed: boolean;
  readonly text: string;
  readonly tex: string;
  /** Its size as a factor of a product. */
  readonly dims: Dims;
}

export interface FormulaQuestion {
  readonly kind: 'formula';
  /** The operand whose gradient is asked: ∂L/∂(node). */
  readonly node: number;
  readonly pieces: readonly Piece[];
  /** The right product, as indices into `pieces`. */
  readonly answer: readonly number[];
  /** The gradient's size as a factor (its shape; a vector as the row or column it multiplies as). */
  readonly target: Dims;
}

export interface EntryQuestion {
  readonly kind: 'entry';
  readonly of: 'value' | 'grad';
  readonly node: number;
  /** Indices from 0 (`[]` for a scalar); a reader counts from 1: `[i + 1, j + 1]`. */
  readonly index: readonly number[];
  readonly expected: number;
  /**
   * A gradient that gathers shares from several uses (a fork): the entry asked is this step's
   * share, which the step adds to what the node had (the question says so).
   */
  readonly share?: true;
}

export type TensorQuestion = ShapeQuestion | FormulaQuestion | EntryQuestion;

/**
 * The questions a tensor step asks, in order (see the rule above).
 *
 * @example
 * const t = analyzeTensor('X = randn(4, 3)\nW = randn(3, 5)\nZ = X @ W\nL = sum(Z)');
 * tensorQuestions(t, t.steps.at(-1)).map((q) => q.kind) // ['shape', 'formula', 'entry'] (∂L/∂W)
 */
export function tensorQuestions(
  t: TensorAnalysis,
  step: TensorStep | undefined,
): readonly TensorQuestion[] {
  if (!step || step.kind === 'seed') return [];
  if (step.kind === 'forward-node') {
    const node = t.nodes[step.node];
    const entry = entryQuestion('value', node, step.value);
    return [{ kind: 'shape', of: 'value', node: node.id, expected: node.shape }, ...entry];
  }
  const from = t.nodes[step.from];
  const list: TensorQuestion[] = [
    { kind: 'shape', of: 'grad', node: from.id, expected: from.shape },
  ];
  const formula = formulaQuestion(t, step.to, step.from, operandIndex(t, step));
  if (formula) list.push(formula);
  const fork = t.graph.gradEdges.filter((e) => e.from === step.from).length > 1;
  for (const q of entryQuestion('grad', from, step.contribution)) {
    list.push(fork ? { ...q, share: true } : q);
  }
  return list;
}

/** Which operand of `to` the edge of a backward step is. */
function operandIndex(t: TensorAnalysis, step: Extract<TensorStep, { kind: 'backward-edge' }>) {
  return t.graph.gradEdges[step.edge]?.index ?? t.nodes[step.to].operands.indexOf(step.from);
}

/**
 * The entry asked: [2, 3] (counting from 1) where the shape has one, else the last row or
 * column; moved on, row by row, to the first entry that is neither 0 nor undefined (a relu's
 * gradient is mostly zeros, and a 0 is too easy a guess). None is asked of a value that is not
 * finite anywhere.
 */
function entryQuestion(of: 'value' | 'grad', node: TensorNodeInfo, v: Value): EntryQuestion[] {
  const data = typeof v === 'number' ? [v] : v.data;
  const { shape } = node;
  const cols = shape.length === 0 ? 1 : shape[shape.length - 1];
  const rows = shape.length === 2 ? shape[0] : 1;
  const start = (Math.min(2, rows) - 1) * cols + (Math.min(3, cols) - 1);
  let at = -1;
  for (let s = 0; s < data.length; s++) {
    const k = (start + s) % data.length;
    if (Number.isFinite(data[k]) && data[k] !== 0) {
      at = k;
      break;
    }
  }
  if (at < 0) at = Number.isFinite(data[start]) ? start : -1;
  if (at < 0) return [];
  const index =
    shape.length === 0 ? [] : shape.length === 1 ? [at] : [Math.floor(at / cols), at % cols];
  return [{ kind: 'entry', of, node: node.id, index, expected: data[at] }];
}

/** A shape as the factor of a product it is: a vector is a row on the left, a column on the right. */
const dimsOf = (shape: Shape, side: 'left' | 'right'): Dims =>
  shape.length === 2
    ? [shape[0], shape[1]]
    : shape.length === 1
      ? side === 'left'
        ? [1, shape[0]]
        : [shape[0], 1]
      : [1, 1];

const flip = (d: Dims): Dims => [d[1], d[0]];

/**
 * The formula question of a backward step through `A @ B` (operand `i` of `to`): the pieces are
 * the other operand and its transpose, the upstream gradient and its transpose, and this
 * operand's own transpose (the issue's `X, Xᵀ, ∂L/∂Z1, ∂L/∂Z1ᵀ, W1ᵀ` for ∂L/∂W1). The right
 * products are `∂L/∂Z · Bᵀ` for A and `Aᵀ · ∂L/∂Z` for B.
 */
function formulaQuestion(
  t: TensorAnalysis,
  to: number,
  from: number,
  i: number,
): FormulaQuestion | undefined {
  const z = t.nodes[to];
  if (z.op !== 'matmul') return undefined;
  const [a, b] = z.operands.map((o) => t.nodes[o]);
  const da = dimsOf(a.shape, 'left');
  const db = dimsOf(b.shape, 'right');
  const dz: Dims = [da[0], db[1]];
  const other = i === 0 ? b : a;
  const otherDims = i === 0 ? db : da;
  const self = i === 0 ? a : b;
  const selfDims = i === 0 ? da : db;
  const g = upstreamSymbol(t, to);
  const sym = (n: TensorNodeInfo) => n.symbol;
  const pieces: Piece[] = [
    operandPiece(other.id, sym(other), false, otherDims),
    operandPiece(other.id, sym(other), true, flip(otherDims)),
    {
      role: 'upstream',
      node: to,
      transposed: false,
      text: g.text,
      tex: g.tex,
      dims: dz,
    },
    {
      role: 'upstream',
      node: to,
      transposed: true,
      text: `(${g.text})ᵀ`,
      tex: `\\left(${g.tex}\\right)^{\\top}`,
      dims: flip(dz),
    },
    operandPiece(self.id, sym(self), true, flip(selfDims)),
  ];
  return {
    kind: 'formula',
    node: from,
    pieces,
    answer: i === 0 ? [2, 1] : [1, 2],
    target: selfDims,
  };
}

function operandPiece(
  node: number,
  s: { text: string; tex: string },
  transposed: boolean,
  dims: Dims,
): Piece {
  return {
    role: 'operand',
    node,
    transposed,
    text: transposed ? `${s.text}ᵀ` : s.text,
    tex: transposed ? `${s.tex}^{\\top}` : s.tex,
    dims,
  };
}

/** ∂L/∂(node) as the step formulas write it (`∂sum(L)/∂Z` when the output is summed). */
export function upstreamSymbol(t: TensorAnalysis, node: number): { text: string; tex: string } {
  const L = t.nodes[t.graph.output].symbol;
  const n = t.nodes[node].symbol;
  const loss = t.summedOutput ? `sum(${L.text})` : L.text;
  const lossTex = t.summedOutput ? `\\textstyle\\sum ${L.tex}` : L.tex;
  return {
    text: `∂${loss}/∂${n.text}`,
    tex: `\\frac{\\partial ${lossTex}}{\\partial ${n.tex}}`,
  };
}

/** A product's sizes: where the first pair of factors fails to chain, or the result's size. */
export type Chain =
  | { readonly ok: true; readonly dims: Dims }
  | {
      readonly ok: false;
      /** The factor (index) that does not fit the product of the ones before it. */
      readonly at: number;
      /** The size of the product so far, and of that factor. */
      readonly left: Dims;
      readonly right: Dims;
    };

/**
 * Multiplies sizes left to right: (m×k)(k×n) is m×n; (m×k)(j×n) with j ≠ k does not chain.
 *
 * @example
 * chainDims([[3, 4], [4, 5]])  // { ok: true, dims: [3, 5] }
 * chainDims([[4, 3], [4, 5]])  // { ok: false, at: 1, left: [4, 3], right: [4, 5] }
 */
export function chainDims(factors: readonly Dims[]): Chain {
  let dims = factors[0];
  for (let k = 1; k < factors.length; k++) {
    const next = factors[k];
    if (dims[1] !== next[0]) return { ok: false, at: k, left: dims, right: next };
    dims = [dims[0], next[1]];
  }
  return { ok: true, dims };
}

/** What "Check" says of a product assembled from the pieces. */
export type ProductCheck =
  | { readonly kind: 'empty' }
  /** Shapes that do not chain: rejected, with the sizes that clash. */
  | {
      readonly kind: 'inconsistent';
      readonly at: number;
      readonly left: Dims;
      readonly right: Dims;
    }
  /** A product, of a size other than the gradient's. */
  | { readonly kind: 'wrongShape'; readonly dims: Dims; readonly target: Dims }
  /** A product of the gradient's size that is not its formula. */
  | { readonly kind: 'wrong'; readonly dims: Dims; readonly target: Dims }
  | { readonly kind: 'correct'; readonly dims: Dims };

const sameDims = (a: Dims, b: Dims) => a[0] === b[0] && a[1] === b[1];

/**
 * Checks a product given as indices into `q.pieces`. Only a product whose shapes chain is read
 * as a product at all; it is right when it is the gradient's formula.
 *
 * @example
 * // ∂L/∂W1 of Z1 = X @ W1, X 4×3, W1 3×5: pieces X, Xᵀ, ∂L/∂Z1, (∂L/∂Z1)ᵀ, W1ᵀ
 * checkProduct(q, [0, 2]).kind // 'inconsistent': (4×3)(4×5), the inner sizes 3 and 4 differ
 * checkProduct(q, [1, 2]).kind // 'correct': Xᵀ · ∂L/∂Z1 is 3×5
 */
export function checkProduct(q: FormulaQuestion, product: readonly number[]): ProductCheck {
  if (product.length === 0) return { kind: 'empty' };
  const chain = chainDims(product.map((p) => q.pieces[p].dims));
  if (!chain.ok)
    return { kind: 'inconsistent', at: chain.at, left: chain.left, right: chain.right };
  const { dims } = chain;
  if (!sameDims(dims, q.target)) return { kind: 'wrongShape', dims, target: q.target };
  const right = product.length === q.answer.length && product.every((p, k) => p === q.answer[k]);
  return right ? { kind: 'correct', dims } : { kind: 'wrong', dims, target: q.target };
}

/** A product's text: `Xᵀ · ∂L/∂Z1`. */
export const productText = (q: FormulaQuestion, product: readonly number[]): string =>
  product.map((p) => q.pieces[p].text).join(' · ');

export const productTex = (q: FormulaQuestion, product: readonly number[]): string =>
  product.map((p) => q.pieces[p].tex).join(' \\cdot ');

/** Sizes as a reader writes them: `4×3`. */
export const dimsText = (d: Dims): string => `${d[0]}×${d[1]}`;

/** `[2, 3]` as a reader counts (from 1); a scalar has no index. */
export const indexText = (index: readonly number[]): string =>
  index.length === 0 ? '' : `[${index.map((i) => i + 1).join(', ')}]`;

/** What Check says of an answer to a matrix question (see `checkTensorAnswer`). */
export type TensorCheck =
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly error: ExpressionError }
  | {
      readonly kind: 'correct' | 'wrong';
      /** A shape question: the shape read from the answer. */
      readonly shape?: Shape;
      /** A formula question: what the product's shapes gave. */
      readonly check?: ProductCheck;
    };

/**
 * Checks the answer to any matrix question: the typed text (a shape, or an entry's number, read
 * as `checkAnswer` reads one: within 1e-3, simple expressions) or the picked product.
 *
 * @example
 * checkTensorAnswer(shapeQ, '(3, 5)', []).kind // 'correct' when the shape is 3×5
 */
export function checkTensorAnswer(
  q: TensorQuestion,
  text: string,
  product: readonly number[],
): TensorCheck {
  if (q.kind === 'formula') {
    const check = checkProduct(q, product);
    if (check.kind === 'empty') return check;
    return { kind: check.kind === 'correct' ? 'correct' : 'wrong', check };
  }
  if (q.kind === 'shape') return checkShape(text, q.expected);
  const c = checkAnswer(text, q.expected);
  return c.kind === 'invalid' ? c : { kind: c.kind };
}

/**
 * The chain-rule panel's formula of a step while practice asks about it (`open`: the kinds of
 * its questions still open, as `shape formula entry`), or undefined when nothing needs hiding.
 * A backward step's rule is the formula question's answer, and its shapes the shape question's:
 * the left side only, `∂L/∂W₁ = ?`. A forward step's formula is the program's own line: only its
 * shapes are hidden while its shape is asked.
 */
export function maskedFormula(
  step: TensorStep,
  open: string,
): { tex: string; text: string } | undefined {
  const lhs = (f: string) => `${f.slice(0, f.indexOf(' = '))} = ?`;
  if (step.kind === 'backward-edge' && /shape|formula/.test(open)) {
    return { tex: lhs(step.tex), text: lhs(step.text) };
  }
  return open.includes('shape') ? { tex: step.tex, text: step.text } : undefined;
}
