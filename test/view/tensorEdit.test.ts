import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeTensor } from '../../src/engine/tensor';
import type { TensorAnalysis } from '../../src/engine/tensor';
import { entries } from '../../src/view/tensor/tensorView';
import { parseCell, tensorLiteral, withEntry } from '../../src/view/Inputs/tensorEdit';

/** Sets entry `k` of input `name` in `source` through the analysis, as the Inputs panel does. */
function edit(source: string, name: string, k: number, v: number): string | undefined {
  const a = analyzeTensor(source);
  const input = a.inputs.find((i) => i.name === name)!;
  return withEntry(
    source,
    { span: a.graph.nodes[input.node].span, shape: input.shape, data: entries(input.value) },
    k,
    v,
  );
}

const valueOf = (a: TensorAnalysis, name: string) =>
  Array.from(entries(a.inputs.find((i) => i.name === name)!.value));

describe('editing a matrix input rewrites its declaration (issue 15, point 3)', () => {
  it('writes literals of exactly their shape', () => {
    expect(tensorLiteral([], [2.5], true)).toBe('2.5');
    expect(tensorLiteral([3], [1, -2, 0.5], true)).toBe('[1, -2, 0.5]');
    expect(tensorLiteral([2, 2], [1, 2, 3, 4], true)).toBe('[[1, 2], [3, 4]]');
    expect(tensorLiteral([2, 1], [0.5, -1], true)).toBe('[[0.5], [-1]]');
    expect(tensorLiteral([1], [-0], true)).toBe('[0]');
    expect(tensorLiteral([2], [Math.PI, 1 / 3], false)).toBe('[3.14159, 0.333333]');
  });

  it('changes one number of a literal and keeps the rest of the text as written', () => {
    const src = 'X = [[1, 2], [3, 4]]   # data\nW = [[0.5], [-1]]\nL = sum(X @ W)';
    const next = edit(src, 'X', 1, -7.25)!;
    expect(next).toBe('X = [[1, -7.25], [3, 4]]   # data\nW = [[0.5], [-1]]\nL = sum(X @ W)');
    const a = analyzeTensor(next);
    expect(valueOf(a, 'X')).toEqual([1, -7.25, 3, 4]);
    // L = sum(X @ W) = Σ_rows (0.5·x1 − x2): the gradient of X's column 2 is −1 whatever X is.
    expect(a.loss).toBe(0.5 * 1 + 7.25 + 0.5 * 3 - 4);
  });

  it('turns randn, zeros and ones into the literal of the numbers on show', () => {
    const src = 'W = randn(2, 3); b = zeros(3); x = ones(1, 2)\nL = sum(tanh(x @ W + b))';
    const a = analyzeTensor(src);
    const next = edit(src, 'W', 4, 0.125)!;
    expect(next).toMatch(/^W = \[\[[^\]]+\], \[[^\]]+\]\]; b = zeros\(3\); x = ones\(1, 2\)\n/);
    const w = valueOf(analyzeTensor(next), 'W');
    const before = valueOf(a, 'W');
    expect(w[4]).toBe(0.125);
    for (const k of [0, 1, 2, 3, 5]) expect(w[k]).toBeCloseTo(before[k], 5);
    const b = edit(next, 'b', 2, -1)!;
    expect(b).toContain('b = [0, 0, -1]');
    expect(valueOf(analyzeTensor(b), 'W')).toEqual(w);
  });

  it('rewrites a scalar input of a tensor program too', () => {
    const src = 'c = 2; v = [1, 2]\nL = sum(c * v)';
    expect(edit(src, 'c', 0, 3)).toBe('c = 3; v = [1, 2]\nL = sum(c * v)');
  });

  it('refuses what it cannot write: an index out of range, a number that is not finite', () => {
    const src = 'v = [1, 2]\nL = sum(v)';
    expect(edit(src, 'v', 2, 1)).toBeUndefined();
    expect(edit(src, 'v', 0, Infinity)).toBeUndefined();
    expect(edit(src, 'v', 0, NaN)).toBeUndefined();
  });

  it('reads a cell as a plain decimal number, or not yet', () => {
    expect(parseCell(' -0.5 ')).toBe(-0.5);
    expect(parseCell('1e-3')).toBe(0.001);
    expect(parseCell('.5')).toBe(0.5);
    for (const t of ['', '-', '1e', '0x10', 'Infinity', '1,5', 'NaN', '1e999', '2*3'])
      expect(parseCell(t), t).toBeUndefined();
  });

  it('any finite number typed into any cell reads back exactly from the new program', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
        fc.nat(),
        (m, n, v, pick) => {
          const src = `W = randn(${m}, ${n})\nL = sum(W * W)`;
          const k = pick % (m * n);
          const next = edit(src, 'W', k, v)!;
          expect(valueOf(analyzeTensor(next), 'W')[k]).toBe(v === 0 ? 0 : v);
          // Edited again, the literal keeps every other number exactly.
          const again = edit(next, 'W', (k + 1) % (m * n), 1)!;
          const w = valueOf(analyzeTensor(again), 'W');
          const prev = valueOf(analyzeTensor(next), 'W');
          for (let j = 0; j < m * n; j++) if (j !== (k + 1) % (m * n)) expect(w[j]).toBe(prev[j]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
