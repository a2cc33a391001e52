import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  analysisInOrder,
  groupSteps,
  hiddenSteps,
  layerGroups,
  nextStop,
  statementGroups,
  type Analysis,
  type CompiledGraph,
  type StatementGroup,
} from '../../src/engine';
import { collapsedEdgeOrder } from '../../src/engine/collapsedOrder';
import { SCALAR_EXAMPLES } from '../../src/examples';
import { networkProgram } from '../../src/layout/samplePrograms';
import { dagProgram } from './dagPrograms';

/** The brief's 4-5-5-2 network: h1_j = tanh(…), h2_j = tanh(…), layers h1_* and h2_*. */
const NET_4552 = networkProgram([4, 5, 5, 2]).replaceAll('sigmoid', 'tanh');

const groupsOf = (g: CompiledGraph) => [...statementGroups(g), ...layerGroups(g)];
const named = (g: CompiledGraph, name: string) => groupsOf(g).find((x) => x.name === name)!;

/** The analysis played with `groups` collapsed, as the app plays it. */
const collapsedRun = (a: Analysis, groups: readonly StatementGroup[]) =>
  analysisInOrder(a, collapsedEdgeOrder(a.compiled, groups));

/**
 * For each backward step, the stop at which a person stepping with `groups` collapsed sees it
 * take effect: the first index after it that is a stop.
 */
function stopOfStep(a: Analysis, groups: readonly StatementGroup[]) {
  const hidden = hiddenSteps(a.compiled, a.trace, groups);
  return (k: number) => {
    let i = k + 1;
    while (i < hidden.length && hidden[i - 1]) i++;
    return i;
  };
}

/** Every share a member of `group` sends out of the box lands at the group's own stop. */
function outsideChangesAtGroupStop(a: Analysis, group: StatementGroup): number[] {
  const g = a.compiled;
  const member = new Set(group.nodes);
  const stopOf = stopOfStep(a, [group]);
  const own = groupSteps(g, group, a.trace).backward;
  const groupStop = own[own.length - 1] + 1;
  const early: number[] = [];
  for (const m of group.nodes) {
    for (let e = g.inStart[m]; e < g.inStart[m + 1]; e++) {
      const k = a.trace.edgeGradStep[e];
      if (member.has(g.edgeFrom[e]) || k > a.steps.length) continue;
      if (stopOf(k) !== groupStop) early.push(k);
    }
  }
  return early;
}

function expectContiguous(a: Analysis, group: StatementGroup) {
  const steps = groupSteps(a.compiled, group, a.trace).backward;
  expect(steps.length).toBeGreaterThan(0);
  expect(steps[steps.length - 1] - steps[0] + 1, group.name).toBe(steps.length);
}

/** Each node's gradient is complete before it sends: its shares all come before its own steps. */
function isReverseTopological(g: CompiledGraph, order: Int32Array): boolean {
  const at = new Int32Array(g.edgeCount).fill(-1);
  order.forEach((e, k) => (at[e] = k));
  for (let k = 0; k < order.length; k++) {
    const sender = g.edgeTo[order[k]];
    for (const e of g.outEdges.subarray(g.outStart[sender], g.outStart[sender + 1])) {
      if (at[e] >= k) return false;
    }
  }
  return [...order].sort((x, y) => x - y).join() === [...g.gradEdges].sort((x, y) => x - y).join();
}

describe('collapsed groups play as one block of backward steps (issue 17)', () => {
  it('4-5-5-2 network, h2_* collapsed: nothing outside the box changes before the group step', () => {
    const a = analyze(NET_4552);
    const layer = named(a.compiled, 'h2_*');
    // The graph's own order interleaves h2_*'s steps with h1_5's: shares into w2_*, b2_* and
    // h1_* took effect at unrelated stops before the group's.
    expect(outsideChangesAtGroupStop(a, layer).length).toBeGreaterThan(0);
    const c = collapsedRun(a, [layer]);
    expect(outsideChangesAtGroupStop(c, layer)).toEqual([]);
    expectContiguous(c, layer);
    // Hidden steps are exactly the block but its last, and the next stop lands after the block.
    const steps = groupSteps(c.compiled, layer, c.trace).backward;
    const hidden = hiddenSteps(c.compiled, c.trace, [layer]);
    const hiddenBackward = [...hidden.keys()].filter((k) => hidden[k] && k > c.trace.forwardCount);
    expect(hiddenBackward).toEqual(steps.slice(0, -1));
    expect(nextStop(hidden, steps[0], 1)).toBe(steps[steps.length - 1] + 1);
    // Same numbers at the end: the gradients do not depend on the order, but for rounding.
    for (const name of Object.keys(a.gradients)) {
      expect(c.gradients[name]).toBeCloseTo(a.gradients[name] as number, 12);
    }
  });

  it('keeps the running sums and arrival numbers true to the new order', () => {
    const a = analyze(NET_4552);
    const c = collapsedRun(a, [named(a.compiled, 'h2_*')]);
    const seen = new Map<number, number>();
    for (let k = c.trace.forwardCount + 1; k < c.steps.length; k++) {
      const s = c.steps[k];
      if (s.kind !== 'backward-edge') throw new Error('backward step expected');
      const before = seen.get(s.to) ?? 0;
      expect(s.sumBefore).toBe(before);
      expect(s.sumAfter).toBe(before + s.contribution);
      expect(s.upstream).toBe(c.backward.grad[s.from]);
      seen.set(s.to, s.sumAfter);
      expect(c.trace.arrivalEdges[c.trace.arrivalStart[s.to] + s.arrival - 1]).toBe(s.edge);
    }
    for (const [node, sum] of seen) expect(c.backward.grad[node]).toBe(sum);
  });

  it('a collapsed statement inside a collapsed layer is a block inside the layer’s block', () => {
    const a = analyze(NET_4552);
    const layer = named(a.compiled, 'h2_*');
    const inner = named(a.compiled, 'h2_3');
    const c = collapsedRun(a, [inner, layer]);
    expectContiguous(c, layer);
    expectContiguous(c, inner);
    expect(outsideChangesAtGroupStop(c, layer)).toEqual([]);
    // The same with the statement alone, whose levels overlap its neighbours'.
    const alone = collapsedRun(a, [named(a.compiled, 'h1_2')]);
    expectContiguous(alone, named(a.compiled, 'h1_2'));
    expect(outsideChangesAtGroupStop(alone, named(a.compiled, 'h1_2'))).toEqual([]);
  });

  it('with nothing collapsed the sort is the graph’s own order: identical traces', () => {
    const same = (a: Analysis) => {
      const g = a.compiled;
      // One unit per node: the sort runs in full and must give back `gradEdges`.
      const singletons = Array.from({ length: g.nodeCount }, (_, i) => ({ nodes: [i] }));
      const order = collapsedEdgeOrder(g, singletons);
      expect([...order]).toEqual([...g.gradEdges]);
      expect(collapsedEdgeOrder(g, [])).toBe(g.gradEdges);
      const copy = analysisInOrder(a, Int32Array.from(order));
      expect(copy).not.toBe(a);
      expect(copy.steps.map((s) => s.text)).toEqual(a.steps.map((s) => s.text));
      expect([...copy.trace.nodeGradStep]).toEqual([...a.trace.nodeGradStep]);
      expect([...copy.backward.runningSum]).toEqual([...a.backward.runningSum]);
    };
    for (const ex of SCALAR_EXAMPLES) same(analyze(ex.source));
    same(analyze(NET_4552));
    fc.assert(
      fc.property(dagProgram, (p) => same(analyze(p.source, p.values))),
      { numRuns: 150 },
    );
  });

  it('is always a reverse topological order, each collapsed group in one run', () => {
    const programs = fc.oneof(
      dagProgram.map((p) => analyze(p.source, p.values)),
      fc.constantFrom(...SCALAR_EXAMPLES.map((ex) => analyze(ex.source))),
    );
    fc.assert(
      fc.property(programs, fc.array(fc.boolean(), { maxLength: 40 }), (a, pick) => {
        const all = groupsOf(a.compiled);
        const groups = all.filter((_, i) => pick[i % Math.max(1, pick.length)] ?? false);
        const order = collapsedEdgeOrder(a.compiled, groups);
        expect(isReverseTopological(a.compiled, order)).toBe(true);
        const c = analysisInOrder(a, order);
        for (const grp of groups) {
          if (groupSteps(c.compiled, grp, c.trace).backward.length > 0) expectContiguous(c, grp);
        }
      }),
      { numRuns: 200 },
    );
  });
});
