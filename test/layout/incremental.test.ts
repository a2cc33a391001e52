import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/engine';
import { toLayoutInput } from '../../src/layout/fromAnalysis';
import { layoutKey } from '../../src/layout/incremental';
import { stableKeys } from '../../src/layout/stableKeys';
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
    // …with the drawing on screen, whose nodes it keeps where they were.
    expect(layout.mock.calls[1][0].previous?.layout.nodes).toBe(before.nodes);
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

describe('stable layout when a statement grows inside the program', () => {
  /**
   * Lays `before` out, then `after` with the first drawing as its previous one (as the store
   * does), and reports the nodes outside the edited statement `name` that moved: those upstream
   * or beside it in x or y, those downstream of it (and their constants) in y: a column the
   * edit adds moves what lies after it to the right, nothing else.
   */
  function movedAround(before: string, after: string, name: string) {
    const ia = inputOf(before);
    const la = layoutGraph(ia);
    const ib = inputOf(after);
    const plain = layoutGraph(ib);
    const lb = layoutGraph({ ...ib, previous: { input: ia, layout: la } });
    const b = analyze(after);
    const ka = stableKeys(ia);
    const kb = stableKeys(ib);
    const old = new Map(la.nodes.map((p) => [ka[p.id], p]));
    // The edited statement's nodes and everything computed from them.
    const root = b.graph.nodes.find((n) => n.name === name)!;
    const inStatement = new Set(
      kb.flatMap((k, i) => (k === name || k.startsWith(`${name}:`) ? [i] : [])),
    );
    const downstream = new Set<number>();
    for (const n of b.graph.nodes) {
      if (n.id === root.id || n.operands.some((o) => downstream.has(o) || o === root.id))
        downstream.add(n.id);
    }
    // A constant is drawn just before its consumer: it follows it right.
    for (const e of b.graph.edges)
      if (b.graph.nodes[e.from].kind === 'const' && downstream.has(e.to)) downstream.add(e.from);
    const count = (l: typeof la) => {
      const moved: string[] = [];
      let kept = 0;
      for (const q of l.nodes) {
        const p = old.get(kb[q.id]);
        // The statement's own nodes, and those that use its result (they move a column on
        // their own, leaving their old neighbours), find new places.
        if (!p || inStatement.has(q.id) || b.graph.nodes[q.id].operands.includes(root.id)) continue;
        kept++;
        const dx = Math.abs(q.x - p.x) > 0.5;
        const dy = Math.abs(q.y - p.y) > 0.5;
        if (dy || (dx && !downstream.has(q.id)))
          moved.push(`${kb[q.id]} ${p.x},${p.y} → ${q.x},${q.y}`);
      }
      return { moved, kept };
    };
    return { plain: count(plain), anchored: count(lb) };
  }

  it('keeps every node outside the edited statement where it was (a 60-odd node network)', () => {
    const line = NET.split('\n').find((l) => l.startsWith('h1_2'))!;
    const grown = NET.replace(line, line.replace('+ b1_2)', '+ b1_2 + c)'));
    const r = movedAround(NET, grown, 'h1_2');
    expect(r.anchored.kept).toBeGreaterThan(60);
    // Laid out afresh, most of the graph jumps; kept in place, none of it does.
    expect(r.plain.moved.length).toBeGreaterThan(r.plain.kept / 2);
    expect(r.anchored.moved).toEqual([]);
  });

  it('keeps the rest in place when the output statement grows, and when a term is wrapped', () => {
    const o1 = NET.split('\n').find((l) => l.startsWith('o1'))!;
    expect(
      movedAround(NET, NET.replace(o1, o1.replace('+ b2_1', '+ b2_1 + d')), 'o1').anchored.moved,
    ).toEqual([]);
    const h = NET.split('\n').find((l) => l.startsWith('h1_3'))!;
    expect(
      movedAround(NET, NET.replace(h, h.replace('sigmoid(', 'sigmoid(2 * ')), 'h1_3').anchored
        .moved,
    ).toEqual([]);
  });
});

describe('an anchored layout says so, for the camera', () => {
  it('is anchored when most of the drawing is found again, not for another program', () => {
    const ia = inputOf(NET);
    const la = layoutGraph(ia);
    const line = NET.split('\n').find((l) => l.startsWith('h1_2'))!;
    const grown = inputOf(NET.replace(line, line.replace('+ b1_2)', '+ b1_2 + c)')));
    expect(layoutGraph({ ...grown, previous: { input: ia, layout: la } }).anchored).toBe(true);
    // Only the name x1 in common: a new picture, which the camera fits afresh.
    const other = inputOf('x1 = 2; f = x1 * x1 + 3');
    expect(layoutGraph({ ...other, previous: { input: ia, layout: la } }).anchored).toBeUndefined();
    expect(layoutGraph(grown).anchored).toBeUndefined();
  });
});
