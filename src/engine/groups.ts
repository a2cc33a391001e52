import type { BackwardResult } from './backward';
import { NodeKind, type CompiledGraph } from './graph';
import { NEVER, type Trace } from './trace';

/**
 * The nodes one named statement made: `h1 = tanh(w1*x + b1)` holds the `*`, the `+`, the `tanh`
 * (named h1) and any constants written in it, never the inputs it reads. Only the statement's
 * named node can be used elsewhere (its other nodes have no name to be read by), so a collapsed
 * group is one box with the group's inputs on its left and its root's uses on its right.
 */
export interface StatementGroup {
  /** The statement's name: `h1`. */
  readonly name: string;
  /** The named node: the group's value, and the only member with uses outside it. */
  readonly root: number;
  /** Member node ids, ascending (the root last). */
  readonly nodes: readonly number[];
  /** Edges from outside into a member: the group's inputs, in edge order. */
  readonly inputs: readonly number[];
  /** Edges out of the root: the group's uses, in edge order. */
  readonly outputs: readonly number[];
}

/**
 * Every named statement whose expression made two or more nodes (a group of one has nothing to
 * hide), in program order. A statement's nodes are the op and constant nodes whose source span
 * lies inside its named node's span: the graph builder makes them in one run of ids, with only
 * the inputs first met in that statement between them.
 *
 * @example
 * statementGroups(buildGraph(parse('x = 1\nh = tanh(2*x)\nf = h*h'))) // [{ name: 'h', nodes: [1, 2, 3], … }]
 */
export function statementGroups(g: CompiledGraph): StatementGroup[] {
  const groups: StatementGroup[] = [];
  const { kind, spanStart, spanEnd } = g;
  for (let root = 0; root < g.nodeCount; root++) {
    const name = g.names[root];
    if (name === undefined || kind[root] !== NodeKind.Op) continue;
    const start = spanStart[root];
    const end = spanEnd[root];
    const nodes: number[] = [];
    for (let i = root; i >= 0; i--) {
      const inside = spanStart[i] >= start && spanEnd[i] <= end;
      if (!inside) break;
      // Another named node inside the span would be an earlier statement's: spans of statements
      // are disjoint, so that cannot happen; inputs met here first are not the statement's.
      if (kind[i] !== NodeKind.Input) nodes.push(i);
    }
    if (nodes.length < 2) continue;
    nodes.reverse();
    const member = new Set(nodes);
    const inputs: number[] = [];
    for (const m of nodes) {
      for (let e = g.inStart[m]; e < g.inStart[m + 1]; e++) {
        if (!member.has(g.edgeFrom[e])) inputs.push(e);
      }
    }
    inputs.sort((a, b) => a - b);
    const outputs = Array.from(g.outEdges.subarray(g.outStart[root], g.outStart[root + 1]));
    groups.push({ name, root, nodes, inputs, outputs });
  }
  return groups;
}

/** Where a group sits in the step list: the steps it covers, forward and backward. */
export interface GroupSteps {
  /** Forward steps first … last (inclusive): its input edges' values arrive, its nodes evaluate. */
  readonly forwardFirst: number;
  /** The root's evaluation: the group's one forward step when collapsed. */
  readonly forwardLast: number;
  /**
   * Backward steps that send a gradient from a member (into another member or out to an input),
   * ascending; the last is the group's one backward step when collapsed. Empty when no gradient
   * passes through the group.
   */
  readonly backward: readonly number[];
}

/**
 * The steps of the trace a group covers.
 *
 * @example
 * groupSteps(g, group, trace).forwardLast === trace.nodeValueStep[group.root]
 */
export function groupSteps(g: CompiledGraph, group: StatementGroup, trace: Trace): GroupSteps {
  let forwardFirst = trace.nodeValueStep[group.root];
  const backward: number[] = [];
  for (const m of group.nodes) {
    if (kind(g, m) !== NodeKind.Op) continue;
    for (let e = g.inStart[m]; e < g.inStart[m + 1]; e++) {
      forwardFirst = Math.min(forwardFirst, trace.edgeValueStep[e]);
      const back = trace.edgeGradStep[e];
      if (back !== NEVER) backward.push(back);
    }
    forwardFirst = Math.min(forwardFirst, trace.nodeValueStep[m]);
  }
  backward.sort((a, b) => a - b);
  return { forwardFirst, forwardLast: trace.nodeValueStep[group.root], backward };
}

const kind = (g: CompiledGraph, i: number) => g.kind[i];

/** One factor of a collapsed group's chain rule: ∂L/∂x = ∂L/∂h · ∂h/∂x. */
export interface GroupChainTerm {
  /** The input node x (outside the group). */
  readonly operand: number;
  /** ∂L/∂h: the root's gradient. */
  readonly upstream: number;
  /** ∂h/∂x through the group's nodes: the product of local derivatives, summed over paths. */
  readonly local: number;
  /** upstream · local: the share of x's gradient that comes through the group. */
  readonly product: number;
}

/**
 * The chain rule of a collapsed group, one term per distinct input node that depends on an
 * input: ∂h/∂x is the group's own small backward pass (seed 1 at the root, local derivatives
 * multiplied along its edges, summed where paths meet), so the box stands for the product of
 * every factor it hides.
 *
 * @example
 * // h = tanh(2*x) at x = 0: ∂h/∂x = (1 - tanh²(0)) · 2 = 2
 * groupChain(g, group, bw)[0].local // 2
 */
export function groupChain(
  g: CompiledGraph,
  group: StatementGroup,
  bw: Pick<BackwardResult, 'local' | 'grad'>,
): GroupChainTerm[] {
  // d root / d member, filled from the root back (members are in topological order).
  const d = new Map<number, number>([[group.root, 1]]);
  const member = new Set(group.nodes);
  const toInput = new Map<number, number>();
  for (let k = group.nodes.length - 1; k >= 0; k--) {
    const m = group.nodes[k];
    const here = d.get(m) ?? 0;
    for (let e = g.inStart[m]; e < g.inStart[m + 1]; e++) {
      const from = g.edgeFrom[e];
      const share = here * bw.local[e];
      const target = member.has(from) ? d : toInput;
      target.set(from, (target.get(from) ?? 0) + share);
    }
  }
  const upstream = g.variable[group.root] ? bw.grad[group.root] : 0;
  const terms: GroupChainTerm[] = [];
  for (const [operand, local] of [...toInput].sort((a, b) => a[0] - b[0])) {
    if (!g.variable[operand]) continue;
    terms.push({ operand, upstream, local, product: upstream * local });
  }
  return terms;
}

/**
 * Which steps a person stepping through the graph skips: inside each collapsed group, every
 * forward step but the root's evaluation and every backward step but the group's last, so the
 * group plays as one forward step and one backward step. `hidden[k]` is 1 for a skipped step.
 *
 * @example
 * const hidden = hiddenSteps(g, trace, [group]);
 * nextStop(hidden, 0, 1) // the first step still on show, played
 */
export function hiddenSteps(
  g: CompiledGraph,
  trace: Trace,
  collapsed: readonly StatementGroup[],
): Uint8Array {
  const hidden = new Uint8Array(trace.steps.length);
  for (const group of collapsed) {
    const s = groupSteps(g, group, trace);
    for (let k = s.forwardFirst; k < s.forwardLast; k++) hidden[k] = 1;
    for (let j = 0; j < s.backward.length - 1; j++) hidden[s.backward[j]] = 1;
  }
  return hidden;
}

/**
 * The step index (steps played) `delta` stops away from `k`, never resting after a hidden step:
 * index i is a stop when i is 0 or step i − 1 is on show. Clamped to 0 … hidden.length.
 *
 * @example
 * nextStop(Uint8Array.of(1, 1, 0, 0), 0, 1) // 3: steps 0–2 play as one
 */
export function nextStop(hidden: Uint8Array, k: number, delta: number): number {
  const n = hidden.length;
  let i = Math.max(0, Math.min(n, k));
  const dir = Math.sign(delta);
  for (let moved = 0; moved < Math.abs(delta); moved++) {
    let j = i + dir;
    while (j > 0 && j <= n && hidden[j - 1]) j += dir;
    if (j < 0 || j > n) break;
    i = j;
  }
  return i;
}
