import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  caretLines,
  ExpressionError,
  formatNumber,
  formulas,
  TEXT,
  type Analysis,
  type BackwardEdgeStep,
  scalarGradient,
} from '../../src/engine';
import {
  ANY_BINARY_OPS,
  ANY_UNARY_OPS,
  CALL_NAMES,
  SMOOTH_BINARY_OPS,
  SMOOTH_UNARY_OPS,
} from './registryPrograms';

// ---------------------------------------------------------------------------------------------
// Random programs

/** An expression tree with variables as slots, named only when the program is written out. */
type Tree =
  | { t: 'var'; slot: number }
  | { t: 'num'; value: number }
  | { t: 'un'; op: number; arg: Tree }
  | { t: 'bin'; op: number; left: Tree; right: Tree };

/**
 * Smooth operations whose singularities are out of reach (denominators are at least 0.5, exp only
 * sees arguments in [-1, 1], log only numbers ≥ 1) and whose values grow at most polynomially: a
 * cube is only taken of a tanh, so that nesting cannot build x¹⁸, whose sin(x¹⁸) wiggles too fast
 * for any finite difference to follow. Then every smooth op of the registry on its own, operands
 * squeezed into its `smoothOn` intervals, so that a new op is covered without editing this list.
 */
const SMOOTH_UNARY: readonly ((a: string) => string)[] = [
  (a) => `sin(${a})`,
  (a) => `cos(${a})`,
  (a) => `tanh(${a})`,
  (a) => `sigmoid(${a})`,
  (a) => `exp(sin(${a}))`,
  (a) => `exp(tanh(${a}))`,
  (a) => `log(1 + (${a})^2)`,
  (a) => `sqrt(1 + (${a})**2)`,
  (a) => `(${a})^2`,
  (a) => `tanh(${a})^3`,
  (a) => `-(${a})`,
  (a) => `pow(${a}, 2)`,
  ...SMOOTH_UNARY_OPS,
];
const SMOOTH_BINARY: readonly ((a: string, b: string) => string)[] = [
  (a, b) => `(${a} + ${b})`,
  (a, b) => `(${a} - ${b})`,
  (a, b) => `${a} * ${b}`,
  (a, b) => `${a} / (1.5 + cos(${b}))`,
  (a, b) => `(${a}) / (1 + (${b})^2)`,
  ...SMOOTH_BINARY_OPS,
];
/** Everything else, kinks and domain edges included, for properties that hold everywhere. */
const ANY_UNARY: readonly ((a: string) => string)[] = [...SMOOTH_UNARY, ...ANY_UNARY_OPS];
const ANY_BINARY: readonly ((a: string, b: string) => string)[] = [
  ...SMOOTH_BINARY,
  ...ANY_BINARY_OPS,
];

const INPUTS = ['x', 'y', 'z', 'w0'];

function treeArbitrary(unary: number, binary: number): fc.Arbitrary<Tree> {
  const { tree } = fc.letrec<{ tree: Tree; leaf: Tree; un: Tree; bin: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      tie('un'),
      tie('bin'),
    ),
    leaf: fc.oneof(
      { arbitrary: fc.nat().map((slot): Tree => ({ t: 'var', slot })), weight: 3 },
      {
        arbitrary: fc
          .integer({ min: -20, max: 20 })
          .map((k): Tree => ({ t: 'num', value: k / 10 })),
        weight: 1,
      },
    ),
    un: fc.record({ t: fc.constant('un' as const), op: fc.nat(unary - 1), arg: tie('tree') }),
    bin: fc.record({
      t: fc.constant('bin' as const),
      op: fc.nat(binary - 1),
      left: tie('tree'),
      right: tie('tree'),
    }),
  }));
  return tree;
}

function render(
  tree: Tree,
  names: readonly string[],
  unary: readonly ((a: string) => string)[],
  binary: readonly ((a: string, b: string) => string)[],
): string {
  switch (tree.t) {
    case 'var':
      return names[tree.slot % names.length];
    case 'num':
      return tree.value < 0 ? `(${tree.value})` : String(tree.value);
    case 'un':
      return unary[tree.op](render(tree.arg, names, unary, binary));
    case 'bin':
      return binary[tree.op](
        render(tree.left, names, unary, binary),
        render(tree.right, names, unary, binary),
      );
  }
}

interface RandomProgram {
  source: string;
  values: Record<string, number>;
}

/**
 * Programs of one to four statements: named intermediates h0, h1, … that may use the inputs and
 * every intermediate before them, then a bare output expression. Some inputs are declared with
 * a value in the program, which `values` then overrides.
 */
function programArbitrary(smooth: boolean): fc.Arbitrary<RandomProgram> {
  const unary = smooth ? SMOOTH_UNARY : ANY_UNARY;
  const binary = smooth ? SMOOTH_BINARY : ANY_BINARY;
  const tree = treeArbitrary(unary.length, binary.length);
  return fc
    .record({
      statements: fc.array(tree, { minLength: 1, maxLength: 4 }),
      values: fc.tuple(
        ...INPUTS.map(() => fc.integer({ min: -200, max: 200 }).map((k) => k / 100)),
      ),
      declared: fc.subarray(INPUTS),
    })
    .map(({ statements, values, declared }) => {
      const lines = declared.map((name) => `${name} = -0.25`);
      const names = [...INPUTS];
      statements.forEach((t, i) => {
        const expr = render(t, names, unary, binary);
        if (i === statements.length - 1) {
          lines.push(expr);
        } else {
          lines.push(`h${i} = ${expr}`);
          names.push(`h${i}`);
        }
      });
      return {
        source: lines.join('\n'),
        values: Object.fromEntries(INPUTS.map((name, k) => [name, values[k]])),
      };
    });
}

/**
 * ∂output/∂name by central differences, and a bound on their own rounding error.
 *
 * D(h) = (-f(x+2h) + 8·f(x+h) - 8·f(x-h) + f(x-2h)) / 12h is the fourth-order central
 * difference: its truncation error is c·h⁴ + O(h⁶). Richardson's (16·D(h/2) - D(h)) / 15 cancels
 * the h⁴ term, leaving O(h⁶).
 *
 * Step size. Truncation: a composition like sin(p(x)) oscillates with frequency ω = |p'(x)|,
 * which reaches ~150 in these programs, and the O(h⁶) remainder is then about (hω)⁶ relative;
 * h = 2e-4 keeps that below 1e-9. Rounding: each evaluation of f is off by a few ε·|f|
 * (ε = 2.2e-16, times the few dozen operations of the program), which the differences amplify
 * to about 3·(that)/h; h = 2e-4 keeps it near 1e-11·|f|. A larger h (1e-3) lets the wigglier
 * programs fail on truncation; a much smaller one (1e-7) leaves too few correct digits. The
 * rounding bound (100·ε·|f|/h, generous) is returned so that the test allows for it where the
 * gradient is tiny next to the function's value.
 */
function finiteDifference(
  p: RandomProgram,
  name: string,
  x: number,
  slope = 0,
): { value: number; rounding: number } {
  // A steeper function wiggles faster: sin(h0⁴) at h0 ≈ −6 has ω ≈ |slope| ≈ 1,600, where
  // h = 2.6e-4 leaves (hω)⁶ ≈ 5e-3 of truncation. Shrinking h with the slope keeps hω ≤ 0.02.
  const h = (2e-4 * Math.max(1, Math.abs(x))) / Math.max(1, Math.abs(slope) / 100);
  let largest = 0;
  const f = (dx: number) => {
    const y = analyze(p.source, { ...p.values, [name]: x + dx }).output;
    largest = Math.max(largest, Math.abs(y));
    return y;
  };
  const d = (h: number) => (-f(2 * h) + 8 * f(h) - 8 * f(-h) + f(-2 * h)) / (12 * h);
  const value = (16 * d(h / 2) - d(h)) / 15;
  return { value, rounding: (100 * 2.2e-16 * largest) / h };
}

const backwardSteps = (a: Analysis) =>
  a.steps.filter((s): s is BackwardEdgeStep => s.kind === 'backward-edge');

describe('gradients agree with finite differences', () => {
  it('on random smooth programs with shared inputs and named intermediates', () => {
    fc.assert(
      fc.property(programArbitrary(true), (p) => {
        const a = analyze(p.source, p.values);
        expect(Number.isFinite(a.output), p.source).toBe(true);
        // Every input, including an `h0 = 0.5` that the program declared itself.
        for (const { name, value } of a.inputs) {
          const g = scalarGradient(a, name)!;
          const fd = finiteDifference(p, name, value, g);
          // Relative 1e-6 of the larger of the two, plus what rounding alone can make the finite
          // difference miss by (which matters where the gradient is tiny next to f), plus 1e-10:
          // at a flat point (a derivative that vanishes at x = 0) neither number keeps any
          // relative accuracy, and the finite difference's O(h⁶) remainder is all that is left.
          const tolerance = 1e-6 * Math.max(Math.abs(g), Math.abs(fd.value)) + fd.rounding + 1e-10;
          if (!(Math.abs(g - fd.value) <= tolerance)) {
            throw new Error(`∂/∂${name}: engine ${g}, finite difference ${fd.value}\n${p.source}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('finite differences keep up with steep programs', () => {
  it('sin(h0⁴) at h0 ≈ −6, where the slope is about −1,595 (a case fast-check found)', () => {
    const p = {
      source:
        'h0 = (y - ((0 + 3 * tanh(sin(1.2))) - (0 + 3 * tanh(y))))\nh1 = pow((h0)^2, 2)\nh2 = x\nsin(h1)',
      values: { x: 0, y: -1.31, z: 0, w0: 0 },
    };
    const g = scalarGradient(analyze(p.source, p.values), 'y')!;
    const fd = finiteDifference(p, 'y', -1.31, g);
    expect(Math.abs(g - fd.value)).toBeLessThanOrEqual(1e-6 * Math.abs(g) + fd.rounding);
  });
});

describe('the backward trace adds up', () => {
  it('sums the shares into each input to its gradient, exactly, step by step', () => {
    fc.assert(
      fc.property(programArbitrary(false), (p) => {
        const a = analyze(p.source, p.values);
        const steps = backwardSteps(a);
        const sums = new Map<number, number>();
        for (const s of steps) {
          expect(Object.is(s.contribution, s.upstream * s.local)).toBe(true);
          expect(Object.is(s.sumBefore, sums.get(s.to) ?? 0)).toBe(true);
          const sum = (sums.get(s.to) ?? 0) + s.contribution;
          expect(Object.is(s.sumAfter, sum)).toBe(true);
          sums.set(s.to, sum);
          // A gradient is complete before it is sent on: nothing arrives at s.from later.
          expect(steps.some((later) => later.index > s.index && later.to === s.from)).toBe(false);
        }
        for (const input of a.inputs) {
          // An input that is itself the output gets its 1 from the seed, not from a share.
          const expected = input.node === a.graph.output ? 1 : (sums.get(input.node) ?? 0);
          expect(Object.is(a.gradients[input.name], expected), p.source).toBe(true);
          const shares = steps.filter((s) => s.to === input.node);
          shares.forEach((s, k) => expect([s.arrival, s.arrivals]).toEqual([k + 1, shares.length]));
        }
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random text

/** The language's own words, and near misses, so that random joins make near-programs. */
const TOKENS = [
  'x',
  'y',
  'q',
  'w0',
  'x_1',
  '__proto__',
  'constructor',
  'e',
  'E',
  '_',
  '0',
  '2',
  '3.5',
  '.5',
  '1.',
  '1e-3',
  '2.5E+4',
  '1e',
  '1e+',
  '007',
  '1e400',
  '.',
  '+',
  '-',
  '*',
  '/',
  '^',
  '**',
  '(',
  ')',
  ',',
  '=',
  '==',
  ';',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '# note\n',
  '#',
  ...CALL_NAMES,
  'sigmod',
  'foo',
  'f',
  '×',
  '−',
  '÷',
  '²',
  'σ',
  '😀',
  '\u00a0',
  '\ufeff',
  '\ud800',
  '$',
  '"',
  '\\',
  '{',
  '[',
];

/** `analyze` returns, or throws an ExpressionError with a span inside the source: nothing else. */
function expectReturnsOrLocatedError(source: string) {
  let a: Analysis;
  try {
    a = analyze(source);
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
    if (!(0 <= e.start && e.start <= e.end && e.end <= source.length)) {
      throw new Error(`span [${e.start}, ${e.end}) outside ${JSON.stringify(source)}`, {
        cause: e,
      });
    }
    expect(e.message).not.toMatch(/\{\w+\}|undefined/);
    expect(caretLines(source, e)[1]).toMatch(/\^/);
    return;
  }
  expect(typeof a.output).toBe('number');
  // Every formula of the run can be written out.
  for (const s of a.steps) {
    expect(typeof s.tex).toBe('string');
    expect(typeof s.text).toBe('string');
    if (s.kind === 'backward-edge') {
      s.localFormula();
      s.sumFormula(TEXT);
    }
  }
  formulas.expressionTex(a.compiled, a.graph.output);
}

describe('random text', () => {
  it('arbitrary Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), expectReturnsOrLocatedError),
      {
        numRuns: 500,
      },
    );
  });

  it('arbitrary UTF-16 code units, lone surrogates included', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.string({ unit, maxLength: 40 }), expectReturnsOrLocatedError), {
      numRuns: 500,
    });
  });

  it("strings built from the language's own tokens", () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 });
    fc.assert(
      fc.property(
        soup.map((t) => t.join('')),
        expectReturnsOrLocatedError,
      ),
      {
        numRuns: 3000,
      },
    );
    fc.assert(
      fc.property(
        soup.map((t) => t.join(' ')),
        expectReturnsOrLocatedError,
      ),
      {
        numRuns: 1000,
      },
    );
  });

  it('random programs, and random programs cut short', () => {
    fc.assert(
      fc.property(programArbitrary(false), fc.nat(), (p, cut) => {
        expectReturnsOrLocatedError(p.source);
        expectReturnsOrLocatedError(p.source.slice(0, cut % (p.source.length + 1)));
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Numbers as read and as shown

describe('number literals', () => {
  it('read exactly as JavaScript reads them', () => {
    const digits = (max: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: max });
    const literal = fc
      .record({
        whole: digits(20),
        point: fc.boolean(),
        fraction: digits(20),
        exponent: fc.option(
          fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(3)),
          {
            nil: undefined,
          },
        ),
      })
      .map(({ whole, point, fraction, exponent }) => {
        const mantissa = point ? `${whole}.${fraction}` : whole + fraction;
        const e = exponent && exponent[2] !== '' ? exponent.join('') : '';
        return mantissa + e;
      })
      .filter((s) => /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s));
    fc.assert(
      fc.property(literal, (s) => {
        expect(Object.is(analyze(s).output, Number(s)), s).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatNumber', () => {
  it('never writes -0, stays short, and keeps 4 significant digits', () => {
    expect(formatNumber(-0)).toBe('0');
    fc.assert(
      fc.property(fc.double(), (v) => {
        const s = formatNumber(v);
        expect(s).not.toBe('-0');
        if (!Number.isFinite(v)) {
          expect(['NaN', '∞', '-∞']).toContain(s);
          return;
        }
        // At most a sign, four significant digits, a point and a three-digit exponent: -1.235e-308.
        expect(s.length).toBeLessThanOrEqual(11);
        const back = Number(s);
        expect(Object.is(back, -0)).toBe(false);
        // Rounding the largest doubles up to 4 digits overflows when read back (1.798e+308).
        if (Math.abs(v) < 1e308) expect(Math.abs(back - v)).toBeLessThanOrEqual(5e-4 * Math.abs(v));
      }),
      { numRuns: 5000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Sizes that would break a recursive parser or a quadratic pass

describe('large and deep programs', () => {
  const N = 10_000;

  it('analyzes 10,000 nested parentheses', () => {
    const a = analyze('('.repeat(N) + 'x' + ')'.repeat(N), { x: 0.5 });
    expect(a.output).toBe(0.5);
    expect(a.gradients).toEqual({ x: 1 });

    const left = analyze('('.repeat(N) + 'x' + '+1)'.repeat(N), { x: 0.5 });
    expect(left.output).toBe(N + 0.5);
    expect(left.gradients).toEqual({ x: 1 });
    const right = analyze('(x+'.repeat(N) + 'x' + ')'.repeat(N), { x: 2 });
    expect(right.output).toBe(2 * (N + 1));
    expect(right.gradients).toEqual({ x: N + 1 });
    const tex = formulas.expressionTex(right.compiled, right.graph.output);
    expect(tex.match(/x/g)).toHaveLength(N + 1);
  });

  it('locates an unclosed parenthesis 10,000 deep', () => {
    try {
      analyze('('.repeat(N) + 'x');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      const { start, end } = e as ExpressionError;
      expect([start, end]).toEqual([N - 1, N]);
    }
  });

  it('analyzes 10,000 nested function calls', () => {
    const a = analyze('sin('.repeat(N) + 'x' + ')'.repeat(N), { x: 1 });
    let value = 1;
    let grad = 1;
    for (let k = 0; k < N; k++) {
      grad *= Math.cos(value);
      value = Math.sin(value);
    }
    expect(a.output).toBeCloseTo(value, 14);
    expect(scalarGradient(a, 'x')! / grad).toBeCloseTo(1, 12);
    // N edges and N nodes forward, the seed, N edges back.
    expect(a.steps).toHaveLength(3 * N + 1);
    expect(a.steps.at(-1)!.text).toMatch(/^∂f\/∂x = ∂f\/∂a₁ · ∂a₁\/∂x = /);
  });

  it('analyzes 10,000 unary minus signs and a 10,000-long power tower', () => {
    expect(analyze('-'.repeat(N) + 'x', { x: 3 }).gradients).toEqual({ x: 1 });
    expect(analyze('-'.repeat(N + 1) + 'x', { x: 3 }).output).toBe(-3);
    expect(analyze(Array(N).fill('x').join('^'), { x: 1 }).output).toBe(1);
  });

  it('analyzes a 200,000-character sum', () => {
    const terms = 100_001;
    const source = Array(terms).fill('x').join('+');
    expect(source.length).toBeGreaterThanOrEqual(200_000);
    const started = performance.now();
    const a = analyze(source, { x: 0.5 });
    const elapsed = performance.now() - started;
    expect(a.output).toBe(terms / 2);
    expect(a.gradients).toEqual({ x: terms });
    expect(a.graph.nodes).toHaveLength(terms);
    expect(a.graph.nodes[0].outEdges).toHaveLength(terms);
    const last = a.steps.at(-1) as BackwardEdgeStep;
    expect([last.arrival, last.arrivals]).toEqual([terms, terms]);
    expect(last.sumFormula(TEXT)).toBe(`∂f/∂x = 1 + 1 + 1 + … + 1 + 1 = ${terms}`);
    // Speed is the benchmark's business; this only catches a pass gone quadratic.
    expect(elapsed).toBeLessThan(2000);
  });
});
