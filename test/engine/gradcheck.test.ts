import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradientCheck, relativeError, statusOf } from '../../src/engine';
import { SCALAR_EXAMPLES } from '../../src/examples';
import { SMOOTH_UNARY_OPS } from './registryPrograms';

describe('gradientCheck', () => {
  it('agrees with the backward pass on (x+y)*z', () => {
    const { inputs } = gradientCheck('(x+y)*z', { x: -2, y: 5, z: -4 });
    expect(inputs.map((c) => c.name)).toEqual(['x', 'y', 'z']);
    expect(inputs.map((c) => c.analytic)).toEqual([-4, -4, 3]);
    for (const c of inputs) {
      expect(c.numeric).toBeCloseTo(c.analytic, 6);
      expect(c.status).toBe('ok');
      expect(c.kink).toBe(false);
    }
  });

  it('agrees on every preset', () => {
    for (const ex of SCALAR_EXAMPLES) {
      for (const c of gradientCheck(ex.source).inputs) {
        expect(c.status, `${ex.id}: ${c.name}`).toBe('ok');
      }
    }
  });

  it('flags a kink within h, where one-sided slopes differ', () => {
    const [c] = gradientCheck('x = 0.000001\nf = relu(x)').inputs;
    expect(c.kink).toBe(true);
    expect(c.analytic).toBe(1);
    expect(c.numeric).toBeCloseTo(0.55, 6); // (1e-6 + 1e-5 - 0) / 2e-5
    expect(c.status).toBe('bad');
    const [tie] = gradientCheck('x = 2; y = 2\nf = max(x, y)').inputs;
    expect(tie.kink).toBe(true);
    expect(gradientCheck('x = 1\nf = relu(x)').inputs[0].kink).toBe(false);
  });

  it('warns of a kink only for inputs whose nudge moves the kinked argument', () => {
    const [x, y] = gradientCheck('x = 0; y = 3\nf = relu(x) * y').inputs;
    expect(x.name).toBe('x');
    expect(x.kink).toBe(true);
    expect(y.name).toBe('y');
    expect(y.kink).toBe(false); // nudging y never reaches relu's argument
    // Both arguments of a tie move with either input.
    const [a, b] = gradientCheck('a = 2; b = 2\nf = max(a, b)').inputs;
    expect([a.kink, b.kink]).toEqual([true, true]);
  });

  it('catches a wrong gradient: a steep function with a large h disagrees', () => {
    const [c] = gradientCheck('x = 1\nf = exp(10*x)', {}, 0.1).inputs;
    expect(c.status).not.toBe('ok');
  });

  it('rates relative errors by cs231n’s rule of thumb', () => {
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(1, 1.1)).toBeCloseTo(0.1 / 1.1, 12);
    expect(statusOf(1e-7)).toBe('ok');
    expect(statusOf(1e-3)).toBe('warn');
    expect(statusOf(0.5)).toBe('bad');
    expect(statusOf(NaN)).toBe('bad');
  });

  it('agrees on random smooth programs', () => {
    // Every smooth one-argument op of the registry, its operand squeezed into its smooth region.
    const unary = SMOOTH_UNARY_OPS;
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('x', 'y', 'z'),
        fc.tuple(fc.constantFrom(...unary), tie('e')).map(([f, a]) => f(a)),
        fc
          .tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e'))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
      ),
    })).e;
    const value = fc.integer({ min: -150, max: 150 }).map((k) => k / 100);
    fc.assert(
      fc.property(expr, value, value, value, (source, x, y, z) => {
        for (const c of gradientCheck(source, { x, y, z }).inputs) {
          // Analytic and numeric agree to far better than the "ok" bound.
          expect(Math.abs(c.analytic - c.numeric)).toBeLessThan(1e-5 * (1 + Math.abs(c.analytic)));
        }
      }),
      { numRuns: 150 },
    );
  });
});
