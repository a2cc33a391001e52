import { describe, expect, it } from 'vitest';
import { checkBackwardPass } from '../../src/engine/backwardCheck';
import { backwardExercise } from '../../src/engine/backwardExercise';
import { analyzeWithBackwardPass } from '../../src/engine/backwardPass';
import { SCALAR_EXAMPLES } from '../../src/examples';

describe("practice's 'check my backward pass' exercise", () => {
  it("writes cs231n's forward pass with an empty line per input and named value", () => {
    const source = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';
    const ex = backwardExercise(source)!;
    expect(ex.source).toBe(`${source}\ndfdq = \ndfdz = \ndfdy = \ndfdx = `);
    const a = analyzeWithBackwardPass(ex.source);
    expect(a.output).toBe(-12);
    expect(
      checkBackwardPass(a).map((c) => [c.gradient.name, c.of, c.gradient.wrt, c.reason]),
    ).toEqual([
      ['dfdq', 'f', 'q', 'blank'],
      ['dfdz', 'f', 'z', 'blank'],
      ['dfdy', 'f', 'y', 'blank'],
      ['dfdx', 'f', 'x', 'blank'],
    ]);
  });

  it('names the lines dx where the output has no name', () => {
    expect(backwardExercise('(x+y)*z')?.names).toEqual(['dz', 'dy', 'dx']);
  });

  it('works for every scalar example: each line read as its gradient, and right once filled in', () => {
    for (const example of SCALAR_EXAMPLES) {
      const ex = backwardExercise(example.source);
      expect(ex, example.id).not.toBeNull();
      const blank = checkBackwardPass(analyzeWithBackwardPass(ex!.source));
      expect(
        blank.map((c) => c.gradient.name),
        example.id,
      ).toEqual(ex!.names);
      expect(
        blank.every((c) => c.reason === 'blank'),
        example.id,
      ).toBe(true);
      // Filled in with the true values, every line is right.
      const a0 = analyzeWithBackwardPass(example.source);
      let filled = ex!.source;
      for (const c of blank) {
        const node = a0.compiled.names.indexOf(c.gradient.wrt);
        filled = filled.replace(
          `${c.gradient.name} = `,
          `${c.gradient.name} = ${a0.backward.grad[node]}`,
        );
      }
      const done = checkBackwardPass(analyzeWithBackwardPass(filled));
      expect(
        done.map((c) => c.status),
        example.id,
      ).toEqual(done.map(() => 'ok'));
    }
  });

  it('leaves a program that already holds gradient lines as it is, and asks nothing without inputs', () => {
    const started = 'x = 3\nf = x * x\ndfdx = 2 * x';
    expect(backwardExercise(started)).toEqual({ source: started, names: ['dfdx'] });
    expect(backwardExercise('f = 2 * 3')).toBeNull();
    expect(backwardExercise('f = (')).toBeNull();
  });
});
