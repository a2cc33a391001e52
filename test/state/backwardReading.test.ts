import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { fakeLayout } from './fakeLayout';

const makeStore = () =>
  createAppStore({ layout: vi.fn(fakeLayout), sizeOf: () => ({ width: 40, height: 40 }) });

describe('store: reading a hand-written backward pass', () => {
  it('reads a program with no sign of gradient lines at once', () => {
    const store = makeStore();
    store.getState().setSource('x = 3; den = x + 1; f = den * den', { immediate: true });
    expect(store.getState().analysis?.output).toBe(16);
  });

  it('analyses the forward program, and switches an ambiguous line when asked', async () => {
    const store = makeStore();
    store.getState().setSource('x = 3\nf = x * x\ndx = 2 * x', { immediate: true });
    // The reader of hand-written gradients is a chunk of its own: the analysis waits for it.
    await vi.waitFor(() => expect(store.getState().analysis).not.toBeNull());
    let a = store.getState().analysis!;
    expect(a.output).toBe(9);
    expect(a.backwardPass?.gradients.map((g) => g.name)).toEqual(['dx']);

    store.getState().setReading('dx', 'forward');
    a = store.getState().analysis!;
    expect(store.getState().reading).toEqual({ dx: 'forward' });
    expect(a.output).toBe(6);
    expect(a.backwardPass?.keptForward.map((k) => k.name)).toEqual(['dx']);

    store.getState().setReading('dx', null);
    expect(store.getState().reading).toEqual({});
    expect(store.getState().analysis!.output).toBe(9);
  });

  it('keeps a choice for a line called __proto__ as a choice', () => {
    const store = makeStore();
    store.getState().setReading('__proto__', 'forward');
    expect(Object.keys(store.getState().reading)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(store.getState().reading)).toBe(Object.prototype);
  });
});
