import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
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
});
