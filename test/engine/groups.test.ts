import { describe, expect, it } from 'vitest';
import {
  analyze,
  groupChain,
  groupSteps,
  hiddenSteps,
  nextStop,
  scalarGradient,
  statementGroups,
  type Analysis,
} from '../../src/engine';
import { TWO_NEURONS } from '../fixtures/networks';

const NET = TWO_NEURONS;

const id = (a: Analysis, name: string) => a.graph.nodes.find((n) => n.name === name)!.id;

describe('statementGroups', () => {
  it("holds a statement's ops and constants, never the inputs it reads", () => {
    const a = analyze(NET);
    const groups = statementGroups(a.compiled);
    expect(groups.map((g) => g.name)).toEqual(['h1', 'h2', 'L']);
    const h1 = groups[0];
    expect(h1.root).toBe(id(a, 'h1'));
    expect(h1.nodes.map((n) => a.graph.nodes[n].op)).toEqual(['mul', 'add', 'tanh']);
    // L = (h1 + h2 - 1)^2 holds its constants 1 and 2 too.
    const L = groups[2];
    expect(L.nodes.filter((n) => a.graph.nodes[n].kind === 'const')).toHaveLength(2);
    expect(L.nodes.at(-1)).toBe(a.graph.output);
  });

  it('has the edges from outside as inputs and the root’s uses as outputs', () => {
    const a = analyze(NET);
    const [h1, , L] = statementGroups(a.compiled);
    const from = (edges: readonly number[]) =>
      edges.map((e) => a.graph.nodes[a.graph.edges[e].from].name);
    expect(from(h1.inputs)).toEqual(['w1', 'x', 'b1']);
    expect(h1.outputs.map((e) => a.graph.edges[e].to)).toEqual([
      a.graph.nodes.find((n) => n.operands.includes(h1.root))!.id,
    ]);
    expect(from(L.inputs)).toEqual(['h1', 'h2']);
    expect(L.outputs).toEqual([]);
  });

  it('only ever lets the root be used outside the group', () => {
    const a = analyze(NET);
    for (const g of statementGroups(a.compiled)) {
      const member = new Set(g.nodes);
      for (const m of g.nodes) {
        if (m === g.root) continue;
        for (const e of a.graph.nodes[m].outEdges)
          expect(member.has(a.graph.edges[e].to)).toBe(true);
      }
    }
  });

  it('leaves out a statement of one node, an input, and an unnamed output', () => {
    const a = analyze('x = 3\nq = x\nr = q * 2\n(r + 1) * x');
    expect(statementGroups(a.compiled).map((g) => g.name)).toEqual(['r']);
  });

  it('does not take in an input the statement meets first', () => {
    const a = analyze('h = sin(u) * 3\nf = h + v');
    const [h] = statementGroups(a.compiled);
    expect(h.nodes.map((n) => a.graph.nodes[n].op)).toEqual(['sin', 'const', 'mul']);
    expect(h.inputs.map((e) => a.graph.nodes[a.graph.edges[e].from].name)).toEqual(['u']);
  });
});

describe('groupSteps and the chain rule of a collapsed group', () => {
  it('covers one contiguous run of forward steps ending at the root', () => {
    const a = analyze(NET);
    const [h1] = statementGroups(a.compiled);
    const s = groupSteps(a.compiled, h1, a.trace);
    expect(s.forwardLast).toBe(a.trace.nodeValueStep[h1.root]);
    for (let k = s.forwardFirst; k <= s.forwardLast; k++) {
      const step = a.steps[k];
      const node = step.kind === 'forward-node' ? step.node : 'to' in step ? step.to : -1;
      expect(h1.nodes).toContain(node);
    }
    // Backward: mul → w1 and x, add → mul and b1, tanh → add: five gradient steps.
    expect(s.backward).toHaveLength(5);
    expect(s.backward.every((k) => a.steps[k].phase === 'backward')).toBe(true);
  });

  it('multiplies the hidden local derivatives: ∂L/∂x through h1 = ∂L/∂h1 · ∂h1/∂x', () => {
    const a = analyze(NET);
    const [h1, h2] = statementGroups(a.compiled);
    const terms = groupChain(a.compiled, h1, a.backward);
    const x = terms.find((t) => t.operand === id(a, 'x'))!;
    const h1v = Math.tanh(2 * 0.5 - 1);
    expect(x.upstream).toBeCloseTo(a.graph.nodes[h1.root].grad!, 12);
    expect(x.local).toBeCloseTo((1 - h1v * h1v) * 2, 12);
    expect(x.product).toBeCloseTo(x.upstream * x.local, 12);
    // Both neurons' products add up to x's whole gradient.
    const x2 = groupChain(a.compiled, h2, a.backward).find((t) => t.operand === id(a, 'x'))!;
    expect(x.product + x2.product).toBeCloseTo(scalarGradient(a, 'x')!, 12);
  });

  it('sums over paths inside the group: h = x*x + x gives ∂h/∂x = 2x + 1', () => {
    const a = analyze('x = 3\nh = x*x + x\nf = 2*h');
    const [h] = statementGroups(a.compiled);
    const [term] = groupChain(a.compiled, h, a.backward);
    expect(term.local).toBe(7);
    expect(term.product).toBe(14);
  });
});

describe('stepping through collapsed groups', () => {
  it('plays a collapsed group as one forward and one backward step', () => {
    const a = analyze(NET);
    const groups = statementGroups(a.compiled);
    const [h1] = groups;
    const s = groupSteps(a.compiled, h1, a.trace);
    const hidden = hiddenSteps(a.compiled, a.trace, [h1]);
    const stops: number[] = [0];
    for (let k = nextStop(hidden, 0, 1); k !== stops.at(-1); k = nextStop(hidden, k, 1))
      stops.push(k);
    expect(stops.at(-1)).toBe(a.steps.length);
    // The group's forward run is one stop, right after the root's evaluation.
    expect(stops).toContain(s.forwardLast + 1);
    for (let k = s.forwardFirst + 1; k <= s.forwardLast; k++) expect(stops).not.toContain(k);
    const shown = (k: number) => stops.includes(k + 1);
    expect(s.backward.filter(shown)).toEqual([s.backward.at(-1)]);
    expect(stops.length - 1).toBe(a.steps.length - (s.forwardLast - s.forwardFirst) - 4);
    // Back again, stop by stop.
    const back: number[] = [a.steps.length];
    for (
      let k = nextStop(hidden, a.steps.length, -1);
      k !== back.at(-1);
      k = nextStop(hidden, k, -1)
    )
      back.push(k);
    expect(back.reverse()).toEqual(stops);
  });

  it('with nothing collapsed, every step is a stop', () => {
    const a = analyze(NET);
    const hidden = hiddenSteps(a.compiled, a.trace, []);
    expect(nextStop(hidden, 4, 1)).toBe(5);
    expect(nextStop(hidden, 4, -3)).toBe(1);
    expect(nextStop(hidden, 0, -1)).toBe(0);
    expect(nextStop(hidden, a.steps.length, 1)).toBe(a.steps.length);
  });
});
