import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { analyzeTensor, type TensorAnalysis } from '../../src/engine/tensor';
import {
  edgeIndexForm,
  indexForm,
  writeIndexForm,
  type IndexForm,
} from '../../src/engine/tensor/indexForm';

/**
 * Index forms (issue 15, point 5): each gradient entry written as the scalar chain rule's sum of
 * products must add up to the entry the engine's matrix rule computed, for every op's rule.
 */

const nodeNamed = (a: TensorAnalysis, name: string) => a.nodes.find((n) => n.name === name)!;

/** Every entry of every node with a gradient: its index form's total is the engine's entry. */
function expectAllEntriesAgree(a: TensorAnalysis): number {
  const { graph: g, run } = a;
  let checked = 0;
  for (const n of g.nodes) {
    if (!n.variable) continue;
    for (let at = 0; at < n.size; at++) {
      const f = indexForm(g, run, n.id, at);
      expectClose(f.total, run.grad[n.offset + at], f);
      expect(f.engineValue).toBe(run.grad[n.offset + at]);
      // Each edge's share agrees with the contribution the engine sent along it.
      for (const p of f.parts) {
        const e = g.gradEdges[p.edge];
        const sent = e.offset < 0 ? run.grad[n.offset + at] : run.contribution[e.offset + at];
        expectClose(p.sum, sent, f);
      }
      checked++;
    }
  }
  return checked;
}

function expectClose(got: number, want: number, f: IndexForm): void {
  if (Number.isNaN(want)) return void expect(got).toBeNaN();
  let scale = 1;
  for (const p of f.parts) for (const t of p.terms) scale += Math.abs(t.value);
  expect(Math.abs(got - want), writeIndexForm(f).text).toBeLessThanOrEqual(1e-12 * scale);
}

const programs: readonly ((m: number, k: number, n: number) => string)[] = [
  // matmul on both sides, then an elementwise op and a sum.
  (m, k, n) => `A = randn(${m}, ${k}); B = randn(${k}, ${n}); L = sum(tanh(A @ B))`,
  // a vector on the left, on the right, and on both.
  (_m, k, n) => `a = randn(${k}); B = randn(${k}, ${n}); L = sum(sigmoid(a @ B))`,
  (m, k) => `A = randn(${m}, ${k}); b = randn(${k}); L = sum(exp(A @ b))`,
  (_m, k) => `a = randn(${k}); b = randn(${k}); L = a @ b`,
  // A layer with a bias fed by broadcasting, a fork (Z used twice), and mean.
  (m, k, n) =>
    `X = randn(${m}, ${k}); W = randn(${k}, ${n}); b = randn(${n}); Z = X @ W + b; L = mean(Z * Z)`,
  // A column broadcast, a scalar constant broadcast, division and subtraction.
  (m, _k, n) => `A = randn(${m}, ${n}); c = randn(${m}, 1); L = sum((A - c) / (c * c + 1) * 2)`,
  // Reductions along each axis, a transpose.
  (m, k) =>
    `A = randn(${m}, ${k}); B = randn(${m}, ${k}); L = sum(sum(A, 0) * mean(B, 0)) + sum(mean(B, 1) @ A.T.T)`,
  (m, k, n) => `A = randn(${k}, ${m}); B = randn(${k}, ${n}); L = sum(relu(A.T @ B))`,
  // softmax and cross-entropy, with a gradient into both of cross-entropy's operands.
  (m, _k, n) =>
    `Z = randn(${m}, ${n}); Y = randn(${m}, ${n}); L = crossentropy(softmax(Z), softmax(Y))`,
  (_m, _k, n) => `z = randn(${n}); y = randn(${n}); L = crossentropy(softmax(z), softmax(y))`,
];

describe('index form of a gradient entry', () => {
  it('adds up to the engine gradient, for every op rule, over random shapes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: programs.length - 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1000 }),
        (p, m, k, n, seed) => {
          const a = analyzeTensor(programs[p](m, k, n), undefined, { seed });
          expect(expectAllEntriesAgree(a)).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('writes LaTeX that KaTeX renders, for every rule', () => {
    for (const program of programs) {
      const a = analyzeTensor(program(3, 2, 4));
      for (const n of a.graph.nodes) {
        if (!n.variable) continue;
        const { tex } = writeIndexForm(indexForm(a.graph, a.run, n.id, n.size - 1));
        expect(
          () => katex.renderToString(tex, { throwOnError: true, trust: false }),
          tex,
        ).not.toThrow();
      }
    }
  });

  it('writes a matmul weight entry as a sum over the batch rows, with its numbers', () => {
    const a = analyzeTensor(
      'X = [[1,2,3],[4,5,6]]\nW = [[0.5,-1],[2,0],[-0.5,1]]\nZ = X @ W\nL = sum(Z)',
    );
    const W = nodeNamed(a, 'W');
    // W[2,1]: row 2, column 1 (from 1), flat index 2.
    const f = indexForm(a.graph, a.run, W.id, 2);
    expect(f.index).toEqual([1, 0]);
    expect(f.parts).toHaveLength(1);
    const [part] = f.parts;
    expect(part.sumOver).toBe('b');
    expect(part.ruleText).toBe('Σ_b X[b,2] · ∂L/∂Z[b,1]');
    expect(part.terms.map((t) => t.factors.map((x) => x.value))).toEqual([
      [2, 1],
      [5, 1],
    ]);
    expect(f.total).toBe(7);
    expect(writeIndexForm(f).text).toBe('∂L/∂W[2,1] = Σ_b X[b,2] · ∂L/∂Z[b,1] = 2·1 + 5·1 = 7');
    // The cells it came from: X's column 2 and ∂L/∂Z's column 1.
    const reads = part.terms.flatMap((t) => t.reads);
    const X = nodeNamed(a, 'X').id;
    const Z = nodeNamed(a, 'Z').id;
    expect(reads).toEqual([
      { node: X, of: 'value', at: 1 },
      { node: Z, of: 'grad', at: 0 },
      { node: X, of: 'value', at: 4 },
      { node: Z, of: 'grad', at: 2 },
    ]);
  });

  it('writes the left operand of a product as a sum over the upstream columns', () => {
    const a = analyzeTensor('X = [[1,2,3],[4,5,6]]\nW = [[0.5,-1],[2,0],[-0.5,1]]\nL = sum(X @ W)');
    const X = nodeNamed(a, 'X');
    const f = indexForm(a.graph, a.run, X.id, 0);
    expect(f.parts[0].ruleText).toMatch(/^Σ_j ∂L\/∂\S+\[1,j\] · W\[1,j\]$/);
    expect(f.total).toBe(-0.5);
  });

  it('sums a broadcast bias over the batch rows', () => {
    const a = analyzeTensor('X = [[1,2],[3,4],[5,6]]\nb = [0.5, -1]\nL = sum((X + b) * X)');
    const b = nodeNamed(a, 'b');
    const f = indexForm(a.graph, a.run, b.id, 1);
    expect(f.parts[0].sumOver).toBe('b');
    expect(f.parts[0].terms).toHaveLength(3);
    expect(f.total).toBe(2 + 4 + 6);
    expect(writeIndexForm(f).text).toContain('Σ_b');
  });

  it('adds the shares at a fork', () => {
    const a = analyzeTensor('A = [[1,2],[3,4]]\nL = sum(A * A + A)');
    const A = nodeNamed(a, 'A');
    const f = indexForm(a.graph, a.run, A.id, 3);
    expect(f.parts.length).toBe(3);
    expect(f.total).toBe(4 + 4 + 1);
    expect(writeIndexForm(f).text).toMatch(/\) \+ \(/);
  });

  it('writes one softmax entry as a row of the Jacobian', () => {
    const a = analyzeTensor('Z = [[1,2,3]]\nY = [[0,0,1]]\nL = crossentropy(softmax(Z), Y)');
    const Z = nodeNamed(a, 'Z');
    const f = indexForm(a.graph, a.run, Z.id, 0);
    expect(f.parts[0].sumOver).toBe('c');
    expect(f.parts[0].terms).toHaveLength(3);
    expect(f.parts[0].ruleText).toContain('δ_c1');
    expect(f.total).toBeCloseTo(f.engineValue, 14);
  });

  it('gives the output its seed and a single-term rule without a sum', () => {
    const a = analyzeTensor('A = [[1,2],[3,4]]\nB = A.T\nL = sum(B)');
    const out = indexForm(a.graph, a.run, a.graph.output, 0);
    expect(out.seed).toBe(true);
    expect(writeIndexForm(out).text).toBe('∂L/∂L = 1');
    const A = nodeNamed(a, 'A');
    const f = indexForm(a.graph, a.run, A.id, 1);
    expect(f.parts[0].sumOver).toBeUndefined();
    // A[1,2] went to Bᵀ's [2,1].
    expect(f.parts[0].ruleText).toBe('∂L/∂B[2,1]');
  });

  it('is the same function edge by edge', () => {
    const a = analyzeTensor('A = [[1,2],[3,4]]\nL = sum(A @ A)');
    const A = nodeNamed(a, 'A');
    const edges = a.graph.gradEdges.filter((e) => e.from === A.id);
    expect(edges).toHaveLength(2);
    const sum = edges.reduce((s, e) => s + edgeIndexForm(a.graph, a.run, e, 2).sum, 0);
    expect(sum).toBe(indexForm(a.graph, a.run, A.id, 2).total);
  });
});
