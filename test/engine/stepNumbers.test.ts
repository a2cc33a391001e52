import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { analyzeTensor, type TensorAnalysis } from '../../src/engine/tensor';
import { matrixTex, matrixText, stepLines } from '../../src/engine/tensor/stepNumbers';
import { SMALL_LAYER } from '../fixtures/networks';

/** A matrix step with its numbers (issue 15, point 4), written from the analysis. */

const stepOf = (a: TensorAnalysis, prefix: string) => {
  const s = a.steps.find((x) => x.text.startsWith(prefix));
  if (!s) throw new Error(`no step ${prefix}`);
  return s;
};
const lineOf = (a: TensorAnalysis, prefix: string, kind: string) =>
  stepLines(a, stepOf(a, prefix)).find((l) => l.kind === kind);

describe('matrices in formulas', () => {
  it('writes small matrices whole and large ones with dots', () => {
    const m = { shape: [2, 2], data: Float64Array.of(1, -2, 0.5, 1234.5678) };
    expect(matrixTex(m)).toBe('\\begin{bmatrix} 1 & -2 \\\\ 0.5 & 1235 \\end{bmatrix}');
    expect(matrixText(m)).toBe('[[1, -2], [0.5, 1235]]');
    const big = { shape: [10, 8], data: Float64Array.from({ length: 80 }, (_, k) => k) };
    expect(matrixText(big)).toBe(
      '[[0, 1, 2, …, 7], [8, 9, 10, …, 15], [16, 17, 18, …, 23], …, [72, 73, 74, …, 79]]',
    );
    expect(matrixTex(big)).toContain('\\vdots & \\vdots & \\vdots & \\ddots & \\vdots');
    expect(matrixText({ shape: [3], data: Float64Array.of(1, 2, 3) })).toBe('[1, 2, 3]');
    // Less detail for a narrow panel: the first and last rows and columns, then the shape alone.
    expect(matrixText(big, 3, 1)).toBe('[[0, …, 7], …, [72, …, 79]]');
    expect(matrixText(big, 3, 2)).toBe('[10×8]');
    expect(matrixTex(big, 3, 2)).toContain('\\underset{10{\\times}8}');
    expect(matrixTex(-3)).toBe('(-3)');
  });

  it('rounds a matrix to the decimals of its largest entry, keeping one digit of a small one', () => {
    const m = {
      shape: [2, 3],
      data: Float64Array.of(0.000702, 0.1423, -0.01694, 0.00523, 0, 1e-9),
    };
    expect(matrixText(m)).toBe('[[0.0007, 0.142, -0.017], [0.005, 0, 1e-9]]');
    // Entries as large as the largest keep three significant digits.
    const n = { shape: [2], data: Float64Array.of(3.4567, 1.0123) };
    expect(matrixText(n)).toBe('[3.46, 1.01]');
  });
});

describe('the lines of a tensor step', () => {
  const a = analyzeTensor(SMALL_LAYER);

  it('writes a forward step as a block: the operands and the result', () => {
    expect(lineOf(a, 'a₁ = X @ W', 'numbers')?.text).toBe(
      'a₁ = [[1, 2, 3], [4, 5, 6]] @ [[0.5, -1], [2, 0], [-0.5, 1]] = [[3, 2], [9, 2]]',
    );
  });

  it('writes a matmul backward step with shapes under the factors, then its numbers', () => {
    const rule = lineOf(a, '∂L/∂W', 'rule')!;
    expect(rule.text).toBe('∂L/∂W = Xᵀ · ∂L/∂a₁');
    // Each factor with its own shape under it.
    expect(rule.tex).toContain('\\underset{3{\\times}2}{\\frac{\\partial L}{\\partial W}}');
    expect(rule.tex).toContain('\\underset{2{\\times}3}{X}^{\\top}');
    expect(lineOf(a, '∂L/∂W', 'shapes')?.text).toBe('(3×2 = 3×2 · 2×2)');
    const numbers = lineOf(a, '∂L/∂W', 'numbers')!.text;
    expect(numbers).toMatch(/^∂L\/∂W = \[\[1, 2, 3\], \[4, 5, 6\]\]ᵀ · \[\[.*\]\] = \[\[.*\]\]$/);
    expect(numbers.endsWith(`= ${matrixText(a.gradients.W)}`)).toBe(true);
  });

  it('writes a broadcast bias as the sum of its upstream rows', () => {
    const rows = lineOf(a, '∂L/∂b', 'rows')!;
    const G = a.nodes.find((n) => n.name === 'Z')!.grad!;
    if (typeof G === 'number') throw new Error('a matrix');
    const row = (i: number) => matrixText({ shape: [2], data: G.data.subarray(2 * i, 2 * i + 2) });
    expect(rows.tex).toContain('\\sum_{b=1}^{2}');
    expect(rows.text).toBe(
      `∂L/∂b = Σ_b (∂L/∂Z)[b] = ${row(0)} (b=1) + ${row(1)} (b=2) = ${matrixText(a.gradients.b)}`,
    );
  });

  it('writes a column bias (examples as columns, seed 000) as the sum of its upstream columns', () => {
    const c = analyzeTensor(
      'W1 = [[1,2],[3,4],[5,6]]\nX = [[1,0],[0,1]]\nb1 = [[0.1],[0.2],[0.3]]\nL = sum(W1 @ X + b1)',
    );
    const rows = lineOf(c, '∂L/∂b₁', 'columns')!;
    expect(rows.text).toBe(
      '∂L/∂b₁ = Σ_j (∂L/∂a₂)[:,j] = [[1], [1], [1]] (j=1) + [[1], [1], [1]] (j=2) = [[2], [2], [2]]',
    );
    expect(rows.tex).toContain('\\underbrace{');
  });

  it('adds the two matrices at a fork', () => {
    const f = analyzeTensor('A = [[1,2],[3,4]]\nL = sum(A * A)');
    const fork = f.steps.filter((s) => s.kind === 'backward-edge' && s.adds);
    expect(fork).toHaveLength(1);
    expect(stepLines(f, fork[0]).find((l) => l.kind === 'fork')?.text).toBe(
      '∂L/∂A = [[1, 2], [3, 4]] + [[1, 2], [3, 4]] = [[2, 4], [6, 8]]',
    );
    expect(stepLines(f, fork[0]).find((l) => l.kind === 'rule')?.text).toMatch(/^∂L\/∂A \+= /);
  });

  it('puts the numbers of N in a cross-entropy rule', () => {
    const c = analyzeTensor(
      'Z = [[1,2],[3,1]]\nY = [[0,1],[1,0]]\nL = crossentropy(softmax(Z), Y)',
    );
    const text = stepLines(c, stepOf(c, '∂L/∂a₁')).find((l) => l.kind === 'numbers')!.text;
    expect(text).toContain('/2');
    expect(text).not.toMatch(/\/N\b/);
  });

  it('writes the same lines with less detail', () => {
    const s = stepOf(a, '∂L/∂W');
    const kinds = (d: 0 | 1 | 2) => stepLines(a, s, d).map((l) => l.kind);
    expect(kinds(1)).toEqual(kinds(0));
    expect(kinds(2)).toEqual(kinds(0));
    expect(stepLines(a, s, 2).find((l) => l.kind === 'numbers')!.text).toBe(
      '∂L/∂W = [2×3]ᵀ · [2×2] = [3×2]',
    );
  });

  it('typesets every line of every step with KaTeX', () => {
    const programs = [
      SMALL_LAYER,
      'A = randn(12, 9)\nB = randn(9, 7)\nc = randn(7)\nL = mean(relu(A @ B + c))',
      'Z = randn(4, 3)\nY = randn(4, 3)\nL = crossentropy(softmax(Z), softmax(Y))',
      'a = randn(3)\nB = randn(3, 2)\nL = sum(sigmoid(a @ B).T * 2) + sum(B, 0) @ sum(B, 0)',
      'W = randn(3, 2)\nX = randn(2, 4)\nb = randn(3, 1)\nL = sum(sigmoid(W @ X + b) * b)',
    ];
    for (const p of programs) {
      const t = analyzeTensor(p);
      for (const s of t.steps)
        for (const l of [0, 1, 2].flatMap((d) => stepLines(t, s, d as 0 | 1 | 2)))
          expect(
            () => katex.renderToString(l.tex, { throwOnError: true, trust: false, maxExpand: 200 }),
            l.tex,
          ).not.toThrow();
    }
  });
});
