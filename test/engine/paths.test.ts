import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, enumeratePaths, scalarGradient, factoredPaths } from '../../src/engine';
import { close, dagProgram } from './dagPrograms';

const COLAH = 'a = 2; b = 1\nc = a + b\nd = b + 1\ne = c * d';
const node = (a: ReturnType<typeof analyze>, name: string) =>
  a.inputs.find((i) => i.name === name)!.node;

/** k squarings in a row: each `x * x` is two edges into one node, so 2^k paths. */
const squarings = (k: number) =>
  ['x = 1.01', ...Array.from({ length: k }, (_, i) => `s${i + 1} = s${i} * s${i}`)]
    .join('\n')
    .replace('s0', 'x')
    .replace('s0', 'x');

/** k diamonds in a row: each stage forks into sin and cos and joins them with +. */
const diamonds = (k: number) =>
  [
    'x = 0.3',
    ...Array.from({ length: k }, (_, i) => {
      const p = i === 0 ? 'x' : `m${i}`;
      return `m${i + 1} = sin(${p}) + cos(${p})`;
    }),
  ].join('\n');

describe('paths from an input to the output', () => {
  it('colah’s b has 2 paths, 1·2 + 1·3 = 5', () => {
    const a = analyze(COLAH);
    const r = enumeratePaths(a, node(a, 'b'));
    expect(r.count).toBe(2n);
    expect(r.paths.map((p) => p.product)).toEqual([2, 3]);
    expect(r.total).toBe(5);
    expect(r.sumTex).toBe('\\frac{\\partial e}{\\partial b} = 1 \\cdot 2 + 1 \\cdot 3 = 5');
    expect(r.edges).toHaveLength(4);
    const ra = enumeratePaths(a, node(a, 'a'));
    expect(ra.count).toBe(1n);
    expect(ra.total).toBe(2);
  });

  it('a chain of k diamonds has 2^k paths, and the factored form writes each edge once', () => {
    for (const k of [1, 3, 6, 12]) {
      const a = analyze(diamonds(k));
      const r = enumeratePaths(a, node(a, 'x'), a.graph.output, 8);
      expect(r.count).toBe(2n ** BigInt(k));
      expect(r.paths).toHaveLength(Math.min(8, 2 ** k));
      expect(close(r.total, scalarGradient(a, 'x')!)).toBe(true);
      const f = factoredPaths(a, node(a, 'x'))!;
      expect(close(f.value, scalarGradient(a, 'x')!)).toBe(true);
      // Four edges per diamond (into sin and cos, out of them into +), each written once.
      expect(f.factors).toBe(4 * k);
      // Written out path by path it is 2^k · 2k − 1 operations; factored it stays linear.
      expect(r.expandedOps).toBe(2n ** BigInt(k) * BigInt(2 * k) - 1n);
      // Per diamond two products and a sum, then k − 1 products joining the diamonds.
      expect(f.operations).toBe(4 * k - 1);
    }
  });

  it('k squarings have 2^k paths, counted exactly past 2^53', () => {
    const a = analyze(squarings(70));
    const r = enumeratePaths(a, node(a, 'x'));
    expect(r.count).toBe(2n ** 70n);
    expect(r.paths).toHaveLength(8);
    expect(r.sumTex).toBeUndefined();
    const f = factoredPaths(analyze(squarings(3)), 0)!;
    expect(f.numericTex).toContain('\\left(');
    expect(f.factors).toBe(6);
  });

  it('sum of path products equals the gradient on random small DAGs', () => {
    fc.assert(
      fc.property(dagProgram, (p) => {
        const a = analyze(p.source, p.values);
        for (const input of a.inputs) {
          const r = enumeratePaths(a, input.node, a.graph.output, 10_000);
          if (r.count > 10_000n) continue;
          expect(BigInt(r.paths.length)).toBe(r.count);
          const sum = r.paths.reduce((s, q) => s + q.product, 0);
          expect(close(sum, scalarGradient(a, input.name)!, 1e-9, 1e-12)).toBe(true);
          expect(close(r.total, scalarGradient(a, input.name)!, 1e-9, 1e-12)).toBe(true);
          // Every listed path runs from the input to the output along consecutive edges.
          for (const q of r.paths) {
            expect(a.compiled.edgeFrom[q.edges[0]]).toBe(input.node);
            expect(a.compiled.edgeTo[q.edges[q.edges.length - 1]]).toBe(a.graph.output);
            for (let i = 1; i < q.edges.length; i++)
              expect(a.compiled.edgeFrom[q.edges[i]]).toBe(a.compiled.edgeTo[q.edges[i - 1]]);
          }
          const f = factoredPaths(a, input.node);
          if (r.count === 0n) expect(f).toBeUndefined();
          else if (f)
            expect(close(f.value, scalarGradient(a, input.name)!, 1e-9, 1e-12)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an input the output does not use has no paths and a zero total', () => {
    const a = analyze('u = 3\nv = u * 2\ny = 4\nw = y + 1');
    const r = enumeratePaths(a, node(a, 'u'));
    expect(r.count).toBe(0n);
    expect(r.paths).toEqual([]);
    expect(r.total).toBe(0);
    expect(factoredPaths(a, node(a, 'u'))).toBeUndefined();
  });
});
