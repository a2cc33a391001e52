import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { toLayoutInput } from '../../src/layout/fromAnalysis';
import { graphView, type GraphViewWords } from '../../src/view/renderer/viewModel';
import { fakeLayout } from '../state/fakeLayout';

// graphView remembers formatted numbers, accessible labels and the layout's index between calls
// (stepping a 2,000-node graph): what it remembers must never leak from one input to another.
const english: GraphViewWords = {
  nodeValue: (n, v) => `${n} = ${v}`,
  nodeValueGrad: (n, v, g) => `${n} = ${v}, gradient ${g}`,
  nodeUnknown: (n) => `${n}, not yet computed`,
};
const other: GraphViewWords = {
  nodeValue: (n, v) => `${n} bằng ${v}`,
  nodeValueGrad: (n, v, g) => `${n} bằng ${v}, gradient ${g}`,
  nodeUnknown: (n) => `${n} chưa tính`,
};

const a = analyze('x = 1.23456789; y = 2\nf = x * y');
const layout = fakeLayout(toLayoutInput(a, () => ({ width: 40, height: 40 })));
const end = a.steps.length;
const x = (v: ReturnType<typeof graphView>) => v.nodes.find((n) => n.symbolName === 'x')!;

describe('graph view model: remembered numbers and labels', () => {
  it('formats with the precision asked for, whichever came first', () => {
    const base = { analysis: a, layout, stepIndex: end, selected: null, words: english };
    const six = x(graphView({ ...base, digits: 6 })).value;
    const three = x(graphView({ ...base, digits: 3 })).value;
    expect(six).toBe('1.23457');
    expect(three).toBe('1.23');
    expect(x(graphView({ ...base, digits: 6 })).value).toBe(six);
  });

  it('labels in the words given, switching back and forth', () => {
    const base = { analysis: a, layout, stepIndex: end, selected: null };
    expect(x(graphView({ ...base, words: english })).ariaLabel).toMatch(/^x = /);
    expect(x(graphView({ ...base, words: other })).ariaLabel).toMatch(/^x bằng /);
    expect(x(graphView({ ...base, words: english })).ariaLabel).toMatch(/^x = /);
    const f = graphView({ ...base, stepIndex: 0, words: other }).nodes.find(
      (n) => n.symbolName === 'f',
    )!;
    expect(f.ariaLabel).toBe('f chưa tính');
  });

  it('positions follow the layout passed, not one seen before', () => {
    const moved = { ...layout, nodes: layout.nodes.map((n) => ({ ...n, x: n.x + 100 })) };
    const base = { analysis: a, stepIndex: 0, selected: null, words: english };
    const before = x(graphView({ ...base, layout })).x;
    expect(x(graphView({ ...base, layout: moved })).x).toBe(before + 100);
    expect(x(graphView({ ...base, layout })).x).toBe(before);
  });
});
