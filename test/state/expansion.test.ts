import { describe, expect, it, vi } from 'vitest';
import '../../src/engine/tensor/install';
import { expandToScalars } from '../../src/engine/tensor/expand';
import { createAppStore, type StoreDeps } from '../../src/state/store';
import { fakeLayout } from './fakeLayout';

/** "Expand to scalars" and back (issue 15, point 6), and the drilled entry, in the store. */
const PROGRAM = 'W = randn(2, 2)\nX = [[1,2],[3,4]]\nZ = X @ W\nL = sum(Z * Z)';

function makeStore() {
  const deps: StoreDeps = { layout: vi.fn(fakeLayout), sizeOf: () => ({ width: 40, height: 40 }) };
  return createAppStore(deps, { source: '(x+y)*z', values: { x: -2, y: 5, z: -4 } });
}

describe('expanding a tensor op in the store', () => {
  it('opens the scalar program and goes back to the matrix program, seed, step and mode', async () => {
    const store = makeStore();
    store.getState().hydrate({ source: PROGRAM, seed: 7, step: 6, mode: 'present' });
    await vi.waitFor(() => expect(store.getState().analysis?.tensor).toBeDefined());
    expect(store.getState().stepIndex).toBe(6);
    const t = store.getState().analysis!.tensor!;
    const Z = t.nodes.find((n) => n.name === 'Z')!;
    store.getState().setTensorEntry({ node: Z.id, at: 1 });
    const scalar = expandToScalars(t.graph, t.run, Z.id)!;

    store.getState().openExpansion(scalar, 'Z');
    expect(store.getState().source).toBe(scalar);
    expect(store.getState().analysis?.tensor).toBeUndefined();
    expect(store.getState().stepIndex).toBe(0);
    expect(store.getState().settings.mode).toBe('present');
    expect(store.getState().expandedFrom).toMatchObject({ source: PROGRAM, seed: 7, stepIndex: 6 });
    // Another graph: the entry drilled into is gone with its node ids.
    expect(store.getState().tensorEntry).toBeNull();

    store.getState().closeExpansion();
    await vi.waitFor(() => expect(store.getState().analysis?.tensor).toBeDefined());
    expect(store.getState().source).toBe(PROGRAM);
    expect(store.getState().seed).toBe(7);
    expect(store.getState().stepIndex).toBe(6);
    expect(store.getState().settings.mode).toBe('present');
    expect(store.getState().expandedFrom).toBeNull();
    // Same seed, same numbers: the matrix program is exactly the one left.
    expect(store.getState().analysis!.tensor!.loss).toBe(t.loss);
  });
});
