import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/engine';
import { toLayoutInput } from '../../src/layout/fromAnalysis';
import { layoutKey } from '../../src/layout/incremental';
import { layoutGraph } from '../../src/layout/layoutGraph';
import { layoutSize } from '../../src/layout/nodeSize';
import { networkProgram } from '../../src/layout/samplePrograms';
import { createAppStore, type StoreDeps } from '../../src/state/store';

const inputOf = (source: string) => toLayoutInput(analyze(source), layoutSize);
const NET = networkProgram([3, 4, 2]);

describe('stable layout on edit', () => {
  it('gives an edit that keeps the graph’s shape the same key, and another shape another key', () => {
    const edited = NET.replace('h1_2 = sigmoid(', 'h1_2 = tanh(').replace('b1_1', 'c1_1');
    expect(edited).not.toBe(NET);
    expect(layoutKey(inputOf(edited))).toBe(layoutKey(inputOf(NET)));
    expect(layoutKey(inputOf(NET.replace('h1_2 = sigmoid(', 'h1_2 = exp(-')))).not.toBe(
      layoutKey(inputOf(NET)),
    );
  });

  it('is a pure function of its key: equal keys lay out to the same positions', () => {
    const a = layoutGraph(inputOf(NET));
    const b = layoutGraph(inputOf(NET.replace('h1_2 = sigmoid(', 'h1_2 = tanh(')));
    expect(b.nodes).toEqual(a.nodes);
    expect(b.edges).toEqual(a.edges);
  });

  it('keeps every unchanged node where it was when one statement changes, without a new layout', () => {
    const layout = vi.fn(layoutGraph);
    const deps: StoreDeps = { layout, sizeOf: layoutSize };
    const store = createAppStore(deps, { source: NET });
    store.getState().setSource(NET, { immediate: true });
    const before = store.getState().layout!;
    expect(layout).toHaveBeenCalledTimes(1);
    // One statement edited (another activation): same shape, so the same layout, not a new one.
    store.getState().setSource(NET.replace('h1_3 = sigmoid(', 'h1_3 = relu('), { immediate: true });
    expect(layout).toHaveBeenCalledTimes(1);
    expect(store.getState().layout).toBe(before);
    expect(store.getState().analysis!.graph.nodes.find((n) => n.name === 'h1_3')!.op).toBe('relu');
    // An edit that adds nodes changes the shape: that one is laid out again.
    store.getState().setSource(NET.replace('h1_3 = sigmoid(', 'h1_3 = exp(-'), { immediate: true });
    expect(layout).toHaveBeenCalledTimes(2);
  });
});

describe('stable layout when a statement adds or removes nodes', () => {
  /** Every node of `before` still in `after` (same id and name) at the same place. */
  function moved(before: string, after: string): string[] {
    const a = analyze(before);
    const b = analyze(after);
    const la = layoutGraph(inputOf(before));
    const lb = new Map(layoutGraph(inputOf(after)).nodes.map((n) => [n.id, n]));
    const out: string[] = [];
    for (const p of la.nodes) {
      const q = lb.get(p.id);
      const name = a.graph.nodes[p.id].symbol.name;
      if (!q || b.graph.nodes[p.id].symbol.name !== name) continue;
      if (q.x !== p.x || q.y !== p.y) out.push(`${name} (${p.x},${p.y}) → (${q.x},${q.y})`);
    }
    return out;
  }

  it('keeps every node where it was when a statement is added after the others', () => {
    const grown = `${NET}\ng = 2 * L + exp(L)`;
    expect(analyze(grown).graph.nodes.length).toBeGreaterThan(analyze(NET).graph.nodes.length);
    expect(moved(NET, grown)).toEqual([]);
  });

  it('keeps every node where it was when the last statement is taken away again', () => {
    const grown = `${NET}\ng = 2 * L + exp(L)`;
    expect(moved(grown, NET)).toEqual([]);
  });
});
