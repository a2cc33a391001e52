import '../../i18n/enLater';
import { formatNumber } from '../../engine/format';
import { edgeIndexForm, indexForm, writeIndexForm } from '../../engine/tensor/indexForm';
import {
  chainDims,
  dimsText,
  indexText,
  productText,
  upstreamSymbol,
  type Dims,
  type FormulaQuestion,
  type ProductCheck,
  type TensorQuestion,
} from '../../engine/tensor/practice';
import type { TensorAnalysis, TensorStep } from '../../engine/tensor/run';
import type { Shape } from '../../engine/tensor/types';
import type { Translate } from '../../i18n';

/**
 * Practice's sentences on a matrix program (issue 16), shared by the practice panel and the
 * narration: the question, the answer, the hint after a wrong try and the reason "Show answer"
 * gives. Plain text (with Unicode ᵀ, ∂, ×), which reads the same on screen and aloud.
 */

/** A number as the page writes it in prose: a real minus sign (U+2212). */
const num = (v: number) => formatNumber(v).replace(/^-/, '−');

const symbolOf = (t: TensorAnalysis, node: number) => t.nodes[node].symbol.text;

/** What a question is about: `Z₁` (a value) or `∂L/∂W₁` (a gradient). */
export function subject(t: TensorAnalysis, q: TensorQuestion): string {
  if (q.kind === 'formula') return upstreamSymbol(t, q.node).text;
  return q.of === 'value' ? symbolOf(t, q.node) : upstreamSymbol(t, q.node).text;
}

/** `3×5`, `4 (a vector of 4)`, `a single number, ()`. */
export function shapeWords(shape: Shape, tr: Translate): string {
  if (shape.length === 0) return tr('practice.m.scalar');
  if (shape.length === 1) return tr('practice.m.vector', { n: shape[0] });
  return shape.join('×');
}

/** "What shape is ∂L/∂W₁?", "Build ∂L/∂W₁ from the pieces…", "What is ∂L/∂W₁[2, 3]?" */
export function tensorQuestionText(t: TensorAnalysis, q: TensorQuestion, tr: Translate): string {
  const what = subject(t, q);
  if (q.kind === 'shape') return tr('practice.m.askShape', { what });
  if (q.kind === 'formula') return tr('practice.m.askFormula', { what });
  const entry = `${what}${indexText(q.index)}`;
  return tr(q.share ? 'practice.m.askShare' : 'practice.m.askEntry', { what: entry });
}

/** A product as it multiplies: `(4×3)(4×5)`. */
const pairText = (a: Dims, b: Dims) => `(${dimsText(a)})(${dimsText(b)})`;

/** The answer, written out: `∂L/∂W₁ is 3×5`, `∂L/∂W₁ = Xᵀ · ∂L/∂Z₁ (3×5 = 3×4 · 4×5)`. */
export function tensorAnswer(t: TensorAnalysis, q: TensorQuestion, tr: Translate): string {
  const what = subject(t, q);
  if (q.kind === 'shape') return tr('practice.m.is', { what, shape: shapeWords(q.expected, tr) });
  if (q.kind === 'formula') {
    const factors = q.answer.map((p) => dimsText(q.pieces[p].dims)).join(' · ');
    return `${what} = ${productText(q, q.answer)} (${dimsText(q.target)} = ${factors})`;
  }
  const entry = `${what}${indexText(q.index)}`;
  return q.share
    ? tr('practice.m.shareIs', { what: entry, value: num(q.expected) })
    : `${entry} = ${num(q.expected)}`;
}

/** "x is 4×3; W is 3×5": the operands of a forward step with their shapes. */
function operandShapes(t: TensorAnalysis, node: number, tr: Translate): string {
  return t.nodes[node].operands
    .map((o) =>
      tr('practice.m.is', { what: symbolOf(t, o), shape: shapeWords(t.nodes[o].shape, tr) }),
    )
    .join('; ');
}

const ELEMENTWISE2 = new Set(['add', 'sub', 'mul', 'div', 'pow', 'max', 'min']);

/** Why a shape is what it is: the hint after a wrong try, and the reason Show answer gives. */
export function shapeHint(
  t: TensorAnalysis,
  q: Extract<TensorQuestion, { kind: 'shape' }>,
  tr: Translate,
  given?: Shape,
): string {
  let hint: string;
  if (q.of === 'grad') {
    hint = tr('practice.m.hint.gradShape', { what: subject(t, q), node: symbolOf(t, q.node) });
  } else {
    const n = t.nodes[q.node];
    const operands = operandShapes(t, n.id, tr);
    if (n.op === 'matmul') {
      const [a, b] = n.operands;
      hint = tr('practice.m.hint.matmulShape', {
        a: symbolOf(t, a),
        as: shapeWords(t.nodes[a].shape, tr),
        b: symbolOf(t, b),
        bs: shapeWords(t.nodes[b].shape, tr),
      });
    } else if (ELEMENTWISE2.has(n.op)) {
      hint = tr('practice.m.hint.broadcastShape', { operands });
    } else if (n.op === 'sum' || n.op === 'mean') {
      hint = tr('practice.m.hint.reduceShape', { op: n.op, operands });
    } else {
      hint = tr('practice.m.hint.sameShape', { operands });
    }
  }
  // 1×4 for a vector of 4 (or 4 for a 1×4 matrix): the same numbers, another kind of thing.
  const size = (s: Shape) => s.reduce((x, y) => x * y, 1);
  if (
    given &&
    given.length !== q.expected.length &&
    size(given) === size(q.expected) &&
    Math.max(given.length, q.expected.length) === 2 &&
    Math.min(given.length, q.expected.length) === 1
  ) {
    hint += ` ${tr('practice.m.hint.vector', { n: size(q.expected) })}`;
  }
  return hint;
}

/**
 * What Check says of a product that is not the gradient's formula: the sizes that clash, or the
 * product's size beside the gradient's.
 */
export function productVerdict(
  t: TensorAnalysis,
  q: FormulaQuestion,
  product: readonly number[],
  check: ProductCheck,
  tr: Translate,
): string {
  const what = subject(t, q);
  const text = productText(q, product);
  switch (check.kind) {
    case 'inconsistent':
      return tr('practice.m.inconsistent', {
        pair: pairText(check.left, check.right),
        a: check.left[1],
        b: check.right[0],
        product: text,
      });
    case 'wrongShape':
      return tr('practice.m.wrongShape', {
        product: text,
        dims: dimsText(check.dims),
        what,
        target: dimsText(check.target),
      });
    case 'wrong':
      return tr('practice.m.wrongFormula', { product: text, dims: dimsText(check.dims), what });
    default:
      return '';
  }
}

/** Why the formula is right: its shapes chain to the gradient's. */
export function formulaReason(t: TensorAnalysis, q: FormulaQuestion, tr: Translate): string {
  const dims = q.answer.map((p) => q.pieces[p].dims);
  const chain = chainDims(dims);
  return tr('practice.m.formulaReason', {
    chain: dims.map((d) => `(${dimsText(d)})`).join(''),
    dims: chain.ok ? dimsText(chain.dims) : '',
    node: symbolOf(t, q.node),
  });
}

/**
 * The hint for an entry: a gradient's in index form, as the chain rule reads it entry by entry
 * (`∂L/∂W₁[2,3] = Σ_b X[b,2] · ∂L/∂Z₁[b,3]`, from engine/tensor/indexForm.ts); a value's as the
 * row times the column, or the step's formula taken at that entry.
 */
export function entryHint(
  t: TensorAnalysis,
  step: TensorStep,
  q: Extract<TensorQuestion, { kind: 'entry' }>,
  tr: Translate,
): string {
  if (step.kind === 'backward-edge') {
    const part = edgePart(t, step, q);
    return `${part.lhs} = ${part.form.ruleText}`;
  }
  if (q.index.length === 0) return tr('practice.m.hint.entryScalar', { formula: step.text });
  const n = t.nodes[q.node];
  const [a, b] = n.operands;
  if (n.op === 'matmul' && q.index.length === 2 && t.nodes[a].shape.length === 2) {
    return tr('practice.m.hint.entryProduct', {
      what: `${symbolOf(t, q.node)}${indexText(q.index)}`,
      i: q.index[0] + 1,
      left: symbolOf(t, a),
      j: q.index[1] + 1,
      right: symbolOf(t, b),
    });
  }
  return tr('practice.m.hint.entryForward', { index: indexText(q.index), formula: step.text });
}

/**
 * The reason "Show answer" gives for an entry: a gradient's share in index form with its numbers
 * (`∂L/∂W₁[2,3] = Σ_b X[b,2] · ∂L/∂Z₁[b,3] = 1·0.2 + 4·(−0.1) = −0.2`); a value's hint, after the
 * step's formula.
 */
export function entryReason(
  t: TensorAnalysis,
  step: TensorStep,
  q: Extract<TensorQuestion, { kind: 'entry' }>,
  tr: Translate,
): string {
  if (step.kind === 'backward-edge') return edgePart(t, step, q).written;
  return tr('practice.m.entryReason', { formula: step.text, hint: entryHint(t, step, q, tr) });
}

/** This step's share of the asked entry, in index form (one edge: a fork's other shares apart). */
function edgePart(
  t: TensorAnalysis,
  step: Extract<TensorStep, { kind: 'backward-edge' }>,
  q: Extract<TensorQuestion, { kind: 'entry' }>,
) {
  const shape = t.nodes[q.node].shape;
  const at = q.index.length === 2 ? q.index[0] * shape[1] + q.index[1] : (q.index[0] ?? 0);
  const form = edgeIndexForm(t.graph, t.run, t.graph.gradEdges[step.edge], at);
  const whole = indexForm(t.graph, t.run, q.node, at);
  const written = writeIndexForm({ ...whole, parts: [form], total: form.sum, seed: false }).text;
  return { lhs: whole.lhsText, form, written };
}

/** The hint after a wrong try of a shape or an entry. */
export function tensorHint(
  tensor: TensorAnalysis,
  step: TensorStep,
  q: TensorQuestion,
  tr: Translate,
  given?: Shape,
): string {
  if (q.kind === 'shape') return shapeHint(tensor, q, tr, given);
  if (q.kind === 'entry') return entryHint(tensor, step, q, tr);
  return '';
}

/** The reason Show answer gives. */
export function tensorReason(
  tensor: TensorAnalysis,
  step: TensorStep,
  q: TensorQuestion,
  tr: Translate,
): string {
  if (q.kind === 'shape') return shapeHint(tensor, q, tr);
  if (q.kind === 'formula') return formulaReason(tensor, q, tr);
  return entryReason(tensor, step, q, tr);
}
