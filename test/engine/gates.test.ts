import { describe, expect, it } from 'vitest';
import { analyze, gatePattern, type Analysis, type BackwardEdgeStep } from '../../src/engine';
import { exampleById } from '../../src/examples';

/** The backward step that sends the gradient from node `from` to node `to`, by names. */
function stepInto(a: Analysis, from: string, to: string): BackwardEdgeStep {
  const name = (id: number) => a.compiled.symbol(id).text;
  const step = a.steps.find(
    (s): s is BackwardEdgeStep =>
      s.kind === 'backward-edge' && name(s.from) === from && name(s.to) === to,
  );
  if (!step) throw new Error(`no backward step ${from} → ${to}`);
  return step;
}

describe('gatePattern', () => {
  it('add distributes the upstream gradient unchanged (cs231n circuit)', () => {
    const a = analyze(exampleById('circuit')!.source);
    const p = gatePattern(a, stepInto(a, 'q', 'x'));
    expect(p).toEqual({ kind: 'add', sign: 1, upstream: -4 });
  });

  it('a difference flips the sign for its right-hand operand only', () => {
    const a = analyze('x = 3; y = 1\nf = x - y');
    expect(gatePattern(a, stepInto(a, 'f', 'x'))).toMatchObject({ kind: 'add', sign: 1 });
    expect(gatePattern(a, stepInto(a, 'f', 'y'))).toMatchObject({ kind: 'add', sign: -1 });
  });

  it('multiply swaps: the local derivative is the other operand’s value', () => {
    const a = analyze(exampleById('multiply')!.source);
    const toX = gatePattern(a, stepInto(a, 'f', 'x'));
    const toY = gatePattern(a, stepInto(a, 'f', 'y'));
    expect(toX).toMatchObject({ kind: 'mul', otherValue: -3, upstream: 1 });
    expect(toY).toMatchObject({ kind: 'mul', otherValue: 4, upstream: 1 });
    expect(stepInto(a, 'f', 'x').contribution).toBe(-3);
  });

  it('max routes the gradient to the larger input only', () => {
    const a = analyze(exampleById('max')!.source);
    expect(gatePattern(a, stepInto(a, 'f', 'x'))).toMatchObject({ kind: 'max', routed: true });
    expect(gatePattern(a, stepInto(a, 'f', 'y'))).toMatchObject({ kind: 'max', routed: false });
    expect(stepInto(a, 'f', 'y').contribution).toBe(0);
  });

  it('max and min at a tie say so', () => {
    const a = analyze('x = 2; y = 2\nf = max(x, y)');
    expect(gatePattern(a, stepInto(a, 'f', 'x'))).toMatchObject({ tie: true, routed: false });
    const b = analyze('x = 1; y = 2\nf = min(x, y)');
    expect(gatePattern(b, stepInto(b, 'f', 'x'))).toMatchObject({ kind: 'min', routed: true });
  });

  it('unary gates carry their local derivative, symbolic and numeric', () => {
    const a = analyze('x = 0\nf = sigmoid(x)');
    const p = gatePattern(a, stepInto(a, 'f', 'x'));
    expect(p).toMatchObject({ kind: 'unary', op: 'σ', local: 0.25 });
    if (p?.kind !== 'unary') throw new Error('unreachable');
    expect(p.localText).toContain('0.25');
    expect(p.localTex).toContain('\\frac{\\partial f}{\\partial x}');
  });

  it('division has no named pattern, and forward steps have none at all', () => {
    const a = analyze('x = 1; y = 2\nf = x / y');
    expect(gatePattern(a, stepInto(a, 'f', 'x'))).toEqual({ kind: 'other' });
    expect(gatePattern(a, a.steps[0])).toBeUndefined();
    expect(gatePattern(a, a.steps[a.trace.forwardCount])).toBeUndefined();
  });
});
