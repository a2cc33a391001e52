import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { practiceStepState, stepState } from '../../src/state/stepState';
import { frameFormula } from '../../src/view/Export/graphImage';

describe('frameFormula (the text under an exported picture)', () => {
  const a = analyze('x = -2; y = 5; z = -4; q = x + y; f = q * z');

  it('shows the program at the start', () => {
    expect(frameFormula(a, 0)).toEqual(['q = x + y', 'f = q · z']);
  });

  it('shows the step just played', () => {
    expect(frameFormula(a, 3)).toEqual(['q = x + y = (-2) + 5 = 3']);
  });

  it('adds every input’s gradient at the end', () => {
    const lines = frameFormula(a, a.steps.length);
    expect(lines[0]).toBe('∂f/∂y = ∂f/∂q · ∂q/∂y = (-4) · 1 = -4');
    expect(lines[1]).toBe('∂f/∂x = -4\u2003\u2003∂f/∂y = -4\u2003\u2003∂f/∂z = 3');
  });

  it('writes a fork’s running sum under the share that completes it', () => {
    const colah = analyze('a = 2; b = 1; e = (a+b)*(b+1)');
    const lines = frameFormula(colah, colah.steps.length - 1);
    expect(lines).toEqual(['∂e/∂b += ∂e/∂a₁ · ∂a₁/∂b = 2 · 1 = 2', '∂e/∂b = 2 + …']);
  });

  it('practice mode: the number still asked is `?`, what is answered is written out', () => {
    const mode = { ad: 'reverse' as const, wrt: null };
    const at = (k: number, hidden: Parameters<typeof practiceStepState>[3]) =>
      frameFormula(a, practiceStepState(a, mode, stepState(a, mode, k), hidden));
    expect(at(3, ['value'])).toEqual(['q = x + y = (-2) + 5 = ?']);
    expect(at(10, ['local', 'contribution'])).toEqual(['∂q/∂x = ?']);
    expect(at(10, ['contribution'])).toEqual(['∂q/∂x = 1', '∂f/∂x = ∂f/∂q · ∂q/∂x = (-4) · 1 = ?']);
    expect(at(10, [])).toEqual(frameFormula(a, 10));
  });
});
