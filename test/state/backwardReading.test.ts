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

describe('store: links to a hand-written backward pass', () => {
  const CIRCUIT = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';

  it('opens exercise=backward as the exercise, with practice on', async () => {
    const store = makeStore();
    store.getState().hydrate({ source: CIRCUIT, exercise: 'backward' });
    expect(store.getState().practice.on).toBe(true);
    await vi.waitFor(() =>
      expect(store.getState().source).toBe(`${CIRCUIT}\ndfdq = \ndfdz = \ndfdy = \ndfdx = `),
    );
    await vi.waitFor(() =>
      expect(store.getState().analysis?.backwardPass?.gradients).toHaveLength(4),
    );
    expect(store.getState().analysis?.output).toBe(-12);
  });

  it('"Check my backward pass" keeps a program whose lines are already being written', async () => {
    const store = makeStore();
    const started = `${CIRCUIT}\ndfdz = q`;
    store.getState().setSource(started, { immediate: true });
    await store.getState().startBackwardExercise();
    expect(store.getState().source).toBe(started);
  });

  it("opens a link's reading, and says when its step is out of range once the reader is here", async () => {
    // A fresh store module: its reader of gradient lines has not loaded yet, as on a first visit.
    vi.resetModules();
    const fresh = await import('../../src/state/store');
    const store = fresh.createAppStore({
      layout: vi.fn(fakeLayout),
      sizeOf: () => ({ width: 40, height: 40 }),
    });
    store.getState().hydrate({
      source: 'x = 3\nf = x * x\ndx = 2 * x',
      reading: { dx: 'forward' },
      step: 999,
    });
    await vi.waitFor(() => expect(store.getState().analysis).not.toBeNull());
    expect(store.getState().reading).toEqual({ dx: 'forward' });
    expect(store.getState().analysis!.output).toBe(6);
    expect(store.getState().ignored).toEqual([{ key: 'step', reason: 'outOfRange' }]);
  });
});
