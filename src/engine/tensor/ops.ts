import type { MessageKey, MessageParams } from '../messages';
import { OP_INDEX, OP_LIST, OPS, type Note, type OpName, type OpSpec } from '../ops';
import { shapeText, sizeOf, type Shape } from './types';

/**
 * The tensor op registry: each entry knows its shape rule, its forward computation and its
 * vector–Jacobian product for each operand, and how to write both. Adding a tensor op is adding
 * one entry here (and its function name in `CALLS` if a program calls it by name).
 *
 * Elementwise ops are not written twice: `elementwise(OPS.tanh)` lifts the scalar registry's
 * entry (its `evaluate` and `partial`) to tensors with numpy broadcasting, so every scalar function
 * works on vectors and matrices with the same rule and the same kinks.
 *
 * A VJP never builds a Jacobian: it maps the upstream gradient `g` (the output's shape) to the
 * operand's share (the operand's shape) directly, e.g. softmax's is `P ⊙ (g − rowsum(g ⊙ P))`
 * instead of the N×d×d Jacobian of seed 002's B2.
 */

/** An operand as shape inference sees it: its shape and how the reader wrote it. */
export interface Operand {
  readonly shape: Shape;
  readonly text: string;
}

/** Throws the op's shape error, located on the operator or call by the caller. */
export type Fail = (code: MessageKey, params: MessageParams) => never;

export type Notation = 'tex' | 'text';

export interface TensorOp {
  readonly name: string;
  readonly arity: 1 | 2;
  /** What a graph draws in the node. */
  readonly symbol: string;
  /** The output's shape for these operands (`attr` is the axis of a reduction, -1 for none). */
  shape(ins: readonly Operand[], attr: number, fail: Fail): Shape;
  /** Writes the output into `out` (which has the output's size). */
  forward(x: readonly Float64Array[], sh: readonly Shape[], out: Float64Array, attr: number): void;
  /**
   * Writes into `dst` (operand i's size, overwritten) the VJP gᵀ·∂out/∂xᵢ: operand i's share of
   * the gradient, given the upstream gradient `g` (the output's size).
   */
  vjp(
    i: number,
    g: Float64Array,
    x: readonly Float64Array[],
    sh: readonly Shape[],
    out: Float64Array,
    outShape: Shape,
    attr: number,
    dst: Float64Array,
  ): void;
  /** The op applied to operands already written (symbols), in LaTeX or plain text. */
  write(n: Notation, args: readonly string[], attr: number): string;
  /**
   * The VJP's rule for operand i, written with the operands' symbols, the upstream gradient `g`
   * and the output's symbol `out`: `g \cdot W^\top`.
   */
  vjpRule(
    n: Notation,
    i: number,
    args: readonly string[],
    g: string,
    out: string,
    sh: readonly Shape[],
    outShape: Shape,
  ): string;
  /** The rule's shapes as arithmetic reads them: `3×4 = 3×5 · 5×4` for a matrix product. */
  vjpShapes(i: number, sh: readonly Shape[], outShape: Shape): string;
  /**
   * A note on the value, as the scalar ops give (log of a negative entry, a relu at its kink): the
   * first entry that has one. Asked when a node's notes are read, not on every run.
   */
  diagnose?(x: readonly Float64Array[], sh: readonly Shape[], out: Float64Array): Note | undefined;
}

/** The scalar registry's diagnosis (kinks included) of op `name`, applied entry by entry. */
function diagnosis(name: string): TensorOp['diagnose'] {
  const d = OP_LIST[OP_INDEX[name as OpName]].diagnose;
  if (!d) return undefined;
  return (x, sh, out) => {
    const [a, b] = x;
    const s = sh.length === 2 ? broadcastShape(sh[0], sh[1])! : sh[0];
    const R = rowsOf(s);
    const C = colsOf(s);
    const [ar, ac] = [rowsOf(sh[0]), colsOf(sh[0])];
    const [br, bc] = sh.length === 2 ? [rowsOf(sh[1]), colsOf(sh[1])] : [1, 1];
    for (let r = 0, k = 0; r < R; r++) {
      for (let c = 0; c < C; c++, k++) {
        const va = a[(ar === 1 ? 0 : r * ac) + (ac === 1 ? 0 : c)];
        const vb = b ? b[(br === 1 ? 0 : r * bc) + (bc === 1 ? 0 : c)] : 0;
        if (!Number.isFinite(va) || !Number.isFinite(vb)) continue;
        const note = d(va, vb, out[k]);
        if (note) return note;
      }
    }
    return undefined;
  };
}

const sup = (n: Notation, a: string) => (n === 'tex' ? `${a}^{\\top}` : `${a}ᵀ`);
const dot = (n: Notation) => (n === 'tex' ? ' \\cdot ' : ' · ');
const had = (n: Notation) => (n === 'tex' ? ' \\odot ' : ' ⊙ ');
const T = (s: Shape): Shape => (s.length === 2 ? [s[1], s[0]] : s);

/** Rows and columns of a shape as a 2-D view: a vector is a 1×n row, a scalar 1×1. */
const rowsOf = (s: Shape) => (s.length === 2 ? s[0] : 1);
const colsOf = (s: Shape) => (s.length === 0 ? 1 : s[s.length - 1]);

/** numpy's broadcast of two shapes of rank ≤ 2, or null when a dimension pair clashes. */
export function broadcastShape(a: Shape, b: Shape): Shape | null {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let k = 0; k < rank; k++) {
    const da = a[a.length - rank + k] ?? 1;
    const db = b[b.length - rank + k] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return null;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** The axes of `s` that a broadcast to `out` stretched (or added), for a reader: `axis 0`. */
function stretched(s: Shape, out: Shape): boolean {
  return sizeOf(s) !== sizeOf(out);
}

/**
 * The scalar engine's slope rule: where the op itself leaves its domain (log of a negative
 * number) its slope is undefined too; where it merely received a NaN its own slope still holds.
 */
function slope(partial: OpSpec['partial'], i: number, a: number, b: number, out: number): number {
  return Number.isNaN(out) && !Number.isNaN(a) && !Number.isNaN(b) ? NaN : partial(i, a, b, out);
}

/** An elementwise binary op from the scalar registry, with broadcasting. */
function elementwise2(op: OpSpec, name: string): TensorOp {
  return {
    name,
    diagnose: diagnosis(op.name),
    arity: 2,
    symbol: op.symbol,
    shape([a, b], _attr, fail) {
      const s = broadcastShape(a.shape, b.shape);
      if (!s) {
        return fail('tensor.broadcast', {
          op:
            op.symbol === '×' ? '*' : op.symbol === '÷' ? '/' : op.symbol === '−' ? '-' : op.symbol,
          a: a.text,
          aShape: shapeText(a.shape),
          b: b.text,
          bShape: shapeText(b.shape),
        });
      }
      return s;
    },
    forward([a, b], [sa, sb], out) {
      const { evaluate } = op;
      if (a.length === out.length && b.length === out.length) {
        for (let k = 0; k < out.length; k++) out[k] = evaluate(a[k], b[k]);
        return;
      }
      const s = broadcastShape(sa, sb)!;
      const R = rowsOf(s);
      const C = colsOf(s);
      const [ar, ac, br, bc] = [rowsOf(sa), colsOf(sa), rowsOf(sb), colsOf(sb)];
      for (let r = 0, k = 0; r < R; r++) {
        const ai = ar === 1 ? 0 : r * ac;
        const bi = br === 1 ? 0 : r * bc;
        for (let c = 0; c < C; c++, k++) {
          out[k] = evaluate(a[ai + (ac === 1 ? 0 : c)], b[bi + (bc === 1 ? 0 : c)]);
        }
      }
    },
    vjp(i, g, [a, b], [sa, sb], out, s, _attr, dst) {
      const { partial } = op;
      if (a.length === out.length && b.length === out.length) {
        for (let k = 0; k < out.length; k++) dst[k] = g[k] * slope(partial, i, a[k], b[k], out[k]);
        return;
      }
      // A broadcast operand was used many times: its share is the sum over the copies.
      dst.fill(0);
      const R = rowsOf(s);
      const C = colsOf(s);
      const [ar, ac, br, bc] = [rowsOf(sa), colsOf(sa), rowsOf(sb), colsOf(sb)];
      const [mr, mc] = i === 0 ? [ar, ac] : [br, bc];
      for (let r = 0, k = 0; r < R; r++) {
        const ai = ar === 1 ? 0 : r * ac;
        const bi = br === 1 ? 0 : r * bc;
        const di = mr === 1 ? 0 : r * mc;
        for (let c = 0; c < C; c++, k++) {
          const x = a[ai + (ac === 1 ? 0 : c)];
          const y = b[bi + (bc === 1 ? 0 : c)];
          dst[di + (mc === 1 ? 0 : c)] += g[k] * slope(partial, i, x, y, out[k]);
        }
      }
    },
    write: (n, args) => (n === 'tex' ? op.tex(args) : op.text(args)),
    vjpRule(n, i, args, g, out, sh, outShape) {
      const point = { a: 0, b: 1, out: 0 };
      const p =
        n === 'tex' ? op.partialTex(i, args, out, point) : op.partialText(i, args, out, point);
      const local = p === '1' ? g : p === '-1' ? `-${g}` : `${g}${had(n)}(${p})`;
      return stretched(sh[i], outShape) ? reduceTo(n, local, sh[i], outShape) : local;
    },
    vjpShapes: (i, sh, outShape) =>
      stretched(sh[i], outShape)
        ? `${shapeText(sh[i])} = sum of ${shapeText(outShape)}`
        : shapeText(sh[i]),
  };
}

/** "summed over the broadcast axes", written. */
function reduceTo(n: Notation, term: string, s: Shape, out: Shape): string {
  const what = s.length === 0 ? 'all' : rowsOf(s) === 1 && rowsOf(out) > 1 ? 'rows' : 'columns';
  return n === 'tex'
    ? `\\textstyle\\sum_{\\text{${what}}} \\left(${term}\\right)`
    : `sum over ${what} of (${term})`;
}

function elementwise1(op: OpSpec, name: string): TensorOp {
  return {
    name,
    diagnose: diagnosis(op.name),
    arity: 1,
    symbol: op.symbol,
    shape: ([a]) => a.shape,
    forward([a], _sh, out) {
      const { evaluate } = op;
      for (let k = 0; k < out.length; k++) out[k] = evaluate(a[k], 0);
    },
    vjp(_i, g, [a], _sh, out, _s, _attr, dst) {
      const { partial } = op;
      for (let k = 0; k < out.length; k++) dst[k] = g[k] * slope(partial, 0, a[k], 0, out[k]);
    },
    write: (n, args) => (n === 'tex' ? op.tex(args) : op.text(args)),
    vjpRule(n, _i, args, g, out) {
      const point = { a: 1, b: 0, out: 0 };
      const p =
        n === 'tex' ? op.partialTex(0, args, out, point) : op.partialText(0, args, out, point);
      return p === '1' ? g : p === '-1' ? `-${g}` : `${g}${had(n)}(${p})`;
    },
    vjpShapes: (i, sh) => shapeText(sh[i]),
  };
}

/** m, k, n of a product whose operands are vectors or matrices (a vector is a row on the left, a column on the right). */
function mkn(sa: Shape, sb: Shape): [number, number, number] {
  return [sa.length === 2 ? sa[0] : 1, sa[sa.length - 1], sb.length === 2 ? sb[1] : 1];
}

/**
 * out += A·B (m×k by k×n), or out += Aᵀ·B when `transposeA` (A is then m×k and out k×n, B m×n).
 * Four rows of B at a time, so each entry of `out` is loaded and stored a quarter as often: the
 * loop is bound by memory traffic, not arithmetic.
 */
function gemmAcc(
  A: Float64Array,
  B: Float64Array,
  out: Float64Array,
  m: number,
  k: number,
  n: number,
  transposeA: boolean,
): void {
  // Plain: out row i gathers Σ_p A[i,p]·B row p. Transposed: out row p gathers Σ_i A[i,p]·B row i.
  const rows = transposeA ? k : m;
  const inner = transposeA ? m : k;
  for (let i = 0; i < rows; i++) {
    const o = i * n;
    let p = 0;
    for (; p + 3 < inner; p += 4) {
      const a0 = transposeA ? A[p * k + i] : A[i * k + p];
      const a1 = transposeA ? A[(p + 1) * k + i] : A[i * k + p + 1];
      const a2 = transposeA ? A[(p + 2) * k + i] : A[i * k + p + 2];
      const a3 = transposeA ? A[(p + 3) * k + i] : A[i * k + p + 3];
      const b0 = p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        out[o + j] += a0 * B[b0 + j] + a1 * B[b1 + j] + (a2 * B[b2 + j] + a3 * B[b3 + j]);
      }
    }
    for (; p < inner; p++) {
      const a = transposeA ? A[p * k + i] : A[i * k + p];
      const b = p * n;
      for (let j = 0; j < n; j++) out[o + j] += a * B[b + j];
    }
  }
}

const matmul: TensorOp = {
  name: 'matmul',
  arity: 2,
  symbol: '@',
  shape([a, b], _attr, fail) {
    for (const x of [a, b]) {
      if (x.shape.length === 0) fail('tensor.matmulScalar', { a: x.text });
    }
    const ka = a.shape[a.shape.length - 1];
    const kb = b.shape[0];
    if (ka !== kb) {
      fail('tensor.matmul', {
        a: a.text,
        aShape: shapeText(a.shape),
        b: b.text,
        bShape: shapeText(b.shape),
      });
    }
    const out: number[] = [];
    if (a.shape.length === 2) out.push(a.shape[0]);
    if (b.shape.length === 2) out.push(b.shape[1]);
    return out;
  },
  forward([A, B], [sa, sb], out) {
    const [m, k, n] = mkn(sa, sb);
    out.fill(0);
    gemmAcc(A, B, out, m, k, n, false);
  },
  vjp(i, G, [A, B], [sa, sb], _out, _s, _attr, dst) {
    const [m, k, n] = mkn(sa, sb);
    if (i === 0 && m * n * k < 4096) {
      // dA = G · Bᵀ for a small product: dot products of rows, nothing allocated.
      for (let r = 0; r < m; r++) {
        for (let p = 0; p < k; p++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += G[r * n + j] * B[p * n + j];
          dst[r * k + p] = s;
        }
      }
    } else if (i === 0) {
      // dA = G · Bᵀ: (m×n)(n×k). Bᵀ is written out (k·n entries, few next to m·k·n products)
      // so that the product runs in the same row-by-row kernel as the forward pass.
      const BT = new Float64Array(n * k);
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) BT[j * k + p] = B[p * n + j];
      dst.fill(0);
      gemmAcc(G, BT, dst, m, n, k, false);
    } else {
      // dB = Aᵀ · G: (k×m)(m×n).
      dst.fill(0);
      gemmAcc(A, G, dst, m, k, n, true);
    }
  },
  write: (n, [a, b]) => (n === 'tex' ? `${a} ${b}` : `${a} @ ${b}`),
  vjpRule: (n, i, [a, b], g) =>
    i === 0 ? `${g}${dot(n)}${sup(n, b)}` : `${sup(n, a)}${dot(n)}${g}`,
  vjpShapes(i, [sa, sb], s) {
    return i === 0
      ? `${shapeText(sa)} = ${shapeText(s)} · ${shapeText(T(sb))}`
      : `${shapeText(sb)} = ${shapeText(T(sa))} · ${shapeText(s)}`;
  },
};

const transpose: TensorOp = {
  name: 'transpose',
  arity: 1,
  symbol: 'ᵀ',
  shape: ([a]) => T(a.shape),
  forward([a], [sa], out) {
    if (sa.length < 2) return void out.set(a);
    const [m, n] = sa;
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = a[i * n + j];
  },
  vjp(_i, g, _x, [sa], _out, _s, _attr, dst) {
    if (sa.length < 2) return void dst.set(g);
    const [m, n] = sa;
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) dst[i * n + j] = g[j * m + i];
  },
  write: (n, [a]) => sup(n, a),
  vjpRule: (n, _i, _args, g) => sup(n, g),
  vjpShapes: (_i, [sa]) => shapeText(sa),
};

/** The axis a reduction's `attr` names, checked against the operand; -1 reduces everything. */
function reduceShape(name: string, [a]: readonly Operand[], attr: number, fail: Fail): Shape {
  if (attr === -1) return [];
  const rank = a.shape.length;
  if (attr >= rank) {
    fail('tensor.badAxis', {
      name,
      a: a.text,
      aShape: shapeText(a.shape),
      axis: attr,
      rank,
    });
  }
  return a.shape.filter((_, k) => k !== attr);
}

/** Sum (scale 1) or mean (scale 1/count) along `attr`. */
function reduction(name: 'sum' | 'mean'): TensorOp {
  const scaleOf = (s: Shape, attr: number) =>
    name === 'sum' ? 1 : 1 / (attr === -1 ? sizeOf(s) : s[attr]);
  return {
    name,
    arity: 1,
    symbol: name === 'sum' ? 'Σ' : 'mean',
    shape: (ins, attr, fail) => reduceShape(name, ins, attr, fail),
    forward([a], [sa], out, attr) {
      const scale = scaleOf(sa, attr);
      out.fill(0);
      if (attr === -1 || sa.length === 1) {
        let s = 0;
        for (let k = 0; k < a.length; k++) s += a[k];
        out[0] = s * scale;
        return;
      }
      const [m, n] = sa;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) out[attr === 0 ? j : i] += a[i * n + j];
      }
      if (scale !== 1) for (let k = 0; k < out.length; k++) out[k] *= scale;
    },
    vjp(_i, g, _x, [sa], _out, _s, attr, dst) {
      const scale = scaleOf(sa, attr);
      if (attr === -1 || sa.length === 1) return void dst.fill(g[0] * scale);
      const [m, n] = sa;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) dst[i * n + j] = g[attr === 0 ? j : i] * scale;
      }
    },
    write(n, [a], attr) {
      const axis = attr === -1 ? '' : `, ${attr}`;
      if (n === 'text') return `${name}(${a}${axis})`;
      return name === 'sum'
        ? `\\textstyle\\sum${attr === -1 ? '' : `_{${attr}}`} ${a}`
        : `\\operatorname{mean}${attr === -1 ? '' : `_{${attr}}`}\\left(${a}\\right)`;
    },
    vjpRule(n, _i, _args, g, _out, [sa], s) {
      // Each entry of the operand receives its own output entry's gradient, over the count for a mean.
      const spread =
        n === 'tex'
          ? `\\mathbf{1}_{${shapeText(sa).replace(/×/g, '{\\times}')}}`
          : `1(${shapeText(sa)})`;
      const count = name === 'mean' ? ` / ${sizeOf(sa) / sizeOf(s)}` : '';
      return `${spread}${dot(n)}${g}${count}`;
    },
    vjpShapes: (i, sh, s) => `${shapeText(sh[i])} ← ${shapeText(s)} spread back`,
  };
}

const softmax: TensorOp = {
  name: 'softmax',
  arity: 1,
  symbol: 'softmax',
  shape: ([a]) => a.shape,
  forward([a], [sa], out) {
    const n = colsOf(sa);
    for (let o = 0; o < a.length; o += n) {
      let max = -Infinity;
      for (let j = 0; j < n; j++) max = Math.max(max, a[o + j]);
      let s = 0;
      for (let j = 0; j < n; j++) s += out[o + j] = Math.exp(a[o + j] - max);
      for (let j = 0; j < n; j++) out[o + j] /= s;
    }
  },
  vjp(_i, g, _x, [sa], P, _s, _attr, dst) {
    // Row by row: dA = P ⊙ (g − Σⱼ gⱼPⱼ), the Jacobian P(I − Pᵀ) applied without building it.
    const n = colsOf(sa);
    for (let o = 0; o < P.length; o += n) {
      let s = 0;
      for (let j = 0; j < n; j++) s += g[o + j] * P[o + j];
      for (let j = 0; j < n; j++) dst[o + j] = P[o + j] * (g[o + j] - s);
    }
  },
  write: (n, [a]) => (n === 'tex' ? `\\operatorname{softmax}\\left(${a}\\right)` : `softmax(${a})`),
  vjpRule: (n, _i, _args, g, out) =>
    n === 'tex'
      ? `${out} \\odot \\left(${g} - \\textstyle\\sum_{\\text{row}} ${g} \\odot ${out}\\right)`
      : `${out} ⊙ (${g} - rowsum(${g} ⊙ ${out}))`,
  vjpShapes: (i, sh) => shapeText(sh[i]),
};

/** −(1/N)·Σ Y log P over N rows, or −Σ y log p for vectors. */
const crossentropy: TensorOp = {
  name: 'crossentropy',
  diagnose([P, Y]) {
    for (let k = 0; k < P.length; k++) {
      if (P[k] < 0) return { code: 'diag.logNegative', kind: 'domain' };
      if (P[k] === 0 && Y[k] !== 0) return { code: 'diag.logZero', kind: 'domain' };
    }
    return undefined;
  },
  arity: 2,
  symbol: 'CE',
  shape([p, y], _attr, fail) {
    const same = p.shape.length === y.shape.length && p.shape.every((d, k) => d === y.shape[k]);
    if (!same || p.shape.length === 0) {
      fail('tensor.crossentropy', {
        a: p.text,
        aShape: shapeText(p.shape),
        b: y.text,
        bShape: shapeText(y.shape),
      });
    }
    return [];
  },
  forward([P, Y], [sp], out) {
    const N = rowsOf(sp);
    let s = 0;
    for (let k = 0; k < P.length; k++) if (Y[k] !== 0) s += Y[k] * Math.log(P[k]);
    out[0] = -s / N;
  },
  vjp(i, g, [P, Y], [sp], _out, _s, _attr, dst) {
    const c = -g[0] / rowsOf(sp);
    if (i === 0) for (let k = 0; k < P.length; k++) dst[k] = (c * Y[k]) / P[k];
    else for (let k = 0; k < P.length; k++) dst[k] = c * Math.log(P[k]);
  },
  write: (n, [p, y]) =>
    n === 'tex' ? `\\operatorname{CE}\\left(${p}, ${y}\\right)` : `crossentropy(${p}, ${y})`,
  vjpRule(n, i, [p, y], g, _out, [sp]) {
    const N = rowsOf(sp) === 1 ? '' : `N`;
    if (n === 'tex') {
      const over = N ? `\\frac{${g}}{N}` : g;
      return i === 0 ? `-${over} \\cdot \\frac{${y}}{${p}}` : `-${over} \\cdot \\log ${p}`;
    }
    const over = N ? `${g}/N` : g;
    return i === 0 ? `-${over} · ${y} / ${p}` : `-${over} · log(${p})`;
  },
  vjpShapes: (i, sh) => shapeText(sh[i]),
};

const id: TensorOp = {
  name: 'id',
  arity: 1,
  symbol: '=',
  shape: ([a]) => a.shape,
  forward: ([a], _sh, out) => out.set(a),
  vjp: (_i, g, _x, _sh, _out, _s, _attr, dst) => dst.set(g),
  write: (_n, [a]) => a,
  vjpRule: (_n, _i, _args, g) => g,
  vjpShapes: (i, sh) => shapeText(sh[i]),
};

/** Every tensor op, by name. Elementwise ones come from the scalar registry. */
export const TENSOR_OPS: Readonly<Record<string, TensorOp>> = {
  add: elementwise2(OPS.add, 'add'),
  sub: elementwise2(OPS.sub, 'sub'),
  mul: elementwise2(OPS.mul, 'mul'),
  div: elementwise2(OPS.div, 'div'),
  pow: elementwise2(OPS.pow, 'pow'),
  max: elementwise2(OPS.max, 'max'),
  min: elementwise2(OPS.min, 'min'),
  neg: elementwise1(OPS.neg, 'neg'),
  exp: elementwise1(OPS.exp, 'exp'),
  log: elementwise1(OPS.log, 'log'),
  sqrt: elementwise1(OPS.sqrt, 'sqrt'),
  sin: elementwise1(OPS.sin, 'sin'),
  cos: elementwise1(OPS.cos, 'cos'),
  tan: elementwise1(OPS.tan, 'tan'),
  tanh: elementwise1(OPS.tanh, 'tanh'),
  sigmoid: elementwise1(OPS.sigmoid, 'sigmoid'),
  softplus: elementwise1(OPS.softplus, 'softplus'),
  relu: elementwise1(OPS.relu, 'relu'),
  abs: elementwise1(OPS.abs, 'abs'),
  matmul,
  transpose,
  sum: reduction('sum'),
  mean: reduction('mean'),
  softmax,
  crossentropy,
  id,
};

/**
 * Function names a program calls, with the op and how many arguments it takes: the scalar
 * functions, the tensor ones, and the numpy spellings (`np.` is stripped before the lookup,
 * `np.maximum` is `max`, `np.dot` is `@`).
 */
export const CALLS: ReadonlyMap<string, { op: string; min: number; max: number }> = new Map([
  ...['exp', 'log', 'sqrt', 'sin', 'cos', 'tan', 'tanh', 'sigmoid', 'softplus', 'relu', 'abs'].map(
    (f) => [f, { op: f, min: 1, max: 1 }] as const,
  ),
  ['ln', { op: 'log', min: 1, max: 1 }],
  ['max', { op: 'max', min: 2, max: 2 }],
  ['min', { op: 'min', min: 2, max: 2 }],
  ['pow', { op: 'pow', min: 2, max: 2 }],
  ['maximum', { op: 'max', min: 2, max: 2 }],
  ['minimum', { op: 'min', min: 2, max: 2 }],
  ['power', { op: 'pow', min: 2, max: 2 }],
  ['dot', { op: 'matmul', min: 2, max: 2 }],
  ['matmul', { op: 'matmul', min: 2, max: 2 }],
  ['transpose', { op: 'transpose', min: 1, max: 1 }],
  ['sum', { op: 'sum', min: 1, max: 2 }],
  ['mean', { op: 'mean', min: 1, max: 2 }],
  ['softmax', { op: 'softmax', min: 1, max: 1 }],
  ['crossentropy', { op: 'crossentropy', min: 2, max: 2 }],
]);

/** Functions that make an input's starting value: `W = randn(3, 4)`. */
export const CREATORS: ReadonlySet<string> = new Set([
  'randn',
  'zeros',
  'ones',
  // cs231n's spiral data (issue 15): 2-D points of k arms and their classes, one-hot.
  'spiral_points',
  'spiral_labels',
]);
