import { formatNumber, numberTex } from '../format';
import { OPS, type OpSpec } from '../ops';
import type { TensorEdge, TensorGraph, TensorNode } from './graph';
import type { TensorRun } from './run';
import type { Shape } from './types';

/**
 * One entry of a matrix gradient in index form: the scalar chain rule a student already knows,
 * read off the matrix rule. `∂L/∂W[2,3] = Σ_b X[b,2] · ∂L/∂Z[b,3] = 1·0.2 + 4·(−0.1) = −0.2`.
 *
 * For each op's backward rule (matmul on either side, elementwise ops with broadcasting, transpose,
 * sum and mean, softmax, cross-entropy) `edgeIndexForm` lists the terms whose sum is one entry of
 * the operand's share: each term a product of factors, each factor an entry of a value or of a
 * gradient (with where it lives, so a view can light the cell up) or a local derivative written
 * with those entries. The terms are computed from the run's own numbers, independently of the
 * op's VJP, so a test can hold one against the other.
 */

/** An entry of a node's value or of its gradient (∂L/∂node), by flat row-major index. */
export interface EntryRef {
  readonly node: number;
  readonly of: 'value' | 'grad';
  readonly at: number;
}

/** One factor of a term: an entry, a local derivative, or a constant (a mean's 1/n). */
export interface IndexFactor {
  /** The entry it is, when it is one entry (absent for a local derivative or a constant). */
  readonly ref?: EntryRef;
  readonly value: number;
  /** How it is written with indices from 1: `X[2,3]`, `∂L/∂Z[1,3]`, `1 - H[1,3]^2`. */
  readonly tex: string;
  readonly text: string;
}

/** One product of the sum. */
export interface IndexTerm {
  readonly factors: readonly IndexFactor[];
  /** The product of the factors' values. */
  readonly value: number;
  /** Every entry the term reads, local derivatives' operands included (what a view lights up). */
  readonly reads: readonly EntryRef[];
}

/** One edge's share of a gradient entry: operand `operand` of node `to`. */
export interface EdgeIndexForm {
  readonly edge: number;
  readonly to: number;
  readonly operand: number;
  /** The rule in index form, the summed index as a letter: `Σ_b X[b,2] · ∂L/∂Z[b,3]`. */
  readonly ruleTex: string;
  readonly ruleText: string;
  /** The letter summed over (`b` over rows, `j` over columns, `c` within a row), if any. */
  readonly sumOver: string | undefined;
  readonly terms: readonly IndexTerm[];
  /** Σ terms: this edge's share of the entry. */
  readonly sum: number;
}

/** A gradient entry of a node, as the sum of its edges' shares (one edge but at a fork). */
export interface IndexForm {
  readonly node: number;
  /** Flat row-major index of the entry. */
  readonly at: number;
  /** Its indices from 0: `[row, column]` of a matrix, `[i]` of a vector, `[]` of a scalar. */
  readonly index: readonly number[];
  /** `∂L/∂W[2,3]`. */
  readonly lhsTex: string;
  readonly lhsText: string;
  readonly parts: readonly EdgeIndexForm[];
  /** The output's own gradient entry (the seed), whose value is 1 and has no parts. */
  readonly seed: boolean;
  /** Σ over the parts' sums (1 for the seed): equal to the engine's gradient entry up to rounding. */
  readonly total: number;
  /** The entry as the engine computed it. */
  readonly engineValue: number;
}

/** Most terms written out one by one; beyond, the first few, `⋯`, and the last two. */
export const MAX_WRITTEN_TERMS = 8;

// ---------------------------------------------------------------------------------------------
// Indices and names

const rowsOf = (s: Shape) => (s.length === 2 ? s[0] : 1);
const colsOf = (s: Shape) => (s.length === 0 ? 1 : s[s.length - 1]);

/** Indices from 0 of a flat entry, in the node's own rank. */
export function indexOf(shape: Shape, at: number): number[] {
  if (shape.length === 0) return [];
  if (shape.length === 1) return [at];
  return [Math.floor(at / shape[1]), at % shape[1]];
}

/** `[2,3]` / `[3]` / `` for indices from 0 (a letter stays a letter). */
function indexText(idx: readonly (number | string)[]): string {
  if (idx.length === 0) return '';
  return `[${idx.map((i) => (typeof i === 'number' ? String(i + 1) : i)).join(',')}]`;
}

/**
 * An entry addressed by row and column in a 2-D view of the node: a vector's one index is its
 * column (a row vector) or, with `column`, its row (the right operand of `@`).
 */
function pick(shape: Shape, r: number | string, c: number | string, column = false) {
  if (shape.length === 0) return [];
  if (shape.length === 1) return [column ? r : c];
  return [r, c];
}

function flat(shape: Shape, r: number, c: number, column = false): number {
  if (shape.length === 0) return 0;
  if (shape.length === 1) return column ? r : c;
  return r * shape[1] + c;
}

/** How entries and gradients of a graph's nodes are written. */
class Names {
  readonly summed: boolean;
  constructor(readonly g: TensorGraph) {
    this.summed = g.nodes[g.output].shape.length > 0;
  }
  /** ∂L/∂(node), in LaTeX or text, as the trace writes it. */
  d(node: number, tex: boolean): string {
    const L = this.g.symbol(this.g.output);
    const x = this.g.symbol(node);
    if (!tex) return `∂${this.summed ? `sum(${L.text})` : L.text}/∂${x.text}`;
    const loss = this.summed ? `\\textstyle\\sum ${L.tex}` : L.tex;
    return `\\frac{\\partial ${loss}}{\\partial ${x.tex}}`;
  }
  entry(node: number, of: 'value' | 'grad', idx: readonly (number | string)[], tex: boolean) {
    const i = indexText(idx);
    if (of === 'grad')
      return tex ? `${this.d(node, true)}${texIndex(i)}` : `${this.d(node, false)}${i}`;
    const s = this.g.symbol(node);
    // Braced, so that a local derivative's `^{2}` or `\frac` takes the entry whole.
    return tex ? `{${s.tex}${texIndex(i)}}` : `${s.text}${i}`;
  }
}

/** `[b,2]` as the issue writes it (a subscript would clash with a name's own, `W_{1}`). */
const texIndex = (i: string) => (i ? `\\lbrack ${i.slice(1, -1)}\\rbrack ` : '');

// ---------------------------------------------------------------------------------------------
// Per-op rules

/** A factor before its numbers are known to be one: an entry, a local derivative, a constant. */
interface Access {
  readonly node: number;
  readonly of: 'value' | 'grad';
  readonly shape: Shape;
  readonly r: number;
  readonly c: number;
  readonly column?: boolean;
}

/** A rule's pattern factor: an entry with letters for summed indices, or a written derivative. */
type PatternFactor =
  | {
      readonly kind: 'entry';
      readonly node: number;
      readonly of: 'value' | 'grad';
      readonly idx: readonly (number | string)[];
    }
  | { readonly kind: 'local'; readonly tex: string; readonly text: string };

interface RuleTerms {
  readonly sumOver: string | undefined;
  readonly pattern: readonly PatternFactor[];
  readonly terms: readonly IndexTerm[];
}

interface Ctx {
  readonly g: TensorGraph;
  readonly run: TensorRun;
  readonly names: Names;
  readonly to: TensorNode;
  readonly operand: number;
}

const valueOf = (ctx: Ctx, node: number, of: 'value' | 'grad', at: number) => {
  const n = ctx.g.nodes[node];
  return (of === 'value' ? ctx.run.value : ctx.run.grad)[n.offset + at];
};

function entryFactor(ctx: Ctx, a: Access): IndexFactor {
  const at = flat(a.shape, a.r, a.c, a.column);
  const idx = pick(a.shape, a.r, a.c, a.column);
  return {
    ref: { node: a.node, of: a.of, at },
    value: valueOf(ctx, a.node, a.of, at),
    tex: ctx.names.entry(a.node, a.of, idx, true),
    text: ctx.names.entry(a.node, a.of, idx, false),
  };
}

/** An entry by its flat index. */
function entryAt(ctx: Ctx, node: number, of: 'value' | 'grad', at: number): IndexFactor {
  const idx = indexOf(ctx.g.nodes[node].shape, at);
  return {
    ref: { node, of, at },
    value: valueOf(ctx, node, of, at),
    tex: ctx.names.entry(node, of, idx, true),
    text: ctx.names.entry(node, of, idx, false),
  };
}

const constFactor = (value: number, tex: string, text: string): IndexFactor => ({
  value,
  tex,
  text,
});

function term(factors: IndexFactor[], extraReads: EntryRef[] = []): IndexTerm {
  let value = 1;
  for (const f of factors) value *= f.value;
  const reads: EntryRef[] = [];
  for (const f of factors) if (f.ref) reads.push(f.ref);
  reads.push(...extraReads);
  return { factors, value, reads };
}

const upstream = (ctx: Ctx, r: number, c: number, column = false): Access => ({
  node: ctx.to.id,
  of: 'grad',
  shape: ctx.to.shape,
  r,
  c,
  column,
});

const gradPattern = (ctx: Ctx, idx: (number | string)[]): PatternFactor => ({
  kind: 'entry',
  node: ctx.to.id,
  of: 'grad',
  idx,
});

const valuePattern = (node: number, idx: (number | string)[]): PatternFactor => ({
  kind: 'entry',
  node,
  of: 'value',
  idx,
});

/** dA = G·Bᵀ and dB = Aᵀ·G, entry by entry: `Σ_j G[r,j]·B[p,j]`, `Σ_b A[b,p]·G[b,j]`. */
function matmulTerms(ctx: Ctx, at: number): RuleTerms {
  const [ia, ib] = ctx.to.operands;
  const sa = ctx.g.nodes[ia].shape;
  const sb = ctx.g.nodes[ib].shape;
  const so = ctx.to.shape;
  const m = sa.length === 2 ? sa[0] : 1;
  const k = sa[sa.length - 1];
  const n = sb.length === 2 ? sb[1] : 1;
  // The output's 2-D view is m×n; a vector output is a column when B was (A a matrix).
  const outColumn = sb.length === 1 && sa.length === 2;
  const terms: IndexTerm[] = [];
  if (ctx.operand === 0) {
    const r = Math.floor(at / k);
    const p = at % k;
    for (let j = 0; j < n; j++) {
      terms.push(
        term([
          entryFactor(ctx, upstream(ctx, r, j, outColumn)),
          entryFactor(ctx, { node: ib, of: 'value', shape: sb, r: p, c: j, column: true }),
        ]),
      );
    }
    const letter = n > 1 ? 'j' : undefined;
    const J = letter ?? 0;
    return {
      sumOver: letter,
      pattern: [
        gradPattern(ctx, pick(so, r, J, outColumn)),
        valuePattern(ib, pick(sb, p, J, true)),
      ],
      terms,
    };
  }
  const p = sb.length === 2 ? Math.floor(at / n) : at;
  const j = sb.length === 2 ? at % n : 0;
  for (let r = 0; r < m; r++) {
    terms.push(
      term([
        entryFactor(ctx, { node: ia, of: 'value', shape: sa, r, c: p }),
        entryFactor(ctx, upstream(ctx, r, j, outColumn)),
      ]),
    );
  }
  const letter = m > 1 ? 'b' : undefined;
  const B = letter ?? 0;
  return {
    sumOver: letter,
    pattern: [valuePattern(ia, pick(sa, B, p)), gradPattern(ctx, pick(so, B, j, outColumn))],
    terms,
  };
}

/** The scalar op's own slope rule (see `tensor/ops.ts`): NaN where the op leaves its domain. */
function slope(op: OpSpec, i: number, a: number, b: number, out: number): number {
  return Number.isNaN(out) && !Number.isNaN(a) && !Number.isNaN(b) ? NaN : op.partial(i, a, b, out);
}

/** The scalar registry's entry behind an elementwise tensor op (same name). */
const scalarOp = (name: string): OpSpec => (OPS as Readonly<Record<string, OpSpec>>)[name];

/**
 * An elementwise op, broadcasting included: the upstream entry times the scalar op's local
 * derivative at that entry, summed over the output entries a stretched operand fed.
 */
function elementwiseTerms(ctx: Ctx, at: number): RuleTerms {
  const op = scalarOp(ctx.to.op!.name);
  const ids = ctx.to.operands;
  const shapes = ids.map((o) => ctx.g.nodes[o].shape);
  const so = ctx.to.shape;
  const R = rowsOf(so);
  const C = colsOf(so);
  const mine = shapes[ctx.operand];
  const mr = rowsOf(mine);
  const mc = colsOf(mine);
  const ri = Math.floor(at / mc);
  const ci = at % mc;
  const rowLetter = mr === 1 && R > 1 ? 'b' : undefined;
  const colLetter = mc === 1 && C > 1 ? 'j' : undefined;
  // The operands' entries feeding output entry (r, c), each in its own (maybe stretched) shape.
  const operandAt = (k: number, r: number | string, c: number | string) => {
    const s = shapes[k];
    const rr = rowsOf(s) === 1 ? 0 : r;
    const cc = colsOf(s) === 1 ? 0 : c;
    return { s, rr, cc };
  };
  const local = (r: number | string, c: number | string) => {
    const args = ids.map((id, k) => {
      const { s, rr, cc } = operandAt(k, r, c);
      const idx = pick(s, rr, cc);
      return {
        tex: ctx.names.entry(id, 'value', idx, true),
        text: ctx.names.entry(id, 'value', idx, false),
      };
    });
    const outIdx = pick(so, r, c);
    const outTex = ctx.names.entry(ctx.to.id, 'value', outIdx, true);
    const outText = ctx.names.entry(ctx.to.id, 'value', outIdx, false);
    return { args, outTex, outText };
  };
  const terms: IndexTerm[] = [];
  for (let r = 0; r < R; r++) {
    if (mr !== 1 && r !== ri) continue;
    for (let c = 0; c < C; c++) {
      if (mc !== 1 && c !== ci) continue;
      const xs = ids.map((id, k) => {
        const { s, rr, cc } = operandAt(k, r, c);
        const f = flat(s, rr as number, cc as number);
        return {
          ref: { node: id, of: 'value' as const, at: f },
          value: valueOf(ctx, id, 'value', f),
        };
      });
      const outAt = flat(so, r, c);
      const out = valueOf(ctx, ctx.to.id, 'value', outAt);
      const a = xs[0].value;
      const b = xs[1]?.value ?? 0;
      const point = { a, b, out };
      const w = local(r, c);
      const pTex = op.partialTex(
        ctx.operand,
        w.args.map((x) => x.tex),
        w.outTex,
        point,
      );
      const pText = op.partialText(
        ctx.operand,
        w.args.map((x) => x.text),
        w.outText,
        point,
      );
      const factors = [entryFactor(ctx, upstream(ctx, r, c))];
      const reads: EntryRef[] = [];
      if (pText !== '1') {
        factors.push(constFactor(slope(op, ctx.operand, a, b, out), pTex, pText));
        // The entries its local derivative is written with.
        xs.forEach((x, k) => {
          if (pText.includes(w.args[k].text)) reads.push(x.ref);
        });
        if (pText.includes(w.outText)) reads.push({ node: ctx.to.id, of: 'value', at: outAt });
      }
      terms.push(term(factors, reads));
    }
  }
  // The pattern: the same local derivative with the summed indices as letters.
  const R0 = rowLetter ?? ri;
  const C0 = colLetter ?? ci;
  const w = local(R0, C0);
  const pattern: PatternFactor[] = [gradPattern(ctx, pick(so, R0, C0))];
  if (terms[0]?.factors[1]) {
    // Written again with letters, at the first term's point (a kink's side is the same rule).
    const p0 = elementwisePoint(ctx, ri, ci, rowLetter !== undefined, colLetter !== undefined);
    pattern.push({
      kind: 'local',
      tex: op.partialTex(
        ctx.operand,
        w.args.map((x) => x.tex),
        w.outTex,
        p0,
      ),
      text: op.partialText(
        ctx.operand,
        w.args.map((x) => x.text),
        w.outText,
        p0,
      ),
    });
  }
  const letters = [rowLetter, colLetter].filter((x) => x !== undefined).join(',');
  return { sumOver: letters || undefined, pattern, terms };
}

/** The numbers at the first output entry an operand entry feeds: the point a pattern is written at. */
function elementwisePoint(
  ctx: Ctx,
  ri: number,
  ci: number,
  rowsSummed: boolean,
  colsSummed: boolean,
) {
  const so = ctx.to.shape;
  const r = rowsSummed ? 0 : Math.min(ri, rowsOf(so) - 1);
  const c = colsSummed ? 0 : Math.min(ci, colsOf(so) - 1);
  const ids = ctx.to.operands;
  const vals = ids.map((id) => {
    const s = ctx.g.nodes[id].shape;
    return valueOf(ctx, id, 'value', flat(s, rowsOf(s) === 1 ? 0 : r, colsOf(s) === 1 ? 0 : c));
  });
  return { a: vals[0], b: vals[1] ?? 0, out: valueOf(ctx, ctx.to.id, 'value', flat(so, r, c)) };
}

/** A transpose sends each entry back to its mirror: `∂L/∂A[i,j] = ∂L/∂Aᵀ[j,i]`. */
function transposeTerms(ctx: Ctx, at: number): RuleTerms {
  const sa = ctx.g.nodes[ctx.to.operands[0]].shape;
  if (sa.length < 2) return identityTerms(ctx, at);
  const [i, j] = indexOf(sa, at);
  const t = term([entryFactor(ctx, upstream(ctx, j, i))]);
  return { sumOver: undefined, pattern: [gradPattern(ctx, [j, i])], terms: [t] };
}

/** A sum hands every entry its output entry's gradient; a mean, over the count. */
function reductionTerms(ctx: Ctx, at: number): RuleTerms {
  const sa = ctx.g.nodes[ctx.to.operands[0]].shape;
  const attr = ctx.to.attr;
  const whole = attr === -1 || sa.length === 1;
  const [i, j] = sa.length === 2 ? indexOf(sa, at) : [0, at];
  const outAt = whole ? 0 : attr === 0 ? j : i;
  const factors = [entryAt(ctx, ctx.to.id, 'grad', outAt)];
  const pattern: PatternFactor[] = [gradPattern(ctx, indexOf(ctx.to.shape, outAt))];
  if (ctx.to.op!.name === 'mean') {
    const count = whole ? sa.reduce((p, d) => p * d, 1) : sa[attr];
    const f = constFactor(1 / count, `\\frac{1}{${count}}`, `1/${count}`);
    factors.push(f);
    pattern.push({ kind: 'local', tex: f.tex, text: f.text });
  }
  return { sumOver: undefined, pattern, terms: [term(factors)] };
}

/**
 * Softmax row by row: `∂L/∂A[r,j] = Σ_c ∂L/∂P[r,c] · P[r,c](δ_cj − P[r,j])`, the row's
 * Jacobian column applied entry by entry (the d×d Jacobian of seed 002's B2, one column of it).
 */
function softmaxTerms(ctx: Ctx, at: number): RuleTerms {
  const so = ctx.to.shape;
  const n = colsOf(so);
  const r = Math.floor(at / n);
  const j = at % n;
  const P = ctx.to.id;
  const names = ctx.names;
  const pj = valueOf(ctx, P, 'value', flat(so, r, j));
  const terms: IndexTerm[] = [];
  for (let c = 0; c < n; c++) {
    const pcAt = flat(so, r, c);
    const pc = valueOf(ctx, P, 'value', pcAt);
    const pcTex = names.entry(P, 'value', pick(so, r, c), true);
    const pcText = names.entry(P, 'value', pick(so, r, c), false);
    const pjTex = names.entry(P, 'value', pick(so, r, j), true);
    const pjText = names.entry(P, 'value', pick(so, r, j), false);
    const local =
      c === j
        ? constFactor(
            pc * (1 - pj),
            `${pcTex}\\left(1 - ${pjTex}\\right)`,
            `${pcText}(1 − ${pjText})`,
          )
        : constFactor(-pc * pj, `-${pcTex} ${pjTex}`, `−${pcText}·${pjText}`);
    const reads: EntryRef[] = [{ node: P, of: 'value', at: pcAt }];
    if (c !== j) reads.push({ node: P, of: 'value', at: flat(so, r, j) });
    terms.push(term([entryFactor(ctx, upstream(ctx, r, c)), local], reads));
  }
  const pcT = names.entry(P, 'value', pick(so, r, 'c'), true);
  const pjT = names.entry(P, 'value', pick(so, r, j), true);
  const pcX = names.entry(P, 'value', pick(so, r, 'c'), false);
  const pjX = names.entry(P, 'value', pick(so, r, j), false);
  return {
    sumOver: 'c',
    pattern: [
      gradPattern(ctx, pick(so, r, 'c')),
      {
        kind: 'local',
        tex: `${pcT}\\left(\\delta_{c${j + 1}} - ${pjT}\\right)`,
        text: `${pcX}(δ_c${j + 1} − ${pjX})`,
      },
    ],
    terms,
  };
}

/** Cross-entropy's scalar output: every entry's share is the loss's gradient times a local one. */
function crossentropyTerms(ctx: Ctx, at: number): RuleTerms {
  const [ip, iy] = ctx.to.operands;
  const sp = ctx.g.nodes[ip].shape;
  const N = rowsOf(sp);
  const idx = indexOf(sp, at);
  const p = valueOf(ctx, ip, 'value', at);
  const y = valueOf(ctx, iy, 'value', at);
  const names = ctx.names;
  const pTex = names.entry(ip, 'value', idx, true);
  const pText = names.entry(ip, 'value', idx, false);
  const yTex = names.entry(iy, 'value', idx, true);
  const yText = names.entry(iy, 'value', idx, false);
  const over = N > 1 ? `${N} ` : '';
  const overText = N > 1 ? `${N}·` : '';
  const local =
    ctx.operand === 0
      ? constFactor(
          -y / (N * p),
          `-\\frac{${yTex}}{${over}${pTex}}`,
          `−${yText}/(${overText}${pText})`,
        )
      : constFactor(-Math.log(p) / N, `-\\frac{\\log ${pTex}}{${N}}`, `−log(${pText})/${N}`);
  const reads: EntryRef[] = [{ node: ip, of: 'value', at }];
  if (ctx.operand === 0) reads.push({ node: iy, of: 'value', at });
  const g = entryFactor(ctx, upstream(ctx, 0, 0));
  return {
    sumOver: undefined,
    pattern: [gradPattern(ctx, []), { kind: 'local', tex: local.tex, text: local.text }],
    terms: [term([g, local], reads)],
  };
}

function identityTerms(ctx: Ctx, at: number): RuleTerms {
  const t = term([entryAt(ctx, ctx.to.id, 'grad', at)]);
  return { sumOver: undefined, pattern: [gradPattern(ctx, indexOf(ctx.to.shape, at))], terms: [t] };
}

function rulesFor(ctx: Ctx, at: number): RuleTerms {
  switch (ctx.to.op!.name) {
    case 'matmul':
      return matmulTerms(ctx, at);
    case 'transpose':
      return transposeTerms(ctx, at);
    case 'sum':
    case 'mean':
      return reductionTerms(ctx, at);
    case 'softmax':
      return softmaxTerms(ctx, at);
    case 'crossentropy':
      return crossentropyTerms(ctx, at);
    case 'id':
      return identityTerms(ctx, at);
    default:
      return elementwiseTerms(ctx, at);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

const atomTex = (v: number) => numberTex(v, { atom: true });
const atomText = (v: number) => {
  const s = formatNumber(v);
  return s.startsWith('-') || s.includes('e') ? `(${s})` : s;
};

function writePattern(ctx: Ctx, sumOver: string | undefined, pattern: readonly PatternFactor[]) {
  const tex = pattern
    .map((f) =>
      f.kind === 'entry' ? ctx.names.entry(f.node, f.of, f.idx, true) : `\\left(${f.tex}\\right)`,
    )
    .join(' \\cdot ');
  const text = pattern
    .map((f) => (f.kind === 'entry' ? ctx.names.entry(f.node, f.of, f.idx, false) : `(${f.text})`))
    .join(' · ');
  return {
    tex: sumOver ? `\\sum_{${sumOver}} ${tex}` : tex,
    text: sumOver ? `Σ_${sumOver} ${text}` : text,
  };
}

/**
 * Operand `edge.index` of `edge.to`'s share of entry `at` (flat, row-major) of its gradient, as
 * a sum of products of entries.
 *
 * @example
 * // Z = X @ W with X 2×3: W's share at [2,1] is Σ_b X[b,2] · ∂L/∂Z[b,1], two terms.
 * edgeIndexForm(g, run, g.gradEdges.find((e) => e.from === W)!, 2).terms.length // 2
 */
export function edgeIndexForm(
  g: TensorGraph,
  run: TensorRun,
  edge: TensorEdge,
  at: number,
): EdgeIndexForm {
  const ctx: Ctx = { g, run, names: new Names(g), to: g.nodes[edge.to], operand: edge.index };
  const { sumOver, pattern, terms } = rulesFor(ctx, at);
  const rule = writePattern(ctx, sumOver, pattern);
  let sum = 0;
  for (const t of terms) sum += t.value;
  return {
    edge: edge.id,
    to: edge.to,
    operand: edge.index,
    ruleTex: rule.tex,
    ruleText: rule.text,
    sumOver,
    terms,
    sum,
  };
}

/**
 * Entry `at` of ∂L/∂(node) in index form: one part per edge the node's gradient came back along
 * (two or more at a fork), each a sum of products; `total` adds them.
 *
 * @example
 * const a = analyzeTensor('X = [[1,2],[3,4]]\nW = [[1,0],[0,1]]\nL = sum(X @ W)');
 * const f = indexForm(a.graph, a.run, a.inputs[1].node, 1); // ∂L/∂W[1,2]
 * f.total // 4 (= X[1,1] + X[2,1]), f.engineValue // 4
 */
export function indexForm(g: TensorGraph, run: TensorRun, node: number, at: number): IndexForm {
  const n = g.nodes[node];
  const names = new Names(g);
  const index = indexOf(n.shape, at);
  const parts = g.gradEdges.filter((e) => e.from === node).map((e) => edgeIndexForm(g, run, e, at));
  const seed = node === g.output;
  let total = seed ? 1 : 0;
  for (const p of parts) total += p.sum;
  return {
    node,
    at,
    index,
    lhsTex: names.entry(node, 'grad', index, true),
    lhsText: names.entry(node, 'grad', index, false),
    parts,
    seed,
    total,
    engineValue: run.grad[n.offset + at],
  };
}

/** The terms of a sum written with their numbers, at most `MAX_WRITTEN_TERMS` of them. */
function numbersOf(terms: readonly IndexTerm[], tex: boolean): string {
  const one = (t: IndexTerm) =>
    t.factors.map((f) => (tex ? atomTex(f.value) : atomText(f.value))).join(tex ? ' \\cdot ' : '·');
  const shown =
    terms.length > MAX_WRITTEN_TERMS
      ? [
          ...terms.slice(0, MAX_WRITTEN_TERMS - 2).map(one),
          tex ? '\\cdots' : '…',
          ...terms.slice(-2).map(one),
        ]
      : terms.map(one);
  return shown.join(' + ');
}

/**
 * The whole entry written: `lhs = rule = numbers = total`, in LaTeX and in text. At a fork the
 * parts' rules and numbers are added (`+`) in the order the gradients arrived.
 */
export function writeIndexForm(f: IndexForm): { tex: string; text: string } {
  if (f.seed || f.parts.length === 0) {
    return {
      tex: `${f.lhsTex} = ${numberTex(f.total)}`,
      text: `${f.lhsText} = ${formatNumber(f.total)}`,
    };
  }
  const join = (xs: string[]) => xs.join(' + ');
  const wrap = (s: string, tex: boolean) =>
    f.parts.length > 1 ? (tex ? `\\left(${s}\\right)` : `(${s})`) : s;
  const ruleTex = join(f.parts.map((p) => wrap(p.ruleTex, true)));
  const ruleText = join(f.parts.map((p) => wrap(p.ruleText, false)));
  const numTex = join(f.parts.map((p) => wrap(numbersOf(p.terms, true), true)));
  const numText = join(f.parts.map((p) => wrap(numbersOf(p.terms, false), false)));
  const single =
    f.parts.length === 1 &&
    f.parts[0].terms.length === 1 &&
    f.parts[0].terms[0].factors.length === 1;
  return {
    tex: single
      ? `${f.lhsTex} = ${ruleTex} = ${numberTex(f.total)}`
      : `${f.lhsTex} = ${ruleTex} = ${numTex} = ${numberTex(f.total)}`,
    text: single
      ? `${f.lhsText} = ${ruleText} = ${formatNumber(f.total)}`
      : `${f.lhsText} = ${ruleText} = ${numText} = ${formatNumber(f.total)}`,
  };
}
