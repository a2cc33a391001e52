import type { Span } from './errors';

/**
 * A parsed program. Expressions are not trees of objects but postfix code in flat arrays: `x - y`
 * is `PUSH x, PUSH y, APPLY sub`. The graph builder runs that code with a stack of node ids, so a
 * 100,000-node program costs a few typed arrays instead of 100,000 tree nodes to build, walk and
 * collect.
 */
export interface Program {
  readonly source: string;
  readonly statements: readonly Statement[];
  readonly code: Code;
  /**
   * Every identifier the program writes (function names included), in order of first appearance;
   * instructions and statements refer to them by index.
   */
  readonly names: readonly string[];
}

/** `Code.op` of an instruction that pushes a number literal. */
export const PUSH_NUM = -1;
/** `Code.op` of an instruction that pushes the value of a name. */
export const PUSH_NAME = -2;

/**
 * Postfix instructions. Instruction `i` either pushes a value (`op[i]` is `PUSH_NUM` or
 * `PUSH_NAME`) or applies the op `OP_LIST[op[i]]` to the values on top of the stack, in operand
 * order. The last instruction of an expression is its root.
 */
export interface Code {
  readonly length: number;
  readonly op: Int16Array;
  /**
   * The span of the (sub)expression the instruction completes, its parentheses included:
   * for `APPLY add` in `(x + y) * z`, the `(x + y)`.
   */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** The literal's value for `PUSH_NUM`; the index into `Program.names` for `PUSH_NAME`. */
  readonly arg: Float64Array;
}

/** One statement: `name = expression`, `name = <signed literal>`, or a bare expression. */
export interface Statement extends Span {
  /**
   * For `name = …`, the name's index in `Program.names`; it is written at the statement's start.
   * -1 for a bare expression.
   */
  readonly target: number;
  /**
   * `name = <signed number literal>` declares an input; its value is the literal the code pushes,
   * `Program.code.arg[to - 1]`.
   */
  readonly input: boolean;
  /** The expression on the right: instructions `from` … `to - 1` of `Program.code`, its root last. */
  readonly from: number;
  readonly to: number;
  /** 1-based line of the statement's first character. */
  readonly line: number;
}
