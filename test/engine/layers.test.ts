import { describe, expect, it } from 'vitest';
import {
  analyze,
  groupChain,
  groupSteps,
  hiddenSteps,
  layerGroups,
  nextStop,
  type Analysis,
} from '../../src/engine';
import { exampleById } from '../../src/examples';
import { collapseLayoutInput } from '../../src/layout/collapse';
import { toLayoutInput } from '../../src/layout/fromAnalysis';
import { networkProgram } from '../../src/layout/samplePrograms';

const NET = networkProgram([2, 3, 2, 1]);
const nameOf = (a: Analysis, id: number) => a.graph.nodes[id].name;

describe('layerGroups: a layer of a network as one group', () => {
  it('groups statements named alike at one depth: h1_*, h2_* (a single o1 is no layer)', () => {
    const a = analyze(NET);
    const layers = layerGroups(a.compiled);
    expect(layers.map((l) => l.name)).toEqual(['h1_*', 'h2_*']);
    const [h1] = layers;
    expect(h1.roots!.map((r) => nameOf(a, r))).toEqual(['h1_1', 'h1_2', 'h1_3']);
    expect(nameOf(a, h1.root)).toBe('h1_3');
    // Every op of the three statements, no input: 3 × (2 mul, 2 add, sigmoid).
    expect(h1.nodes).toHaveLength(15);
    expect(h1.nodes.every((n) => a.graph.nodes[n].kind === 'op')).toBe(true);
    // In: each statement's 2 weights, 2 inputs and bias. Out: each h1_j into both h2 neurons.
    expect(h1.inputs).toHaveLength(15);
    expect(h1.outputs).toHaveLength(6);
    for (const e of h1.outputs) expect(h1.roots).toContain(a.compiled.edgeFrom[e]);
  });

  it('finds no layer in a chain (one statement per depth) and two in the two-layer example', () => {
    const chain = analyze(exampleById('sigmoidChain10')!.source);
    expect(layerGroups(chain.compiled)).toEqual([]);
    const two = analyze(exampleById('twoLayer')!.source);
    expect(layerGroups(two.compiled).map((l) => l.name)).toEqual(['z_*', 'h_*']);
  });

  it('plays as one forward step (its last statement) and one backward step', () => {
    const a = analyze(NET);
    const [h1] = layerGroups(a.compiled);
    const steps = groupSteps(a.compiled, h1, a.trace);
    const last = Math.max(...h1.roots!.map((r) => a.trace.nodeValueStep[r]));
    expect(steps.forwardLast).toBe(last);
    const hidden = hiddenSteps(a.compiled, a.trace, [h1]);
    expect(nextStop(hidden, steps.forwardFirst, 1)).toBe(steps.forwardLast + 1);
    // Backward, the layer's steps are hidden but its last; the steps of layer 2 that come
    // between them (gradients arriving at h1_1, h1_2) still play one by one.
    const back = steps.backward;
    expect(back.length).toBeGreaterThan(3);
    for (const k of back) expect(hidden[k]).toBe(k === back.at(-1) ? 0 : 1);
    const shown = hidden.reduce((n, h) => n + (h ? 0 : 1), 0);
    expect(shown).toBe(
      a.steps.length - (steps.forwardLast - steps.forwardFirst) - (back.length - 1),
    );
    expect(nextStop(hidden, back.at(-2)!, 1)).toBe(back.at(-1)! + 1);
  });

  it('has the Jacobian summed over its statements: through h1_*, x1 gets all of ∂L/∂x1', () => {
    const a = analyze(NET);
    const [h1, h2] = layerGroups(a.compiled);
    const x1 = a.graph.nodes.find((n) => n.name === 'x1')!.id;
    // x1 is read by layer 1 alone: its whole gradient comes through the layer.
    const term = groupChain(a.compiled, h1, a.backward).find((t) => t.operand === x1)!;
    expect(term.product).toBeCloseTo(a.backward.grad[x1], 12);
    // h1_2 reaches L only through layer 2: its gradient is the layer's share for it.
    const h12 = a.graph.nodes.find((n) => n.name === 'h1_2')!.id;
    const share = groupChain(a.compiled, h2, a.backward).find((t) => t.operand === h12)!;
    expect(share.product).toBeCloseTo(a.backward.grad[h12], 12);
  });

  it('collapses into one box that every use of its statements leaves from', () => {
    const a = analyze(NET);
    const [h1] = layerGroups(a.compiled);
    const input = toLayoutInput(a, () => ({ width: 40, height: 40 }));
    const collapsed = collapseLayoutInput(input, [h1]);
    expect(collapsed.nodes).toHaveLength(input.nodes.length - (h1.nodes.length - 1));
    const ids = new Set(collapsed.nodes.map((n) => n.id));
    for (const e of collapsed.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    const out = collapsed.edges.filter((e) => h1.outputs.includes(e.id));
    expect(out).toHaveLength(6);
    for (const e of out) expect(e.from).toBe(h1.root);
  });
});
