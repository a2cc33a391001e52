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
  /**
   * A layer of a network (`h1_*`: the statements h1_1, h1_2, … of one depth): every statement's
   * named node, ascending. The box stands at the last (`root`); the others' uses leave it too.
   * Absent for a statement's own group.
   */
  readonly roots?: readonly number[];
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
  for (let root = 0; root < g.nodeCount; root++) {
    const name = g.names[root];
    if (name === undefined || g.kind[root] !== NodeKind.Op) continue;
    const nodes = statementNodes(g, root);
    if (nodes.length < 2) continue;
    groups.push(groupOf(g, name, nodes, [root]));
  }
  return groups;
}

/** The op and constant nodes statement `root` made, ascending (see `statementGroups`). */
function statementNodes(g: CompiledGraph, root: number): number[] {
  const { kind, spanStart, spanEnd } = g;
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
  return nodes.reverse();
}

/** A group of `nodes` whose named nodes are `roots`: its boundary edges in and out. */
function groupOf(
  g: CompiledGraph,
  name: string,
  nodes: number[],
  roots: readonly number[],
): StatementGroup {
  const member = new Set(nodes);
  const inputs: number[] = [];
  for (const m of nodes) {
    for (let e = g.inStart[m]; e < g.inStart[m + 1]; e++) {
      if (!member.has(g.edgeFrom[e])) inputs.push(e);
    }
  }
  inputs.sort((a, b) => a - b);
  const outputs: number[] = [];
  for (const r of roots) {
    for (const e of g.outEdges.subarray(g.outStart[r], g.outStart[r + 1])) {
      if (!member.has(g.edgeTo[e])) outputs.push(e);
    }
  }
  outputs.sort((a, b) => a - b);
  const root = roots[roots.length - 1];
  return { name, root, nodes, inputs, outputs, ...(roots.length > 1 ? { roots } : {}) };
}

/**
 * The layers of a network: statements named alike (`h1_1`, `h1_2`, … or `z_1`, `z_2`: the same
 * name with another number at its end) that sit at the same depth (one more than the deepest
 * statement they read), two or more of them. A layer is named after its statements with `*` for
 * the number (`h1_*`) and holds all their nodes; collapsed, it is one box. A chain of
 * statements (`h_1 = σ(w_1·x)`, `h_2 = σ(w_2·h_1)`, …) has one statement per depth: no layer.
 *
 * @example
 * layerGroups(compile('x = 1\nh_1 = 2*x\nh_2 = 3*x\nf = h_1 + h_2'))[0].name // 'h_*'
 */
export function layerGroups(g: CompiledGraph): StatementGroup[] {
  // Depth of each node in statements: a named op is one deeper than the deepest one it reads.
  const depth = new Int32Array(g.nodeCount);
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < g.nodeCount; i++) {
    let d = 0;
    for (let e = g.inStart[i]; e < g.inStart[i + 1]; e++) d = Math.max(d, depth[g.edgeFrom[e]]);
    const name = g.names[i];
    const statement = name !== undefined && g.kind[i] === NodeKind.Op;
    depth[i] = statement ? d + 1 : d;
    if (!statement) continue;
    const stem = /^(.*\D)\d+$/.exec(name)?.[1];
    if (stem === undefined) continue;
    const key = `${stem}*\0${depth[i]}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  const layers: StatementGroup[] = [];
  const taken = new Set<string>();
  for (const [key, roots] of byKey) {
    const name = key.slice(0, key.indexOf('\0'));
    // One name per layer: a stem found at two depths (a chain named h_1, h_2, …) is no layer.
    if (roots.length < 2 || taken.has(name)) continue;
    if ([...byKey.keys()].some((k) => k !== key && k.startsWith(`${name}\0`))) continue;
    taken.add(name);
    const nodes = roots.flatMap((r) => statementNodes(g, r)).sort((a, b) => a - b);
    layers.push(groupOf(g, name, nodes, roots));
  }
  return layers.sort((a, b) => a.root - b.root);
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
  // A layer's one forward step is its last statement's evaluation.
  let forwardLast = trace.nodeValueStep[group.root];
  for (const r of group.roots ?? []) forwardLast = Math.max(forwardLast, trace.nodeValueStep[r]);
  let forwardFirst = forwardLast;
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
  return { forwardFirst, forwardLast, backward };
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
  if (group.roots) return layerChain(g, group, group.roots, bw);
  // d root / d member, filled from the root back (members are in topological order).
  const toInput = pullBack(g, group, new Map([[group.root, 1]]), bw.local);
  const upstream = g.variable[group.root] ? bw.grad[group.root] : 0;
  const terms: GroupChainTerm[] = [];
  for (const [operand, local] of [...toInput].sort((a, b) => a[0] - b[0])) {
    if (!g.variable[operand]) continue;
    terms.push({ operand, upstream, local, product: upstream * local });
  }
  return terms;
}

/**
 * A layer's chain rule: its statements do not read one another (they share a depth), so the
 * share of x's gradient through the layer is Σⱼ ∂L/∂hⱼ · ∂hⱼ/∂x, one small backward pass seeded
 * with every statement's gradient. `upstream` and `local` are then 1 and that sum: the layer has
 * no single upstream gradient.
 */
function layerChain(
  g: CompiledGraph,
  group: StatementGroup,
  roots: readonly number[],
  bw: Pick<BackwardResult, 'local' | 'grad'>,
): GroupChainTerm[] {
  const seed = new Map<number, number>();
  for (const r of roots) seed.set(r, g.variable[r] ? bw.grad[r] : 0);
  const toInput = pullBack(g, group, seed, bw.local);
  const terms: GroupChainTerm[] = [];
  for (const [operand, product] of [...toInput].sort((a, b) => a[0] - b[0])) {
    if (!g.variable[operand]) continue;
    terms.push({ operand, upstream: 1, local: product, product });
  }
  return terms;
}

/**
 * A small backward pass inside a group: `d` seeds the derivatives at its roots and is filled
 * from them back through its members (in topological order); returns what reaches each operand
 * from outside the group.
 */
function pullBack(
  g: CompiledGraph,
  group: StatementGroup,
  d: Map<number, number>,
  local: BackwardResult['local'],
): Map<number, number> {
  const member = new Set(group.nodes);
  const toInput = new Map<number, number>();
  for (let k = group.nodes.length - 1; k >= 0; k--) {
    const m = group.nodes[k];
    const here = d.get(m) ?? 0;
    for (let e = g.inStart[m]; e < g.inStart[m + 1]; e++) {
      const from = g.edgeFrom[e];
      const target = member.has(from) ? d : toInput;
      target.set(from, (target.get(from) ?? 0) + here * local[e]);
    }
  }
  return toInput;
}

/**
 * Which steps a person stepping through the graph skips: inside each collapsed group, every
 * forward step but the root's evaluation and every backward step but the group's last, so the
 * group plays as one forward step and one backward step. `hidden[k]` is 1 for a skipped step.
 *
 * `trace` should play the backward pass in `collapsedEdgeOrder` for these groups (see
 * `collapsedOrder.ts`): each group's backward steps are then one run, the hidden ones are that
 * run but its last, and nothing outside the box changes before the group's step. In the graph's
 * own order they interleave with other nodes' steps, which would take effect at those.
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
