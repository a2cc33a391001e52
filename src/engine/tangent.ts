import { DEFAULT_DIGITS, numberTex } from './format';
import { NodeKind, opOf, type CompiledGraph } from './graph';
import type { Analysis } from './analysis';
import { lazyArray } from './lazy';
import { chain, TEX, type Notation } from './tex';
import { LazyFormulaStep, NEVER, type Step } from './trace';

/**
 * Forward-mode differentiation with respect to one input x (seed 004, colah's "forward-mode
 * differentiation from b up"): every node's tangent ṅ = ∂n/∂x is computed in one sweep over the
 * topological order, from the operands' tangents and the edges' local derivatives, which the
 * analysis already holds (`backward.local`): nothing is derived twice.
 *
 * The steps continue the forward value steps of the analysis: step indices start at
 * `analysis.trace.forwardCount`, where reverse mode would place its seed.
 */
export interface TangentTrace {
  /** The input node the derivatives are taken with respect to. */
  readonly wrt: number;
  readonly wrtName: string;
  /** ∂node/∂x for every node; 0 where the node does not depend on x. */
  readonly tangent: Float64Array;
  /** 1 where the node depends on x: the only nodes a forward pass from x has to touch. */
  readonly downstream: Uint8Array;
  /** local[e] · ṫ(operand): what edge e carries forward. Set on touched edges. */
  readonly term: Float64Array;
  /** Seed, then for each touched node its edges' terms and, where it sums several, the sum. */
  readonly steps: readonly TangentStep[];
  /** Global index of the step where edge e's term travels; NEVER if no step does. */
  readonly edgeStep: Int32Array;
  /** Global index of the step after which node i's tangent is complete; NEVER if none. */
  readonly nodeStep: Int32Array;
  /** Index of the first tangent step (the seed) in the combined list. */
  readonly offset: number;
  /** Edge multiply-adds this pass does: one per edge out of a node that depends on x. */
  readonly edgeOps: number;
}

export type TangentStep = TangentSeedStep | TangentEdgeStep | TangentNodeStep;

/** A step of either mode: what the step controls, the graph and the formula panel play. */
export type LensStep = Step | TangentStep;

interface TangentContext {
  readonly graph: CompiledGraph;
  readonly value: Float64Array;
  readonly local: Float64Array;
  readonly tangent: Float64Array;
  readonly downstream: Uint8Array;
  readonly term: Float64Array;
  readonly wrt: number;
}

/** Plain text writes ṅ as ∂n/∂x, so that a screen reader says what it is. */
abstract class TangentStepBase extends LazyFormulaStep<TangentContext> {
  readonly phase = 'tangent';
}

/** The pass starts at x: ẋ = ∂x/∂x = 1. */
export class TangentSeedStep extends TangentStepBase {
  readonly kind = 'tangent-seed';
  readonly value = 1;
  constructor(
    ctx: TangentContext,
    index: number,
    readonly node: number,
  ) {
    super(ctx, index);
  }
  protected formula(n: Notation) {
    const w = words(this.ctx, n);
    return chain([w.dot(this.node), n.partial(w.sym(this.node), w.sym(this.node)), '1']);
  }
}

/**
 * A tangent travels along edge e from operand to consumer: ċ += ∂c/∂a · ȧ, with numbers.
 * `=` replaces `+=` where this is the consumer's only term.
 */
export class TangentEdgeStep extends TangentStepBase {
  readonly kind = 'tangent-edge';
  constructor(
    ctx: TangentContext,
    index: number,
    readonly edge: number,
    /** The operand the tangent leaves. */
    readonly from: number,
    /** The consumer it arrives at. */
    readonly to: number,
    /** ∂(to)/∂(from). */
    readonly local: number,
    /** ṫ of the operand. */
    readonly tangentFrom: number,
    /** local · tangentFrom: what is added to the consumer's tangent. */
    readonly term: number,
    /** The consumer's tangent after this term is added. */
    readonly sumAfter: number,
    /** Term `arrival` (1-based) of `arrivals` the consumer receives. */
    readonly arrival: number,
    readonly arrivals: number,
  ) {
    super(ctx, index);
  }
  protected formula(n: Notation) {
    const w = words(this.ctx, n);
    const lhs = `${w.dot(this.to)} ${this.arrivals > 1 ? n.plusEquals : '='}`;
    return `${lhs} ${chain([
      `${n.partial(w.sym(this.to), w.sym(this.from))}${w.thin}${w.dot(this.from)}`,
      `${w.atom(this.local)}${n.times}${w.atom(this.tangentFrom)}`,
      w.plain(this.term),
    ])}`;
  }
}

/**
 * A node's tangent as the sum of its operands' terms, the rule of forward mode:
 * `\dot{c} = \dot{a} + \dot{b}` for a sum, `\dot{c} = \frac{\partial c}{\partial a}\,\dot{a} + …`
 * in general, then the numbers. Operands that do not depend on x appear with ṅ = 0, so the rule
 * is seen whole; constants are left out (their tangent is 0 by definition).
 */
export class TangentNodeStep extends TangentStepBase {
  readonly kind = 'tangent-node';
  constructor(
    ctx: TangentContext,
    index: number,
    readonly node: number,
    /** ṅ: the node's finished tangent. */
    readonly value: number,
  ) {
    super(ctx, index);
  }
  protected formula(n: Notation) {
    const c = this.ctx;
    const g = c.graph;
    const w = words(c, n);
    const spec = opOf(g, this.node);
    const symbolic: string[] = [];
    const numeric: string[] = [];
    for (let e = g.inStart[this.node]; e < g.inStart[this.node + 1]; e++) {
      const a = g.edgeFrom[e];
      if (g.variable[a] === 0) continue;
      const i = e - g.inStart[this.node];
      const t = c.downstream[a] ? c.tangent[a] : 0;
      // A sum's local derivatives are ±1: the rule reads ċ = ȧ ± ḃ.
      const sign = spec.gate === 'add' && spec.partial(i, 0, 0, 0) < 0 ? ' - ' : ' + ';
      if (spec.gate === 'add') {
        symbolic.push(symbolic.length === 0 ? w.dot(a) : `${sign}${w.dot(a)}`);
        numeric.push(numeric.length === 0 ? w.plain(t) : `${sign}${w.atom(t)}`);
      } else {
        const part = `${n.partial(w.sym(this.node), w.sym(a))}${w.thin}${w.dot(a)}`;
        symbolic.push(symbolic.length === 0 ? part : ` + ${part}`);
        const num = `${w.atom(c.local[e])}${n.times}${w.atom(t)}`;
        numeric.push(numeric.length === 0 ? num : ` + ${num}`);
      }
    }
    return chain([w.dot(this.node), symbolic.join(''), numeric.join(''), w.plain(this.value)]);
  }
}

/** Symbols, dotted symbols and numbers in one notation. */
function words(c: TangentContext, n: Notation) {
  const g = c.graph;
  const x = g.symbol(c.wrt);
  return {
    sym: (node: number) =>
      g.kind[node] === NodeKind.Const && g.names[node] === undefined
        ? n.number(c.value[node], true, 12)
        : n.symbol(g.symbol(node)),
    /** ṅ in LaTeX; ∂n/∂x in text, which reads unambiguously aloud. */
    dot: (node: number) =>
      n === TEX ? `\\dot{${g.symbol(node).tex}}` : n.partial(g.symbol(node).text, x.text),
    thin: n === TEX ? '\\,' : ' · ',
    atom: (v: number) => n.number(v, true, DEFAULT_DIGITS),
    plain: (v: number) => n.number(v, false, DEFAULT_DIGITS),
  };
}

/**
 * The forward-mode pass with respect to input `wrt` (its name, or its node id).
 * Returns undefined when the program has no such input.
 *
 * @example
 * const a = analyze('a = 2; b = 1\nc = a + b\nd = b + 1\ne = c * d');
 * tangentTrace(a, 'b')!.tangent[a.graph.output] // 5, equal to a.gradients.b
 */
export function tangentTrace(a: Analysis, wrt: string | number): TangentTrace | undefined {
  const g = a.compiled;
  const node =
    typeof wrt === 'number' ? wrt : Array.from(g.inputs).find((id) => g.names[id] === wrt);
  if (node === undefined || node < 0 || node >= g.nodeCount || g.kind[node] !== NodeKind.Input)
    return undefined;
  const n = g.nodeCount;
  const local = a.backward.local;
  const tangent = new Float64Array(n);
  const downstream = new Uint8Array(n);
  const term = new Float64Array(g.edgeCount);
  const edgeStep = new Int32Array(g.edgeCount).fill(NEVER);
  const nodeStep = new Int32Array(n).fill(NEVER);
  const offset = a.trace.forwardCount;

  /** What step k (relative) shows: 0 the seed, edge e as e + 1, node i as -(i + 1). */
  const refs: number[] = [0];
  tangent[node] = 1;
  downstream[node] = 1;
  nodeStep[node] = offset;
  let edgeOps = 0;
  // Ids are a topological order, so every operand's tangent is final before its consumers'.
  for (let i = node + 1; i < n; i++) {
    if (g.kind[i] !== NodeKind.Op) continue;
    let arrivals = 0;
    let variableOperands = 0;
    for (let e = g.inStart[i]; e < g.inStart[i + 1]; e++) {
      if (downstream[g.edgeFrom[e]]) arrivals++;
      if (g.variable[g.edgeFrom[e]]) variableOperands++;
    }
    if (arrivals === 0) continue;
    downstream[i] = 1;
    let sum = 0;
    for (let e = g.inStart[i]; e < g.inStart[i + 1]; e++) {
      const from = g.edgeFrom[e];
      if (!downstream[from]) continue;
      term[e] = local[e] * tangent[from];
      sum += term[e];
      edgeOps++;
      edgeStep[e] = offset + refs.length;
      refs.push(e + 1);
    }
    tangent[i] = sum;
    // With two variable operands the sum rule is worth its own step; with one it is the edge's.
    if (variableOperands > 1) refs.push(-(i + 1));
    nodeStep[i] = offset + refs.length - 1;
  }

  const ctx: TangentContext = {
    graph: g,
    value: a.value,
    local,
    tangent,
    downstream,
    term,
    wrt: node,
  };
  const running = new Float64Array(g.edgeCount);
  const arrivalOf = new Int32Array(g.edgeCount);
  const arrivalsOf = new Int32Array(n);
  for (let k = 1; k < refs.length; k++) {
    const e = refs[k] - 1;
    if (e < 0) continue;
    const to = g.edgeTo[e];
    arrivalOf[e] = ++arrivalsOf[to];
    running[e] = (arrivalOf[e] > 1 ? running[lastTerm(g, e, downstream)] : 0) + term[e];
  }
  const steps = lazyArray(refs.length, (k): TangentStep => {
    const ref = refs[k];
    if (k === 0) return new TangentSeedStep(ctx, offset, node);
    if (ref < 0) return new TangentNodeStep(ctx, offset + k, -ref - 1, tangent[-ref - 1]);
    const e = ref - 1;
    const from = g.edgeFrom[e];
    const to = g.edgeTo[e];
    return new TangentEdgeStep(
      ctx,
      offset + k,
      e,
      from,
      to,
      local[e],
      tangent[from],
      term[e],
      running[e],
      arrivalOf[e],
      arrivalsOf[to],
    );
  });
  return {
    wrt: node,
    wrtName: g.names[node]!,
    tangent,
    downstream,
    term,
    steps,
    edgeStep,
    nodeStep,
    offset,
    edgeOps,
  };
}

/** The touched in-edge of the same consumer just before `e` (consumer's edges are contiguous). */
function lastTerm(g: CompiledGraph, e: number, downstream: Uint8Array): number {
  for (let p = e - 1; p >= g.inStart[g.edgeTo[e]]; p--) if (downstream[g.edgeFrom[p]]) return p;
  return e;
}

/** How many edge multiply-adds each mode needs for the gradient with respect to every input. */
export interface OpCounts {
  /** Number of inputs n: forward mode needs one pass per input. */
  readonly inputs: number;
  /** Edge multiply-adds of each forward pass, by input (in the order of `analysis.inputs`). */
  readonly perPass: readonly number[];
  /** Sum of `perPass`: forward mode's total. */
  readonly forward: number;
  /** The one backward pass: one multiply-add per edge that carries a gradient back. */
  readonly reverse: number;
  readonly edges: number;
  /**
   * False when the graph was too large to count every pass exactly; `forward` is then the bound
   * n × edges (a pass never touches more than every edge).
   */
  readonly exact: boolean;
}

/** Counting every pass costs about inputs × edges; beyond this the bound is reported instead. */
const COUNT_BUDGET = 20_000_000;

/**
 * Edge operations of forward mode (n passes, each touching the edges downstream of its input)
 * against reverse mode (one pass over the edges that carry a gradient back). The value pass both
 * need, and the local derivatives both use, are not counted.
 *
 * @example
 * opCounts(analyze('a = 2; b = 1\nc = a + b\nd = b + 1\ne = c * d'))
 * // { inputs: 2, perPass: [2, 3], forward: 5, reverse: 4, edges: 4, exact: true }
 */
export function opCounts(a: Analysis): OpCounts {
  const g = a.compiled;
  const inputs = g.inputs.length;
  const reverse = a.backward.edgeOrder.length;
  if (inputs * (g.nodeCount + g.edgeCount) > COUNT_BUDGET) {
    return {
      inputs,
      perPass: [],
      forward: inputs * g.edgeCount,
      reverse,
      edges: g.edgeCount,
      exact: false,
    };
  }
  const mark = new Uint8Array(g.nodeCount);
  const perPass = Array.from(g.inputs, (x) => {
    mark.fill(0);
    mark[x] = 1;
    let ops = 0;
    for (let i = x; i < g.nodeCount; i++) {
      if (i !== x) {
        for (let e = g.inStart[i]; e < g.inStart[i + 1]; e++) {
          if (mark[g.edgeFrom[e]]) {
            mark[i] = 1;
            ops++;
          }
        }
      }
    }
    return ops;
  });
  return {
    inputs,
    perPass,
    forward: perPass.reduce((s, v) => s + v, 0),
    reverse,
    edges: g.edgeCount,
    exact: true,
  };
}

/** LaTeX of the finished result: `\frac{\partial e}{\partial b} = \dot{e} = 5`. */
export function tangentResultTex(a: Analysis, t: TangentTrace): string {
  const g = a.compiled;
  const f = g.symbol(g.output).tex;
  const x = g.symbol(t.wrt).tex;
  return `${TEX.partial(f, x)} = \\dot{${f}} = ${numberTex(t.tangent[g.output])}`;
}
