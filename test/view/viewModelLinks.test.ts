import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { toLayoutInput } from '../../src/layout/fromAnalysis';
import { graphView, type GraphViewWords } from '../../src/view/renderer/viewModel';
import { selectPaths } from '../../src/state/modes';
import { stepState } from '../../src/state/stepState';
import { fakeLayout } from '../state/fakeLayout';

const words: GraphViewWords = {
  nodeValue: (n, v) => `${n} = ${v}`,
  nodeValueGrad: (n, v, g) => `${n} = ${v}, gradient ${g}`,
  nodeUnknown: (n) => `${n}, not yet computed`,
};

const colah = analyze('a = 2; b = 1\nc = a + b\nd = b + 1\ne = c * d');
const layout = fakeLayout(toLayoutInput(colah, () => ({ width: 40, height: 40 })));
const view = (extra: Partial<Parameters<typeof graphView>[0]> = {}) =>
  graphView({ analysis: colah, layout, stepIndex: 0, selected: null, words, ...extra });
const id = (name: string) => colah.graph.nodes.find((n) => n.symbol.text === name)!.id;

describe('graph view model: the formula link and the paths highlight', () => {
  it('marks exactly the node a hovered formula factor names', () => {
    expect(view().nodes.filter((n) => n.linked)).toEqual([]);
    const linked = view({ linked: id('c') }).nodes.filter((n) => n.linked);
    expect(linked.map((n) => n.id)).toEqual([id('c')]);
  });

  it('never fades the edge being explained, whatever the paths highlight', () => {
    const paths = selectPaths({
      analysis: colah,
      settings: { ad: 'reverse', wrt: null } as never,
      pathsFrom: 'a',
    })!;
    const highlight = new Set(paths.result.edges);
    for (let k = 1; k <= colah.steps.length; k++) {
      const v = view({ stepIndex: k, highlight });
      const active = v.edges.find((e) => e.active !== null);
      if (active) expect(active.onPath).not.toBe(false);
    }
  });

  it('shows a badge exactly where stepState says a gradient has arrived', () => {
    for (let k = 0; k <= colah.steps.length; k++) {
      const known = stepState(colah, { ad: 'reverse', wrt: null }, k);
      const v = view({ stepIndex: k });
      for (const e of v.edges) expect(e.grad !== null).toBe(known.edgeGradKnown(e.id));
      for (const n of v.nodes) expect(n.value !== null).toBe(known.valueKnown(n.id));
    }
  });
});
