import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, isScalarAnalysis, scalarGradient } from '../../src/engine';
import { analyzeTensor, type TensorAnalysis } from '../../src/engine/tensor';
import { canExpand, expandToScalars } from '../../src/engine/tensor/expand';

/**
 * Expand to scalars (issue 15, point 6): the scalar program written for one tensor op computes
 * the op's entries, and its gradients are the shares the matrix step sent to each operand.
 */

/**
 * Within `tol` of `want`, relative to the larger of `want` and `scale`: the expansion writes its
 * operands with six significant digits, so where large operands cancel (a sum near 0) the error
 * is relative to them, not to the result.
 */
const close = (got: number, want: number, tol: number, scale = 0) =>
  expect(Math.abs(got - want)).toBeLessThanOrEqual(tol * (1 + Math.max(Math.abs(want), scale)));

/** Checks the expansion of every op node of `a` that expands; returns how many did. */
function checkEveryOp(a: TensorAnalysis): number {
  const { graph: g, run } = a;
  let count = 0;
  for (const n of g.nodes) {
    if (n.kind !== 'op' || !canExpand(g, n.id).ok) continue;
    const source = expandToScalars(g, run, n.id)!;
    const s = analyze(source);
    expect(isScalarAnalysis(s), source).toBe(true);
    const sym = (id: number) => g.symbol(id).name;
    const rows = (id: number) => (g.nodes[id].shape.length === 2 ? g.nodes[id].shape[0] : 1);
    const cols = (id: number) => {
      const sh = g.nodes[id].shape;
      return sh.length === 0 ? 1 : sh[sh.length - 1];
    };
    const entryName = (id: number, r: number, c: number) => {
      const sh = g.nodes[id].shape;
      return sh.length === 0
        ? sym(id)
        : sh.length === 1
          ? `${sym(id)}_${c + 1}`
          : `${sym(id)}_${r + 1}${c + 1}`;
    };
    // Forward: each entry of the result, named in the scalar program.
    const value = new Map(s.graph.nodes.filter((x) => x.name).map((x) => [x.name!, x.value]));
    // The largest term an entry can sum: the operands' largest entries multiplied.
    const largest = (id: number) =>
      Math.max(
        1,
        ...Array.from(
          run.value.subarray(g.nodes[id].offset, g.nodes[id].offset + rows(id) * cols(id)),
          Math.abs,
        ),
      );
    const scale = n.operands.reduce((p, o) => p * largest(o), 1) * rows(n.id) * cols(n.id);
    for (let r = 0; r < rows(n.id); r++)
      for (let c = 0; c < cols(n.id); c++)
        close(
          value.get(entryName(n.id, r, c))!,
          run.value[n.offset + r * cols(n.id) + c],
          2e-5,
          scale,
        );
    // Backward: each operand entry's gradient is the share the op sent it.
    for (const o of new Set(n.operands)) {
      const from = g.nodes[o];
      const edges = g.gradEdges.filter((e) => e.from === o && e.to === n.id);
      if (edges.length === 0) continue;
      for (let r = 0; r < rows(o); r++)
        for (let c = 0; c < cols(o); c++) {
          const at = r * cols(o) + c;
          let want = 0;
          for (const e of edges)
            want += e.offset < 0 ? run.grad[from.offset + at] : run.contribution[e.offset + at];
          close(scalarGradient(s, entryName(o, r, c))!, want, 1e-4);
        }
    }
    count++;
  }
  return count;
}

const programs: readonly ((m: number, k: number, n: number) => string)[] = [
  (m, k, n) =>
    `X = randn(${m}, ${k}); W = randn(${k}, ${n}); b = randn(${n}); Z = X @ W + b; L = sum(tanh(Z))`,
  (_m, k, n) => `a = randn(${k}); B = randn(${k}, ${n}); L = sum(sigmoid(a @ B))`,
  (m, k) => `A = randn(${m}, ${k}); b = randn(${k}); L = sum(exp(A @ b) * 2)`,
  (_m, k) => `a = randn(${k}); b = randn(${k}); L = a @ b`,
  (m, k) => `A = randn(${m}, ${k}); c = randn(${m}, 1); L = mean((A - c) / (c * c + 1))`,
  (m, k) => `A = randn(${m}, ${k}); L = sum(sum(A, 0) * 3) + sum(mean(A, 1)) + sum(A.T @ A)`,
  (m, _k, n) =>
    `Z = randn(${m}, ${n}); Y = randn(${m}, ${n}); L = crossentropy(softmax(Z), softmax(Y))`,
  (m, _k, n) => `A = randn(${m}, ${n}); L = sum(relu(A) - A ^ 2)`,
];

describe('expand a tensor op to scalars', () => {
  it('computes the op entries and the matrix step gradients, over random small shapes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: programs.length - 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 1000 }),
        (p, m, k, n, seed) => {
          const a = analyzeTensor(programs[p](m, k, n), undefined, { seed });
          expect(checkEveryOp(a)).toBeGreaterThan(0);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('writes a 2×2 product as its multiplies and adds', () => {
    const a = analyzeTensor('X = [[1,2],[3,4]]\nW = [[5,6],[7,8]]\nZ = X @ W\nL = sum(Z * Z)');
    const Z = a.nodes.find((n) => n.name === 'Z')!;
    expect(expandToScalars(a.graph, a.run, Z.id)).toBe(
      [
        'X_11 = 1; X_12 = 2',
        'X_21 = 3; X_22 = 4',
        'W_11 = 5; W_12 = 6',
        'W_21 = 7; W_22 = 8',
        'Z_11 = X_11*W_11 + X_12*W_21',
        'Z_12 = X_11*W_12 + X_12*W_22',
        'Z_21 = X_21*W_11 + X_22*W_21',
        'Z_22 = X_21*W_12 + X_22*W_22',
        // ∂L/∂Z = 2Z: the matrix program's gradient weights the entries.
        'L = 38*Z_11 + 44*Z_12 + 86*Z_21 + 100*Z_22',
      ].join('\n'),
    );
  });

  it('says why an op does not expand', () => {
    const a = analyzeTensor('X = randn(4, 3)\nW = randn(3, 2)\nL = sum(X @ W)');
    const mm = a.graph.nodes.find((n) => n.op?.name === 'matmul')!;
    expect(canExpand(a.graph, mm.id)).toEqual({
      ok: false,
      reason: 'tooBig',
      name: 'X',
      shape: '4×3',
    });
    expect(canExpand(a.graph, a.inputs[0].node)).toEqual({ ok: false, reason: 'notOp' });
    expect(expandToScalars(a.graph, a.run, mm.id)).toBeNull();
  });
});
