import type { Expr, NameRef, Program, Statement } from './ast';
import { ExpressionError, LineIndex, type Span } from './errors';
import { tokenize, type Token } from './lexer';
import { FUNCTIONS, INFIX, type OpName, type OpSpec } from './ops';

/** Function names as a reader would list them (one-argument functions first), for messages. */
export const FUNCTION_NAMES: readonly string[] = [...FUNCTIONS.entries()]
  .sort(([, a], [, b]) => a.arity - b.arity)
  .map(([name]) => name);

type Pending =
  | { kind: 'binary'; op: OpName; prec: number; span: Span }
  | { kind: 'unary'; op: 'neg' | 'pos'; prec: number; span: Span }
  | { kind: 'paren'; span: Span }
  | { kind: 'call'; op: OpSpec; name: string; span: Span; open: Span; argc: number };

const BINARY_PREC: Readonly<Record<string, number>> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 4 };
const UNARY_PREC = 3;

/**
 * Parses a program into statements of expression trees. The parser keeps explicit stacks instead
 * of recursing, so 10,000 nested parentheses or a 200,000-character sum parse without touching the
 * call stack's limit.
 *
 * Precedence, loosest first: `+ -`, then `* /`, then unary `- +`, then `^` (right-associative), so
 * `-x^2` is `-(x^2)` and `2^-x` is `2^(-x)`.
 *
 * @example
 * parse('q = x + y; f = q * z').statements.map(s => s.target?.name) // ['q', 'f']
 */
export function parse(source: string): Program {
  const tokens = tokenize(source);
  const lines = new LineIndex(source);
  const statements: Statement[] = [];
  let i = 0;
  while (i < tokens.length) {
    let end = i;
    while (!isSeparator(tokens[end])) end++;
    if (end > i) statements.push(parseStatement(tokens, i, end, lines));
    if (tokens[end].kind === 'eof') break;
    i = end + 1;
  }
  if (statements.length === 0) throw new ExpressionError('error.empty', { start: 0, end: 0 });
  return { source, statements };
}

const isSeparator = (t: Token) => t.kind === 'semi' || t.kind === 'newline' || t.kind === 'eof';

function parseStatement(tokens: Token[], from: number, to: number, lines: LineIndex): Statement {
  const first = tokens[from];
  const line = lines.locate(first.start).line;
  const span = { start: first.start, end: tokens[to - 1].end };
  if (first.kind === 'ident' && tokens[from + 1].kind === 'assign') {
    if (FUNCTIONS.has(first.text)) {
      throw new ExpressionError('error.reservedName', first, { name: first.text });
    }
    const assign = tokens[from + 1];
    if (from + 2 === to) throw new ExpressionError('error.missingRight', assign, { op: '=' });
    const target = { name: first.text, start: first.start, end: first.end };
    const expr = parseExpression(tokens, from + 2, to, lines);
    const input = signedLiteral(tokens, from + 2, to);
    return input === undefined
      ? { target, expr, line, ...span }
      : { target, expr, line, input: { value: input }, ...span };
  }
  return { expr: parseExpression(tokens, from, to, lines), line, ...span };
}

/** `-2`, `+2` or `2` standing alone on the right of `=`: the statement declares an input. */
function signedLiteral(tokens: Token[], from: number, to: number): number | undefined {
  const [a, b] = [tokens[from], tokens[from + 1]];
  if (to - from === 1 && a.kind === 'num') return a.value;
  if (
    to - from === 2 &&
    a.kind === 'op' &&
    (a.text === '-' || a.text === '+') &&
    b.kind === 'num'
  ) {
    return a.text === '-' ? -b.value : b.value;
  }
  return undefined;
}

function parseExpression(tokens: Token[], from: number, to: number, lines: LineIndex): Expr {
  const operands: Expr[] = [];
  const pending: Pending[] = [];
  let expectOperand = true;

  let tokensIndex = from;
  const reduce = () => {
    const top = pending.pop()!;
    if (top.kind === 'binary') {
      const right = operands.pop()!;
      const left = operands.pop()!;
      operands.push({
        type: 'apply',
        op: top.op,
        args: [left, right],
        opSpan: top.span,
        start: left.start,
        end: right.end,
      });
    } else if (top.kind === 'unary') {
      const arg = operands.pop()!;
      if (top.op === 'pos') operands.push({ ...arg, start: top.span.start });
      else if (arg.type === 'num') {
        // `-2` is the constant -2, not negation applied to 2: one node, as a reader sees it.
        operands.push({ type: 'num', value: -arg.value, start: top.span.start, end: arg.end });
      } else {
        operands.push({
          type: 'apply',
          op: 'neg',
          args: [arg],
          opSpan: top.span,
          start: top.span.start,
          end: arg.end,
        });
      }
    }
  };
  const reduceOperators = () => {
    while (pending.length > 0) {
      const kind = pending[pending.length - 1].kind;
      if (kind !== 'binary' && kind !== 'unary') break;
      reduce();
    }
  };
  const unclosed = (frame: Pending): never => {
    const open = 'open' in frame ? frame.open : frame.span;
    const { line, column } = lines.locate(open.start);
    const code = lines.lineCount > 1 ? 'error.unclosedParenAt' : 'error.unclosedParen';
    throw new ExpressionError(code, open, { line, column });
  };
  /** Something that cannot start an operand turned up where one was expected. */
  const missingOperand = (t: Token): never => {
    const top = pending[pending.length - 1];
    const prev = tokens[Math.max(from, tokensIndex - 1)];
    if (top && prev.kind === 'lparen' && t.kind === 'rparen') {
      if (top.kind === 'call') throw arityError(top, 0, { start: top.span.start, end: t.end });
      throw new ExpressionError('error.emptyParens', { start: prev.start, end: t.end });
    }
    if (top && (top.kind === 'binary' || top.kind === 'unary') && prev.kind === 'op') {
      throw new ExpressionError('error.missingRight', top.span, { op: prev.text });
    }
    if (t.kind === 'eof' || t.kind === 'semi' || t.kind === 'newline') {
      const frame = [...pending].reverse().find((p) => p.kind === 'paren' || p.kind === 'call');
      if (frame) unclosed(frame);
    }
    throw new ExpressionError('error.expectedOperand', t, { token: t.text || 'end' });
  };

  for (; tokensIndex <= to; tokensIndex++) {
    const t = tokens[tokensIndex];
    if (expectOperand) {
      switch (t.kind) {
        case 'num':
          operands.push({ type: 'num', value: t.value, start: t.start, end: t.end });
          expectOperand = false;
          break;
        case 'ident': {
          const next = tokens[tokensIndex + 1];
          const fn = FUNCTIONS.get(t.text);
          if (next.kind === 'lparen' && tokensIndex + 1 < to) {
            if (!fn) throw notAFunction(t);
            pending.push({ kind: 'call', op: fn, name: t.text, span: t, open: next, argc: 0 });
            tokensIndex++;
          } else if (fn) {
            throw new ExpressionError('error.functionNotCalled', t, { name: t.text });
          } else {
            const ref: NameRef = { type: 'name', name: t.text, start: t.start, end: t.end };
            operands.push(ref);
            expectOperand = false;
          }
          break;
        }
        case 'lparen':
          pending.push({ kind: 'paren', span: t });
          break;
        case 'op':
          if (t.text === '-' || t.text === '+') {
            pending.push({
              kind: 'unary',
              op: t.text === '-' ? 'neg' : 'pos',
              prec: UNARY_PREC,
              span: t,
            });
          } else {
            throw new ExpressionError('error.missingLeft', t, { op: t.text });
          }
          break;
        default:
          missingOperand(t);
      }
    } else {
      switch (t.kind) {
        case 'op': {
          const prec = BINARY_PREC[t.text];
          const rightAssoc = t.text === '^';
          while (pending.length > 0) {
            const top = pending[pending.length - 1];
            if (top.kind !== 'binary' && top.kind !== 'unary') break;
            if (top.prec > prec || (top.prec === prec && !rightAssoc)) reduce();
            else break;
          }
          pending.push({ kind: 'binary', op: INFIX[t.text], prec, span: t });
          expectOperand = true;
          break;
        }
        case 'rparen': {
          reduceOperators();
          const frame = pending.pop();
          if (!frame) throw new ExpressionError('error.unmatchedClose', t);
          if (frame.kind === 'call') {
            const argc = frame.argc + 1;
            if (argc !== frame.op.arity) {
              throw arityError(frame, argc, { start: frame.span.start, end: t.end });
            }
            const args = operands.splice(operands.length - argc, argc);
            operands.push({
              type: 'apply',
              op: frame.op.name,
              args,
              opSpan: frame.span,
              start: frame.span.start,
              end: t.end,
            });
          } else {
            const inner = operands.pop()!;
            operands.push({ ...inner, start: frame.span.start, end: t.end });
          }
          break;
        }
        case 'comma': {
          reduceOperators();
          const frame = pending[pending.length - 1];
          if (!frame || frame.kind !== 'call') {
            throw new ExpressionError('error.commaOutsideCall', t);
          }
          frame.argc++;
          expectOperand = true;
          break;
        }
        case 'eof':
        case 'semi':
        case 'newline':
          reduceOperators();
          if (pending.length > 0) unclosed(pending[pending.length - 1]);
          break;
        case 'assign':
          throw new ExpressionError('error.misplacedAssign', t);
        default:
          throw new ExpressionError('error.missingOperator', t);
      }
    }
  }
  return operands[0];
}

function arityError(frame: { op: OpSpec; name: string }, got: number, span: Span) {
  return new ExpressionError(frame.op.arity === 1 ? 'error.arity1' : 'error.arity2', span, {
    name: frame.name,
    got,
  });
}

/** `foo(x)`: an unknown function, or a value written against `(` where `*` was meant. */
function notAFunction(t: Token): ExpressionError {
  const lower = t.text.toLowerCase();
  // Short names are too easily one or two edits from a function (`x` vs `exp`): allow fewer edits.
  const allowed = lower.length <= 3 ? 1 : 2;
  const close = FUNCTION_NAMES.find((f) => f === lower || editDistance(f, lower) <= allowed);
  if (!close && /^[A-Za-z](_?[0-9A-Za-z])?$/.test(t.text)) {
    return new ExpressionError('error.notAFunction', t, { name: t.text });
  }
  const list = FUNCTION_NAMES.join(', ');
  return close
    ? new ExpressionError('error.unknownFunctionSuggest', t, {
        name: t.text,
        suggestion: close,
        list,
      })
    : new ExpressionError('error.unknownFunction', t, { name: t.text, list });
}

/** Levenshtein distance, for "did you mean" suggestions on short names. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
