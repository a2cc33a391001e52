import { describe, expect, it } from 'vitest';
import { analyze, practiceQuestions, questionFormula, TEXT } from '../../src/engine';

const CIRCUIT = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';
const COLAH = 'a = 2; b = 1\ne = (a+b)*(b+1)';

/** Every step's questions as `kind=expected`, by 1-based step number. */
function sequence(source: string) {
  const a = analyze(source);
  return a.steps.map((s) => practiceQuestions(a, s).map((q) => `${q.kind}=${q.expected}`));
}

describe('practice questions per step kind', () => {
  it('forward: a node computed asks its value; a value travelling asks nothing', () => {
    const steps = sequence(CIRCUIT);
    expect(steps.slice(0, 6)).toEqual([[], [], ['value=3'], [], [], ['value=-12']]);
  });

  it('the seed asks nothing; out of the output only the local derivative (upstream is 1)', () => {
    const steps = sequence(CIRCUIT);
    expect(steps[6]).toEqual([]);
    expect(steps[7]).toEqual(['local=-4']);
    expect(steps[8]).toEqual(['local=3']);
  });

  it('backward: the local derivative, then the gradient sent back (upstream × local)', () => {
    const steps = sequence(CIRCUIT);
    expect(steps[9]).toEqual(['local=1', 'contribution=-4']);
    expect(steps[10]).toEqual(['local=1', 'contribution=-4']);
  });

  it('a fork: the first share asks no sum; the second asks the accumulated sum', () => {
    const a = analyze(COLAH);
    const b = a.graph.nodes.find((n) => n.name === 'b')!.id;
    const intoB = a.steps.filter((s) => s.kind === 'backward-edge' && s.to === b);
    expect(intoB.map((s) => practiceQuestions(a, s).map((q) => `${q.kind}=${q.expected}`))).toEqual(
      [
        ['local=1', 'contribution=2'],
        ['local=1', 'contribution=3', 'sum=5'],
      ],
    );
    const last = intoB[1];
    expect(questionFormula(a, last, 'sum', TEXT, false)).toBe('∂e/∂b = 2 + 3 = ?');
    expect(questionFormula(a, last, 'sum', TEXT, true)).toBe('∂e/∂b = 2 + 3 = 5');
  });

  it('a fork with shares still to come writes the sum so far without ∂f/∂x =', () => {
    const a = analyze('x = 2\nf = x*x*x');
    const x = a.graph.nodes.find((n) => n.name === 'x')!.id;
    const intoX = a.steps.filter((s) => s.kind === 'backward-edge' && s.to === x);
    expect(intoX).toHaveLength(3);
    const second = intoX[1];
    expect(practiceQuestions(a, second).map((q) => q.kind)).toEqual([
      'local',
      'contribution',
      'sum',
    ]);
    expect(questionFormula(a, second, 'sum', TEXT, false)).toMatch(/^[-\d.]+ \+ [-\d.()]+ = \?$/);
  });

  it('the formulas put ? where the answer goes, and the full formula as the reason', () => {
    const a = analyze(CIRCUIT);
    const [q, local, contribution] = [a.steps[2], a.steps[9], a.steps[9]];
    expect(questionFormula(a, q, 'value', TEXT, false)).toBe('q = x + y = (-2) + 5 = ?');
    expect(questionFormula(a, q, 'value', TEXT, true)).toBe('q = x + y = (-2) + 5 = 3');
    expect(questionFormula(a, local, 'local', TEXT, false)).toBe('∂q/∂x = ?');
    expect(questionFormula(a, local, 'local', TEXT, true)).toBe('∂q/∂x = 1');
    expect(questionFormula(a, contribution, 'contribution', TEXT, false)).toBe(
      '∂f/∂x = ∂f/∂q · ∂q/∂x = (-4) · 1 = ?',
    );
  });

  it('a number that is not finite is not asked', () => {
    const a = analyze('x = -1\nf = log(x)');
    expect(a.steps.flatMap((s) => practiceQuestions(a, s))).toEqual([]);
  });
});
