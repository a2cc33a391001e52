import type { Span } from '../../engine/errors';
import type { Shape } from '../../engine/tensor/types';

/**
 * A tensor input's cell edited in the Inputs panel (issue 15, point 3). As for a scalar input,
 * the value lives in the program text: the declaration `W = [[…]]` (or `W = randn(3, 4)`) is
 * rewritten with the new matrix, so the text, the graph and a shared link (which carries the text)
 * all say the same thing, and a link is read by the program's own parser: no second format to
 * validate.
 */

/**
 * A number as the program writes it. `exact`: the shortest text that reads back as the same
 * double (the numbers of a literal came from the text, so they come back as they were written);
 * otherwise six significant digits, as the scalar inputs are written (drawn `randn` numbers).
 */
export function numberText(v: number, exact: boolean): string {
  const text = exact ? String(v) : String(Number(v.toPrecision(6)));
  // `-0` reads as 0 anyway; `1e+21` is how the lexer wants an exponent written, and it is.
  return text === '-0' ? '0' : text;
}

/**
 * A value as a literal of exactly its shape: `2`, `[1, -2]`, `[[1, 2], [3, 4]]`, `[[0.5], [-1]]`.
 *
 * @example
 * tensorLiteral([2, 2], Float64Array.of(1, 2, 3, 4), true) // '[[1, 2], [3, 4]]'
 */
export function tensorLiteral(shape: Shape, data: ArrayLike<number>, exact: boolean): string {
  const n = (k: number) => numberText(data[k], exact);
  if (shape.length === 0) return n(0);
  if (shape.length === 1) return `[${Array.from({ length: shape[0] }, (_, k) => n(k)).join(', ')}]`;
  const [rows, cols] = shape;
  const row = (i: number) =>
    `[${Array.from({ length: cols }, (_, j) => n(i * cols + j)).join(', ')}]`;
  return `[${Array.from({ length: rows }, (_, i) => row(i)).join(', ')}]`;
}

/** What the Inputs panel knows of a declared tensor input: its statement, shape and numbers. */
export interface DeclaredInput {
  /** The declaration's statement in the source, `W = randn(3, 4)`. */
  readonly span: Span;
  readonly shape: Shape;
  readonly data: ArrayLike<number>;
}

/**
 * The program with entry `index` (row-major) of a declared input set to `value`, or undefined
 * when the statement is not a declaration this can rewrite. A literal keeps its other numbers as
 * written; `randn`/`zeros`/`ones` become the literal of the numbers on show (six digits).
 *
 * @example
 * withEntry('W = [[1, 2]]\nL = sum(W)', { span: { start: 0, end: 12 }, shape: [1, 2], data: [1, 2] }, 1, 5)
 * // 'W = [[1, 5]]\nL = sum(W)'
 */
export function withEntry(
  source: string,
  input: DeclaredInput,
  index: number,
  value: number,
): string | undefined {
  const { span, shape, data } = input;
  const statement = source.slice(span.start, span.end);
  const eq = statement.indexOf('=');
  if (eq < 1 || !Number.isFinite(value) || index < 0 || index >= data.length) return undefined;
  const rhs = statement.slice(eq + 1).trim();
  // Numbers that came from the text (a literal, or a scalar's number) are written back exactly.
  const exact = /^[[+\-.\d]/.test(rhs);
  const next = Float64Array.from(data);
  next[index] = value;
  // The typed number as typed (its shortest exact text), whatever the others are.
  const literal = exact ? tensorLiteral(shape, next, true) : mixedLiteral(shape, next, index);
  return `${source.slice(0, span.start)}${statement.slice(0, eq + 1)} ${literal}${source.slice(span.end)}`;
}

/** Drawn numbers to six digits, except the one typed, exactly. */
function mixedLiteral(shape: Shape, data: Float64Array, typed: number): string {
  const rounded = Float64Array.from(data, (v) => Number(numberText(v, false)));
  rounded[typed] = data[typed];
  return tensorLiteral(shape, rounded, true);
}

/**
 * A cell's text as a number, or undefined while it is not one yet (`-`, `1e`, `.`): the field
 * keeps what was typed and the program is not changed. Plain decimal numbers only, as a link's
 * values are read (no `0x10`, `Infinity`, or a comma as the decimal point).
 */
export function parseCell(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}
