import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { checkAnswer, closeEnough, evaluateAnswer } from '../../src/engine/answer';

describe('practice answers: read by the engine’s parser and op registry', () => {
  it.each([
    ['-4', -4],
    ['-4*1', -4],
    ['1/4', 0.25],
    ['e^2', Math.exp(2)],
    ['exp(2)', Math.exp(2)],
    ['pi/2', Math.PI / 2],
    ['2π', NaN], // a number cannot run into a name, as in a program
    ['−4', -4], // a real minus sign, copied from the page
    ['3 × 2', 6],
    ['sigmoid(0)', 0.5],
    ['  (1 + 2) * 3  ', 9],
    ['1e-3', 0.001],
    ['.5', 0.5],
  ])('%s is %d', (text, value) => {
    if (Number.isNaN(value)) expect(checkAnswer(text, 0).kind).toBe('invalid');
    else expect(evaluateAnswer(text)).toBeCloseTo(value, 12);
  });

  it('accepts anything within a relative tolerance of 1e-3', () => {
    expect(checkAnswer('0.7311', 0.7310585786).kind).toBe('correct');
    expect(checkAnswer('1000.9', 1000).kind).toBe('correct');
    expect(checkAnswer('1001.1', 1000).kind).toBe('wrong');
    expect(checkAnswer('-4', 4).kind).toBe('wrong');
    expect(checkAnswer('0', 0).kind).toBe('correct');
    expect(checkAnswer('0', 1e-17).kind).toBe('correct'); // rounding noise around 0
    expect(checkAnswer('0.01', 0).kind).toBe('wrong');
    // A vanishing gradient is still judged relatively, not swallowed by an absolute tolerance.
    expect(checkAnswer('4.5e-5', 4.5e-5).kind).toBe('correct');
    expect(checkAnswer('4.6e-5', 4.5e-5).kind).toBe('wrong');
  });

  it('tolerance is relative whatever the scale (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.boolean(),
        fc.double({ min: -0.99e-3, max: 0.99e-3, noNaN: true }),
        (magnitude, negative, rel) => {
          const expected = negative ? -magnitude : magnitude;
          expect(closeEnough(expected * (1 + rel), expected)).toBe(true);
          expect(closeEnough(expected * (1 + 2e-3), expected)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['', 'answer.empty', 0, 0],
    ['   ', 'answer.empty', 0, 0],
    ['x', 'answer.name', 0, 1],
    ['2*q + 1', 'answer.name', 2, 3],
    ['q = 3', 'answer.assign', 0, 5],
    ['1; 2', 'answer.several', 3, 4],
    ['1/0', 'answer.notFinite', 0, 3],
    ['log(-1)', 'answer.notFinite', 0, 7],
    ['0,5', 'error.decimalComma', 1, 2],
    ['(1+2', 'error.unclosedParen', 0, 1],
    ['alert(1)', 'error.unknownFunction', 0, 5],
    ['constructor', 'answer.name', 0, 11],
    ['__proto__', 'answer.name', 0, 9],
  ])('rejects %j with %s, located at %d–%d', (text, code, start, end) => {
    const check = checkAnswer(text, 1);
    expect(check.kind).toBe('invalid');
    if (check.kind !== 'invalid') return;
    expect(check.error.code).toBe(code);
    expect([check.error.start, check.error.end]).toEqual([start, end]);
  });

  it('never evaluates the text as JavaScript', () => {
    const evalSpy = vi.spyOn(globalThis, 'eval');
    for (const text of ['globalThis.x = 1', 'alert(1)', '1+1', 'Function("return 1")()'])
      checkAnswer(text, 2);
    expect(evalSpy).not.toHaveBeenCalled();
    expect((globalThis as { x?: unknown }).x).toBeUndefined();
    // Nor anything like it in the source.
    const source = readFileSync(new URL('../../src/engine/answer.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\beval\s*\(|new Function|Function\(/);
  });
});
