import { PUSH_NAME, PUSH_NUM, type Code, type Program, type Statement } from './ast';
import { ExpressionError, LineIndex, type Span } from './errors';
import { Tok, tokenize, type Tokens } from './lexer';
import { FUNCTIONS, OP_INDEX, type Op, type OpName } from './ops';

/** Function names as a reader would list them (one-argument functions first), for messages. */
export const FUNCTION_NAMES: readonly string[] = [...FUNCTIONS.entries()]
  .sort(([, a], [, b]) => a.arity - b.arity)
  .map(([name]) => name);

/**
 * What waits on the operator stack: an operator, or an open `(` or `f(`. The stack is kept as
 * parallel arrays of small integers (kind, token, commas so far), so that parsing allocates
 * nothing per operator.
 */
const Pending = { Binary: 0, Unary: 1, Paren: 2, Call: 3 } as const;
type Pending = (typeof Pending)[keyof typeof Pending];

const BINARY: Readonly<Partial<Record<Tok, { op: OpName; prec: number }>>> = {
  [Tok.Plus]: { op: 'add', prec: 1 },
  [Tok.Minus]: { op: 'sub', prec: 1 },
  [Tok.Star]: { op: 'mul', prec: 2 },
  [Tok.Slash]: { op: 'div', prec: 2 },
  [Tok.Caret]: { op: 'pow', prec: 4 },
};
const UNARY_PREC = 3;
/** Function names are all lowercase letters, so only such a name need be looked up among them. */
const LOWERCASE_FUNCTIONS = [...FUNCTIONS.keys()].every((name) => /^[a-z]+$/.test(name));
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isSeparator = (k: number) => k === Tok.Semi || k === Tok.Newline || k === Tok.Eof;
const isOperator = (k: number) => k >= Tok.Plus && k <= Tok.Caret;

/**
 * Parses a program into statements whose expressions are postfix code (see `ast.ts`). The parser
 * is a shunting-yard over explicit stacks instead of recursion, so 10,000 nested parentheses or a
 * 200,000-character sum parse without touching the call stack's limit.
 *
 * Precedence, loosest first: `+ -`, then `* /`, then unary `- +`, then `^` (right-associative), so
 * `-x^2` is `-(x^2)` and `2^-x` is `2^(-x)`.
 *
 * @example
 * const p = parse('q = x + y; f = q * z');
 * p.statements.map((s) => p.names[s.target]) // ['q', 'f']
 * p.code.op // [PUSH_NAME, PUSH_NAME, add, PUSH_NAME, PUSH_NAME, mul] (ops as OP_INDEX numbers)
 */
export function parse(source: string): Program {
  const tokens = tokenize(source);
  const parser = new Parser(tokens);
  const statements: Statement[] = [];
  const { kind } = tokens;
  let i = 0;
  while (i < tokens.count) {
    let end = i;
    while (!isSeparator(kind[end])) end++;
    if (end > i) statements.push(parser.statement(i, end));
    if (kind[end] === Tok.Eof) break;
    i = end + 1;
  }
  if (statements.length === 0) throw new ExpressionError('error.empty', { start: 0, end: 0 });
  return { source, statements, code: parser.code.finish(), names: parser.names };
}

/** Postfix code in arrays sized for the worst case: at most one instruction per token. */
class CodeBuffer {
  length = 0;
  readonly op: Int16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly arg: Float64Array;

  constructor(capacity: number) {
    this.op = new Int16Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.arg = new Float64Array(capacity);
  }

  /** Appends an instruction and returns its index. */
  push(op: number, start: number, end: number, arg: number): number {
    const i = this.length++;
    this.op[i] = op;
    this.start[i] = start;
    this.end[i] = end;
    this.arg[i] = arg;
    return i;
  }

  finish(): Code {
    const n = this.length;
    return {
      length: n,
      op: this.op.subarray(0, n),
      start: this.start.subarray(0, n),
      end: this.end.subarray(0, n),
      arg: this.arg.subarray(0, n),
    };
  }
}

class Parser {
  readonly names: string[] = [];
  readonly code: CodeBuffer;
  /** The function each name in `names` calls (`sin`), or null for a name that is not one. */
  private readonly functionOf: (Op | null)[] = [];
  /** Hash of each name in `names`, kept to grow `table`. */
  private readonly hashes: number[] = [];
  /** Open-addressing hash table of names: `1 + index` into `names`, 0 for an empty slot. */
  private table = new Int32Array(1024);
  /** Built only to report an error: finding lines as parsing goes is cheaper (`lineOf`). */
  private lineIndex?: LineIndex;
  private line = 1;
  private nextNewline: number;
  /**
   * The instruction index of each complete operand's root, innermost last. This and the pending
   * stack are empty between expressions: an expression that parses leaves exactly its root,
   * which it pops, and one that does not throws, ending the parse.
   */
  private readonly operands: number[] = [];
  /**
   * The pending stack: what each entry is, the token it was written as (for a call, the
   * function's name; its `(` is the next token), and for a call the commas seen so far.
   */
  private readonly pendingKind: Pending[] = [];
  private readonly pendingTok: number[] = [];
  private readonly pendingCommas: number[] = [];
  /** First token of the expression being parsed. */
  private from = 0;

  constructor(private readonly t: Tokens) {
    this.code = new CodeBuffer(t.count);
    this.nextNewline = t.source.indexOf('\n');
  }

  private get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.t.source));
  }

  /** 1-based line of `offset`. Statements come in source order, so each newline is passed once. */
  private lineOf(offset: number): number {
    while (this.nextNewline !== -1 && this.nextNewline < offset) {
      this.line++;
      this.nextNewline = this.t.source.indexOf('\n', this.nextNewline + 1);
    }
    return this.line;
  }

  private text(i: number): string {
    return this.t.source.slice(this.t.start[i], this.t.end[i]);
  }

  private span(i: number): Span {
    return { start: this.t.start[i], end: this.t.end[i] };
  }

  /**
   * The index in `names` of identifier token `i`. Names are hashed straight from the source and
   * compared in place, so a name written again (and in a large program most are) costs neither a
   * substring nor a map lookup: on 100,000-node programs this is a fifth of the parse.
   */
  private intern(i: number): number {
    const { source } = this.t;
    const start = this.t.start[i];
    const end = this.t.end[i];
    let hash = 0x811c9dc5; // FNV-1a
    let lowercase = true;
    let ascii = true;
    for (let j = start; j < end; j++) {
      const c = source.charCodeAt(j);
      hash = Math.imul(hash ^ c, 0x01000193);
      lowercase &&= c >= 97 && c <= 122;
      ascii &&= c < 128;
    }
    // `tốc` typed precomposed and `tốc` typed with combining marks (some Vietnamese keyboards)
    // look the same, so they are one name: names beyond ASCII are compared in NFC, as Python
    // compares them (in NFKC, which would also turn `ℓ` into `l`). Such a name is rare: it is
    // cut out and hashed again, off the ASCII path.
    const nfc = ascii ? '' : source.slice(start, end).normalize('NFC');
    if (!ascii) {
      hash = 0x811c9dc5;
      for (let j = 0; j < nfc.length; j++) hash = Math.imul(hash ^ nfc.charCodeAt(j), 0x01000193);
    }
    const mask = this.table.length - 1;
    let slot = hash & mask;
    for (let entry = this.table[slot]; entry !== 0; entry = this.table[slot]) {
      const known = this.names[entry - 1];
      if (
        this.hashes[entry - 1] === hash &&
        (ascii ? this.written(known, start, end) : known === nfc)
      ) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    const name = ascii ? source.slice(start, end) : nfc;
    const id = this.names.length;
    this.names.push(name);
    this.hashes.push(hash);
    const maybeFunction = lowercase || !LOWERCASE_FUNCTIONS;
    this.functionOf.push((maybeFunction && FUNCTIONS.get(name)) || null);
    this.table[slot] = id + 1;
    if (2 * this.names.length > this.table.length) this.growTable();
    return id;
  }

  /** Whether `source.slice(start, end)` is `name`, without making the slice. */
  private written(name: string, start: number, end: number): boolean {
    if (name.length !== end - start) return false;
    const { source } = this.t;
    for (let k = 0; k < name.length; k++) {
      if (name.charCodeAt(k) !== source.charCodeAt(start + k)) return false;
    }
    return true;
  }

  /** Doubles the hash table, keeping it at most half full so that probes stay short. */
  private growTable(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    this.hashes.forEach((hash, id) => {
      let slot = hash & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    });
    this.table = table;
  }

  /**
   * The value of number token `i`. A plain decimal of up to 15 digits is m / 10^k with m and
   * 10^k exact doubles, so one correctly rounded division gives exactly what `Number` would,
   * without cutting the text out of the source; anything else (an exponent, more digits) goes
   * to `Number`.
   */
  private numberAt(i: number): number {
    const { source } = this.t;
    const s = this.t.start[i];
    const e = this.t.end[i];
    let m = 0;
    let decimals = -1;
    if (e - s > 15) return Number(source.slice(s, e));
    for (let j = s; j < e; j++) {
      const c = source.charCodeAt(j);
      if (c === 46) decimals = 0;
      else if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        if (decimals >= 0) decimals++;
      } else return Number(source.slice(s, e));
    }
    return decimals > 0 ? m / POWERS_OF_TEN[decimals] : m;
  }

  /** The statement in tokens `from` … `to - 1` (`to` is its separator). */
  statement(from: number, to: number): Statement {
    const { kind, start, end } = this.t;
    const line = this.lineOf(start[from]);
    const codeFrom = this.code.length;
    let target = -1;
    let input = false;
    if (kind[from] === Tok.Ident && kind[from + 1] === Tok.Assign) {
      target = this.intern(from);
      const name = this.names[target];
      if (this.functionOf[target]) {
        throw new ExpressionError('error.reservedName', this.span(from), { name });
      }
      if (from + 2 === to) {
        throw new ExpressionError('error.missingRight', this.span(from + 1), { op: '=' });
      }
      // `x = -2`, `x = +2`, `x = 2` declare an input; its value is the literal the code pushes.
      // Declarations are most of the statements of a large program (one per weight), so they
      // skip the expression machinery, which would push the same single instruction.
      const n = to - from - 2;
      const sign = n === 2 ? kind[from + 2] : Tok.Plus;
      const oneSignOrNone = n === 1 || (n === 2 && (sign === Tok.Minus || sign === Tok.Plus));
      input = oneSignOrNone && kind[to - 1] === Tok.Num;
      if (input) {
        const value = this.numberAt(to - 1);
        this.code.push(PUSH_NUM, start[from + 2], end[to - 1], sign === Tok.Minus ? -value : value);
      } else {
        this.expression(from + 2, to);
      }
    } else {
      this.expression(from, to);
    }
    return {
      target,
      input,
      from: codeFrom,
      to: this.code.length,
      line,
      start: start[from],
      end: end[to - 1],
    };
  }

  private push(kind: Pending, tok: number): void {
    this.pendingKind.push(kind);
    this.pendingTok.push(tok);
    this.pendingCommas.push(0);
  }

  private pop(): void {
    this.pendingKind.pop();
    this.pendingTok.pop();
    this.pendingCommas.pop();
  }

  /** Kind of the innermost pending entry, or -1 if there is none. */
  private top(): Pending | -1 {
    const n = this.pendingKind.length;
    return n > 0 ? this.pendingKind[n - 1] : -1;
  }

  private topTok(): number {
    return this.pendingTok[this.pendingTok.length - 1];
  }

  /** Binding strength of the pending operator written as token `tok`. */
  private precedence(kind: Pending, tok: number): number {
    return kind === Pending.Unary ? UNARY_PREC : BINARY[this.t.kind[tok] as Tok]!.prec;
  }

  /** Emits the postfix code of the expression in tokens `from` … `to - 1`. */
  private expression(from: number, to: number): void {
    const { kind, start, end, afterNewline } = this.t;
    const { operands, code } = this;
    this.from = from;
    let expectOperand = true;

    for (let i = from; i <= to; i++) {
      const k = kind[i];
      if (expectOperand) {
        switch (k) {
          case Tok.Num:
            operands.push(code.push(PUSH_NUM, start[i], end[i], this.numberAt(i)));
            expectOperand = false;
            break;
          case Tok.Ident: {
            const id = this.intern(i);
            const fn = this.functionOf[id];
            if (kind[i + 1] === Tok.LParen) {
              if (!fn) throw notAFunction(this.names[id], this.span(i));
              this.push(Pending.Call, i);
              i++;
            } else if (fn) {
              throw new ExpressionError('error.functionNotCalled', this.span(i), {
                name: this.names[id],
              });
            } else {
              operands.push(code.push(PUSH_NAME, start[i], end[i], id));
              expectOperand = false;
            }
            break;
          }
          case Tok.LParen:
            this.push(Pending.Paren, i);
            break;
          case Tok.Minus:
          case Tok.Plus:
            this.push(Pending.Unary, i);
            break;
          case Tok.Star:
          case Tok.Slash:
          case Tok.Caret:
            throw new ExpressionError('error.missingLeft', this.span(i), { op: this.text(i) });
          case Tok.Assign:
            throw new ExpressionError('error.misplacedAssign', this.span(i));
          default:
            this.missingOperand(i);
        }
      } else {
        switch (k) {
          case Tok.Plus:
          case Tok.Minus:
          case Tok.Star:
          case Tok.Slash:
          case Tok.Caret: {
            const prec = BINARY[k]!.prec;
            const rightAssoc = k === Tok.Caret;
            for (let top = this.top(); top === Pending.Binary || top === Pending.Unary;) {
              const topPrec = this.precedence(top, this.topTok());
              if (topPrec > prec || (topPrec === prec && !rightAssoc)) this.reduce();
              else break;
              top = this.top();
            }
            this.push(Pending.Binary, i);
            expectOperand = true;
            break;
          }
          case Tok.RParen: {
            this.reduceOperators();
            const frame = this.top();
            if (frame === -1) throw new ExpressionError('error.unmatchedClose', this.span(i));
            const tok = this.topTok();
            if (frame === Pending.Call) {
              const spec = this.functionOf[this.intern(tok)]!;
              const argc = this.pendingCommas[this.pendingCommas.length - 1] + 1;
              if (argc !== spec.arity) {
                throw arityError(spec, this.text(tok), argc, { start: start[tok], end: end[i] });
              }
              // The arguments' code is already in place, in order: apply the function to them.
              for (let a = 0; a < argc; a++) operands.pop();
              operands.push(code.push(OP_INDEX[spec.name], start[tok], end[i], 0));
            } else {
              // Parentheses add no node; they widen the span of what they enclose.
              const inner = operands[operands.length - 1];
              code.start[inner] = start[tok];
              code.end[inner] = end[i];
            }
            this.pop();
            break;
          }
          case Tok.Comma: {
            this.reduceOperators();
            if (this.top() !== Pending.Call) this.misplacedComma(i);
            this.pendingCommas[this.pendingCommas.length - 1]++;
            expectOperand = true;
            break;
          }
          case Tok.Eof:
          case Tok.Semi:
          case Tok.Newline:
            this.reduceOperators();
            if (this.top() !== -1) this.unclosed(this.pendingKind.length - 1);
            break;
          case Tok.Assign:
            if (afterNewline[i]) this.unclosedBefore();
            throw new ExpressionError('error.misplacedAssign', this.span(i));
          default:
            // A value right after a value. If a newline was skipped between them because a `(`
            // was open, the statement was meant to end there: the `(` is what is missing a `)`.
            if (afterNewline[i]) this.unclosedBefore();
            throw new ExpressionError('error.missingOperator', this.span(i));
        }
      }
    }
    operands.pop();
  }

  /** Applies the innermost pending operator to its operands. */
  private reduce(): void {
    const { operands, code } = this;
    const kind = this.top();
    const tok = this.topTok();
    this.pop();
    if (kind === Pending.Binary) {
      const right = operands.pop()!;
      const left = operands.pop()!;
      const op = BINARY[this.t.kind[tok] as Tok]!.op;
      operands.push(code.push(OP_INDEX[op], code.start[left], code.end[right], 0));
    } else {
      const arg = operands[operands.length - 1];
      const start = this.t.start[tok];
      if (this.t.kind[tok] === Tok.Plus) {
        code.start[arg] = start;
      } else if (code.op[arg] === PUSH_NUM) {
        // `-2` is the constant -2, not negation applied to 2: one node, as a reader sees it.
        code.arg[arg] = -code.arg[arg];
        code.start[arg] = start;
      } else {
        operands[operands.length - 1] = code.push(OP_INDEX.neg, start, code.end[arg], 0);
      }
    }
  }

  private reduceOperators(): void {
    for (let top = this.top(); top === Pending.Binary || top === Pending.Unary; top = this.top()) {
      this.reduce();
    }
  }

  /** Position on the pending stack of the innermost `(` or `f(` still open, or -1. */
  private openFrame(): number {
    for (let k = this.pendingKind.length - 1; k >= 0; k--) {
      const kind = this.pendingKind[k];
      if (kind === Pending.Paren || kind === Pending.Call) return k;
    }
    return -1;
  }

  /** Reports the `(` of the frame at position `k` of the pending stack as never closed. */
  private unclosed(k: number): never {
    const tok = this.pendingTok[k];
    const open = this.span(this.pendingKind[k] === Pending.Call ? tok + 1 : tok);
    const { line, column } = this.lines.locate(open.start);
    const code = this.lines.lineCount > 1 ? 'error.unclosedParenAt' : 'error.unclosedParen';
    throw new ExpressionError(code, open, { line, column });
  }

  /** A token came after a newline skipped inside an open `(`: report that `(` if there is one. */
  private unclosedBefore(): void {
    const frame = this.openFrame();
    if (frame >= 0) this.unclosed(frame);
  }

  /**
   * A `,` that does not separate a call's arguments. Written straight between two numbers
   * (`x = 0,5`) it is the decimal comma of Vietnamese and much of Europe, so the message says so.
   * Inside a call the comma separates arguments (`max(0,5)`) and never reaches here.
   */
  private misplacedComma(i: number): never {
    const { kind, start, end, source } = this.t;
    if (
      kind[i - 1] === Tok.Num &&
      kind[i + 1] === Tok.Num &&
      end[i - 1] === start[i] &&
      start[i + 1] === end[i] &&
      /^\d+$/.test(this.text(i - 1)) &&
      isDigitCode(source.charCodeAt(end[i]))
    ) {
      const text = source.slice(start[i - 1], end[i + 1]);
      throw new ExpressionError('error.decimalComma', this.span(i), {
        text,
        fixed: text.replace(',', '.'),
      });
    }
    throw new ExpressionError('error.commaOutsideCall', this.span(i));
  }

  /** Something that cannot start an operand turned up where one was expected. */
  private missingOperand(i: number): never {
    const { kind, start, end } = this.t;
    const top = this.top();
    const prev = Math.max(this.from, i - 1);
    const k = kind[i];
    if (top !== -1 && kind[prev] === Tok.LParen && k === Tok.RParen) {
      if (top === Pending.Call) {
        const tok = this.topTok();
        const spec = this.functionOf[this.intern(tok)]!;
        throw arityError(spec, this.text(tok), 0, { start: start[tok], end: end[i] });
      }
      throw new ExpressionError('error.emptyParens', { start: start[prev], end: end[i] });
    }
    if ((top === Pending.Binary || top === Pending.Unary) && isOperator(kind[prev])) {
      const tok = this.topTok();
      throw new ExpressionError('error.missingRight', this.span(tok), { op: this.text(tok) });
    }
    const frame = this.openFrame();
    if (frame >= 0 && isSeparator(k)) this.unclosed(frame);
    if (frame < 0 && k === Tok.RParen) {
      throw new ExpressionError('error.unmatchedClose', this.span(i));
    }
    const token = k === Tok.Eof ? 'end' : k === Tok.Newline ? 'end of line' : this.text(i);
    throw new ExpressionError('error.expectedOperand', this.span(i), { token });
  }
}

function arityError(spec: Op, name: string, got: number, span: Span) {
  return new ExpressionError(spec.arity === 1 ? 'error.arity1' : 'error.arity2', span, {
    name,
    got,
  });
}

/** `foo(x)`: an unknown function, or a value written against `(` where `*` was meant. */
function notAFunction(name: string, span: Span): ExpressionError {
  const lower = name.toLowerCase();
  // Short names are too easily one or two edits from a function (`x` vs `exp`): allow fewer edits.
  const allowed = lower.length <= 3 ? 1 : 2;
  // `σ(z)` is how the notes write the sigmoid.
  const close =
    name === 'σ'
      ? 'sigmoid'
      : FUNCTION_NAMES.find((f) => f === lower || editDistance(f, lower) <= allowed);
  if (!close && /^[A-Za-z](_?[0-9A-Za-z])?$/.test(name)) {
    return new ExpressionError('error.notAFunction', span, { name });
  }
  const list = FUNCTION_NAMES.join(', ');
  return close
    ? new ExpressionError('error.unknownFunctionSuggest', span, { name, suggestion: close, list })
    : new ExpressionError('error.unknownFunction', span, { name, list });
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
