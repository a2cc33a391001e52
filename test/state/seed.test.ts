import { describe, expect, it, vi } from 'vitest';
import '../../src/engine/tensor/install';
import { analyze, formatNumber } from '../../src/engine';
import { createAppStore, type StoreDeps } from '../../src/state/store';
import { urlStateOf } from '../../src/state/urlSync';
import { fakeLayout } from './fakeLayout';

/** The seed of randn (issue 14): from a link into analyze, and "New random values". */
const RANDN = 'W = randn(2, 3)\nL = sum(W * W)';
const outputWith = (seed: number) => formatNumber(analyze(RANDN, undefined, { seed }).output);

function makeStore() {
  const deps: StoreDeps = { layout: vi.fn(fakeLayout), sizeOf: () => ({ width: 40, height: 40 }) };
  return createAppStore(deps, { source: '(x+y)*z', values: { x: -2, y: 5, z: -4 } });
}

/** The output the store's tensor analysis shows, once its layout code has loaded (issue 15). */
async function drawnOutput(store: ReturnType<typeof makeStore>): Promise<string> {
  await vi.waitFor(() => expect(store.getState().analysis?.tensor).toBeDefined());
  return formatNumber(store.getState().analysis!.tensor!.loss);
}

describe('the seed of randn in the store', () => {
  it('a link’s seed reaches analyze: the drawn program has that seed’s output', async () => {
    const store = makeStore();
    store.getState().hydrate({ source: RANDN, seed: 5 });
    expect(store.getState().seed).toBe(5);
    expect(await drawnOutput(store)).toBe(outputWith(5));
    expect(store.getState().error).toBeNull();
    expect(outputWith(5)).not.toBe(outputWith(0));
    expect(urlStateOf(store.getState()).seed).toBe(5);
  });

  it('newSeed draws another seed and analyses again; a link without one is seed 0', async () => {
    const store = makeStore();
    store.getState().hydrate({ source: RANDN });
    expect(store.getState().seed).toBe(0);
    expect(await drawnOutput(store)).toBe(outputWith(0));
    expect(urlStateOf(store.getState()).seed).toBeUndefined();
    store.getState().newSeed();
    const { seed } = store.getState();
    expect(seed).toBeGreaterThanOrEqual(1);
    expect(seed).toBeLessThanOrEqual(999_999_999);
    expect(formatNumber(store.getState().analysis!.tensor!.loss)).toBe(outputWith(seed));
    expect(urlStateOf(store.getState()).seed).toBe(seed);
  });

  it('a program without randn does not carry the seed in its link', () => {
    const store = makeStore();
    store.getState().hydrate({ source: '(x+y)*z', seed: 7 });
    expect(store.getState().error).toBeNull();
    expect(urlStateOf(store.getState()).seed).toBeUndefined();
  });
});
