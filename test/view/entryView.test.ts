import { describe, expect, it } from 'vitest';
import { analyzeTensor } from '../../src/engine/tensor';
import { entryView, readKey } from '../../src/view/tensor/entryView';
import { tensorKnown } from '../../src/view/tensor/tensorView';

/** One gradient entry drilled into (issue 15, point 5), as far as the steps have played. */
describe('entryView', () => {
  const a = analyzeTensor('A = [[1,2],[3,4]]\nB = [[1,0],[2,1]]\nL = sum(A @ B + A)');
  const A = a.nodes.find((n) => n.name === 'A')!;
  const steps = a.steps.length;

  it('is the grid’s number at every step: a fork’s running sum before its last share', () => {
    const arrivals = new Set<number>();
    for (let k = 0; k <= steps; k++) {
      const v = entryView(a, { node: A.id, at: 1 }, k);
      const g = tensorKnown(a, k).grad.get(A.id);
      if (g === undefined) {
        expect(v).toBeNull();
        continue;
      }
      arrivals.add(v!.arrived);
      const shown = typeof g === 'number' ? g : g.data[1];
      expect(v!.form.total).toBeCloseTo(shown, 12);
      expect(v!.count).toBe(2);
    }
    // Seen both with one share (the running sum) and with both.
    expect([...arrivals].sort()).toEqual([1, 2]);
    expect(entryView(a, { node: A.id, at: 1 }, steps)!.arrived).toBe(2);
  });

  it('reads the cells of the product and of the upstream gradient', () => {
    const v = entryView(a, { node: A.id, at: 1 }, steps)!;
    const B = a.nodes.find((n) => n.name === 'B')!;
    // ∂L/∂A[1,2] = Σ_j ∂L/∂(A@B)[1,j] · B[2,j] + ∂L/∂(…+A)[1,2]: B's row 2 is read.
    expect(v.reads.has(readKey(B.id, 'value', 2))).toBe(true);
    expect(v.reads.has(readKey(B.id, 'value', 3))).toBe(true);
    expect(v.reads.has(readKey(B.id, 'value', 0))).toBe(false);
    expect(v.text).toMatch(
      /^∂L\/∂A\[1,2\] = \(∂L\/∂a₂\[1,2\]\) \+ \(Σ_j .*\) = \(1\) \+ \(1·2 \+ 1·1\) = 4$/,
    );
  });

  it('is null for an entry out of range', () => {
    expect(entryView(a, { node: A.id, at: 4 }, steps)).toBeNull();
  });
});
