import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBackwardPass, type HandWrittenCheck } from '../../src/engine/backwardCheck';
import { analyze as analyzePlain, ExpressionError, mayHoldGradients } from '../../src/engine';
import {
  analyzeWithBackwardPass as analyze,
  readingsOf,
  readProgram,
} from '../../src/engine/backwardPass';
import { CS231N } from '../fixtures/cs231n';

const names = (source: string) =>
  readProgram(source).pass?.gradients.map((g) => `${g.name}=∂${g.of ?? 'out'}/∂${g.wrt}`) ?? [];

const brief = (c: HandWrittenCheck) => ({
  name: c.gradient.name,
  status: c.status,
  value: c.value,
  expected: c.expected,
});

describe('recognising a hand-written backward pass', () => {
  it("reads cs231n's four gradient lines and keeps f as the output", () => {
    expect(names(CS231N)).toEqual(['dfdz=∂f/∂z', 'dfdq=∂f/∂q', 'dfdx=∂f/∂x', 'dfdy=∂f/∂y']);
    const a = analyze(CS231N);
    expect(a.output).toBe(-12);
    expect(a.gradients).toEqual({ x: -4, y: -4, z: 3 });
    // The gradient lines are not nodes of the graph.
    expect(a.graph.nodes.map((n) => n.name).filter(Boolean)).toEqual(['x', 'y', 'z', 'q', 'f']);
    expect(a.backwardPass?.gradients.every((g) => g.alternatives.length === 0)).toBe(true);
  });

  it('reads every spelling: dfdx, df_dx, dfdx_, d_f_d_x, dx, d_x, dx_, grad_x', () => {
    const prog = (line: string) => `x = 3; y = 2\nf = x * y\n${line}`;
    for (const line of ['dfdx = y', 'df_dx = y', 'dfdx_ = y', 'd_f_d_x = y', 'df_dx_ = y']) {
      expect(readProgram(prog(line)).pass?.gradients[0]).toMatchObject({
        form: 'full',
        of: 'f',
        wrt: 'x',
      });
    }
    for (const [line, form] of [
      ['dx = y', 'short'],
      ['d_x = y', 'short'],
      ['dx_ = y', 'short'],
      ['grad_x = y', 'grad'],
    ] as const) {
      expect(readProgram(prog(line)).pass?.gradients[0]).toMatchObject({
        form,
        of: null,
        wrt: 'x',
      });
    }
  });

  it("reads cs231n's shorthand dq as the gradient of the output, f, on q", () => {
    const src =
      'x = -2; y = 5; z = -4\nq = x + y\nf = q * z\ndq = z\ndz = q\ndx = 1.0 * dq\ndy = 1.0 * dq';
    const a = analyze(src);
    expect(a.output).toBe(-12);
    expect(checkBackwardPass(a).map((c) => [c.gradient.name, c.of, c.status])).toEqual([
      ['dq', 'f', 'ok'],
      ['dz', 'f', 'ok'],
      ['dx', 'f', 'ok'],
      ['dy', 'f', 'ok'],
    ]);
  });

  it('keeps a forward dx that the output uses, and names that only start with d', () => {
    expect(names('x = 1; dx = 0.1; f = x + dx')).toEqual([]);
    expect(analyze('x = 1; dx = 0.1; f = x + dx').output).toBeCloseTo(1.1);
    expect(names('d = 2; x = 3; delta = x - d; dist = delta * delta')).toEqual([]);
    expect(names('x = 3\ndiff = x - 1\nf = diff * diff')).toEqual([]);
    // A `dx` that names nothing of the program (no `x`) is an ordinary name.
    expect(names('y = 2; dx = y * y')).toEqual([]);
    // A chain of uses: dy reads dx, and f reads dy, so both are forward.
    expect(names('x = 2; dx = x * 3; dy = dx + 1; f = dy * x')).toEqual([]);
  });

  it('reads the whole program as forward code when nothing would be computed otherwise', () => {
    expect(names('x = 2; dx = 3 * x')).toEqual([]);
    expect(analyze('x = 2; dx = 3 * x').output).toBe(6);
    expect(names('dx = 3 * x')).toEqual([]);
  });

  it('says when a reading is ambiguous, and what else the line could be', () => {
    // A `dx` last: a gradient by the rule, or a forward value named dx (then the output).
    const last = readProgram('x = 3; f = x * x; dx = 2 * x').pass!.gradients[0];
    expect(last).toMatchObject({ name: 'dx', of: null, wrt: 'x', alternatives: ['forward'] });
    // Two readings of one name: ∂f/∂x, or the shorthand for ∂out/∂fdx.
    const two = readProgram('x = 3; fdx = x + 1; f = fdx * x; dfdx = 1').pass!.gradients[0];
    expect(two).toMatchObject({ of: 'f', wrt: 'x' });
    expect(two.alternatives).toEqual([{ key: 'short::fdx', form: 'short', of: null, wrt: 'fdx' }]);
  });

  it('lets the person switch an ambiguous reading', () => {
    const src = 'x = 3; f = x * x; dx = 2 * x';
    const asForward = analyze(src, undefined, { dx: 'forward' });
    expect(asForward.output).toBe(6);
    expect(asForward.backwardPass?.gradients).toEqual([]);
    expect(asForward.backwardPass?.keptForward.map((k) => k.name)).toEqual(['dx']);
    const other = analyze('x = 3; fdx = x + 1; f = fdx * x; dfdx = 1', undefined, {
      dfdx: 'short::fdx',
    });
    expect(other.backwardPass?.gradients[0]).toMatchObject({ of: null, wrt: 'fdx', chosen: true });
    expect(checkBackwardPass(other)[0]).toMatchObject({ status: 'wrong', value: 1, expected: 3 });
    // A choice for a name the program does not have changes nothing.
    expect(analyze(src, undefined, { dq: 'forward' }).backwardPass?.gradients).toHaveLength(1);
  });

  it('lists every way a name reads as a gradient', () => {
    const known = (n: string) => ['f', 'x', 'fdx', 'dot'].includes(n);
    expect(readingsOf('dfdx', known).map((r) => r.key)).toEqual(['short::fdx', 'full:f:x']);
    expect(readingsOf('ddot', known).map((r) => r.key)).toEqual(['short::dot']);
    expect(readingsOf('dxdx', known)).toEqual([]);
    expect(readingsOf('d', known)).toEqual([]);
    expect(readingsOf('grad_f', known).map((r) => r.key)).toEqual(['grad::f']);
  });

  it('recognises a list gradient and reports it instead of failing the program', () => {
    const src = 'x = 3; w = 2\nf = x * w\ndw = [x, 2 * x]  # one per weight\ndx = w';
    const a = analyze(src);
    expect(a.output).toBe(6);
    const checks = checkBackwardPass(a);
    expect(checks.map((c) => [c.gradient.name, c.status, c.reason])).toEqual([
      ['dw', 'unchecked', 'list'],
      ['dx', 'ok', undefined],
    ]);
    expect(checks[0].gradient).toMatchObject({ list: true, line: 3 });
    expect(src.slice(checks[0].gradient.span.start, checks[0].gradient.span.end)).toBe(
      'dw = [x, 2 * x]',
    );
  });

  it("leaves a list that is not a gradient to the parser's message", () => {
    expect(() => analyze('data = [1, 2]')).toThrow(ExpressionError);
    // Not a gradient (there is no w): a list literal of the forward program, the tensor
    // engine's to read, with its message at the `[`.
    const source = 'x = 2; f = x * x; dw = [x]';
    expect(() => analyze(source)).toThrow(ExpressionError);
    try {
      analyze(source);
    } catch (e) {
      expect((e as ExpressionError).start).toBe(source.indexOf('['));
    }
  });

  it('gives gradient lines the same located errors as any other line', () => {
    const e = (() => {
      try {
        analyze('x = 3; f = x * x; dfdx = 2 * x; dfdx = 3');
      } catch (err) {
        return err as ExpressionError;
      }
    })();
    // Written twice with `=`: cs231n's staged code adds a further share with `+=`.
    expect(e?.code).toBe('error.gradientRewritten');
    expect(e?.params).toEqual({ name: 'dfdx', line: 1 });
    expect(() => analyze('x = 3; f = x * x; dfdx = 2 * dfdq; dfdq = 1')).toThrow(ExpressionError);
  });

  it('leaves analyze() as it was: the last line is the output', () => {
    expect(analyzePlain(CS231N).output).toBe(-4);
    expect(analyzePlain(CS231N).backwardPass).toBeUndefined();
  });

  it('hints at a backward pass cheaply, for any program the reader would find one in', () => {
    for (const src of [
      CS231N,
      'x = 3; f = x * x\n  grad_x = 2 * x',
      'w = 2; f = x * w; dw = [x]',
      'f = x;dx=1',
    ]) {
      expect(mayHoldGradients(src), src).toBe(true);
      expect(readProgram(src).pass, src).toBeDefined();
    }
    for (const src of [
      'x = 3; f = x * x',
      'f = x # dx = 1',
      'q = d * 2',
      'x = 3; den = x + 1; delta = den * 2',
    ]) {
      expect(mayHoldGradients(src), src).toBe(false);
    }
  });

  it('analyses a program without gradient lines exactly as the forward program', () => {
    const a = analyze('x = -2; y = 5; z = -4; q = x + y; f = q * z');
    expect(a.backwardPass).toBeUndefined();
    expect('backwardPass' in a).toBe(false);
  });
});

describe('checking a hand-written backward pass', () => {
  it("marks cs231n's lines right, and a broken one wrong with the step that computes it", () => {
    const a = analyze(CS231N);
    expect(checkBackwardPass(a).map(brief)).toEqual([
      { name: 'dfdz', status: 'ok', value: 3, expected: 3 },
      { name: 'dfdq', status: 'ok', value: -4, expected: -4 },
      { name: 'dfdx', status: 'ok', value: -4, expected: -4 },
      { name: 'dfdy', status: 'ok', value: -4, expected: -4 },
    ]);
    const broken = analyze(CS231N.replace('dfdx = 1.0 * dfdq', 'dfdx = 1.0'));
    const [, , dfdx] = checkBackwardPass(broken);
    expect(brief(dfdx)).toEqual({ name: 'dfdx', status: 'wrong', value: 1, expected: -4 });
    const step = broken.steps[dfdx.step!];
    // The step where ∂f/∂x is complete: the gradient arriving at x, with its chain-rule factors.
    expect(step.kind).toBe('backward-edge');
    expect(step.text).toBe('∂f/∂x = ∂f/∂q · ∂q/∂x = (-4) · 1 = -4');
  });

  it('checks a partial backward pass and intermediates, with the input values given', () => {
    const src = 'f = (x + y) * z\ndz = x + y';
    const a = analyze(src, { x: -2, y: 5, z: -4 });
    expect(checkBackwardPass(a).map(brief)).toEqual([
      { name: 'dz', status: 'ok', value: 3, expected: 3 },
    ]);
    // ∂q/∂x of an intermediate: the local derivative, on the step that multiplies by it.
    const local = analyze('x = 3; y = 2; q = x * y; f = q + 1; dqdx = y; dqdy = 2');
    const [dqdx, dqdy] = checkBackwardPass(local);
    expect(brief(dqdx)).toEqual({ name: 'dqdx', status: 'ok', value: 2, expected: 2 });
    expect(brief(dqdy)).toEqual({ name: 'dqdy', status: 'wrong', value: 2, expected: 3 });
    expect(local.steps[dqdy.step!].text).toContain('∂q/∂y');
  });

  it('uses relative tolerance', () => {
    const src = 'x = 0.5; f = sigmoid(x); dfdx = f * (1 - f); dx = 0.2350037';
    const checks = checkBackwardPass(analyze(src));
    expect(checks.map((c) => c.status)).toEqual(['ok', 'ok']);
    expect(checkBackwardPass(analyze(src.replace('0.2350037', '0.235')))[1].status).toBe('wrong');
  });

  it('does not check a line that reads a name nothing defines, or a list', () => {
    const a = analyze('x = 2; w = 3; f = x * w\ndw = [x]\ndfdx = dfdq * 2\ndx = dw * 1');
    expect(
      checkBackwardPass(a).map((c) => [c.gradient.name, c.status, c.reason, c.culprit]),
    ).toEqual([
      ['dw', 'unchecked', 'list', undefined],
      ['dfdx', 'unchecked', 'undefinedName', 'dfdq'],
      ['dx', 'unchecked', 'readsList', 'dw'],
    ]);
  });

  it('gives 0 for a gradient on something the output does not use', () => {
    const a = analyze('x = 2; y = 4; u = y * y; f = x * x; dfdy = 0; dfdu = 1');
    expect(checkBackwardPass(a).map(brief)).toEqual([
      { name: 'dfdy', status: 'ok', value: 0, expected: 0 },
      { name: 'dfdu', status: 'wrong', value: 1, expected: 0 },
    ]);
  });
});

describe('the first-load hint', () => {
  it('never says no where the reader finds a gradient line (random programs)', () => {
    const name = fc.constantFrom(
      'x',
      'y',
      'q',
      'f',
      'fdx',
      'dx',
      'dq',
      'dfdx',
      'df_dx',
      'dfdq_',
      'grad_x',
      'den',
      'd',
      'dθ',
      'θ',
    );
    const statement = fc
      .tuple(
        name,
        fc.array(fc.oneof(name, fc.constantFrom('2', '-1')), { minLength: 1, maxLength: 3 }),
      )
      .map(([target, operands]) => `${target} = ${operands.join(' * ')}`);
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '; '),
        (lines, sep) => {
          const src = lines.join(sep);
          const read = (() => {
            try {
              return readProgram(src);
            } catch {
              return undefined; // a program that does not read (a name defined twice)
            }
          })();
          if ((read?.pass?.gradients.length ?? 0) > 0)
            expect(mayHoldGradients(src), src).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
