import { PUSH_NAME, PUSH_NUM } from './ast';
import { ExpressionError } from './errors';
import { OP_LIST } from './ops';
import { parse } from './parser';

/**
 * A student's answer in practice mode, read as a number. Answers go through the program parser
 * and the op registry's own `evaluate` (never `eval`), so `-4*1`, `1/4`, `e^2`, `exp(2)` and
 * `sigmoid(0)` work the way they do in a program, and a typo gets the same located message.
 */

/** The only names an answer may use: constants, not the program's variables. */
const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['e', Math.E],
  ['pi', Math.PI],
  ['π', Math.PI],
]);

/** Relative tolerance an answer is accepted within. */
export const ANSWER_TOLERANCE = 1e-3;

/**
 * Typographic signs a student copies from the page (a real minus, a multiplication dot or cross)
 * read as the ASCII operators. One UTF-16 unit each way, so error offsets stay where they were.
 */
const normalize = (text: string) => text.replace(/[−–]/g, '-').replace(/[×·]/g, '*');

/**
 * The value of an answer. Throws `ExpressionError` (located, like a program's errors) for text
 * that is not one expression of numbers, `e`, `pi` and functions, or whose value is not finite.
 *
 * @example
 * evaluateAnswer('-4*1') // -4
 * evaluateAnswer('e^2')  // 7.389…
 */
export function evaluateAnswer(raw: string): number {
  const text = normalize(raw);
  if (text.trim() === '') throw new ExpressionError('answer.empty', { start: 0, end: 0 });
  const program = parse(text);
  if (program.statements.length > 1) {
    const second = program.statements[1];
    throw new ExpressionError('answer.several', { start: second.start, end: second.end });
  }
  const statement = program.statements[0];
  if (statement.target >= 0) {
    throw new ExpressionError('answer.assign', { start: statement.start, end: statement.end });
  }
  const { code, names } = program;
  const stack: number[] = [];
  for (let i = statement.from; i < statement.to; i++) {
    const op = code.op[i];
    if (op === PUSH_NUM) stack.push(code.arg[i]);
    else if (op === PUSH_NAME) {
      const name = names[code.arg[i]];
      const value = CONSTANTS.get(name);
      if (value === undefined) {
        throw new ExpressionError(
          'answer.name',
          { start: code.start[i], end: code.end[i] },
          { name },
        );
      }
      stack.push(value);
    } else {
      const spec = OP_LIST[op];
      const b = spec.arity === 2 ? stack.pop()! : 0;
      const a = stack.pop()!;
      stack.push(spec.evaluate(a, b));
    }
  }
  const value = stack[0];
  if (stack.length !== 1 || !Number.isFinite(value)) {
    throw new ExpressionError('answer.notFinite', { start: statement.start, end: statement.end });
  }
  return value;
}

/** Within `ANSWER_TOLERANCE` of `expected`, relatively (absolutely near 0, where rounding rules). */
export function closeEnough(answer: number, expected: number): boolean {
  return Math.abs(answer - expected) <= ANSWER_TOLERANCE * Math.max(Math.abs(expected), 1e-9);
}

export type AnswerCheck =
  | { readonly kind: 'correct' | 'wrong'; readonly value: number }
  | { readonly kind: 'invalid'; readonly error: ExpressionError };

/**
 * Checks an answer against the expected number.
 *
 * @example
 * checkAnswer('1/4', 0.25).kind    // 'correct'
 * checkAnswer('0.2501', 0.25).kind // 'correct' (within 1e-3)
 * checkAnswer('x', 0.25).kind      // 'invalid': names other than e and pi have no value
 */
export function checkAnswer(text: string, expected: number): AnswerCheck {
  let value: number;
  try {
    value = evaluateAnswer(text);
  } catch (e) {
    if (e instanceof ExpressionError) return { kind: 'invalid', error: e };
    throw e;
  }
  return { kind: closeEnough(value, expected) ? 'correct' : 'wrong', value };
}
