import { describe, expect, it } from 'vitest';
import { ExpressionError, mayHoldGradients, scalarGradient } from '../../src/engine';
import { checkBackwardPass } from '../../src/engine/backwardCheck';
import { analyzeWithBackwardPass as analyze } from '../../src/engine/backwardPass';
import { runCli } from '../../src/cli';
import { STAGED } from '../fixtures/cs231n';

const errorOf = (source: string): ExpressionError | undefined => {
  try {
    analyze(source);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  return undefined;
};

const summary = (source: string) =>
  checkBackwardPass(analyze(source)).map((c) => ({
    name: c.gradient.name,
    status: c.status,
    ...(c.partial ? { partial: true } : {}),
    ...(c.reason ? { reason: c.reason } : {}),
  }));

describe('`+=`: a gradient accumulated over several lines (cs231n staged code)', () => {
  it('reads the staged code as printed: f is the output, every line right', () => {
    const a = analyze(STAGED);
    expect(a.output).toBeCloseTo(1.5456448841066441, 12);
    const checks = checkBackwardPass(a);
    expect(checks.map((c) => c.gradient.name)).toEqual([
      'dnum',
      'dinvden',
      'dden',
      'dsigx',
      'dxpysqr',
      'dxpy',
      'dx',
      'dy',
      'dx',
      'dx',
      'dsigy',
      'dy',
    ]);
    expect(checks.every((c) => c.status === 'ok')).toBe(true);
    // The first dx, dy and the middle dx are shares so far; the last line of each is the whole.
    expect(checks.map((c) => c.partial === true)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    const last = (name: string) => checks.filter((c) => c.gradient.name === name).at(-1)!;
    expect(last('dx').value).toBeCloseTo(scalarGradient(a, 'x')!, 12);
    expect(last('dy').value).toBeCloseTo(scalarGradient(a, 'y')!, 12);
    expect(last('dx').gradient.accumulate).toBe(true);
    expect(checks[6].gradient.accumulate).toBe(false);
  });

  it('starts a `+=` with no earlier line from 0', () => {
    const a = analyze('x = 2\nf = x * x\ndx += x\ndx += x');
    const checks = checkBackwardPass(a);
    expect(checks.map((c) => [c.value, c.status, c.partial ?? false])).toEqual([
      [2, 'ok', true], // one of the two shares of ∂f/∂x = 4
      [4, 'ok', false],
    ]);
  });

  it('marks the whole wrong when a share is left out, and a share that is no path sum unchecked', () => {
    // The share through sigx is missing: the last dx line is wrong.
    const missing = STAGED.replace(/dx \+= \(\(1 - sigx\)[^\n]*\n/, '');
    const dx = checkBackwardPass(analyze(missing)).filter((c) => c.gradient.name === 'dx');
    expect(dx.at(-1)!.status).toBe('wrong');
    expect(summary('x = 2\nf = x * x\ndx = 3\ndx += 5')).toEqual([
      { name: 'dx', status: 'unchecked', partial: true, reason: 'partial' },
      { name: 'dx', status: 'wrong' },
    ]);
  });

  it('asks for `+=` where a gradient is written twice with `=`', () => {
    const source = 'x = 2\nf = x * x\ndx = x\ndx = x';
    const e = errorOf(source);
    expect(e?.code).toBe('error.gradientRewritten');
    expect(e?.params).toEqual({ name: 'dx', line: 3 });
    expect(e?.start).toBe(source.lastIndexOf('dx'));
  });

  it('keeps `+=` out of forward code, with the caret on its `=`', () => {
    for (const source of ['x = 2\nq += x\nf = q * x', 'x = 2\ndq = x\ndq += x\nf = dq * x']) {
      const e = errorOf(source);
      expect(e?.code).toBe('error.misplacedAssign');
      expect(e?.start).toBe(source.indexOf('+=') + 1);
    }
  });

  it('leaves `+=` and math. in comments alone', () => {
    const a = analyze('x = 2 # x += 1, math.exp\nf = x * x\ndfdx = 2 * x # dx += …');
    expect(checkBackwardPass(a).map((c) => c.status)).toEqual(['ok']);
  });

  it('hints at a backward pass made of `+=` lines only', () => {
    expect(mayHoldGradients('x = 2\nf = x * x\ndx += x')).toBe(true);
  });

  it('prints shares in the grad command, with partial: true', () => {
    const r = runCli(['x = 2\nf = x * x\ndx += x\ndx += x']);
    expect(JSON.parse(r.stdout).backward).toEqual([
      { name: 'dx', of: 'f', wrt: 'x', value: 2, expected: 4, ok: true, partial: true },
      { name: 'dx', of: 'f', wrt: 'x', value: 4, expected: 4, ok: true },
    ]);
  });
});

describe('blank gradient lines (practice exercise)', () => {
  it('reads `dfdx =` with nothing after it as a line still to write, and what reads it', () => {
    expect(
      summary(
        'x = -2; y = 5; z = -4\nq = x + y\nf = q * z\ndfdq =\ndfdz =   # here\ndfdy = dfdq\ndfdx = -4',
      ),
    ).toEqual([
      { name: 'dfdq', status: 'unchecked', reason: 'blank' },
      { name: 'dfdz', status: 'unchecked', reason: 'blank' },
      { name: 'dfdy', status: 'unchecked', reason: 'readsBlank' },
      { name: 'dfdx', status: 'ok' },
    ]);
    expect(summary('x = 2\nf = x * x\ndx +=')).toEqual([
      { name: 'dx', status: 'unchecked', reason: 'blank' },
    ]);
  });

  it('leaves a blank forward line to the parser', () => {
    expect(errorOf('x = 2\nq =\nf = x * x')).toBeInstanceOf(ExpressionError);
  });
});
