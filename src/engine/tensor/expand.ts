import { OPS, type OpSpec } from '../ops';
import type { TensorGraph, TensorNode } from './graph';
import type { TensorRun } from './run';
import { shapeText, type Shape } from './types';

/**
 * "Expand to scalars" (issue 15, point 6): one tensor op written as the scalar program it
 * stands for, every multiply and add, so it can be stepped like `(x+y)*z`. The operands' entries
 * become inputs holding the matrix program's current numbers; each entry of the result is a
 * statement (`Z_12 = X_11*W_12 + X_12*W_22 + X_13*W_32`); the last line weights the result's
 * entries by the gradient the matrix program sent back to it (`L = 0.42*Z_11 + …`), so every
 * gradient the scalar program computes is the one the matrix step computed.
 */

/** Largest rows and columns of an operand or result that expands. */
export const EXPAND_MAX = 3;

export type ExpandCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'tooBig'; readonly name: string; readonly shape: string }
  | { readonly ok: false; readonly reason: 'unsupported' | 'notOp' };

const rowsOf = (s: Shape) => (s.length === 2 ? s[0] : 1);
const colsOf = (s: Shape) => (s.length === 0 ? 1 : s[s.length - 1]);
const small = (s: Shape) => rowsOf(s) <= EXPAND_MAX && colsOf(s) <= EXPAND_MAX;

const SUPPORTED = new Set([
  'matmul',
  'transpose',
  'sum',
  'mean',
  'softmax',
  'crossentropy',
  'id',
  ...['add', 'sub', 'mul', 'div', 'pow', 'max', 'min'],
  ...['neg', 'exp', 'log', 'sqrt', 'sin', 'cos', 'tan', 'tanh', 'sigmoid', 'softplus', 'relu'],
  'abs',
]);

/** Whether node `id` expands, or why not (the first operand or result over 3×3 is named). */
export function canExpand(g: TensorGraph, id: number): ExpandCheck {
  const n = g.nodes[id];
  if (!n || n.kind !== 'op') return { ok: false, reason: 'notOp' };
  if (!SUPPORTED.has(n.op!.name)) return { ok: false, reason: 'unsupported' };
  for (const k of [...n.operands, n.id]) {
    const m = g.nodes[k];
    if (!small(m.shape))
      return { ok: false, reason: 'tooBig', name: g.symbol(k).text, shape: shapeText(m.shape) };
  }
  return { ok: true };
}

/** A number as a program literal: six significant digits, no `-0`, no exponent for small ones. */
function literal(v: number): string {
  if (!Number.isFinite(v)) return '0';
  const r = Number(v.toPrecision(6));
  if (r === 0) return '0';
  const s = String(r);
  return s.includes('e') ? r.toFixed(12).replace(/\.?0+$/, '') : s;
}

/**
 * The scalar program of op `id` with the run's numbers, or null when it does not expand
 * (`canExpand` says why).
 *
 * @example
 * // X 1×2, W 2×1, Z = X @ W:
 * // X_11 = 1; X_12 = 2
 * // W_11 = 3
 * // W_21 = 4
 * // Z_11 = X_11*W_11 + X_12*W_21
 * // L = 1*Z_11
 */
export function expandToScalars(g: TensorGraph, run: TensorRun, id: number): string | null {
  if (!canExpand(g, id).ok) return null;
  const n = g.nodes[id];
  const names = new Names(g, run);
  const lines: string[] = [];
  // Operand entries as inputs, one line per row, each operand once (`A @ A` shares them).
  const declared = new Set<number>();
  for (const o of n.operands) {
    if (declared.has(o) || g.nodes[o].kind === 'const') continue;
    declared.add(o);
    const m = g.nodes[o];
    const R = rowsOf(m.shape);
    const C = colsOf(m.shape);
    for (let r = 0; r < R; r++) {
      const row: string[] = [];
      for (let c = 0; c < C; c++) {
        row.push(`${names.entry(m, r, c)} = ${literal(run.value[m.offset + r * C + c])}`);
      }
      lines.push(row.join('; '));
    }
  }
  const body = entries(n, g, names);
  lines.push(...body);
  // The output: the matrix program's own loss if this op is it, else the result weighted by
  // the gradient it received, whose gradients are the matrix step's.
  const out = n.id === g.output;
  const R = rowsOf(n.shape);
  const C = colsOf(n.shape);
  const terms: string[] = [];
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const e = names.entry(n, r, c);
      const w = out ? 1 : run.grad[n.offset + r * C + c];
      terms.push(w === 1 ? e : `${literal(w)}*${e}`);
    }
  // `a - 2*Z_12`, not `a + -2*Z_12`.
  const sum = terms.reduce((acc, t) =>
    t.startsWith('-') ? `${acc} - ${t.slice(1)}` : `${acc} + ${t}`,
  );
  if (!(out && n.shape.length === 0)) lines.push(`${names.loss()} = ${sum}`);
  return lines.join('\n');
}

/** Scalar names of the entries: `X_12` (row 1, column 2), `b_3`, a scalar keeps its name. */
class Names {
  constructor(
    readonly g: TensorGraph,
    readonly run: TensorRun,
  ) {}
  base(n: TensorNode): string {
    return this.g.symbol(n.id).name;
  }
  entry(n: TensorNode, r: number, c: number): string {
    // A constant (`2 * A`) is written as its number, as the matrix program wrote it.
    if (n.kind === 'const') {
      const v =
        this.run.value[
          n.offset + (n.shape.length === 2 ? r * n.shape[1] : n.shape.length === 1 ? c : 0)
        ];
      return v < 0 ? `(${literal(v)})` : literal(v);
    }
    const b = this.base(n);
    if (n.shape.length === 0) return b;
    if (n.shape.length === 1) return `${b}_${c + 1}`;
    return `${b}_${r + 1}${c + 1}`;
  }
  /** The matrix program's loss name: the last line stands in for the rest of it. */
  loss(): string {
    return this.base(this.g.nodes[this.g.output]);
  }
}

/** Each entry of the result as a statement of the scalar program. */
function entries(n: TensorNode, g: TensorGraph, names: Names): string[] {
  const op = n.op!;
  const ops = n.operands.map((o) => g.nodes[o]);
  const R = rowsOf(n.shape);
  const C = colsOf(n.shape);
  const lines: string[] = [];
  const set = (r: number, c: number, expr: string) =>
    lines.push(`${names.entry(n, r, c)} = ${expr}`);
  /** Operand k's entry feeding output (r, c), broadcast as numpy does. */
  const at = (k: number, r: number, c: number) => {
    const m = ops[k];
    return names.entry(m, rowsOf(m.shape) === 1 ? 0 : r, colsOf(m.shape) === 1 ? 0 : c);
  };
  switch (op.name) {
    case 'matmul': {
      const [A, B] = ops;
      const k = A.shape[A.shape.length - 1];
      const bColumn = B.shape.length === 1;
      // Output entry t: a row of A times a column of B (a vector result is A's rows, or B's columns).
      for (let t = 0; t < R * C; t++) {
        const [i, j] =
          A.shape.length === 2 && bColumn
            ? [t, 0]
            : A.shape.length === 1
              ? [0, t]
              : [Math.floor(t / C), t % C];
        const products = Array.from({ length: k }, (_, p) => {
          const a = names.entry(A, i, p);
          const b = bColumn ? names.entry(B, 0, p) : names.entry(B, p, j);
          return `${a}*${b}`;
        });
        set(Math.floor(t / C), t % C, products.join(' + '));
      }
      return lines;
    }
    case 'transpose':
      for (let r = 0; r < R; r++)
        for (let c = 0; c < C; c++)
          set(
            r,
            c,
            ops[0].shape.length === 2 ? names.entry(ops[0], c, r) : names.entry(ops[0], r, c),
          );
      return lines;
    case 'id':
      for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) set(r, c, at(0, r, c));
      return lines;
    case 'sum':
    case 'mean': {
      const A = ops[0];
      const AR = rowsOf(A.shape);
      const AC = colsOf(A.shape);
      const whole = n.attr === -1 || A.shape.length === 1;
      const write = (items: string[]) =>
        op.name === 'sum' ? items.join(' + ') : `(${items.join(' + ')}) / ${items.length}`;
      const all = (pick: (i: number, j: number) => boolean) => {
        const items: string[] = [];
        for (let i = 0; i < AR; i++)
          for (let j = 0; j < AC; j++) if (pick(i, j)) items.push(names.entry(A, i, j));
        return write(items);
      };
      if (whole)
        set(
          0,
          0,
          all(() => true),
        );
      else if (n.attr === 0)
        for (let c = 0; c < C; c++)
          set(
            0,
            c,
            all((_, j) => j === c),
          );
      else
        for (let c = 0; c < C; c++)
          set(
            0,
            c,
            all((i) => i === c),
          );
      return lines;
    }
    case 'softmax': {
      const A = ops[0];
      const base = names.base(n);
      for (let r = 0; r < R; r++) {
        const e = (c: number) => (R > 1 ? `${base}_e${r + 1}${c + 1}` : `${base}_e${c + 1}`);
        for (let c = 0; c < C; c++) lines.push(`${e(c)} = exp(${names.entry(A, r, c)})`);
        const total = R > 1 ? `${base}_s${r + 1}` : `${base}_s`;
        lines.push(`${total} = ${Array.from({ length: C }, (_, c) => e(c)).join(' + ')}`);
        for (let c = 0; c < C; c++) set(r, c, `${e(c)} / ${total}`);
      }
      return lines;
    }
    case 'crossentropy': {
      const [P, Y] = ops;
      const PR = rowsOf(P.shape);
      const PC = colsOf(P.shape);
      const items: string[] = [];
      for (let i = 0; i < PR; i++)
        for (let j = 0; j < PC; j++)
          items.push(`${names.entry(Y, i, j)}*log(${names.entry(P, i, j)})`);
      set(0, 0, `-(${items.join(' + ')})${PR > 1 ? ` / ${PR}` : ''}`);
      return lines;
    }
    default: {
      const spec = (OPS as Readonly<Record<string, OpSpec>>)[op.name];
      // Arithmetic as a person writes it with names for operands; functions as the registry does.
      const infix: Readonly<Record<string, string>> = {
        add: ' + ',
        sub: ' - ',
        mul: '*',
        div: ' / ',
        pow: '^',
      };
      for (let r = 0; r < R; r++)
        for (let c = 0; c < C; c++) {
          const args = ops.map((_, k) => at(k, r, c));
          const expr =
            op.name in infix
              ? args.join(infix[op.name])
              : op.name === 'neg'
                ? `-${args[0]}`
                : spec.source(args);
          set(r, c, expr);
        }
      return lines;
    }
  }
}
