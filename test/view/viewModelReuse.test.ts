import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, tangentTrace, type QuestionKind } from '../../src/engine';
import { toLayoutInput } from '../../src/layout/fromAnalysis';
import { layoutGraph } from '../../src/layout/layoutGraph';
import { layoutSize } from '../../src/layout/nodeSize';
import { networkProgram } from '../../src/layout/samplePrograms';
import { groupsOf } from '../../src/state/groups';
import { practiceStepState, stepState } from '../../src/state/stepState';
import type { Selection } from '../../src/state/types';
import { changedParts } from '../../src/view/renderer/renderer';
import {
  forgetViews,
  graphView,
  type GraphView,
  type ViewInput,
} from '../../src/view/renderer/viewModel';

/**
 * Stepping keeps the node and edge views whose state did not change (`graphView` remembers its
 * last picture). Whatever order pictures are asked for in, each must equal the one built from
 * nothing, and the renderer's diff must find every view that differs.
 */

const words = {
  nodeValue: (name: string, value: string) => `${name} = ${value}`,
  nodeValueGrad: (name: string, value: string, grad: string) => `${name} = ${value}, ∂ ${grad}`,
  nodeUnknown: (name: string) => `${name}, not computed yet`,
};

// Shared intermediates (forks) and a named statement, so partial sums and groups are drawn.
const a = analyze(`${networkProgram([2, 2, 1])}\nq = L * x1 + L`);
const layout = layoutGraph(toLayoutInput(a, layoutSize));
const groups = groupsOf(a);
const tangent = tangentTrace(a, 'x1')!;
const count = a.steps.length;
const kinds: readonly QuestionKind[][] = [[], ['value'], ['local'], ['contribution'], ['sum']];

interface Picture {
  k: number;
  selected: Selection;
  linked: number | null;
  forward: boolean;
  hidden: number;
}

function inputOf(p: Picture): ViewInput {
  const mode = { ad: p.forward ? 'forward' : 'reverse', wrt: p.forward ? 'x1' : null } as const;
  const base = stepState(a, mode, p.k);
  const known = p.forward ? base : practiceStepState(a, mode, base, kinds[p.hidden]);
  return {
    analysis: a,
    layout,
    stepIndex: p.k,
    selected: p.selected,
    linked: p.linked,
    groups,
    words,
    known,
    ...(p.forward ? { tangent } : {}),
  };
}

function fresh(input: ViewInput): GraphView {
  forgetViews();
  const v = graphView(input);
  forgetViews();
  return v;
}

const picture = fc.record({
  k: fc.integer({ min: 0, max: count }),
  selected: fc.oneof(
    fc.constant(null),
    fc.record({ kind: fc.constant('node' as const), id: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ kind: fc.constant('edge' as const), id: fc.integer({ min: 0, max: 5 }) }),
  ),
  linked: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5 })),
  forward: fc.boolean(),
  hidden: fc.integer({ min: 0, max: kinds.length - 1 }),
});

describe('graph view model: views kept from the last picture', () => {
  it('equals the picture built from nothing, in any order of steps', () => {
    fc.assert(
      fc.property(fc.array(picture, { minLength: 2, maxLength: 12 }), (pictures) => {
        forgetViews();
        for (const p of pictures) {
          const input = inputOf(p);
          expect(graphView(input)).toEqual(fresh(input));
          // Rebuilt whole by `fresh`; asked again, the kept picture is rebuilt from it.
          graphView(input);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the objects of what a step did not change, and the diff finds the rest', () => {
    forgetViews();
    const at = (k: number) =>
      graphView(inputOf({ k, selected: null, linked: null, forward: false, hidden: 0 }));
    let before = at(0);
    for (let k = 1; k <= count; k++) {
      const after = at(k);
      const kept = after.nodes.filter((n, i) => n === before.nodes[i]).length;
      // A step changes a few nodes: the rest are the same objects.
      expect(kept).toBeGreaterThan(after.nodes.length - 6);
      const diff = changedParts(before, after)!;
      const wrong = after.nodes.filter(
        (n, i) => JSON.stringify(n) !== JSON.stringify(before.nodes[i]) && !diff.nodes.includes(n),
      );
      expect(wrong).toEqual([]);
      const wrongEdges = after.edges.filter(
        (e, i) => JSON.stringify(e) !== JSON.stringify(before.edges[i]) && !diff.edges.includes(e),
      );
      expect(wrongEdges).toEqual([]);
      before = after;
    }
  });
});
