import type { BackwardResult } from './backward';
import { NodeKind, type CompiledGraph } from './graph';
import { lazyArray } from './lazy';
import {
  backwardEdgeChain,
  backwardEdgeTex,
  forkSumTex,
  forwardEdgeTex,
  forwardNodeTex,
  localTex,
  seedTex,
  TEX,
  TEXT,
  type FormulaChain,
  type Notation,
  type TexContext,
} from './tex';

export type Phase = 'forward' | 'backward';

/**
 * One step of the script the UI plays. Steps carry ids and numbers; their LaTeX is written on
 * first read and kept, so a 100,000-node trace costs nothing for the formulas nobody looks at.
 */
export type Step = ForwardEdgeStep | ForwardNodeStep | SeedStep | BackwardEdgeStep;

/**
 * A step whose formula is written on first read, in LaTeX and in plain text, and kept: a trace of
 * half a million steps must not typeset them all up front. `C` is what the formula reads from.
 */
export abstract class LazyFormulaStep<C> {
  private texCache?: string;
  private textCache?: string;
  constructor(
    protected readonly ctx: C,
    /** Position in the list of steps the controls play. */
    readonly index: number,
  ) {}
  /** LaTeX of this step's formula. */
  get tex(): string {
    return (this.texCache ??= this.formula(TEX));
  }
  /** The same formula in plain text: `∂f/∂x = ∂f/∂q · ∂q/∂x = (-4) · 1 = -4`. */
  get text(): string {
    return (this.textCache ??= this.formula(TEXT));
  }
  protected abstract formula(n: Notation): string;
}

abstract class StepBase extends LazyFormulaStep<TexContext> {}

/** A forward value travels along an edge, from operand to consumer. */
export class ForwardEdgeStep extends StepBase {
  readonly kind = 'forward-edge';
  readonly phase = 'forward';
  constructor(
    ctx: TexContext,
    index: number,
    readonly edge: number,
    /** The operand the value leaves. */
    readonly from: number,
    /** The consumer it arrives at. */
    readonly to: number,
    readonly value: number,
  ) {
    super(ctx, index);
  }
  protected formula(n: Notation) {
    return forwardEdgeTex(this.ctx, this.edge, n);
  }
}

/** A node evaluates, all its operands having arrived. */
export class ForwardNodeStep extends StepBase {
  readonly kind = 'forward-node';
  readonly phase = 'forward';
  constructor(
    ctx: TexContext,
    index: number,
    readonly node: number,
    readonly value: number,
  ) {
    super(ctx, index);
  }
  protected formula(n: Notation) {
    return forwardNodeTex(this.ctx, this.node, n);
  }
}

/** The backward pass starts: ∂output/∂output = 1. */
export class SeedStep extends StepBase {
  readonly kind = 'seed';
  readonly phase = 'backward';
  readonly value = 1;
  constructor(
    ctx: TexContext,
    index: number,
    readonly node: number,
  ) {
    super(ctx, index);
  }
  protected formula(n: Notation) {
    return seedTex(this.ctx, n);
  }
}

/**
 * A gradient travels back along an edge, from consumer to operand: upstream × local =
 * contribution, added to the operand's running sum.
 */
export class BackwardEdgeStep extends StepBase {
  readonly kind = 'backward-edge';
  readonly phase = 'backward';
  constructor(
    ctx: TexContext,
    index: number,
    readonly edge: number,
    /** The consumer the gradient leaves. */
    readonly from: number,
    /** The operand it arrives at. */
    readonly to: number,
    /** ∂output/∂(consumer), complete before it is passed on. */
    readonly upstream: number,
    /** ∂(consumer)/∂(operand) at the forward values. */
    readonly local: number,
    /** upstream · local. */
    readonly contribution: number,
    /** The operand's gradient before and after this share is added. */
    readonly sumBefore: number,
    readonly sumAfter: number,
    /** This is share `arrival` (1-based) of the operand's `arrivals`. */
    readonly arrival: number,
    readonly arrivals: number,
    /** Shares to the operand in order of arrival: ours is `shareEdges[firstShare + arrival - 1]`. */
    private readonly shareEdges: Int32Array,
    private readonly firstShare: number,
  ) {
    super(ctx, index);
  }
  protected formula(n: Notation) {
    return backwardEdgeTex(this.ctx, this.edge, this.arrivals > 1, n);
  }
  /** The step's formula as segments whose factors name their nodes (for hover links). */
  chain(n: Notation = TEX): FormulaChain {
    return backwardEdgeChain(this.ctx, this.edge, this.arrivals > 1, n);
  }
  /** The local derivative: `\frac{\partial q}{\partial x} = 1` (LaTeX, or plain text). */
  localFormula(n: Notation = TEX): string {
    return localTex(this.ctx, this.edge, n);
  }
  /** At a fork, the running sum so far (`= 2 + 3 = 5`); undefined where there is one consumer. */
  sumFormula(n: Notation = TEX): string | undefined {
    if (this.arrivals < 2) return undefined;
    const first = this.firstShare;
    const arrived = Array.from(this.shareEdges.subarray(first, first + this.arrival));
    return forkSumTex(this.ctx, this.to, arrived, this.arrivals, n);
  }
}

/**
 * The steps and, for each node and edge, the step at which its number appears, so the picture
 * at any step is a lookup: a label is shown at step k (k steps played) when its index < k.
 */
export interface Trace {
  /** Made on first read, one by one: see `lazyArray`. */
  readonly steps: readonly Step[];
  /** Steps before the seed: the forward pass. The seed's index equals this. */
  readonly forwardCount: number;
  /** Index of the forward-edge step carrying each edge's value. */
  readonly edgeValueStep: Int32Array;
  /** Index of the backward-edge step carrying each edge's gradient; NEVER if none does. */
  readonly edgeGradStep: Int32Array;
  /** Index of each node's evaluation step; -1 for inputs and constants, known from the start. */
  readonly nodeValueStep: Int32Array;
  /** Index of the step that completes each node's gradient; NEVER if none does. */
  readonly nodeGradStep: Int32Array;
  /** Shares arriving at node i, in order: edges `arrivalEdges[arrivalStart[i]..arrivalStart[i+1]]`. */
  readonly arrivalStart: Int32Array;
  readonly arrivalEdges: Int32Array;
}

/** Marks a label no step ever shows (a constant's gradient, a dead branch's). */
export const NEVER = 0x7fffffff;

/**
 * The script of a run: forward steps in program order (each edge's value travels, then its
 * consumer evaluates), the seed, then one backward step per edge that carries a gradient, in the
 * order the backward sweep sent them.
 *
 * Only the lookup tables are computed here; each step object is made when it is first read (see
 * `lazyArray`), from those tables and the run's arrays.
 *
 * @example
 * buildTrace(ctx).steps.map(s => s.kind) // for (x+y)*z: 6 forward steps, the seed, 4 backward
 */
export function buildTrace(ctx: TexContext): Trace {
  const g: CompiledGraph = ctx.graph;
  const bw: BackwardResult = ctx.backward;
  const { value } = ctx;
  const n = g.nodeCount;
  const { kind, inStart, edgeFrom, edgeTo } = g;

  // Forward: for each op node in id order, its in-edges, then the node itself. Every edge runs
  // into an op node, so there are edgeCount + (op nodes) forward steps.
  const edgeValueStep = new Int32Array(g.edgeCount);
  const nodeValueStep = new Int32Array(n).fill(-1);
  /** What forward step k shows: edge `e` as e, node `i` as ~i (negative). */
  const forwardRef = new Int32Array(g.edgeCount + n);
  let forwardCount = 0;
  for (let i = 0; i < n; i++) {
    if (kind[i] !== NodeKind.Op) continue;
    for (let e = inStart[i]; e < inStart[i + 1]; e++) {
      edgeValueStep[e] = forwardCount;
      forwardRef[forwardCount++] = e;
    }
    nodeValueStep[i] = forwardCount;
    forwardRef[forwardCount++] = ~i;
  }

  // Backward: the shares arriving at each operand, in the order they are sent.
  const { edgeOrder } = bw;
  const seedStep = forwardCount;
  const nodeGradStep = new Int32Array(n).fill(NEVER);
  const edgeGradStep = new Int32Array(g.edgeCount).fill(NEVER);
  nodeGradStep[g.output] = seedStep;
  const arrivalStart = new Int32Array(n + 1);
  for (let k = 0; k < edgeOrder.length; k++) arrivalStart[edgeFrom[edgeOrder[k]] + 1]++;
  for (let i = 0; i < n; i++) arrivalStart[i + 1] += arrivalStart[i];
  const arrivalEdges = new Int32Array(edgeOrder.length);
  const arrivalFill = arrivalStart.slice(0, n);
  /** Position (0-based) of edge e's share among those arriving at its operand. */
  const arrivalOf = new Int32Array(g.edgeCount);
  for (let k = 0; k < edgeOrder.length; k++) {
    const e = edgeOrder[k];
    const operand = edgeFrom[e];
    const step = seedStep + 1 + k;
    edgeGradStep[e] = step;
    arrivalOf[e] = arrivalFill[operand] - arrivalStart[operand];
    arrivalEdges[arrivalFill[operand]++] = e;
    // The last share to arrive completes the operand's gradient.
    nodeGradStep[operand] = step;
  }

  const makeStep = (k: number): Step => {
    if (k < forwardCount) {
      const ref = forwardRef[k];
      if (ref < 0) return new ForwardNodeStep(ctx, k, ~ref, value[~ref]);
      return new ForwardEdgeStep(ctx, k, ref, edgeFrom[ref], edgeTo[ref], value[edgeFrom[ref]]);
    }
    if (k === seedStep) return new SeedStep(ctx, k, g.output);
    const e = edgeOrder[k - seedStep - 1];
    const operand = edgeFrom[e];
    const first = arrivalStart[operand];
    const arrival = arrivalOf[e] + 1;
    return new BackwardEdgeStep(
      ctx,
      k,
      e,
      edgeTo[e],
      operand,
      bw.grad[edgeTo[e]],
      bw.local[e],
      bw.contribution[e],
      arrival > 1 ? bw.runningSum[arrivalEdges[first + arrival - 2]] : 0,
      bw.runningSum[e],
      arrival,
      arrivalStart[operand + 1] - first,
      arrivalEdges,
      first,
    );
  };

  return {
    steps: lazyArray(seedStep + 1 + edgeOrder.length, makeStep),
    forwardCount,
    edgeValueStep,
    edgeGradStep,
    nodeValueStep,
    nodeGradStep,
    arrivalStart,
    arrivalEdges,
  };
}
