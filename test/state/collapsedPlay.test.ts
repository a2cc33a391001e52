import { beforeAll, describe, expect, it, vi } from 'vitest';
import { groupSteps, type Analysis } from '../../src/engine';
import { networkProgram } from '../../src/layout/samplePrograms';
import { groupsOf, hiddenOf } from '../../src/state/groups';
import { createAppStore, loadPlayOrder, type StoreDeps } from '../../src/state/store';
import { decodeUrl, encodeUrl } from '../../src/state/url';
import { urlStateOf } from '../../src/state/urlSync';
import { fakeLayout } from './fakeLayout';

/** The 4-5-5-2 network of issue 17's note: layers h1_* and h2_* of tanh neurons. */
const NET = networkProgram([4, 5, 5, 2]).replaceAll('sigmoid', 'tanh');

function makeStore() {
  const deps: StoreDeps = { layout: vi.fn(fakeLayout), sizeOf: () => ({ width: 40, height: 40 }) };
  const store = createAppStore(deps, { source: NET });
  store.getState().setSource(NET, { immediate: true });
  return store;
}

/** A store with the layer `h2_*` collapsed, at the stop right after the layer's one step. */
function atLayerStop() {
  const store = makeStore();
  store.getState().setCollapsed(['h2_*']);
  const collapsed = store.getState().analysis!;
  const layer = groupsOf(collapsed).find((g) => g.name === 'h2_*')!;
  const steps = groupSteps(collapsed.compiled, layer, collapsed.trace).backward;
  const groupStop = steps[steps.length - 1] + 1;
  store.getState().goTo(groupStop);
  return { store, collapsed, layer, groupStop };
}

/** The backward edges played at step index k of `a`. */
const playedAt = (a: Analysis, k: number) =>
  Array.from(a.backward.edgeOrder.subarray(0, Math.max(0, k - a.trace.forwardCount - 1)));

/** Whether every edge in `edges` has been played at step index k of `a`. */
const holds = (a: Analysis, k: number, edges: readonly number[]) =>
  edges.every((e) => a.trace.edgeGradStep[e] < k);

beforeAll(() => loadPlayOrder());

describe('a collapsed group plays its backward steps as one run (issue 17)', () => {
  it('collapsing plays the group’s steps together, and the store’s trace is in that order', () => {
    const store = makeStore();
    const expanded = store.getState().analysis!;
    store.getState().setCollapsed(['h2_*']);
    const s = store.getState();
    // Another order, the same graph: what is memoized on it stays.
    expect(s.analysis).not.toBe(expanded);
    expect(s.analysis!.compiled).toBe(expanded.compiled);
    const layer = groupsOf(s.analysis!).find((g) => g.name === 'h2_*')!;
    const steps = groupSteps(s.analysis!.compiled, layer, s.analysis!.trace).backward;
    expect(steps[steps.length - 1] - steps[0] + 1).toBe(steps.length);
    // Stepping: from the stop before the block, one step plays all of it.
    store.getState().goTo(steps[0]);
    store.getState().stepBy(1);
    expect(store.getState().stepIndex).toBe(steps[steps.length - 1] + 1);
    // Expanded again, nothing collapsed: the engine's own analysis, and its order.
    store.getState().setCollapsed([]);
    expect(store.getState().analysis).toBe(expanded);
  });

  it('expanding right after the group’s step lands on its last inner step', () => {
    const { store, collapsed, layer, groupStop } = atLayerStop();
    const played = playedAt(collapsed, groupStop);
    store.getState().setCollapsed([]);
    const s = store.getState();
    const k = s.stepIndex;
    // Everything played before is still played, at the first index where it all is.
    expect(holds(s.analysis!, k, played)).toBe(true);
    expect(holds(s.analysis!, k - 1, played)).toBe(false);
    // The step just played is inside the group: a share sent by one of its nodes.
    const step = s.analysis!.steps[k - 1];
    expect(step.kind).toBe('backward-edge');
    if (step.kind === 'backward-edge') expect(layer.nodes).toContain(step.from);
  });

  it('expanding and collapsing again, with no step between, returns to the same step', () => {
    const { store, groupStop } = atLayerStop();
    store.getState().setCollapsed([]);
    const inside = store.getState().stepIndex;
    // Expanded, the trace also played steps the expanded order puts among the group's (h1_5's):
    // played from there, the collapsed order would land a stop or more further on.
    store.getState().setCollapsed(['h2_*']);
    expect(store.getState().stepIndex).toBe(groupStop);
    store.getState().setCollapsed([]);
    expect(store.getState().stepIndex).toBe(inside);
    // A step taken in between: the way back maps what is played, as any collapse does.
    store.getState().stepBy(1);
    store.getState().setCollapsed(['h2_*']);
    expect(store.getState().stepIndex).toBeGreaterThan(groupStop);
  });

  it('collapsing mid-trace keeps every share played, and lands on a stop', () => {
    const store = makeStore();
    const expanded = store.getState().analysis!;
    const all = groupsOf(expanded).map((g) => g.name);
    const { forwardCount } = expanded.trace;
    for (const names of [['h2_*'], ['h1_*'], ['h2_3', 'h2_*'], ['h1_2'], all]) {
      for (let k = 0; k <= expanded.steps.length; k += 7) {
        store.getState().setCollapsed([]);
        store.getState().goTo(k);
        store.getState().setCollapsed(names);
        const s = store.getState();
        const j = s.stepIndex;
        // The forward pass and the seed are where they were.
        if (k <= forwardCount + 1) {
          expect(j).toBe(k);
          continue;
        }
        expect(holds(s.analysis!, j, playedAt(expanded, k)), `${names} ${k}`).toBe(true);
        const hidden = hiddenOf(s)!;
        expect(j === 0 || !hidden[j - 1], `a stop, ${names} ${k}`).toBe(true);
        // The smallest such stop: one stop earlier leaves a played share out.
        let before = j - 1;
        while (before > 0 && hidden[before - 1]) before--;
        expect(holds(s.analysis!, before, playedAt(expanded, k))).toBe(false);
      }
    }
  });

  it('a link with collapse= and step= reopens the same step, in the collapsed order', () => {
    const { store, collapsed: a, groupStop: k } = atLayerStop();
    const search = encodeUrl(urlStateOf(store.getState()));
    expect(search).toContain('collapse=h2_*');
    expect(search).toContain(`step=${k}`);
    const other = makeStore();
    other.getState().hydrate(decodeUrl(search).state);
    const s = other.getState();
    expect(s.collapsed).toEqual(['h2_*']);
    expect(s.stepIndex).toBe(k);
    expect([...s.analysis!.backward.edgeOrder]).toEqual([...a.backward.edgeOrder]);
    // Same badges: the same gradients complete at that step.
    const done = (x: Analysis) =>
      Array.from(x.trace.nodeGradStep, (step, i) => (step < k ? i : -1)).filter((i) => i >= 0);
    expect(done(s.analysis!)).toEqual(done(a));
  });

  it('a link opened before the order’s code has loaded waits for it, then opens at its step', async () => {
    const store = makeStore();
    store.getState().setCollapsed(['h2_*']);
    const a = store.getState().analysis!;
    const layer = groupsOf(a).find((g) => g.name === 'h2_*')!;
    const steps = groupSteps(a.compiled, layer, a.trace).backward;
    const k = steps[steps.length - 1] + 1;
    // A fresh page: the store module (and what it has loaded) anew.
    vi.resetModules();
    const fresh = await import('../../src/state/store');
    const deps: StoreDeps = { layout: fakeLayout, sizeOf: () => ({ width: 40, height: 40 }) };
    const other = fresh.createAppStore(deps);
    other
      .getState()
      .hydrate(decodeUrl(`?expr=${encodeURIComponent(NET)}&collapse=h2_*&step=${k}`).state);
    // Nothing drawn in the wrong order meanwhile: the graph waits, as for a layout.
    expect(other.getState().analysis).toBeNull();
    expect(other.getState().layingOut).toBe(true);
    await fresh.loadPlayOrder();
    await vi.waitFor(() => expect(other.getState().analysis).not.toBeNull());
    const s = other.getState();
    expect(s.stepIndex).toBe(k);
    expect(s.layingOut).toBe(false);
    expect([...s.analysis!.backward.edgeOrder]).toEqual([...a.backward.edgeOrder]);
  });

  it('forward mode keeps its index when a group is collapsed', () => {
    const store = makeStore();
    store.getState().setSettings({ ad: 'forward' });
    const n = store.getState().analysis!.trace.forwardCount + 5;
    store.getState().goTo(n);
    store.getState().setCollapsed(['h2_*']);
    expect(store.getState().stepIndex).toBe(n);
  });
});
