import { describe, expect, it, vi } from 'vitest';
import { groupSteps } from '../../src/engine';
import { groupsOf, hiddenOf, stopAt, stopsBefore } from '../../src/state/groups';
import { createAppStore, type StoreDeps } from '../../src/state/store';
import { decodeUrl, encodeUrl } from '../../src/state/url';
import { urlStateOf } from '../../src/state/urlSync';
import { fakeLayout } from './fakeLayout';
import { TWO_NEURONS } from '../fixtures/networks';
import { exampleById } from '../../src/examples';

const NET = TWO_NEURONS;

function makeStore() {
  const layout = vi.fn(fakeLayout);
  const deps: StoreDeps = { layout, sizeOf: () => ({ width: 40, height: 40 }) };
  const store = createAppStore(deps, { source: NET });
  store.getState().setSource(NET, { immediate: true });
  return { store, layout };
}

describe('collapsing groups in the store', () => {
  it('opens a typed program fully expanded', () => {
    const { store } = makeStore();
    expect(store.getState().collapsed).toEqual([]);
    expect(store.getState().layout!.nodes).toHaveLength(
      store.getState().analysis!.graph.nodes.length,
    );
  });

  it('lays a collapsed group out as one box, and expanding brings its nodes back', () => {
    const { store, layout } = makeStore();
    const all = store.getState().analysis!.graph.nodes.length;
    store.getState().setCollapsed(['h1']);
    const s = store.getState();
    expect(s.collapsed).toEqual(['h1']);
    expect(layout).toHaveBeenCalledTimes(2);
    expect(s.layout!.nodes).toHaveLength(all - 2); // h1's mul and add are inside its box
    // The edges from w1, x and b1 now end at the box: h1's root.
    const h1 = groupsOf(s.analysis!)[0];
    const input = layout.mock.calls[1][0];
    const into = input.edges.filter((e) => e.to === h1.root).map((e) => e.from);
    expect(into.map((id) => s.analysis!.graph.nodes[id].name).sort()).toEqual(['b1', 'w1', 'x']);
    store.getState().setCollapsed([]);
    expect(store.getState().layout!.nodes).toHaveLength(all);
  });

  it('forgets names the program does not have', () => {
    const { store } = makeStore();
    store.getState().setCollapsed(['h2', 'nope', 'x']);
    expect(store.getState().collapsed).toEqual(['h2']);
  });

  it('steps over a collapsed group in one step, forward and backward', () => {
    const { store } = makeStore();
    store.getState().setCollapsed(['h1']);
    const s0 = store.getState();
    const steps = groupSteps(s0.analysis!.compiled, groupsOf(s0.analysis!)[0], s0.analysis!.trace);
    store.getState().goTo(steps.forwardFirst);
    store.getState().stepBy(1);
    expect(store.getState().stepIndex).toBe(steps.forwardLast + 1);
    store.getState().stepBy(-1);
    expect(store.getState().stepIndex).toBe(steps.forwardFirst);
    // Expanded again, the same index shows where the trace is inside the group.
    store.getState().goTo(steps.forwardLast + 1);
    store.getState().setCollapsed([]);
    expect(store.getState().stepIndex).toBe(steps.forwardLast + 1);
    store.getState().stepBy(-1);
    expect(store.getState().stepIndex).toBe(steps.forwardLast);
  });

  it('counts a collapsed group as one step: the counter and the scrubber skip its hidden steps', () => {
    const { store } = makeStore();
    const all = store.getState().analysis!.steps.length;
    expect(stopsBefore(hiddenOf(store.getState()), all)).toBe(all);
    store.getState().setCollapsed(['h1']);
    const s = store.getState();
    const hidden = hiddenOf(s)!;
    const steps = groupSteps(s.analysis!.compiled, groupsOf(s.analysis!)[0], s.analysis!.trace);
    const inside = steps.forwardLast - steps.forwardFirst + steps.backward.length - 1;
    expect(inside).toBeGreaterThan(0);
    expect(stopsBefore(hidden, all)).toBe(all - inside);
    // The forward run of h1 is one step: the stop after it is the one after its first step.
    const before = stopsBefore(hidden, steps.forwardFirst);
    expect(stopsBefore(hidden, steps.forwardLast + 1)).toBe(before + 1);
    expect(stopAt(hidden, before + 1)).toBe(steps.forwardLast + 1);
    // Every stop maps back to itself, from 0 to the end.
    for (let i = 0; i <= all - inside; i++) expect(stopsBefore(hidden, stopAt(hidden, i))).toBe(i);
    expect(stopAt(hidden, all - inside)).toBe(all);
    // Stepping through the store lands on exactly those stops.
    store.getState().goTo(0);
    for (let i = 1; i <= all - inside; i++) {
      store.getState().stepBy(1);
      expect(store.getState().stepIndex).toBe(stopAt(hidden, i));
    }
  });

  it('keeps collapsed groups when an edit keeps their names', () => {
    const { store } = makeStore();
    store.getState().setCollapsed(['h1']);
    store.getState().setSource(NET.replace('b2 = 0.25', 'b2 = 0.5'), { immediate: true });
    expect(store.getState().collapsed).toEqual(['h1']);
  });
});

describe('collapsed groups in the link', () => {
  it('round-trips a layer, collapse=h*,L', () => {
    const search = encodeUrl({ source: 'f = 1', collapsed: ['h*', 'L'] });
    expect(decodeUrl(search).state.collapsed).toEqual(['h*', 'L']);
    expect(decodeUrl('?collapse=h1_*').state.collapsed).toEqual(['h1_*']);
    expect(decodeUrl('?collapse=*h').ignored).toEqual([{ key: 'collapse', reason: 'badValue' }]);
  });

  it('opens an example with its collapse set from the menu, a typed program expanded', () => {
    const { store } = makeStore();
    store.getState().loadExample('sigmoidChain10');
    expect(store.getState().collapsed).toEqual(exampleById('sigmoidChain10')!.collapsed);
    const s = store.getState();
    // Ten boxes in a chain: each layer's multiply is inside its box.
    expect(s.layout!.nodes.length).toBe(s.analysis!.graph.nodes.length - 10);
    store.getState().loadExample('twoLayer');
    expect(store.getState().collapsed).toEqual(['z_*']);
    store.getState().setSource('x = 1; w = 2\nh_1 = w*x + 1\nh_2 = w*x - 1\nf = h_1*h_2', {
      immediate: true,
    });
    expect(store.getState().collapsed).toEqual([]);
  });

  it('round-trips collapse=h1,h2', () => {
    const search = encodeUrl({ source: 'f = 1', collapsed: ['h1', 'h2'] });
    expect(search).toContain('collapse=h1,h2');
    expect(decodeUrl(search).state.collapsed).toEqual(['h1', 'h2']);
  });

  it('refuses a collapse= that is not a list of names', () => {
    const { state, ignored } = decodeUrl('?collapse=h1,<script>');
    expect(state.collapsed).toBeUndefined();
    expect(ignored).toEqual([{ key: 'collapse', reason: 'badValue' }]);
  });

  it('writes every group collapsed as collapse=*, which opens them all collapsed', () => {
    const { store } = makeStore();
    // The two neurons h1, h2 are a layer too (h*): every group is the statements and the layer.
    const all = groupsOf(store.getState().analysis!).map((g) => g.name);
    expect(all).toEqual(['h1', 'h2', 'L', 'h*']);
    store.getState().setCollapsed(all);
    const search = encodeUrl(urlStateOf(store.getState()));
    expect(search).toContain('collapse=*');
    const other = makeStore().store;
    other.getState().hydrate(decodeUrl(search).state);
    expect(other.getState().collapsed).toEqual(all);
    expect(other.getState().layout!.nodes.length).toBeLessThan(
      other.getState().analysis!.graph.nodes.length,
    );
  });

  it('reopens a link with one group collapsed, same program or not', () => {
    const { store } = makeStore();
    store.getState().hydrate(decodeUrl(`?expr=${encodeURIComponent(NET)}&collapse=h2`).state);
    expect(store.getState().collapsed).toEqual(['h2']);
    store.getState().hydrate(decodeUrl(`?expr=${encodeURIComponent(NET)}`).state);
    expect(store.getState().collapsed).toEqual([]);
    expect(store.getState().layout!.nodes).toHaveLength(
      store.getState().analysis!.graph.nodes.length,
    );
  });
});
