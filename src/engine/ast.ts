import type { Span } from './errors';
import type { OpName } from './ops';

/** An expression as written. Every node keeps the span of its source text (parentheses included). */
export type Expr = NumberLiteral | NameRef | Apply;

export interface NumberLiteral extends Span {
  readonly type: 'num';
  readonly value: number;
}

export interface NameRef extends Span {
  readonly type: 'name';
  readonly name: string;
}

/** An operator or function applied to its operands, in order: `x - y` is sub(x, y). */
export interface Apply extends Span {
  readonly type: 'apply';
  readonly op: OpName;
  readonly args: readonly Expr[];
  /** Where the operator symbol or function name is written, for pointing at it. */
  readonly opSpan: Span;
}

export interface Statement extends Span {
  /** `name = …`: the name being defined, or undefined for a bare expression. */
  readonly target?: { readonly name: string } & Span;
  /** `name = <signed number literal>` declares an input with that value. */
  readonly input?: { readonly value: number };
  readonly expr: Expr;
  /** 1-based line of the statement's first character. */
  readonly line: number;
}

export interface Program {
  readonly source: string;
  readonly statements: readonly Statement[];
}

/** Mutable view used by the parser while it widens a span to take in parentheses. */
export type Spanned = { start: number; end: number };
