import { ExpressionError, LineIndex, type Span } from '../errors';
import type { MessageKey, MessageParams } from '../messages';
import { isName } from '../lexer';
import { CALLS, CREATORS } from './ops';

/**
 * The parser of tensor programs: the scalar language plus `[…]` literals, `@`, `.T`, `.dot(…)`,
 * reductions with an axis (`sum(A, 0)`, `np.sum(A, axis=0)`) and the numpy spellings. Tensor
 * programs are a network's forward pass, tens of statements, so this is a plain recursive-descent
 * parser over a tree; the scalar parser (postfix code in typed arrays, for 100,000-node programs)
 * is untouched and still reads every scalar program.
 */

export type Ast =
  | { readonly t: 'num'; readonly value: number; readonly span: Span }
  | { readonly t: 'name'; readonly name: string; readonly span: Span }
  | {
      readonly t: 'lit';
      readonly shape: readonly number[];
      readonly data: Float64Array;
      readonly span: Span;
    }
  | {
      readonly t: 'call';
      /** A tensor op's name (`matmul`, `sum`), or a creator (`randn`). */
      readonly op: string;
      readonly args: readonly Ast[];
      /** The axis of a reduction as written (`-1` counts from the end), undefined for none. */
      readonly axis: number | undefined;
      readonly span: Span;
      /** Where shape errors point: the call (or the operator for `@`, `.T`, `.dot`). */
      readonly at: Span;
    };

export interface TStatement {
  /** The name assigned, or undefined for a bare expression. */
  readonly target?: string;
  readonly targetSpan: Span;
  readonly expr: Ast;
  readonly span: Span;
  readonly line: number;
}

const K = {
  Num: 0,
  Ident: 1,
  Op: 2,
  LParen: 3,
  RParen: 4,
  LBrack: 5,
  RBrack: 6,
  Comma: 7,
  Assign: 8,
  Dot: 9,
  Sep: 10,
  Eof: 11,
} as const;
type K = (typeof K)[keyof typeof K];

interface Token {
  readonly k: K;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;

const SINGLE: Readonly<Partial<Record<string, K>>> = {
  '+': K.Op,
  '-': K.Op,
  '*': K.Op,
  '/': K.Op,
  '^': K.Op,
  '@': K.Op,
  '(': K.LParen,
  ')': K.RParen,
  '[': K.LBrack,
  ']': K.RBrack,
  ',': K.Comma,
  '=': K.Assign,
  '.': K.Dot,
  ';': K.Sep,
};

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isAsciiNamePart = (c: number) => isAsciiNameStart(c) || isDigit(c);

function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let i = 0;
  const push = (k: K, start: number, end: number) =>
    out.push({ k, start, end, text: source.slice(start, end) });
  while (i < source.length) {
    const c = source[i];
    if (c === '\n' || c === '\r') {
      if (depth === 0) push(K.Sep, i, i + 1);
      i++;
    } else if (c === ' ' || c === '\t' || c === '\u00a0' || c === '\ufeff') {
      i++;
    } else if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (isDigit(source.charCodeAt(i)) || (c === '.' && isDigit(source.charCodeAt(i + 1)))) {
      NUMBER.lastIndex = i;
      NUMBER.exec(source);
      push(K.Num, i, NUMBER.lastIndex);
      i = NUMBER.lastIndex;
    } else if (isAsciiNameStart(source.charCodeAt(i)) || /[\p{L}\p{Nl}_]/u.test(c)) {
      let end = i + 1;
      while (end < source.length && isAsciiNamePart(source.charCodeAt(end))) end++;
      if (end < source.length && source.charCodeAt(end) >= 128) {
        NAME.lastIndex = i;
        NAME.exec(source);
        end = Math.max(end, NAME.lastIndex);
      }
      push(K.Ident, i, end);
      i = end;
    } else {
      const two = source.slice(i, i + 2);
      if (two === '**') {
        push(K.Op, i, i + 2);
        i += 2;
        continue;
      }
      if (two === '==') throw new ExpressionError('error.doubleEquals', { start: i, end: i + 2 });
      const k = SINGLE[c];
      if (k === undefined) {
        const char = String.fromCodePoint(source.codePointAt(i)!);
        throw new ExpressionError(
          'error.unexpectedChar',
          { start: i, end: i + char.length },
          {
            char,
          },
        );
      }
      if (k === K.LParen || k === K.LBrack) depth++;
      if (k === K.RParen || k === K.RBrack) depth = Math.max(0, depth - 1);
      push(k, i, i + 1);
      i++;
    }
  }
  push(K.Eof, source.length, source.length);
  return out;
}

const BINARY: Readonly<Record<string, { op: string; prec: number }>> = {
  '+': { op: 'add', prec: 1 },
  '-': { op: 'sub', prec: 1 },
  '*': { op: 'mul', prec: 2 },
  '/': { op: 'div', prec: 2 },
  '@': { op: 'matmul', prec: 2 },
};

/** Parses a tensor program into statements. Throws a located `ExpressionError`. */
export function parseTensor(source: string): TStatement[] {
  return new TensorParser(source).program();
}

class TensorParser {
  private readonly toks: Token[];
  private p = 0;
  private lines?: LineIndex;

  constructor(private readonly source: string) {
    this.toks = tokenize(source);
  }

  private get tok(): Token {
    return this.toks[this.p];
  }

  /** The current token's kind, read afresh (a getter would be narrowed across `this.p++`). */
  private k(): K {
    return this.toks[this.p].k;
  }

  private fail(code: MessageKey, span: Span, params: MessageParams = {}): never {
    throw new ExpressionError(code, span, params);
  }

  private line(offset: number): number {
    return (this.lines ??= new LineIndex(this.source)).locate(offset).line;
  }

  program(): TStatement[] {
    const out: TStatement[] = [];
    while (this.k() !== K.Eof) {
      if (this.k() === K.Sep) {
        this.p++;
        continue;
      }
      out.push(this.statement());
      const k = this.k();
      if (k !== K.Sep && k !== K.Eof) {
        if (k === K.RParen) this.fail('error.unmatchedClose', this.tok);
        if (k === K.RBrack) this.fail('tensor.unmatchedBracket', this.tok);
        if (k === K.Assign) this.fail('error.misplacedAssign', this.tok);
        if (k === K.Comma) this.comma();
        this.fail('error.missingOperator', this.tok);
      }
    }
    if (out.length === 0) this.fail('error.empty', { start: 0, end: 0 });
    return out;
  }

  /** A `,` outside a call or literal: the decimal comma of `x = 0,5`, as the scalar parser says. */
  private comma(): never {
    const t = this.tok;
    const before = this.toks[this.p - 1];
    const after = this.toks[this.p + 1];
    if (
      before.k === K.Num &&
      after.k === K.Num &&
      before.end === t.start &&
      after.start === t.end &&
      /^\d+$/.test(before.text) &&
      /^\d/.test(after.text)
    ) {
      const text = this.source.slice(before.start, after.end);
      this.fail('error.decimalComma', t, { text, fixed: text.replace(',', '.') });
    }
    this.fail('error.commaOutsideCall', t);
  }

  private statement(): TStatement {
    const first = this.tok;
    if (first.k === K.Ident && this.toks[this.p + 1].k === K.Assign) {
      if (CALLS.has(first.text) || CREATORS.has(first.text)) {
        this.fail('error.reservedName', first, { name: first.text });
      }
      this.p += 2;
      if (this.k() === K.Sep || this.k() === K.Eof) {
        this.fail('error.missingRight', this.toks[this.p - 1], { op: '=' });
      }
      const expr = this.expr(0);
      return {
        target: first.text.normalize('NFC'),
        targetSpan: first,
        expr,
        span: { start: first.start, end: expr.span.end },
        line: this.line(first.start),
      };
    }
    const expr = this.expr(0);
    return { targetSpan: expr.span, expr, span: expr.span, line: this.line(first.start) };
  }

  /** Binary operators at or above `min` precedence; `^` is handled in `power`. */
  private expr(min: number): Ast {
    let left = this.unary();
    for (;;) {
      const t = this.tok;
      const b = t.k === K.Op ? BINARY[t.text] : undefined;
      if (!b || b.prec < min) break;
      this.p++;
      this.expectOperand(t);
      const right = this.expr(b.prec + 1);
      left = call(b.op, [left, right], span(left.span, right.span), t);
    }
    return left;
  }

  private expectOperand(op: Token) {
    const k = this.k();
    if (k === K.Sep || k === K.Eof || k === K.RParen || k === K.RBrack || k === K.Comma) {
      this.fail('error.missingRight', op, { op: op.text });
    }
  }

  private unary(): Ast {
    const t = this.tok;
    if (t.k === K.Op && (t.text === '-' || t.text === '+')) {
      this.p++;
      this.expectOperand(t);
      // A sign written straight before a number is part of it (`x = -2` declares an input), as
      // in the scalar parser; `-(2)` or `--2` stay expressions.
      const signed =
        this.k() === K.Num &&
        this.toks[this.p + 1].text !== '^' &&
        this.toks[this.p + 1].text !== '**';
      const a = this.unary();
      if (t.text === '+') return signed ? { ...a, span: span(t, a.span) } : a;
      if (a.t === 'num' && signed) return { t: 'num', value: -a.value, span: span(t, a.span) };
      return call('neg', [a], span(t, a.span), t);
    }
    if (t.k === K.Op) this.fail('error.missingLeft', t, { op: t.text });
    return this.power();
  }

  private power(): Ast {
    const base = this.postfix();
    const t = this.tok;
    if (t.k === K.Op && (t.text === '^' || t.text === '**')) {
      this.p++;
      this.expectOperand(t);
      const exponent = this.unary();
      return call('pow', [base, exponent], span(base.span, exponent.span), t);
    }
    return base;
  }

  private postfix(): Ast {
    let a = this.primary();
    while (this.k() === K.Dot) {
      const dot = this.tok;
      const name = this.toks[this.p + 1];
      if (name.k !== K.Ident) this.fail('error.loneDot', dot);
      this.p += 2;
      const at = span(dot, name);
      if (name.text === 'T') {
        a = call('transpose', [a], span(a.span, name), at);
      } else if (['dot', 'sum', 'mean', 'transpose'].includes(name.text) && this.k() === K.LParen) {
        const { args, axis, end } = this.args(name.text, 1);
        const op = name.text === 'dot' ? 'matmul' : name.text;
        if (op === 'matmul' && args.length !== 1) {
          this.fail('tensor.argCount', span(name, end), {
            name: 'dot',
            expected: 1,
            got: args.length,
          });
        }
        if (op === 'transpose' && args.length > 0) {
          this.fail('tensor.argCount', span(name, end), {
            name: name.text,
            expected: 0,
            got: args.length,
          });
        }
        a = call(op, [a, ...args], span(a.span, end), span(name, end), axis);
      } else {
        this.fail('tensor.unknownMethod', at, { name: name.text });
      }
    }
    return a;
  }

  private primary(): Ast {
    const t = this.tok;
    switch (t.k) {
      case K.Num:
        this.p++;
        return { t: 'num', value: Number(t.text), span: t };
      case K.LBrack:
        return this.literal();
      case K.LParen: {
        this.p++;
        if (this.k() === K.RParen) this.fail('error.emptyParens', span(t, this.tok));
        const inner = this.expr(0);
        if (this.k() !== K.RParen) this.unclosed(t, '(');
        const close = this.tok;
        this.p++;
        // `x = (2)` computes a constant: only a bare literal declares an input.
        return inner.t === 'num' || inner.t === 'lit'
          ? call('id', [inner], span(t, close), span(t, close))
          : ({ ...inner, span: span(t, close) } as Ast);
      }
      case K.Ident:
        return this.nameOrCall();
      default:
        if (t.k === K.RParen) this.fail('error.unmatchedClose', t);
        if (t.k === K.Assign) this.fail('error.misplacedAssign', t);
        if (t.k === K.Comma) this.fail('error.commaOutsideCall', t);
        this.fail('error.expectedOperand', t, {
          token: t.k === K.Eof ? 'end' : t.k === K.Sep ? 'end of line' : t.text,
        });
    }
  }

  private unclosed(open: Token, bracket: '(' | '['): never {
    const { line, column } = (this.lines ??= new LineIndex(this.source)).locate(open.start);
    const multi = this.lines.lineCount > 1;
    if (bracket === '[') this.fail('tensor.unclosedBracket', open, { line, column });
    this.fail(multi ? 'error.unclosedParenAt' : 'error.unclosedParen', open, { line, column });
  }

  private nameOrCall(): Ast {
    let t = this.tok;
    let fn = t.text;
    let start = t.start;
    // `np.exp`, `np.random.randn`: the module prefix is a spelling, not a value.
    if (fn === 'np' && this.toks[this.p + 1].k === K.Dot && this.toks[this.p + 2].k === K.Ident) {
      this.p += 2;
      t = this.tok;
      if (t.text === 'random' && this.toks[this.p + 1].k === K.Dot) {
        this.p += 2;
        t = this.tok;
      }
      fn = t.text;
      if (!CALLS.has(fn) && !CREATORS.has(fn)) {
        this.fail('tensor.unknownNumpy', span({ start, end: t.end }, t), {
          name: fn,
          list: NUMPY_LIST,
        });
      }
    } else {
      start = t.start;
    }
    this.p++;
    if (this.k() !== K.LParen) {
      if (CALLS.has(fn) || CREATORS.has(fn)) this.fail('error.functionNotCalled', t, { name: fn });
      if (!isName(fn)) this.fail('error.unexpectedChar', t, { char: fn });
      return { t: 'name', name: fn.normalize('NFC'), span: t };
    }
    const spec = CALLS.get(fn);
    if (CREATORS.has(fn)) {
      const { args, end } = this.args(fn, 0);
      return call(fn, args, { start, end: end.end }, { start, end: end.end });
    }
    if (!spec) {
      this.fail('error.unknownFunction', t, { name: fn, list: FUNCTION_LIST });
    }
    const { args, axis, end } = this.args(fn, 0);
    const whole = { start, end: end.end };
    if (args.length < spec.min || args.length > spec.max) {
      this.fail('tensor.argCount', whole, {
        name: fn,
        expected: spec.min === spec.max ? spec.min : `${spec.min} or ${spec.max}`,
        got: args.length,
      });
    }
    // `sum(A, 0)`: the second argument of a reduction is its axis.
    let ax = axis;
    let list = args;
    if ((spec.op === 'sum' || spec.op === 'mean') && args.length === 2) {
      ax = this.axisValue(args[1]);
      list = [args[0]];
    }
    return call(spec.op, list, whole, whole, ax);
  }

  /** Reads `( a, b, axis=k )`; `before` arguments were already given (a method's receiver). */
  private args(
    name: string,
    before: number,
  ): { args: Ast[]; axis: number | undefined; end: Token } {
    const open = this.tok;
    this.p++;
    const args: Ast[] = [];
    let axis: number | undefined;
    while (this.k() !== K.RParen) {
      if (this.k() === K.Eof || this.k() === K.Sep) this.unclosed(open, '(');
      if (this.k() === K.Ident && this.toks[this.p + 1].k === K.Assign) {
        const key = this.tok;
        if (key.text !== 'axis') this.fail('tensor.keyword', key, { name: key.text });
        this.p += 2;
        axis = this.axisValue(this.expr(0));
      } else {
        if (this.k() === K.Comma) this.fail('tensor.missingArgument', this.tok, { name });
        args.push(this.expr(0));
      }
      if (this.k() === K.Comma) {
        this.p++;
        if (this.k() === K.RParen)
          this.fail('tensor.missingArgument', this.toks[this.p - 1], { name });
      } else if (this.k() !== K.RParen) {
        if (this.k() === K.Eof || this.k() === K.Sep) this.unclosed(open, '(');
        this.fail('error.missingOperator', this.tok);
      }
    }
    void before;
    const end = this.tok;
    this.p++;
    return { args, axis, end };
  }

  /** An axis is a whole number, written as a literal (`-1` counts from the end). */
  private axisValue(a: Ast): number {
    if (a.t !== 'num' || !Number.isInteger(a.value) || a.value < -2 || a.value > 9) {
      this.fail('tensor.axisLiteral', a.span);
    }
    return a.value;
  }

  /** `[1, -2, 3.5]` or `[[1, 2], [3, 4]]`: signed numbers only. */
  private literal(): Ast {
    const open = this.tok;
    const rows: { data: number[]; span: Span }[] = [];
    let nested = false;
    this.p++;
    const flat: number[] = [];
    if (this.k() === K.RBrack) this.fail('tensor.emptyLiteral', span(open, this.tok));
    while (this.k() !== K.RBrack) {
      const t = this.tok;
      if (t.k === K.Eof || t.k === K.Sep) this.unclosed(open, '[');
      if (t.k === K.Comma) this.fail('tensor.missingEntry', t);
      if (t.k === K.LBrack) {
        if (flat.length > 0) this.fail('tensor.literalMixed', t);
        nested = true;
        rows.push(this.row());
      } else {
        if (nested) this.fail('tensor.literalMixed', t);
        flat.push(this.entry());
      }
      if (this.k() === K.Comma) {
        const comma = this.tok;
        this.p++;
        if (this.k() === K.RBrack) continue; // a trailing comma, as Python allows
        if (this.k() === K.Comma) this.fail('tensor.missingEntry', this.tok);
        void comma;
      } else if (this.k() !== K.RBrack) {
        if (this.k() === K.Eof || this.k() === K.Sep) this.unclosed(open, '[');
        this.fail('tensor.literalSeparator', this.tok);
      }
    }
    const close = this.tok;
    this.p++;
    const whole = span(open, close);
    if (!nested)
      return { t: 'lit', shape: [flat.length], data: Float64Array.from(flat), span: whole };
    const n = rows[0].data.length;
    for (let r = 1; r < rows.length; r++) {
      if (rows[r].data.length !== n) {
        this.fail('tensor.raggedRows', rows[r].span, {
          row: r + 1,
          got: rows[r].data.length,
          expected: n,
        });
      }
    }
    const data = new Float64Array(rows.length * n);
    rows.forEach((r, i) => data.set(r.data, i * n));
    return { t: 'lit', shape: [rows.length, n], data, span: whole };
  }

  private row(): { data: number[]; span: Span } {
    const open = this.tok;
    this.p++;
    const data: number[] = [];
    if (this.k() === K.RBrack) this.fail('tensor.emptyLiteral', span(open, this.tok));
    while (this.k() !== K.RBrack) {
      const t = this.tok;
      if (t.k === K.Eof || t.k === K.Sep) this.unclosed(open, '[');
      if (t.k === K.LBrack) this.fail('tensor.rank3', t);
      if (t.k === K.Comma) this.fail('tensor.missingEntry', t);
      data.push(this.entry());
      if (this.k() === K.Comma) {
        this.p++;
        if (this.k() === K.Comma) this.fail('tensor.missingEntry', this.tok);
      } else if (this.k() !== K.RBrack) {
        if (this.k() === K.Eof || this.k() === K.Sep) this.unclosed(open, '[');
        this.fail('tensor.literalSeparator', this.tok);
      }
    }
    const close = this.tok;
    this.p++;
    return { data, span: span(open, close) };
  }

  private entry(): number {
    let sign = 1;
    const t0 = this.tok;
    if (t0.k === K.Op && (t0.text === '-' || t0.text === '+')) {
      if (t0.text === '-') sign = -1;
      this.p++;
    }
    const t = this.tok;
    if (t.k !== K.Num) this.fail('tensor.literalEntry', t.k === K.Eof ? t0 : t);
    this.p++;
    return sign * Number(t.text);
  }
}

const FUNCTION_LIST = [...CALLS.keys(), ...CREATORS].join(', ');
const NUMPY_LIST = 'np.dot, np.exp, np.log, np.tanh, np.sum, np.mean, np.maximum';

function span(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}

function call(op: string, args: Ast[], whole: Span, at: Span, axis?: number): Ast {
  return { t: 'call', op, args, axis, span: whole, at: { start: at.start, end: at.end } };
}
