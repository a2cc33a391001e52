import { DEFAULT_DIGITS, formatNumber, numberTex } from './format';
import { NodeKind, type CompiledGraph } from './graph';
import type { Analysis } from './analysis';
import { TEX, TEXT, type Notation } from './tex';

/**
 * Sums over paths (seed 004, colah): ∂to/∂from is the sum, over every path from `from` to `to`,
 * of the product of the local derivatives along it. Counting the paths is cheap (one DP sweep);
 * listing them is not (a chain of k diamonds has 2^k), so only the first `limit` are listed.
 */
export interface PathInfo {
  /** Edge ids from `from` up to `to`. */
  readonly edges: readonly number[];
  /** Product of the edges' local derivatives. */
  readonly product: number;
  /** `\frac{\partial c}{\partial b} \cdot \frac{\partial e}{\partial c} = 1 \cdot 2 = 2` */
  readonly tex: string;
  readonly text: string;
}

export interface PathsResult {
  readonly from: number;
  readonly to: number;
  /** Exact number of paths, however large. */
  readonly count: bigint;
  /** The first `limit` paths, in operand order at every fork. */
  readonly paths: readonly PathInfo[];
  /** Sum of the listed paths' products. */
  readonly shownSum: number;
  /** Sum over all paths, by dynamic programming: ∂to/∂from. */
  readonly total: number;
  /**
   * Multiplications and additions the sum takes written out path by path: each path of L edges
   * takes L − 1 multiplications and the sum count − 1 additions, so (total length of all paths) − 1.
   */
  readonly expandedOps: bigint;
  /** Every edge that lies on some path, for the graph to highlight. */
  readonly edges: readonly number[];
  /** The nodes on some path. */
  readonly nodes: readonly number[];
  /** `\frac{\partial e}{\partial b} = 1 \cdot 2 + 1 \cdot 3 = 5` when every path is listed. */
  readonly sumTex?: string;
  readonly sumText?: string;
}

/** Nodes on some path from `from` to `to`: reachable from `from`, and reaching `to`. */
function between(g: CompiledGraph, from: number, to: number): Uint8Array {
  const down = new Uint8Array(g.nodeCount);
  down[from] = 1;
  for (let i = from + 1; i <= to; i++) {
    for (let e = g.inStart[i]; e < g.inStart[i + 1]; e++) {
      if (down[g.edgeFrom[e]]) {
        down[i] = 1;
        break;
      }
    }
  }
  const on = new Uint8Array(g.nodeCount);
  if (!down[to]) return on;
  on[to] = 1;
  // Ids are topological: a node's consumers have larger ids, so one sweep down from `to` is enough.
  for (let i = to; i >= from; i--) {
    if (!on[i]) continue;
    for (let e = g.inStart[i]; e < g.inStart[i + 1]; e++) {
      if (down[g.edgeFrom[e]]) on[g.edgeFrom[e]] = 1;
    }
  }
  return on;
}

/** The out-edges of `node` that stay on the paths. */
function pathEdges(g: CompiledGraph, on: Uint8Array, node: number): number[] {
  const list: number[] = [];
  for (let k = g.outStart[node]; k < g.outStart[node + 1]; k++) {
    const e = g.outEdges[k];
    if (on[g.edgeTo[e]]) list.push(e);
  }
  return list.sort((p, q) => p - q);
}

/**
 * Every path from input (or any node) `from` to `to` (default: the output), counted exactly and
 * listed up to `limit`.
 *
 * @example
 * const a = analyze('a = 2; b = 1\nc = a + b\nd = b + 1\ne = c * d');
 * enumeratePaths(a, b).count // 2n; products 1·2 and 1·3, total 5
 */
export function enumeratePaths(
  a: Analysis,
  from: number,
  to: number = a.compiled.output,
  limit = 8,
): PathsResult {
  const g = a.compiled;
  const local = a.backward.local;
  const on = from <= to ? between(g, from, to) : new Uint8Array(g.nodeCount);
  const count = new Map<number, bigint>();
  /** Sum of the lengths (in edges) of all paths from a node to `to`. */
  const length = new Map<number, bigint>();
  const total = new Float64Array(g.nodeCount);
  const nodes: number[] = [];
  const edges: number[] = [];
  if (on[to]) {
    count.set(to, 1n);
    length.set(to, 0n);
    total[to] = 1;
  }
  for (let i = to - 1; i >= from && on[to]; i--) {
    if (!on[i]) continue;
    let c = 0n;
    let len = 0n;
    let t = 0;
    for (const e of pathEdges(g, on, i)) {
      const below = count.get(g.edgeTo[e]) ?? 0n;
      c += below;
      len += below + (length.get(g.edgeTo[e]) ?? 0n);
      t += local[e] * total[g.edgeTo[e]];
      edges.push(e);
    }
    count.set(i, c);
    length.set(i, len);
    total[i] = t;
  }
  for (let i = from; i <= to; i++) if (on[i]) nodes.push(i);

  // Depth-first, in operand order, stopping after `limit` paths.
  const paths: PathInfo[] = [];
  if (on[to] && from !== to) {
    const stack: { node: number; next: number; outs: number[] }[] = [
      { node: from, next: 0, outs: pathEdges(g, on, from) },
    ];
    const trail: number[] = [];
    while (stack.length > 0 && paths.length < limit) {
      const top = stack[stack.length - 1];
      if (top.next >= top.outs.length) {
        stack.pop();
        trail.pop();
        continue;
      }
      const e = top.outs[top.next++];
      trail.push(e);
      const next = g.edgeTo[e];
      if (next === to) {
        paths.push(describePath(a, trail));
        trail.pop();
      } else stack.push({ node: next, next: 0, outs: pathEdges(g, on, next) });
    }
  }
  const shownSum = paths.reduce((s, p) => s + p.product, 0);
  const n = count.get(from) ?? 0n;
  const result: PathsResult = {
    from,
    to,
    count: from === to ? 1n : n,
    paths,
    shownSum,
    total: from === to ? 1 : total[from],
    expandedOps: n > 0n ? (length.get(from) ?? 0n) - 1n : 0n,
    edges: edges.sort((p, q) => p - q),
    nodes,
  };
  if (BigInt(paths.length) !== n || paths.length === 0) return result;
  return { ...result, ...sumForms(a, result) };
}

/** One path's factors, symbolic then numeric, and its product. */
function describePath(a: Analysis, trail: readonly number[]): PathInfo {
  const g = a.compiled;
  const local = a.backward.local;
  const product = trail.reduce((p, e) => p * local[e], 1);
  const form = (n: Notation) => {
    const sym = (node: number) => n.symbol(g.symbol(node));
    const symbolic = trail.map((e) => n.partial(sym(g.edgeTo[e]), sym(g.edgeFrom[e])));
    const numeric = trail.map((e) => num(n, local[e], true));
    return `${symbolic.join(n.times)} = ${numeric.join(n.times)} = ${num(n, product, false)}`;
  };
  return { edges: [...trail], product, tex: form(TEX), text: form(TEXT) };
}

function num(n: Notation, v: number, atom: boolean): string {
  return n === TEX ? numberTex(v, { atom }) : n.number(v, atom, DEFAULT_DIGITS);
}

/** `∂to/∂from = 1·2 + 1·3 = 5`: the whole sum, when every path is listed. */
function sumForms(a: Analysis, r: PathsResult) {
  const g = a.compiled;
  const local = a.backward.local;
  const form = (n: Notation) => {
    const terms = r.paths.map((p) => p.edges.map((e) => num(n, local[e], true)).join(n.times));
    const lhs = n.partial(n.symbol(g.symbol(r.to)), n.symbol(g.symbol(r.from)));
    return `${lhs} = ${terms.join(' + ')} = ${num(n, r.total, false)}`;
  };
  return { sumTex: form(TEX), sumText: form(TEXT) };
}

type Expr =
  | { readonly k: 'one' }
  | { readonly k: 'edge'; readonly e: number }
  | { readonly k: 'prod'; readonly parts: readonly Expr[] }
  | { readonly k: 'sum'; readonly parts: readonly Expr[] };

export interface FactoredForm {
  /** `\left(\alpha + \beta\right)\left(\gamma + \delta\right)` with ∂ fractions, and its numbers. */
  readonly symbolicTex: string;
  readonly numericTex: string;
  readonly text: string;
  readonly value: number;
  /** Local derivatives written in the factored form (each once, where the graph is series-parallel). */
  readonly factors: number;
  /** Multiplications and additions the factored form takes to evaluate. */
  readonly operations: number;
}

/** Factors beyond which the factored form is not written out (it would not fit a panel). */
const FACTOR_LIMIT = 48;

/**
 * The sum over paths with shared pieces pulled out (colah's "factoring paths"): wherever every
 * path from a node runs through a later node d (d post-dominates it), the sum splits into
 * (paths to d) × (paths from d on). A chain of k diamonds becomes a product of k two-term sums:
 * 2k factors in place of k·2^k. Where no node is shared, the form is the plain sum.
 *
 * Returns undefined when no path exists or the form would exceed `FACTOR_LIMIT` factors.
 *
 * @example
 * factoredPaths(analyze('x = 3; a = x * x; b = a * a'), 0)!.numericTex // '(3 + 3) \cdot (9 + 9)'
 */
export function factoredPaths(
  a: Analysis,
  from: number,
  to: number = a.compiled.output,
): FactoredForm | undefined {
  const g = a.compiled;
  if (from > to) return undefined;
  const on = between(g, from, to);
  if (!on[to] || from === to) return undefined;

  // Immediate post-dominators in the DAG of paths, by the usual intersection over successors,
  // in reverse topological order (descending ids).
  const ipdom = new Int32Array(g.nodeCount).fill(-1);
  const depth = new Int32Array(g.nodeCount);
  const meet = (p: number, q: number) => {
    while (p !== q) {
      while (depth[p] > depth[q]) p = ipdom[p];
      while (depth[q] > depth[p]) q = ipdom[q];
      if (p !== q) {
        p = ipdom[p];
        q = ipdom[q];
      }
    }
    return p;
  };
  for (let i = to - 1; i >= from; i--) {
    if (!on[i]) continue;
    let d = -1;
    for (const e of pathEdges(g, on, i)) d = d < 0 ? g.edgeTo[e] : meet(d, g.edgeTo[e]);
    ipdom[i] = d;
    depth[i] = depth[d] + 1;
  }

  let size = 0;
  const tooBig = new Error('too big');
  /** Sum of path products from n to d, where d post-dominates n. */
  const seg = (n: number, d: number): Expr => {
    if (n === d) return { k: 'one' };
    const p = ipdom[n];
    if (p !== d) return product([seg(n, p), seg(p, d)]);
    const terms = pathEdges(g, on, n).map((e) => {
      if (++size > FACTOR_LIMIT) throw tooBig;
      return product([{ k: 'edge', e } as Expr, seg(g.edgeTo[e], d)]);
    });
    return terms.length === 1 ? terms[0] : { k: 'sum', parts: terms };
  };
  let expr: Expr;
  try {
    expr = seg(from, to);
  } catch (e) {
    if (e === tooBig) return undefined;
    throw e;
  }
  const local = a.backward.local;
  const sym = (node: number, n: Notation) =>
    g.kind[node] === NodeKind.Const ? num(n, a.value[node], true) : n.symbol(g.symbol(node));
  const write = (x: Expr, n: Notation, numeric: boolean): string => {
    switch (x.k) {
      case 'one':
        return '1';
      case 'edge':
        return numeric
          ? num(n, local[x.e], true)
          : n.partial(sym(g.edgeTo[x.e], n), sym(g.edgeFrom[x.e], n));
      case 'sum':
        return x.parts.map((p) => write(p, n, numeric)).join(' + ');
      case 'prod':
        return x.parts
          .map((p) => {
            const s = write(p, n, numeric);
            if (p.k !== 'sum') return s;
            return n === TEX ? `\\left(${s}\\right)` : `(${s})`;
          })
          .join(n.times);
    }
  };
  const value = evaluate(expr, local);
  return {
    symbolicTex: write(expr, TEX, false),
    numericTex: write(expr, TEX, true),
    text: `${write(expr, TEXT, false)} = ${write(expr, TEXT, true)} = ${formatNumber(value)}`,
    value,
    factors: size,
    operations: countOps(expr),
  };
}

/** A product with `1`s dropped and nested products flattened. */
function product(parts: readonly Expr[]): Expr {
  const flat: Expr[] = [];
  for (const p of parts) {
    if (p.k === 'one') continue;
    if (p.k === 'prod') flat.push(...p.parts);
    else flat.push(p);
  }
  if (flat.length === 0) return { k: 'one' };
  return flat.length === 1 ? flat[0] : { k: 'prod', parts: flat };
}

function evaluate(x: Expr, local: Float64Array): number {
  switch (x.k) {
    case 'one':
      return 1;
    case 'edge':
      return local[x.e];
    case 'sum':
      return x.parts.reduce((s, p) => s + evaluate(p, local), 0);
    case 'prod':
      return x.parts.reduce((s, p) => s * evaluate(p, local), 1);
  }
}

function countOps(x: Expr): number {
  if (x.k === 'one' || x.k === 'edge') return 0;
  return x.parts.reduce((s, p) => s + countOps(p), x.parts.length - 1);
}
