import { describe, expect, it } from 'vitest';
import { analyze, groupSteps, statementGroups } from '../../src/engine';
import { collapseLayoutInput } from '../../src/layout/collapse';
import { toLayoutInput } from '../../src/layout/fromAnalysis';
import { layoutSize } from '../../src/layout/nodeSize';
import { graphView } from '../../src/view/renderer/viewModel';
import { fakeLayout } from '../state/fakeLayout';
import { TWO_NEURONS } from '../fixtures/networks';

const NET = TWO_NEURONS;
const words = {
  nodeValue: (n: string, v: string) => `${n} = ${v}`,
  nodeValueGrad: (n: string, v: string, g: string) => `${n} = ${v}, ${g}`,
  nodeUnknown: (n: string) => n,
};

describe('the view of a collapsed group', () => {
  const a = analyze(NET);
  const groups = statementGroups(a.compiled);
  const [h1] = groups;
  const layout = fakeLayout(collapseLayoutInput(toLayoutInput(a, layoutSize), [h1]));
  const view = (stepIndex: number) =>
    graphView({ analysis: a, layout, stepIndex, selected: null, groups, words });

  it('draws the root as the box, leaves its other nodes out and ends its inputs at the box', () => {
    const v = view(0);
    expect(v.nodes.find((n) => n.id === h1.root)?.group).toEqual({
      name: 'h1',
      collapsed: true,
      label: 'Expand h1',
    });
    for (const m of h1.nodes.slice(0, -1)) expect(v.nodes.some((n) => n.id === m)).toBe(false);
    const into = v.edges.filter((e) => h1.inputs.includes(e.id));
    expect(into).toHaveLength(3);
    expect(into.every((e) => e.to === h1.root && e.toName === 'h1')).toBe(true);
    // Expanded groups carry their own control too.
    expect(v.nodes.find((n) => n.group?.name === 'h2')?.group?.label).toBe('Collapse h2');
  });

  it('plays a step inside the box on the box, with no pulse along a hidden edge', () => {
    const s = groupSteps(a.compiled, h1, a.trace);
    const v = view(s.forwardFirst + 2); // the + of w1*x and b1 has just been reached
    expect(v.step?.node).toBe(h1.root);
    expect(v.step?.edge === undefined || v.edges.some((e) => e.id === v.step!.edge)).toBe(true);
    expect(v.nodes.filter((n) => n.current).map((n) => n.id)).toContain(h1.root);
  });

  it('shows the box’s gradient once it has arrived', () => {
    const end = view(a.steps.length);
    expect(end.nodes.find((n) => n.id === h1.root)?.grad).not.toBeNull();
  });
});
