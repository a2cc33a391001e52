import { describe, expect, it, vi } from 'vitest';
import '../../src/engine/tensor/install';
import { exampleById } from '../../src/examples';
import { createAppStore, type StoreDeps } from '../../src/state/store';
import { urlStateOf } from '../../src/state/urlSync';
import { entries } from '../../src/view/tensor/tensorView';
import { withEntry } from '../../src/view/Inputs/tensorEdit';
import { fakeLayout } from './fakeLayout';

/**
 * Issue 15, point 3, in the store: a matrix cell edited in the Inputs panel is the same program
 * with another number, so the step, the example (and its step notes) and the layout stay, and
 * the link carries the new text.
 */
function makeStore() {
  const layout = vi.fn(fakeLayout);
  const deps: StoreDeps = { layout, sizeOf: () => ({ width: 40, height: 40 }) };
  return { store: createAppStore(deps), layout };
}

describe('editing a matrix input', () => {
  it('keeps the step, the example and the layout; the link holds the edited program', async () => {
    const { store, layout } = makeStore();
    store.getState().loadExample('softmaxNet');
    await vi.waitFor(() => expect(store.getState().analysis?.tensor).toBeDefined());
    await vi.waitFor(() => expect(store.getState().layout).not.toBeNull());
    store.getState().goTo(15);
    const layouts = layout.mock.calls.length;
    const t = store.getState().analysis!.tensor!;
    const X = t.inputs.find((i) => i.name === 'X')!;
    const lossBefore = t.loss;
    const next = withEntry(
      store.getState().source,
      { span: t.graph.nodes[X.node].span, shape: X.shape, data: entries(X.value) },
      0,
      3,
    )!;
    store.getState().setDeclaredValues(next);

    const s = store.getState();
    expect(s.source).toBe(next);
    expect(s.stepIndex).toBe(15);
    expect(s.example).toBe('softmaxNet');
    expect(layout.mock.calls.length).toBe(layouts);
    expect(entries(s.analysis!.tensor!.inputs.find((i) => i.name === 'X')!.value)[0]).toBe(3);
    expect(s.analysis!.tensor!.loss).not.toBe(lossBefore);
    expect(urlStateOf(s).source).toBe(next);
    expect(next).not.toBe(exampleById('softmaxNet')!.source);
  });
});
