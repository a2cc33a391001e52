import { FUNCTIONS, OP_LIST, type OpSpec } from '../../src/engine';

/**
 * Program writers drawn from the op registry, so that the property tests cover an op the moment
 * it is added to `OPS`. Each writer applies one op, written as a program writes it (`source`).
 */
type Unary = (a: string) => string;
type Binary = (a: string, b: string) => string;

/** `a` squeezed smoothly into [lo, hi]: lo + (hi − lo)·(1 + tanh a)/2, any a mapping inside. */
const into = ([lo, hi]: readonly [number, number], a: string) =>
  `(${(lo + hi) / 2} + ${(hi - lo) / 2} * tanh(${a}))`;

const smooth = (op: OpSpec) => op.kink === undefined;

/**
 * Every op without a kink, its operands squeezed into `smoothOn`: away from domain limits and
 * poles, and of bounded size, so a composition stays smooth and moderate wherever it is evaluated.
 */
export const SMOOTH_UNARY_OPS: readonly Unary[] = OP_LIST.filter(
  (op) => op.arity === 1 && smooth(op),
).map((op) => (a) => op.source([into(op.smoothOn[0], a)]));
export const SMOOTH_BINARY_OPS: readonly Binary[] = OP_LIST.filter(
  (op) => op.arity === 2 && smooth(op),
).map((op) => (a, b) => op.source([into(op.smoothOn[0], a), into(op.smoothOn[1], b)]));

/** Every op applied as it is, kinks and domain edges included. */
export const ANY_UNARY_OPS: readonly Unary[] = OP_LIST.filter((op) => op.arity === 1).map(
  (op) => (a) => op.source([a]),
);
export const ANY_BINARY_OPS: readonly Binary[] = OP_LIST.filter((op) => op.arity === 2).map(
  (op) => (a, b) => op.source([a, b]),
);

/** Every function name a program can call, aliases included. */
export const CALL_NAMES: readonly string[] = [...FUNCTIONS.keys()];
