import { describe, expect, it } from 'vitest';
import { toLayoutInput } from '../../src/layout/fromAnalysis';
import { layoutGraph } from '../../src/layout/layoutGraph';
import { layoutSize } from '../../src/layout/nodeSize';
import { networkProgram } from '../../src/layout/samplePrograms';
import { stableKeys } from '../../src/layout/stableKeys';
import { createAppStore, type StoreDeps } from '../../src/state/store';

const NET = networkProgram([3, 4, 2]);

/** A store laying out for real, and where each node is drawn, by stable key. */
function makeStore() {
  const deps: StoreDeps = { layout: layoutGraph, sizeOf: layoutSize };
  const store = createAppStore(deps, { source: NET });
  store.getState().setSource(NET, { immediate: true });
  const places = () => {
    const s = store.getState();
    const keys = stableKeys(toLayoutInput(s.analysis!, layoutSize));
    return new Map(s.layout!.nodes.map((p) => [keys[p.id], `${p.x},${p.y}`]));
  };
  /** Keys drawn both times whose place changed, but for those `skip` says may move. */
  const moved = (
    before: Map<string, string>,
    after: Map<string, string>,
    skip = (_k: string) => false,
  ) => [...before].filter(([k, v]) => after.has(k) && after.get(k) !== v && !skip(k));
  return { store, places, moved };
}

describe('stable layout across a rename (issue 17)', () => {
  it('renaming x1 to x9 in one statement leaves every other node where it was', () => {
    const { store, places, moved } = makeStore();
    const before = places();
    const line = NET.split('\n').find((l) => l.startsWith('h1_2'))!;
    store.getState().setSource(NET.replace(line, line.replace('*x1', '*x9')), { immediate: true });
    const after = places();
    expect(after.has('x9')).toBe(true);
    expect([...before.keys()].filter((k) => after.has(k)).length).toBe(before.size);
    expect(moved(before, after)).toEqual([]);
  });

  it('a renamed input keeps its place through the next edit: the keys follow the new name', () => {
    const { store, places, moved } = makeStore();
    const renamed = NET.replaceAll(/\bx1\b/g, 'x1b');
    store.getState().setSource(renamed, { immediate: true });
    const after = places();
    expect(after.has('x1b')).toBe(true);
    // Another statement grows: what the drawing is matched with must know x1 as x1b now.
    const h3 = renamed.split('\n').find((l) => l.startsWith('h1_3'))!;
    store
      .getState()
      .setSource(renamed.replace(h3, h3.replace('sigmoid(', 'sigmoid(2 * ')), { immediate: true });
    const next = places();
    // h1_3's own nodes and the products that read it (a column further on) find new places.
    const readsH13 = (k: string) => k.startsWith('h1_3') || /^o\d:mul:2$/.test(k);
    expect(moved(after, next, readsH13)).toEqual([]);
    expect(after.get('x1b')).toBe(next.get('x1b'));
  });
});
