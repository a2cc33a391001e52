import { ExpressionError } from './errors';

export type TokenKind =
  | 'num'
  | 'ident'
  | 'op' // + - * / ^  (`**` arrives as `^`)
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'assign'
  | 'semi'
  | 'newline'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** For `op`: the operator (`**` normalised to `^`); otherwise the source text. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Numeric value of a `num` token. */
  readonly value: number;
}

/** Characters people paste from notes and slides, with what to type instead. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  '×': '*',
  '·': '*',
  '⋅': '*',
  '∗': '*',
  '−': '-',
  '–': '-',
  '—': '-',
  '÷': '/',
  '²': '^2',
  '³': '^3',
  '√': 'sqrt(…)',
  σ: 'sigmoid(…)',
  '≠': '=',
  '：': '=',
  '，': ',',
  '（': '(',
  '）': ')',
};

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);

/**
 * Splits source text into tokens. Newlines inside parentheses are dropped, so an expression
 * can continue over several lines there; `#` starts a comment that runs to the end of the line.
 *
 * @example
 * tokenize('x = -2 # input').map(t => t.text) // ['x', '=', '-', '2', '']
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const n = source.length;
  let depth = 0;
  let i = 0;
  const push = (kind: TokenKind, text: string, start: number, end: number, value = 0) =>
    tokens.push({ kind, text, start, end, value });

  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      const end = c === 13 && source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (depth === 0) push('newline', '\n', i, end);
      i = end;
    } else if (c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff) {
      i++;
    } else if (c === 35 /* # */) {
      while (i < n && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
    } else if (isDigit(c) || (c === 46 /* . */ && isDigit(source.charCodeAt(i + 1)))) {
      i = readNumber(source, i, push);
    } else if (c === 46) {
      throw new ExpressionError('error.loneDot', { start: i, end: i + 1 });
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < n && isIdentPart(source.charCodeAt(i))) i++;
      push('ident', source.slice(start, i), start, i);
    } else {
      const start = i;
      i++;
      switch (c) {
        case 42 /* * */:
          if (source.charCodeAt(i) === 42) {
            i++;
            push('op', '^', start, i);
          } else push('op', '*', start, i);
          break;
        case 43:
        case 45:
        case 47:
        case 94:
          push('op', source[start], start, i);
          break;
        case 40:
          depth++;
          push('lparen', '(', start, i);
          break;
        case 41:
          depth = Math.max(0, depth - 1);
          push('rparen', ')', start, i);
          break;
        case 44:
          push('comma', ',', start, i);
          break;
        case 59:
          push('semi', ';', start, i);
          break;
        case 61:
          if (source.charCodeAt(i) === 61) {
            throw new ExpressionError('error.doubleEquals', { start, end: i + 1 });
          }
          push('assign', '=', start, i);
          break;
        default:
          throw strayCharacter(source, start);
      }
    }
  }
  push('eof', '', n, n);
  return tokens;
}

function strayCharacter(source: string, start: number): ExpressionError {
  const code = source.codePointAt(start) ?? 0;
  const char = String.fromCodePoint(code);
  const span = { start, end: start + char.length };
  const ascii = LOOKALIKES[char];
  return ascii
    ? new ExpressionError('error.unicodeOperator', span, { char, ascii })
    : new ExpressionError('error.unexpectedChar', span, { char });
}

function readNumber(
  source: string,
  start: number,
  push: (kind: TokenKind, text: string, start: number, end: number, value: number) => void,
): number {
  const n = source.length;
  let i = start;
  while (i < n && isDigit(source.charCodeAt(i))) i++;
  if (source.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(source.charCodeAt(i))) i++;
  }
  const e = source.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = source.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (!isDigit(source.charCodeAt(j))) {
      // `2e` or `2ex`: no exponent digits. Read the whole word so the span covers what was typed.
      let k = i + 1;
      while (k < n && isIdentPart(source.charCodeAt(k))) k++;
      const text = source.slice(start, Math.max(k, j));
      if (k > i + 1 && sign !== 43 && sign !== 45) {
        throw new ExpressionError(
          'error.numberThenName',
          { start, end: k },
          {
            number: source.slice(start, i),
            name: source.slice(i, k),
          },
        );
      }
      throw new ExpressionError('error.badExponent', { start, end: start + text.length }, { text });
    }
    i = j;
    while (i < n && isDigit(source.charCodeAt(i))) i++;
  }
  const next = source.charCodeAt(i);
  if (next === 46 || isDigit(next)) {
    let k = i;
    while (k < n && (isDigit(source.charCodeAt(k)) || source.charCodeAt(k) === 46)) k++;
    throw new ExpressionError(
      'error.badNumber',
      { start, end: k },
      { text: source.slice(start, k) },
    );
  }
  if (isIdentStart(next)) {
    let k = i;
    while (k < n && isIdentPart(source.charCodeAt(k))) k++;
    throw new ExpressionError(
      'error.numberThenName',
      { start, end: k },
      { number: source.slice(start, i), name: source.slice(i, k) },
    );
  }
  const text = source.slice(start, i);
  push('num', text, start, i, Number(text));
  return i;
}
