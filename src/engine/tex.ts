import type { BackwardResult } from './backward';
import { DEFAULT_DIGITS, formatNumber, numberTex } from './format';
import { NodeKind, opOf, type CompiledGraph } from './graph';
import { OP_LIST, type OpSpec, type Point } from './ops';
import type { NodeSymbol } from './symbols';

/**
 * The formulas the formula panel, the inspector and the CLI show, each written once and rendered
 * in two notations: LaTeX for KaTeX, plain text for screen readers and terminals. Identifiers come
 * from `CompiledGraph.symbol`, which rebuilds ASCII names from [A-Za-z0-9_] and puts any other
 * name (`tốc_độ`: letters, marks, digits, `_` escaped) in `\text{}`, so the LaTeX is safe to hand
 * to KaTeX.
 */
export interface TexContext {
  readonly graph: CompiledGraph;
  readonly value: Float64Array;
  readonly backward: BackwardResult;
  /** Significant digits of the numbers shown. */
  readonly digits?: number;
}

export interface Notation {
  symbol(s: NodeSymbol): string;
  /** A number; `atom` puts a negative one in parentheses so it can stand as a factor. */
  number(v: number, atom: boolean, digits: number): string;
  partial(of: string, by: string): string;
  times: string;
  arrow: string;
  plusEquals: string;
  ellipsis: string;
  op(spec: OpSpec, args: readonly string[]): string;
  opPartial(spec: OpSpec, i: number, args: readonly string[], out: string, at: Point): string;
}

export const TEX: Notation = {
  symbol: (s) => s.tex,
  number: (v, atom, digits) => numberTex(v, { atom, digits }),
  partial: (of, by) => `\\frac{\\partial ${of}}{\\partial ${by}}`,
  times: ' \\cdot ',
  arrow: ' \\;\\longrightarrow\\; ',
  plusEquals: '\\mathrel{+}=',
  ellipsis: '\\cdots',
  op: (spec, args) => spec.tex(args),
  opPartial: (spec, i, args, out, at) => spec.partialTex(i, args, out, at),
};

export const TEXT: Notation = {
  symbol: (s) => s.text,
  number: (v, atom, digits) => {
    const t = formatNumber(v, digits);
    return atom && t.startsWith('-') ? `(${t})` : t;
  },
  partial: (of, by) => `∂${of}/∂${by}`,
  times: ' · ',
  arrow: ' → ',
  plusEquals: '+=',
  ellipsis: '…',
  op: (spec, args) => spec.text(args),
  opPartial: (spec, i, args, out, at) => spec.partialText(i, args, out, at),
};

/** Binds a context to a notation: the small vocabulary every formula below is written in. */
function words(c: TexContext, n: Notation) {
  const digits = c.digits ?? DEFAULT_DIGITS;
  const g = c.graph;
  return {
    sym: (node: number) =>
      g.kind[node] === NodeKind.Const && g.names[node] === undefined
        ? n.number(c.value[node], true, 12)
        : n.symbol(g.symbol(node)),
    atom: (v: number) => n.number(v, true, digits),
    plain: (v: number) => n.number(v, false, digits),
    operands: (node: number) => {
      const list: number[] = [];
      for (let e = g.inStart[node]; e < g.inStart[node + 1]; e++) list.push(g.edgeFrom[e]);
      return list;
    },
  };
}

/** `a = b = c`, dropping a part equal to the one before it (`x = 2 = 2` reads as `x = 2`). */
export function chain(parts: readonly string[]): string {
  return parts.filter((p, i) => i === 0 || p !== parts[i - 1]).join(' = ');
}

/** `\frac{\partial f}{\partial x}` */
export const partialTex = (of: string, by: string): string => TEX.partial(of, by);

/** The op of `node` written with its operands' symbols: `x + y`, `\sigma\left(a_{1}\right)`. */
export function definitionTex(c: TexContext, node: number, n: Notation = TEX): string {
  const w = words(c, n);
  return n.op(opOf(c.graph, node), w.operands(node).map(w.sym));
}

/** Forward evaluation of a node: `q = x + y = (-2) + 5 = 3`. */
export function forwardNodeTex(c: TexContext, node: number, n: Notation = TEX): string {
  const w = words(c, n);
  if (c.graph.kind[node] !== NodeKind.Op) return chain([w.sym(node), w.plain(c.value[node])]);
  const spec = opOf(c.graph, node);
  const args = w.operands(node);
  return chain([
    w.sym(node),
    n.op(spec, args.map(w.sym)),
    n.op(
      spec,
      args.map((o) => w.atom(c.value[o])),
    ),
    w.plain(c.value[node]),
  ]);
}

/** A value travelling along edge `e`: `x = -2 \longrightarrow q = x + y`. */
export function forwardEdgeTex(c: TexContext, e: number, n: Notation = TEX): string {
  const w = words(c, n);
  const from = c.graph.edgeFrom[e];
  const to = c.graph.edgeTo[e];
  const source = chain([w.sym(from), w.plain(c.value[from])]);
  return `${source}${n.arrow}${w.sym(to)} = ${definitionTex(c, to, n)}`;
}

/** ∂consumer/∂operand of edge `e`: symbolic (`z`), with numbers (`(-4)`), and its value. */
function localParts(c: TexContext, e: number, n: Notation) {
  const w = words(c, n);
  const to = c.graph.edgeTo[e];
  const i = e - c.graph.inStart[to];
  const spec = opOf(c.graph, to);
  const args = w.operands(to);
  const at = { a: c.value[args[0]], b: args.length > 1 ? c.value[args[1]] : 0, out: c.value[to] };
  const local = c.backward.local[e];
  const numeric = n.opPartial(
    spec,
    i,
    args.map((o) => w.atom(c.value[o])),
    w.atom(c.value[to]),
    at,
  );
  return {
    symbolic: n.opPartial(spec, i, args.map(w.sym), w.sym(to), at),
    // `(-4)` then `-4` says nothing twice: keep the numeric form only when it shows working.
    numeric: numeric === w.atom(local) ? w.plain(local) : numeric,
    value: w.plain(local),
  };
}

/**
 * The local derivative on edge `e`, symbolic, with numbers, and its value:
 * `\frac{\partial f}{\partial q} = z = -4`. Where it is not finite (log at −1, 1/y at y = 0) only
 * the symbolic form is written: `1/x = 1/(−1) = NaN` would be false arithmetic, and the panel says
 * in words why there is no number.
 */
export function localTex(c: TexContext, e: number, n: Notation = TEX): string {
  const w = words(c, n);
  const { symbolic, numeric, value } = localParts(c, e, n);
  const head = n.partial(w.sym(c.graph.edgeTo[e]), w.sym(c.graph.edgeFrom[e]));
  if (!Number.isFinite(c.backward.local[e])) return chain([head, symbolic]);
  return chain([head, symbolic, numeric, value]);
}

/**
 * The local derivative on edge `e` written with names only, no numbers: `\frac{\partial f}{\partial q} = z`.
 * What practice mode's hint shows without giving the number away.
 */
export function localSymbolicTex(c: TexContext, e: number, n: Notation = TEX): string {
  const w = words(c, n);
  const head = n.partial(w.sym(c.graph.edgeTo[e]), w.sym(c.graph.edgeFrom[e]));
  return chain([head, localParts(c, e, n).symbolic]);
}

/** One typeset piece of a formula; `node` is the graph node it names, for a hover link. */
export interface FormulaPiece {
  readonly tex: string;
  readonly node?: number;
}

/**
 * A formula as segments: `segments[0] rel segments[1] = segments[2] = …`. Each segment is a run of
 * pieces written side by side, so a view can typeset the pieces apart (to link a factor to its
 * node) and break lines only between segments, at the relations.
 */
export interface FormulaChain {
  readonly segments: readonly (readonly FormulaPiece[])[];
  /** The relation after the first segment: `=`, or `+=` for one share of a sum. */
  readonly rel: string;
}

/** The chain as one string: `a += b = c`. */
export function joinChain(ch: FormulaChain): string {
  const text = ch.segments.map((seg) => seg.map((p) => p.tex).join(''));
  return text.length < 2 ? (text[0] ?? '') : `${text[0]} ${ch.rel} ${text.slice(1).join(' = ')}`;
}

/**
 * One chain-rule factor travelling back along edge `e`, as segments with each factor linked to
 * its node: `∂f/∂x = ∂f/∂q · ∂q/∂x = (-4) · 1 = -4`. `\mathrel{+}=` replaces `=` where the operand
 * has several consumers and this is one share. Out of the output itself the upstream factor is 1,
 * so the step is the local derivative alone. Where the local derivative is not finite, the
 * numbers are left out (see `localTex`).
 */
export function backwardEdgeChain(
  c: TexContext,
  e: number,
  shared: boolean,
  n: Notation = TEX,
): FormulaChain {
  const w = words(c, n);
  const { output } = c.graph;
  const from = c.graph.edgeFrom[e];
  const to = c.graph.edgeTo[e];
  const f = w.sym(output);
  const finite = Number.isFinite(c.backward.local[e]);
  const lhs: FormulaPiece[] = [{ tex: n.partial(f, w.sym(from)), node: from }];
  const contribution: FormulaPiece[] = [{ tex: w.plain(c.backward.contribution[e]), node: from }];
  let rest: FormulaPiece[][];
  if (to === output) {
    const { symbolic, numeric } = localParts(c, e, n);
    rest = finite
      ? [[{ tex: symbolic, node: to }], [{ tex: numeric }], contribution]
      : [[{ tex: symbolic, node: to }]];
  } else {
    const factors: FormulaPiece[] = [
      { tex: n.partial(f, w.sym(to)), node: to },
      { tex: n.times },
      { tex: n.partial(w.sym(to), w.sym(from)), node: to },
    ];
    rest = finite
      ? [
          factors,
          [
            { tex: w.atom(c.backward.grad[to]), node: to },
            { tex: n.times },
            { tex: w.atom(c.backward.local[e]) },
          ],
          contribution,
        ]
      : [factors];
  }
  // As `chain`: a part equal to the one before it says nothing new.
  const key = (seg: readonly FormulaPiece[]) => seg.map((p) => p.tex).join('');
  const kept = rest.filter((seg, i) => i === 0 || key(seg) !== key(rest[i - 1]));
  return { segments: [lhs, ...kept], rel: shared ? n.plusEquals : '=' };
}

/**
 * One chain-rule factor travelling back along edge `e`:
 * `\frac{\partial f}{\partial x} = \frac{\partial f}{\partial q} \cdot \frac{\partial q}{\partial x} = (-4) \cdot 1 = -4`.
 */
export function backwardEdgeTex(
  c: TexContext,
  e: number,
  shared: boolean,
  n: Notation = TEX,
): string {
  return joinChain(backwardEdgeChain(c, e, shared, n));
}

/**
 * The running sum at a fork after some of its shares have arrived:
 * `\frac{\partial e}{\partial b} = 2 + 3 = 5`, or `= 2 + \cdots` while shares are still to come.
 */
export function forkSumTex(
  c: TexContext,
  node: number,
  arrived: readonly number[],
  total: number,
  n: Notation = TEX,
): string {
  const w = words(c, n);
  const terms = arrived.map((e, k) =>
    k === 0 ? w.plain(c.backward.contribution[e]) : w.atom(c.backward.contribution[e]),
  );
  const shown = terms.length > 6 ? [...terms.slice(0, 3), n.ellipsis, ...terms.slice(-2)] : terms;
  const lhs = n.partial(w.sym(c.graph.output), w.sym(node));
  if (arrived.length < total) return `${lhs} = ${[...shown, n.ellipsis].join(' + ')}`;
  return chain([
    lhs,
    shown.join(' + '),
    w.plain(c.backward.runningSum[arrived[arrived.length - 1]]),
  ]);
}

/** The seed of the backward pass: `\frac{\partial f}{\partial f} = 1`. */
export function seedTex(c: TexContext, n: Notation = TEX): string {
  const f = words(c, n).sym(c.graph.output);
  return `${n.partial(f, f)} = 1`;
}

/**
 * The expression that defines `node`, written out down to inputs, constants and named
 * intermediates, with exactly the parentheses the structure needs: `(x + y) \cdot z`.
 * Iterative, so a deeply nested program prints without exhausting the call stack.
 */
export function expressionTex(g: CompiledGraph, node: number): string {
  const stop = (i: number) => i !== node && (g.kind[i] !== NodeKind.Op || g.names[i] !== undefined);
  const done = new Map<number, { tex: string; prec: number }>();
  const stack: number[] = [node];
  while (stack.length > 0) {
    const i = stack[stack.length - 1];
    if (done.has(i)) {
      stack.pop();
      continue;
    }
    if (stop(i) || g.kind[i] !== NodeKind.Op) {
      done.set(i, { tex: g.symbol(i).tex, prec: 5 });
      stack.pop();
      continue;
    }
    const args: number[] = [];
    for (let e = g.inStart[i]; e < g.inStart[i + 1]; e++) args.push(g.edgeFrom[e]);
    const pending = args.filter((a) => !done.has(a));
    if (pending.length > 0) {
      stack.push(...pending.reverse());
      continue;
    }
    const spec = OP_LIST[g.op[i]];
    const parts = args.map((a, k) => {
      const d = done.get(a)!;
      return d.prec < spec.operandPrec[k] ? `\\left(${d.tex}\\right)` : d.tex;
    });
    done.set(i, { tex: spec.tex(parts), prec: spec.texPrec });
    stack.pop();
  }
  return done.get(node)!.tex;
}
