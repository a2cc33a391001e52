import type { MessageKey } from './messages';

/**
 * The operator registry: the one place that knows an operation. Everything else (parser, forward,
 * backward, LaTeX, the graph's labels, the gate callouts, the gradient check's kinks, the syntax
 * card, the CLI's list, the property tests) looks an op up here, so adding an op is adding one
 * entry to `OPS` and its words to `opWords.ts` (the type checker asks for both).
 *
 * Scalars only for now: `evaluate` maps operand values to the output value and `partial` gives
 * ∂output/∂operand_i at that point. A tensor op will add a vector-Jacobian product beside them.
 */
export interface OpSpec {
  /** Registry key (a test checks that it equals the entry's key in `OPS`). */
  readonly name: string;
  readonly arity: 1 | 2;
  /** What the graph draws in the node: `+`, `×`, `exp`, `σ`. */
  readonly symbol: string;
  /** Function names that call it: `log(x)` and `ln(x)`. */
  readonly callNames?: readonly string[];
  /** Binding strength of the op's LaTeX notation: 1 sums, 2 products, 3 signs, 4 powers, 5 atoms. */
  readonly texPrec: number;
  /** Minimum binding strength an operand needs to go without parentheses, per operand. */
  readonly operandPrec: readonly number[];
  /**
   * Which gate pattern cs231n names for it, if any. An `add` gate's partials are ±1: their sign
   * is what the callout and the forward-mode rule write (`ċ = ȧ − ḃ` for a difference).
   */
  readonly gate?: 'add' | 'mul' | 'max' | 'min' | 'unary';
  /** How a program writes it, for operands already written: `(a + b)`, `sigmoid(a)`. */
  source(args: readonly string[]): string;
  /**
   * Where the op is smooth, defined and of moderate size: one interval per operand. Outside lie
   * its domain limits and poles (log below 0, tan at π/2). The every-op test and the property
   * tests draw operands from here, so a new op is tested without editing any test.
   */
  readonly smoothOn: readonly (readonly [number, number])[];
  /**
   * Its kink, if it has one: a signed distance that is 0 on the kink (relu at 0, a tie in max)
   * and the note the graph shows there. The gradient check flags a difference that crosses it;
   * the tests keep their random points away from it.
   */
  readonly kink?: { readonly at: (a: number, b: number) => number; readonly note: MessageKey };
  /** The output value for the operand values `a` (and `b` for binary ops). */
  evaluate(a: number, b: number): number;
  /** ∂output/∂operand_i at (a, b), where `out` = evaluate(a, b). */
  partial(i: number, a: number, b: number, out: number): number;
  /** LaTeX of the op applied to already typeset operands. */
  tex(args: readonly string[]): string;
  /**
   * LaTeX of ∂output/∂operand_i, written with the operands and the output as atoms (names, or
   * numbers already in parentheses where needed). `at` is the numeric point, for ops whose
   * formula changes at a kink (a tie in max splits the gradient).
   */
  partialTex(i: number, args: readonly string[], out: string, at: Point): string;
  /** Plain-text twins of `tex` and `partialTex`, for screen readers, narration and the CLI. */
  text(args: readonly string[]): string;
  partialText(i: number, args: readonly string[], out: string, at: Point): string;
  /** A note on the value at this point: outside the domain or too large (a kink is `kink`'s). */
  diagnose?(a: number, b: number, out: number): Note | undefined;
  /** Why ∂output/∂operand_i is not finite at this point (default: `diag.infiniteSlope`). */
  slopeNote?(i: number, a: number, b: number): MessageKey;
}

export interface Point {
  readonly a: number;
  readonly b: number;
  readonly out: number;
}

/** A remark the engine attaches to a node: the value left the domain, or sits on a kink. */
export interface Note {
  readonly code: MessageKey;
  readonly kind: 'domain' | 'kink' | 'slope';
}

const domain = (code: MessageKey): Note => ({ code, kind: 'domain' });
/** The whole line, for operands that can be anything a property test draws. */
const ANY = [-3, 3] as const;

const overflow = (a: number, b: number, out: number): Note | undefined =>
  Number.isFinite(a) && Number.isFinite(b) && !Number.isFinite(out) && !Number.isNaN(out)
    ? domain('diag.overflow')
    : undefined;

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

const unaryFn = (
  name: string,
  symbol: string,
  texName: string,
  fields: Pick<OpSpec, 'evaluate' | 'partial' | 'partialTex' | 'partialText'> & Partial<OpSpec>,
): OpSpec => ({
  name,
  arity: 1,
  symbol,
  callNames: [name],
  texPrec: 5,
  operandPrec: [0],
  gate: 'unary',
  source: ([a]) => `${name}(${a})`,
  smoothOn: [ANY],
  tex: ([a]) => `${texName}\\left(${a}\\right)`,
  text: ([a]) => `${symbol}(${a})`,
  diagnose: (a, _b, out) => overflow(a, 0, out),
  ...fields,
});

export const OPS = {
  add: {
    name: 'add',
    arity: 2,
    symbol: '+',
    texPrec: 1,
    operandPrec: [1, 2],
    gate: 'add',
    source: ([a, b]) => `(${a} + ${b})`,
    smoothOn: [ANY, ANY],
    evaluate: (a, b) => a + b,
    partial: () => 1,
    tex: ([a, b]) => `${a} + ${b}`,
    partialTex: () => '1',
    text: ([a, b]) => `${a} + ${b}`,
    partialText: () => '1',
    diagnose: overflow,
  },
  sub: {
    name: 'sub',
    arity: 2,
    symbol: '−',
    texPrec: 1,
    operandPrec: [1, 2],
    gate: 'add',
    source: ([a, b]) => `(${a} - ${b})`,
    smoothOn: [ANY, ANY],
    evaluate: (a, b) => a - b,
    partial: (i) => (i === 0 ? 1 : -1),
    tex: ([a, b]) => `${a} - ${b}`,
    partialTex: (i) => (i === 0 ? '1' : '-1'),
    text: ([a, b]) => `${a} - ${b}`,
    partialText: (i) => (i === 0 ? '1' : '-1'),
    diagnose: overflow,
  },
  mul: {
    name: 'mul',
    arity: 2,
    symbol: '×',
    texPrec: 2,
    operandPrec: [2, 4],
    gate: 'mul',
    source: ([a, b]) => `(${a}) * (${b})`,
    smoothOn: [ANY, ANY],
    evaluate: (a, b) => a * b,
    partial: (i, a, b) => (i === 0 ? b : a),
    tex: ([a, b]) => `${a} \\cdot ${b}`,
    partialTex: (i, [a, b]) => (i === 0 ? b : a),
    text: ([a, b]) => `${a} · ${b}`,
    partialText: (i, [a, b]) => (i === 0 ? b : a),
    diagnose: overflow,
  },
  div: {
    name: 'div',
    arity: 2,
    symbol: '÷',
    texPrec: 4.5,
    operandPrec: [0, 0],
    source: ([a, b]) => `(${a}) / (${b})`,
    // A pole at b = 0; one side of it is enough for the tests.
    smoothOn: [ANY, [0.5, 3]],
    evaluate: (a, b) => a / b,
    partial: (i, a, b) => (i === 0 ? 1 / b : -a / (b * b)),
    tex: ([a, b]) => `\\frac{${a}}{${b}}`,
    partialTex: (i, [a, b]) => (i === 0 ? `\\frac{1}{${b}}` : `-\\frac{${a}}{${b}^{2}}`),
    text: ([a, b]) => `${a} / ${b}`,
    partialText: (i, [a, b]) => (i === 0 ? `1/${b}` : `-${a}/${b}^2`),
    diagnose: (a, b, out) => (b === 0 ? domain('diag.divByZero') : overflow(a, b, out)),
  },
  pow: {
    name: 'pow',
    arity: 2,
    symbol: '^',
    callNames: ['pow'],
    texPrec: 4,
    operandPrec: [5, 0],
    source: ([a, b]) => `(${a})^(${b})`,
    // A base ≤ 0 is outside the domain for most exponents, and its log (∂/∂b) is undefined.
    smoothOn: [
      [0.5, 3],
      [-2, 2],
    ],
    evaluate: (a, b) => Math.pow(a, b),
    partial: (i, a, b, out) => {
      if (i === 0) return b === 0 ? 0 : b * Math.pow(a, b - 1);
      if (a === 0 && b > 0) return 0;
      return out * Math.log(a);
    },
    tex: ([a, b]) => `${a}^{${b}}`,
    partialTex: (i, [a, b], out) =>
      i === 0 ? `${b} \\cdot ${a}^{${b} - 1}` : `${out} \\cdot \\ln ${a}`,
    text: ([a, b]) => `${a}^${b}`,
    partialText: (i, [a, b], out) => (i === 0 ? `${b} · ${a}^(${b} - 1)` : `${out} · ln ${a}`),
    diagnose: (a, b, out) => {
      if (a < 0 && !Number.isInteger(b) && Number.isFinite(b))
        return domain('diag.powNegativeBase');
      if (a === 0 && b < 0) return domain('diag.powZeroBase');
      return overflow(a, b, out);
    },
    slopeNote: (i) => (i === 1 ? 'diag.powExponentSlope' : 'diag.infiniteSlope'),
  },
  neg: {
    name: 'neg',
    arity: 1,
    symbol: '−',
    // A sign binds like a sum in written maths: -x·y reads as -(x·y), so (-x)·y needs parentheses.
    texPrec: 1.5,
    operandPrec: [3],
    source: ([a]) => `-(${a})`,
    smoothOn: [ANY],
    evaluate: (a) => -a,
    partial: () => -1,
    tex: ([a]) => `-${a}`,
    partialTex: () => '-1',
    text: ([a]) => `-${a}`,
    partialText: () => '-1',
  },
  /** `q = x`: a named copy, so the name gets a node of its own. */
  id: {
    name: 'id',
    arity: 1,
    symbol: '=',
    texPrec: 5,
    operandPrec: [0],
    // Only a statement `q = x` makes one; inside an expression it is just its operand.
    source: ([a]) => `(${a})`,
    smoothOn: [ANY],
    evaluate: (a) => a,
    partial: () => 1,
    tex: ([a]) => a,
    partialTex: () => '1',
    text: ([a]) => a,
    partialText: () => '1',
  },
  exp: unaryFn('exp', 'exp', '\\exp', {
    texPrec: 4,
    smoothOn: [[-2, 2]],
    evaluate: Math.exp,
    partial: (_i, _a, _b, out) => out,
    tex: ([a]) => `e^{${a}}`,
    partialTex: (_i, [a]) => `e^{${a}}`,
    partialText: (_i, [a]) => `exp(${a})`,
  }),
  log: unaryFn('log', 'log', '\\log', {
    callNames: ['log', 'ln'],
    smoothOn: [[0.5, 4]],
    evaluate: Math.log,
    partial: (_i, a) => 1 / a,
    partialTex: (_i, [a]) => `\\frac{1}{${a}}`,
    partialText: (_i, [a]) => `1/${a}`,
    diagnose: (a) =>
      a < 0 ? domain('diag.logNegative') : a === 0 ? domain('diag.logZero') : undefined,
  }),
  sqrt: unaryFn('sqrt', '√', '\\sqrt', {
    smoothOn: [[0.5, 4]],
    evaluate: Math.sqrt,
    partial: (_i, _a, _b, out) => 1 / (2 * out),
    tex: ([a]) => `\\sqrt{${a}}`,
    partialTex: (_i, [a]) => `\\frac{1}{2\\sqrt{${a}}}`,
    text: ([a]) => `sqrt(${a})`,
    partialText: (_i, [a]) => `1/(2·sqrt(${a}))`,
    diagnose: (a) => (a < 0 ? domain('diag.sqrtNegative') : undefined),
    slopeNote: () => 'diag.sqrtZero',
  }),
  sin: unaryFn('sin', 'sin', '\\sin', {
    evaluate: Math.sin,
    partial: (_i, a) => Math.cos(a),
    partialTex: (_i, [a]) => `\\cos\\left(${a}\\right)`,
    partialText: (_i, [a]) => `cos(${a})`,
  }),
  cos: unaryFn('cos', 'cos', '\\cos', {
    evaluate: Math.cos,
    partial: (_i, a) => -Math.sin(a),
    partialTex: (_i, [a]) => `-\\sin\\left(${a}\\right)`,
    partialText: (_i, [a]) => `-sin(${a})`,
  }),
  tan: unaryFn('tan', 'tan', '\\tan', {
    // Poles at ±π/2.
    smoothOn: [[-1.2, 1.2]],
    evaluate: Math.tan,
    partial: (_i, a) => 1 / (Math.cos(a) * Math.cos(a)),
    partialTex: (_i, [a]) => `\\frac{1}{\\cos^{2}\\left(${a}\\right)}`,
    partialText: (_i, [a]) => `1/cos(${a})^2`,
    diagnose: (a, _b, out) => (Math.abs(out) > 1e15 ? domain('diag.tanPole') : overflow(a, 0, out)),
  }),
  tanh: unaryFn('tanh', 'tanh', '\\tanh', {
    evaluate: Math.tanh,
    partial: (_i, _a, _b, out) => 1 - out * out,
    partialTex: (_i, _args, out) => `1 - ${out}^{2}`,
    partialText: (_i, _args, out) => `1 - ${out}^2`,
  }),
  sigmoid: unaryFn('sigmoid', 'σ', '\\sigma', {
    evaluate: sigmoid,
    partial: (_i, _a, _b, out) => out * (1 - out),
    partialTex: (_i, _args, out) => `${out} \\cdot (1 - ${out})`,
    partialText: (_i, _args, out) => `${out} · (1 - ${out})`,
  }),
  // The graph draws ζ, the Deep Learning book's letter for it (as σ for sigmoid): `softplus` does
  // not fit in a node; formulas and narration spell the name out.
  softplus: unaryFn('softplus', 'ζ', '\\operatorname{softplus}', {
    text: ([a]) => `softplus(${a})`,
    // log(1 + eˣ) written so that neither a large x (eˣ overflows) nor a very negative one (1 + eˣ
    // rounds to 1) loses it: for x > 0 it is x + log(1 + e⁻ˣ).
    evaluate: (a) => (a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a))),
    partial: (_i, a) => sigmoid(a),
    partialTex: (_i, [a]) => `\\sigma\\left(${a}\\right)`,
    partialText: (_i, [a]) => `σ(${a})`,
  }),
  relu: unaryFn('relu', 'relu', '\\operatorname{relu}', {
    // Written so that a NaN passes through: relu(log(-1)) must not quietly become 0.
    evaluate: (a) => (a < 0 ? 0 : a),
    partial: (_i, a) => (a > 0 ? 1 : 0),
    partialTex: (_i, [a]) => `\\mathbb{1}[${a} > 0]`,
    partialText: (_i, [a]) => `[${a} > 0]`,
    kink: { at: (a) => a, note: 'diag.kinkRelu' },
  }),
  abs: unaryFn('abs', '|·|', '', {
    evaluate: Math.abs,
    partial: (_i, a) => (a > 0 ? 1 : a < 0 ? -1 : 0),
    tex: ([a]) => `\\left|${a}\\right|`,
    partialTex: (_i, [a]) => `\\operatorname{sign}\\left(${a}\\right)`,
    text: ([a]) => `|${a}|`,
    partialText: (_i, [a]) => `sign(${a})`,
    kink: { at: (a) => a, note: 'diag.kinkAbs' },
  }),
  max: {
    name: 'max',
    arity: 2,
    symbol: 'max',
    callNames: ['max'],
    texPrec: 5,
    operandPrec: [0, 0],
    gate: 'max',
    source: ([a, b]) => `max(${a}, ${b})`,
    smoothOn: [ANY, ANY],
    // Math.max, not a comparison: a NaN on either side gives NaN, where `a >= b ? a : b` would
    // quietly return 2 for max(NaN, 2) and hide the domain error upstream.
    evaluate: Math.max,
    partial: (i, a, b) => (a === b ? 0.5 : (i === 0) === a > b ? 1 : 0),
    tex: ([a, b]) => `\\max\\left(${a}, ${b}\\right)`,
    partialTex: (i, [a, b], _out, at) =>
      at.a === at.b
        ? '\\tfrac{1}{2}'
        : i === 0
          ? `\\mathbb{1}[${a} > ${b}]`
          : `\\mathbb{1}[${b} > ${a}]`,
    text: ([a, b]) => `max(${a}, ${b})`,
    partialText: (i, [a, b], _out, at) =>
      at.a === at.b ? '1/2' : i === 0 ? `[${a} > ${b}]` : `[${b} > ${a}]`,
    kink: { at: (a, b) => a - b, note: 'diag.kinkMax' },
  },
  min: {
    name: 'min',
    arity: 2,
    symbol: 'min',
    callNames: ['min'],
    texPrec: 5,
    operandPrec: [0, 0],
    gate: 'min',
    source: ([a, b]) => `min(${a}, ${b})`,
    smoothOn: [ANY, ANY],
    // Math.min, for the same reason as max.
    evaluate: Math.min,
    partial: (i, a, b) => (a === b ? 0.5 : (i === 0) === a < b ? 1 : 0),
    tex: ([a, b]) => `\\min\\left(${a}, ${b}\\right)`,
    partialTex: (i, [a, b], _out, at) =>
      at.a === at.b
        ? '\\tfrac{1}{2}'
        : i === 0
          ? `\\mathbb{1}[${a} < ${b}]`
          : `\\mathbb{1}[${b} < ${a}]`,
    text: ([a, b]) => `min(${a}, ${b})`,
    partialText: (i, [a, b], _out, at) =>
      at.a === at.b ? '1/2' : i === 0 ? `[${a} < ${b}]` : `[${b} < ${a}]`,
    kink: { at: (a, b) => a - b, note: 'diag.kinkMin' },
  },
} satisfies Record<string, OpSpec>;

/** The name of an op: a key of the registry, so it cannot drift from it. */
export type OpName = keyof typeof OPS;

/** An op of the registry, its name narrowed to the registry's keys. */
export type Op = OpSpec & { readonly name: OpName };

/** `diagnose` with the kink's note first: a point on the kink is noted as such. */
function withKink(op: OpSpec): OpSpec['diagnose'] {
  const { kink, diagnose } = op;
  if (!kink) return diagnose;
  const note: Note = { code: kink.note, kind: 'kink' };
  return (a, b, out) => (kink.at(a, b) === 0 ? note : diagnose?.(a, b, out));
}

/**
 * Ops in a fixed order, so an op can be stored as a small integer in typed arrays.
 *
 * Each entry is the spec from `OPS` with every field present (undefined where `OPS` leaves one
 * out) in one order. The forward and backward sweeps read `arity`, `evaluate`, `partial` and
 * `diagnose` of a different op at nearly every node; objects of a single shape keep those reads
 * cheap, where the varied literals above would make each one a slow lookup.
 */
export const OP_LIST: readonly Op[] = Object.values(OPS).map((op: OpSpec): Op => ({
  name: op.name as OpName,
  arity: op.arity,
  symbol: op.symbol,
  callNames: op.callNames,
  texPrec: op.texPrec,
  operandPrec: op.operandPrec,
  gate: op.gate,
  source: op.source,
  smoothOn: op.smoothOn,
  kink: op.kink,
  evaluate: op.evaluate,
  partial: op.partial,
  tex: op.tex,
  partialTex: op.partialTex,
  text: op.text,
  partialText: op.partialText,
  diagnose: withKink(op),
  slopeNote: op.slopeNote,
}));
export const OP_INDEX: Readonly<Record<OpName, number>> = Object.fromEntries(
  OP_LIST.map((op, i) => [op.name, i]),
) as Record<OpName, number>;

/** Function name as written (`ln`, `sigmoid`) → op. */
export const FUNCTIONS: ReadonlyMap<string, Op> = new Map(
  OP_LIST.flatMap((op) => (op.callNames ?? []).map((n) => [n, op] as const)),
);
