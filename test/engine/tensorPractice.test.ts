import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../src/engine';
import {
  analyzeTensor,
  chainDims,
  checkProduct,
  checkTensorAnswer,
  maskedFormula,
  checkShape,
  parseShape,
  productText,
  tensorQuestions,
  type Dims,
  type FormulaQuestion,
  type TensorAnalysis,
  type TensorQuestion,
} from '../../src/engine/tensor';
import { SMALL_LAYER } from '../fixtures/networks';

/** The issue's example: ∂L/∂W1 of Z1 = X @ W1 with X 4×3 and W1 3×5. */
const ISSUE = 'X = randn(4, 3)\nW1 = randn(3, 5)\nZ1 = X @ W1\nL = sum(tanh(Z1))';

const summary = (q: TensorQuestion) =>
  q.kind === 'shape'
    ? `shape ${q.of} ${q.expected.join('x') || '()'}`
    : q.kind === 'formula'
      ? `formula ${q.answer.join(',')}`
      : `entry ${q.of} [${q.index.join(',')}]`;

const stepOf = (t: TensorAnalysis, pred: (s: TensorAnalysis['steps'][number]) => boolean) =>
  t.steps.find(pred)!;

const gradStep = (t: TensorAnalysis, name: string) =>
  stepOf(t, (s) => s.kind === 'backward-edge' && t.nodes[s.from].name === name) as Extract<
    TensorAnalysis['steps'][number],
    { kind: 'backward-edge' }
  >;

function formulaOf(t: TensorAnalysis, name: string): FormulaQuestion {
  return tensorQuestions(t, gradStep(t, name)).find((q) => q.kind === 'formula') as FormulaQuestion;
}

describe('the question sequence per tensor step kind', () => {
  it('forward steps ask the shape, then one entry; the seed asks nothing', () => {
    const t = analyzeTensor(SMALL_LAYER);
    const seq = t.steps.map((s) => tensorQuestions(t, s).map(summary));
    expect(seq.slice(0, 5)).toEqual([
      ['shape value 2x2', 'entry value [1,1]'],
      ['shape value 2x2', 'entry value [1,1]'],
      ['shape value 2x2', 'entry value [1,1]'],
      ['shape value ()', 'entry value []'],
      [],
    ]);
  });

  it('a matrix product asks shape, formula, entry; elementwise and bias steps shape and entry', () => {
    const t = analyzeTensor(SMALL_LAYER);
    const seq = t.steps.slice(5).map((s) => tensorQuestions(t, s).map(summary));
    expect(seq).toEqual([
      ['shape grad 2x2', 'entry grad [1,1]'], // sum spreads back
      ['shape grad 2x2', 'entry grad [1,1]'], // ⊙ tanh′
      ['shape grad 2x2', 'entry grad [1,1]'], // + passes through
      ['shape grad 2', 'entry grad [1]'], // bias: summed over the rows
      ['shape grad 2x3', 'formula 2,1', 'entry grad [1,2]'], // ∂L/∂X = ∂L/∂a₁ · Wᵀ
      ['shape grad 3x2', 'formula 1,2', 'entry grad [1,1]'], // ∂L/∂W = Xᵀ · ∂L/∂a₁
    ]);
  });

  it('the entry asked is the share the step sends back, at its index', () => {
    const t = analyzeTensor(ISSUE);
    const step = gradStep(t, 'W1');
    const entry = tensorQuestions(t, step).find((q) => q.kind === 'entry')!;
    expect(entry.kind === 'entry' && entry.index).toEqual([1, 2]);
    const c = step.contribution as { data: Float64Array };
    expect(entry.kind === 'entry' && entry.expected).toBe(c.data[1 * 5 + 2]);
  });

  it('a value used twice: each step into it asks its own share, the shares add up', () => {
    const t = analyzeTensor('X = [[1,2],[3,4]]\nL = sum(X * X + X)');
    const into = t.steps.filter((s) => s.kind === 'backward-edge' && t.nodes[s.from].name === 'X');
    const entries = into.map((s) => tensorQuestions(t, s).find((q) => q.kind === 'entry')!);
    expect(entries.every((q) => q.kind === 'entry' && q.share)).toBe(true);
    const sum = entries.reduce((acc, q) => acc + (q.kind === 'entry' ? q.expected : 0), 0);
    // d/dX of X² + X at X[2,2] = 4 (the entry asked): 2·4 + 1.
    expect(sum).toBe(9);
    expect(entries.map((q) => q.kind === 'entry' && q.index)).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    const once = analyzeTensor(ISSUE);
    const w = tensorQuestions(once, gradStep(once, 'W1')).find((q) => q.kind === 'entry')!;
    expect(w.kind === 'entry' && w.share).toBeUndefined();
  });

  it('skips zeros: a relu gradient asks an entry that is not 0', () => {
    const t = analyzeTensor('X = [[1,-2],[-3,4]]\nL = sum(relu(X))');
    const step = gradStep(t, 'X');
    const entry = tensorQuestions(t, step).find((q) => q.kind === 'entry')!;
    expect(entry.kind === 'entry' && entry.expected).not.toBe(0);
  });

  it("offers the issue's pieces for ∂L/∂W1: X, Xᵀ, ∂L/∂Z1, its transpose, W1ᵀ", () => {
    const t = analyzeTensor(ISSUE);
    const q = formulaOf(t, 'W1');
    expect(q.pieces.map((p) => p.text)).toEqual(['X', 'Xᵀ', '∂L/∂Z₁', '(∂L/∂Z₁)ᵀ', 'W₁ᵀ']);
    expect(q.pieces.map((p) => p.dims.join('×'))).toEqual(['4×3', '3×4', '4×5', '5×4', '5×3']);
    expect(productText(q, q.answer)).toBe('Xᵀ · ∂L/∂Z₁');
    expect(q.target).toEqual([3, 5]);
  });
});

describe('checking an assembled product', () => {
  const t = analyzeTensor(ISSUE);
  const q = formulaOf(t, 'W1');

  it('rejects X · ∂L/∂Z1 by its shapes: (4×3)(4×5), inner sizes 3 and 4', () => {
    expect(checkProduct(q, [0, 2])).toEqual({
      kind: 'inconsistent',
      at: 1,
      left: [4, 3],
      right: [4, 5],
    });
  });

  it('a product of another shape, or of the right shape but wrong, is not quite', () => {
    // (∂L/∂Z1)ᵀ · X: 5×3, where ∂L/∂W1 is 3×5.
    expect(checkProduct(q, [3, 0])).toEqual({ kind: 'wrongShape', dims: [5, 3], target: [3, 5] });
    // Xᵀ · ∂L/∂Z1 · W1ᵀ · W1ᵀᵀ is not offered; Xᵀ·∂L/∂Z1·(W1ᵀ… ) checks the long chains.
    expect(checkProduct(q, [1, 2, 4])).toEqual({
      kind: 'wrongShape',
      dims: [3, 3],
      target: [3, 5],
    });
    expect(checkProduct(q, []).kind).toBe('empty');
    expect(checkProduct(q, [1, 2]).kind).toBe('correct');
  });

  it('a square case: the right shape, the wrong product', () => {
    const s = analyzeTensor('X = randn(3, 3)\nW = randn(3, 3)\nZ = X @ W\nL = sum(Z * Z)');
    const f = formulaOf(s, 'W');
    expect(checkProduct(f, [0, 2]).kind).toBe('wrong');
    expect(checkProduct(f, f.answer).kind).toBe('correct');
  });

  it('the right product, multiplied out, is the gradient the engine computed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('X', 'W'),
        fc.integer({ min: 1, max: 1e6 }),
        (m, k, n, wrt, seed) => {
          const src = `X = randn(${m}, ${k})\nW = randn(${k}, ${n})\nZ = X @ W\nL = sum(tanh(Z))`;
          const a = analyzeTensor(src, undefined, { seed });
          const f = formulaOf(a, wrt);
          const mats = f.answer.map((p) => matrixOf(a, f.pieces[p]));
          const product = mats.reduce(multiply);
          const grad = a.gradients[wrt] as { data: Float64Array };
          product.data.forEach((v, i) => expect(v).toBeCloseTo(grad.data[i], 9));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the shape checker (property)', () => {
  const dims = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }));

  it('chains exactly when every inner pair of sizes agrees, ending at outer sizes', () => {
    fc.assert(
      fc.property(fc.array(dims, { minLength: 1, maxLength: 5 }), (factors) => {
        const c = chainDims(factors);
        const chains = factors.every((f, i) => i === 0 || factors[i - 1][1] === f[0]);
        expect(c.ok).toBe(chains);
        if (c.ok) expect(c.dims).toEqual([factors[0][0], factors[factors.length - 1][1]]);
        else {
          const at = factors.findIndex((f, i) => i > 0 && factors[i - 1][1] !== f[0]);
          expect(c.at).toBe(at);
          expect(c.left[1]).toBe(factors[at - 1][1]);
          expect(c.right).toEqual(factors[at]);
        }
      }),
    );
  });

  it('a product of pieces is accepted iff the shapes chain and end at the gradient’s shape', () => {
    const t = analyzeTensor(ISSUE);
    const qs = [formulaOf(t, 'X'), formulaOf(t, 'W1')];
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }),
        (which, product) => {
          const q = qs[which];
          const factors = product.map((p) => q.pieces[p].dims as Dims);
          const c = chainDims(factors);
          const fits = c.ok && c.dims[0] === q.target[0] && c.dims[1] === q.target[1];
          const verdict = checkProduct(q, product).kind;
          expect(verdict === 'correct' || verdict === 'wrong').toBe(fits);
          expect(verdict === 'inconsistent').toBe(!c.ok);
          if (verdict === 'correct') expect(product).toEqual(q.answer);
        },
      ),
    );
  });
});

describe('reading a typed shape', () => {
  it.each([
    ['3x5', [3, 5]],
    ['3×5', [3, 5]],
    ['3 X 5', [3, 5]],
    ['3*5', [3, 5]],
    ['(3, 5)', [3, 5]],
    ['[3,5]', [3, 5]],
    [' 4 ', [4]],
    ['(4,)', [4]],
    ['()', []],
    ['scalar', []],
    ['Vô hướng', []],
  ])('%s', (text, shape) => {
    expect(parseShape(text)).toEqual(shape);
  });

  it.each([
    ['', 'shape.empty'],
    ['3y5', 'shape.bad'],
    ['3x', 'shape.missingSize'],
    ['(3, 5', 'shape.unclosed'],
    ['0x5', 'shape.size'],
    ['2x3x4', 'shape.rank'],
    ['x3', 'shape.bad'],
    ['3 5', 'shape.bad'],
  ])('%s is refused, located (%s)', (text, code) => {
    let error: unknown;
    try {
      parseShape(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    const e = error as ExpressionError;
    expect(e.code).toBe(code);
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(text.length);
  });

  it('checks against the expected shape: order matters, a vector is not a 1×n matrix', () => {
    expect(checkShape('3x5', [3, 5]).kind).toBe('correct');
    expect(checkShape('5x3', [3, 5]).kind).toBe('wrong');
    expect(checkShape('1x3', [3]).kind).toBe('wrong');
    expect(checkShape('3', [3]).kind).toBe('correct');
    expect(checkShape('3?', [3]).kind).toBe('invalid');
  });
});

/** A piece's numbers as a matrix (transposed when the piece is). */
function matrixOf(a: TensorAnalysis, p: FormulaQuestion['pieces'][number]) {
  const step = a.steps.find((s) => s.kind === 'backward-edge' && s.from === p.node);
  const v =
    p.role === 'upstream'
      ? (a.nodes[p.node].grad as { data: Float64Array })
      : (a.nodes[p.node].value as { data: Float64Array });
  void step;
  const [r, c] = p.transposed ? [p.dims[1], p.dims[0]] : p.dims;
  const m = { rows: r, cols: c, data: Float64Array.from(v.data) };
  return p.transposed ? transpose(m) : m;
}

interface M {
  rows: number;
  cols: number;
  data: Float64Array;
}

function transpose(m: M): M {
  const out = new Float64Array(m.data.length);
  for (let i = 0; i < m.rows; i++)
    for (let j = 0; j < m.cols; j++) out[j * m.rows + i] = m.data[i * m.cols + j];
  return { rows: m.cols, cols: m.rows, data: out };
}

function multiply(a: M, b: M): M {
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let p = 0; p < a.cols; p++) s += a.data[i * a.cols + p] * b.data[p * b.cols + j];
      out[i * b.cols + j] = s;
    }
  return { rows: a.rows, cols: b.cols, data: out };
}

describe('checking any matrix answer, and what the chain-rule panel hides meanwhile', () => {
  const t = analyzeTensor(ISSUE);
  const step = gradStep(t, 'W1');
  const [shape, formula, entry] = tensorQuestions(t, step);

  it('reads a shape, a product and an entry (an entry within 1e-3, as an expression)', () => {
    expect(checkTensorAnswer(shape, '3×5', [])).toEqual({ kind: 'correct', shape: [3, 5] });
    expect(checkTensorAnswer(formula, '', []).kind).toBe('empty');
    expect(checkTensorAnswer(formula, '', [0, 2])).toMatchObject({
      kind: 'wrong',
      check: { kind: 'inconsistent' },
    });
    expect(checkTensorAnswer(formula, '', [1, 2]).kind).toBe('correct');
    const v = entry.kind === 'entry' ? entry.expected : NaN;
    expect(checkTensorAnswer(entry, String(v * (1 + 5e-4)), []).kind).toBe('correct');
    expect(checkTensorAnswer(entry, `${v} + 1`, []).kind).toBe('wrong');
    expect(checkTensorAnswer(entry, 'W1', []).kind).toBe('invalid');
  });

  it('a backward step shows only its left side while its shape or formula is asked', () => {
    expect(maskedFormula(step, 'shape formula entry')?.text).toBe('∂L/∂W₁ = ?');
    expect(maskedFormula(step, 'formula entry')?.text).toBe('∂L/∂W₁ = ?');
    expect(maskedFormula(step, 'entry')).toBeUndefined();
    const forward = t.steps[0];
    expect(maskedFormula(forward, 'shape entry')?.text).toBe('Z₁ = X @ W₁');
    expect(maskedFormula(forward, 'entry')).toBeUndefined();
  });
});
