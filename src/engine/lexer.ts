import { ExpressionError } from './errors';

/** What a token is, stored as a byte. Each operator has its own kind; `**` arrives as `Caret`. */
export const Tok = {
  Num: 0,
  Ident: 1,
  Plus: 2,
  Minus: 3,
  Star: 4,
  Slash: 5,
  Caret: 6,
  LParen: 7,
  RParen: 8,
  Comma: 9,
  Assign: 10,
  Semi: 11,
  Newline: 12,
  Eof: 13,
} as const;
export type Tok = (typeof Tok)[keyof typeof Tok];

/**
 * The tokens of a source as parallel arrays, token `i` spanning `source.slice(start[i], end[i])`.
 * A program of a million tokens is a few typed arrays rather than a million objects, which is
 * what keeps parsing a 100,000-node program within a few milliseconds.
 */
export interface Tokens {
  readonly source: string;
  /** Number of tokens, the final `Eof` included. */
  readonly count: number;
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /**
   * 1 where a newline inside parentheses was skipped just before the token. Such a newline
   * continues the statement, unless the `(` was never closed: then it explains the error.
   */
  readonly afterNewline: Uint8Array;
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

/** Character classes of ASCII, looked up rather than compared: identifiers are most of the text. */
const DIGIT = 1;
const IDENT_START = 2;
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c] = IDENT_START;
for (let c = 97; c <= 122; c++) CLASS[c] = IDENT_START;
CLASS[95] = IDENT_START;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => c < 128 && CLASS[c] === IDENT_START;
const isIdentPart = (c: number) => c < 128 && CLASS[c] !== 0;

/**
 * Names beyond ASCII, as Python reads them: a letter (any script, `tốc`, `α`, `ŷ`) or `_`, then
 * letters, combining marks (Vietnamese typed in decomposed form), digits and `_`. `·` is not
 * among them (Python allows it), since people paste it for `*`. Only non-ASCII text is tested
 * against these: the ASCII loops above stay table lookups.
 */
const UNICODE_NAME_START = /^[\p{L}\p{Nl}]$/u;
const UNICODE_NAME_PART = /^[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]$/u;

/** The code point at `i` starts a name (letters of any script, `_`). */
function nameStartsAt(source: string, i: number): boolean {
  const c = source.charCodeAt(i);
  if (c < 128) return isIdentStart(c);
  return UNICODE_NAME_START.test(String.fromCodePoint(source.codePointAt(i)!));
}

/** End of the name characters from `i` on: ASCII by table, the rest by Unicode category. */
function nameEnd(source: string, i: number): number {
  const n = source.length;
  for (;;) {
    while (i < n && isIdentPart(source.charCodeAt(i))) i++;
    if (i >= n || source.charCodeAt(i) < 128) return i;
    const code = source.codePointAt(i)!;
    if (!UNICODE_NAME_PART.test(String.fromCodePoint(code))) return i;
    i += code > 0xffff ? 2 : 1;
  }
}

/**
 * Whether `text` is a whole name the language accepts (`x_1`, `tốc_độ`), for what names
 * things outside a program: a link's `tốc_độ=2`, the command line's `name=value`.
 */
export function isName(text: string): boolean {
  return text.length > 0 && nameStartsAt(text, 0) && nameEnd(text, 0) === text.length;
}

/** Growable token arrays: sized from the source's length, doubled if a dense program needs it. */
class TokenBuffer {
  count = 0;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  afterNewline: Uint8Array;

  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.afterNewline = new Uint8Array(capacity);
  }

  push(kind: Tok, start: number, end: number, afterNewline: boolean) {
    if (this.count === this.kind.length) this.grow();
    const i = this.count++;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.afterNewline[i] = afterNewline ? 1 : 0;
  }

  private grow() {
    const size = this.kind.length * 2;
    const grown = <A extends Uint8Array | Int32Array>(a: A, b: A): A => (b.set(a), b);
    this.kind = grown(this.kind, new Uint8Array(size));
    this.start = grown(this.start, new Int32Array(size));
    this.end = grown(this.end, new Int32Array(size));
    this.afterNewline = grown(this.afterNewline, new Uint8Array(size));
  }
}

/**
 * Splits source text into tokens. Newlines inside parentheses are dropped, so an expression
 * can continue over several lines there; `#` starts a comment that runs to the end of the line.
 * Stray characters and malformed numbers throw `ExpressionError` here, located.
 *
 * @example
 * const t = tokenize('x = -2 # input');
 * Array.from(t.kind.subarray(0, t.count)) // [Tok.Ident, Tok.Assign, Tok.Minus, Tok.Num, Tok.Eof]
 */
export function tokenize(source: string): Tokens {
  const n = source.length;
  // Dense code has about one token per two characters; a comment-heavy file far fewer.
  const out = new TokenBuffer((n >> 1) + 16);
  let depth = 0;
  let skippedNewline = false;
  let i = 0;
  const push = (kind: Tok, start: number, end: number) => {
    out.push(kind, start, end, skippedNewline);
    skippedNewline = false;
  };

  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      const end = c === 13 && source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (depth === 0) push(Tok.Newline, i, end);
      else skippedNewline = true;
      i = end;
    } else if (c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff) {
      i++;
    } else if (c === 35 /* # */) {
      while (i < n && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
    } else if (isDigit(c) || (c === 46 /* . */ && isDigit(source.charCodeAt(i + 1)))) {
      const end = readNumber(source, i);
      push(Tok.Num, i, end);
      i = end;
    } else if (c === 46) {
      throw new ExpressionError('error.loneDot', { start: i, end: i + 1 });
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < n && isIdentPart(source.charCodeAt(i))) i++;
      // A name that goes on in another script (`x_độ`): rare, so off the ASCII loop.
      if (i < n && source.charCodeAt(i) >= 128) i = nameEnd(source, i);
      push(Tok.Ident, start, i);
    } else if (c >= 128 && nameStartsAt(source, i)) {
      const start = i;
      i = nameEnd(source, i);
      push(Tok.Ident, start, i);
    } else {
      const start = i++;
      switch (c) {
        case 42 /* * */:
          if (source.charCodeAt(i) === 42) push(Tok.Caret, start, ++i);
          else push(Tok.Star, start, i);
          break;
        case 43:
          push(Tok.Plus, start, i);
          break;
        case 45:
          push(Tok.Minus, start, i);
          break;
        case 47:
          push(Tok.Slash, start, i);
          break;
        case 94:
          push(Tok.Caret, start, i);
          break;
        case 40:
          depth++;
          push(Tok.LParen, start, i);
          break;
        case 41:
          depth = Math.max(0, depth - 1);
          push(Tok.RParen, start, i);
          break;
        case 44:
          push(Tok.Comma, start, i);
          break;
        case 59:
          push(Tok.Semi, start, i);
          break;
        case 61:
          if (source.charCodeAt(i) === 61) {
            throw new ExpressionError('error.doubleEquals', { start, end: i + 1 });
          }
          push(Tok.Assign, start, i);
          break;
        default:
          throw strayCharacter(source, start);
      }
    }
  }
  push(Tok.Eof, n, n);
  return {
    source,
    count: out.count,
    kind: out.kind,
    start: out.start,
    end: out.end,
    afterNewline: out.afterNewline,
  };
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

/** Reads the number at `start` (`2`, `3.5`, `.5`, `1e-3`, `2.5E+4`, `1.`) and returns its end. */
function readNumber(source: string, start: number): number {
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
      const k = nameEnd(source, i + 1);
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
  if (isIdentStart(next) || (next >= 128 && nameStartsAt(source, i))) {
    const k = nameEnd(source, i);
    throw new ExpressionError(
      'error.numberThenName',
      { start, end: k },
      { number: source.slice(start, i), name: source.slice(i, k) },
    );
  }
  return i;
}
