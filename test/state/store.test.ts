import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STEP_MS, TYPING_DEBOUNCE_MS } from '../../src/state/initialState';
import { createAppStore, literal, type StoreDeps } from '../../src/state/store';
import { structureKey } from '../../src/state/selectors';
import type { LayoutInput, LayoutResult } from '../../src/layout/types';
import { fakeLayout } from './fakeLayout';

function makeStore(layout: StoreDeps['layout'] = vi.fn(fakeLayout)) {
  const deps: StoreDeps = { layout, sizeOf: () => ({ width: 40, height: 40 }) };
  return {
    store: createAppStore(deps, { source: '(x+y)*z', values: { x: -2, y: 5, z: -4 } }),
    deps,
  };
}

describe('store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('analyses at once on request and lays the graph out', () => {
    const { store, deps } = makeStore();
    store.getState().setSource('(x+y)*z', { immediate: true });
    const s = store.getState();
    expect(s.analysis?.output).toBe(-12);
    expect(s.layout?.nodes).toHaveLength(5);
    expect(s.stepIndex).toBe(0);
    expect(deps.layout).toHaveBeenCalledTimes(1);
  });

  it('debounces typing and keeps the last good graph when the text is bad', () => {
    const { store } = makeStore();
    store.getState().setSource('(x+y)*z', { immediate: true });
    const good = store.getState().analysis;
    store.getState().setSource('(x+y*z');
    expect(store.getState().error).toBeNull(); // not yet analysed
    vi.advanceTimersByTime(TYPING_DEBOUNCE_MS + 1);
    const s = store.getState();
    expect(s.error?.code).toBe('error.unclosedParen');
    expect(s.error?.start).toBe(0);
    expect(s.analysis).toBe(good);
    expect(s.source).toBe('(x+y*z');
  });

  it('keeps the layout when only values change, and keeps the step', () => {
    const { store, deps } = makeStore();
    store.getState().setSource('(x+y)*z', { immediate: true });
    store.getState().goTo(7);
    const layout = store.getState().layout;
    store.getState().setValue('z', 2);
    const s = store.getState();
    expect(s.analysis?.output).toBe(6);
    expect(s.layout).toBe(layout);
    expect(s.stepIndex).toBe(7);
    expect(deps.layout).toHaveBeenCalledTimes(1);
  });

  it('writes a declared input back into the program text', () => {
    const { store } = makeStore();
    store.getState().setSource('x = -2 # input\nf = x * x', { immediate: true });
    store.getState().setValue('x', 3);
    const s = store.getState();
    expect(s.source).toBe('x = 3 # input\nf = x * x');
    expect(s.analysis?.output).toBe(9);
    expect(s.values).not.toHaveProperty('x');
  });

  it('steps, clamps, jumps to the backward pass and the end', () => {
    const { store } = makeStore();
    store.getState().setSource('(x+y)*z', { immediate: true });
    const n = store.getState().analysis!.steps.length;
    store.getState().stepBy(-1);
    expect(store.getState().stepIndex).toBe(0);
    store.getState().stepBy(1);
    expect(store.getState().stepIndex).toBe(1);
    store.getState().jumpToBackward();
    expect(store.getState().stepIndex).toBe(store.getState().analysis!.trace.forwardCount);
    store.getState().jumpToEnd();
    expect(store.getState().stepIndex).toBe(n);
    store.getState().stepBy(5);
    expect(store.getState().stepIndex).toBe(n);
    store.getState().reset();
    expect(store.getState().stepIndex).toBe(0);
  });

  it("lays out again when forward mode's badge mark needs more room, and only then", () => {
    const { store, deps } = makeStore();
    store.getState().setSource('(x+y)*z', { immediate: true });
    const layout = deps.layout as ReturnType<typeof vi.fn>;
    const calls = () => layout.mock.calls.length;
    const lastInput = () => layout.mock.calls.at(-1)![0] as LayoutInput;
    const before = calls();
    expect(lastInput().edges.every((e) => e.labelWidth === undefined)).toBe(true);
    store.getState().setSettings({ ad: 'forward' });
    expect(calls()).toBe(before + 1);
    // `∂/∂x` on every tangent badge: each label box wider than a gradient's.
    expect(lastInput().edges.every((e) => (e.labelWidth ?? 0) > 117)).toBe(true);
    // Another input of a name as wide: the same room, no new layout.
    store.getState().setSettings({ wrt: 'y' });
    expect(calls()).toBe(before + 1);
    store.getState().setSettings({ ad: 'reverse' });
    expect(calls()).toBe(before + 2);
    expect(lastInput().edges.every((e) => e.labelWidth === undefined)).toBe(true);
  });

  it('plays step by step at the chosen speed and stops at the end', () => {
    const { store } = makeStore();
    store.getState().setSource('(x+y)*z', { immediate: true });
    store.getState().setSettings({ speed: 2 });
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    expect(store.getState().stepIndex).toBe(1);
    vi.advanceTimersByTime(STEP_MS / 2);
    expect(store.getState().stepIndex).toBe(2);
    vi.advanceTimersByTime(STEP_MS * 20);
    expect(store.getState().stepIndex).toBe(store.getState().analysis!.steps.length);
    expect(store.getState().playing).toBe(false);
  });

  it('a manual step pauses playback', () => {
    const { store } = makeStore();
    store.getState().setSource('(x+y)*z', { immediate: true });
    store.getState().play();
    store.getState().stepBy(1);
    expect(store.getState().playing).toBe(false);
    const k = store.getState().stepIndex;
    vi.advanceTimersByTime(STEP_MS * 3);
    expect(store.getState().stepIndex).toBe(k);
  });

  it('a newer program wins over an older layout still in flight', async () => {
    vi.useRealTimers();
    let release: (() => void) | undefined;
    const slow = (input: LayoutInput) =>
      new Promise<LayoutResult>((resolve) => {
        if (input.nodes.length === 5) release = () => resolve(fakeLayout(input));
        else resolve(fakeLayout(input));
      });
    const { store } = makeStore(slow);
    const settle = () => new Promise((r) => setTimeout(r, 0));
    store.getState().setSource('(x+y)*z', { immediate: true });
    expect(store.getState().layingOut).toBe(true);
    // The race is real: the first program's layout is held in flight, not landed.
    expect(release).toBeTypeOf('function');
    store.getState().setSource('x*y', { immediate: true });
    await settle();
    expect(store.getState().analysis?.source).toBe('x*y');
    const newer = store.getState().layout;
    expect(newer?.nodes).toHaveLength(3);
    // The older layout lands after the newer one: it must change nothing.
    release!();
    await settle();
    expect(store.getState().analysis?.source).toBe('x*y');
    expect(store.getState().layout).toBe(newer);
    expect(store.getState().layingOut).toBe(false);
  });

  it('loads an example with its own values', () => {
    const { store } = makeStore();
    store.getState().loadExample('colah');
    const s = store.getState();
    expect(s.example).toBe('colah');
    expect(s.analysis?.gradients).toEqual({ a: 2, b: 5 });
    expect(s.values).toEqual({});
  });

  it('stays at the end when the program changes shape while the whole trace was shown', () => {
    const { store } = makeStore();
    store.getState().setSource('(x+y)*z', { immediate: true });
    store.getState().jumpToEnd();
    store.getState().setSource('(x+y)*z*2', { immediate: true });
    const s = store.getState();
    expect(s.stepIndex).toBe(s.analysis!.steps.length);
  });
});

describe('helpers', () => {
  it('structureKey ignores values and sees shape', async () => {
    const { analyze } = await import('../../src/engine');
    expect(structureKey(analyze('x*y', { x: 1 }))).toBe(structureKey(analyze('x*y', { x: 5 })));
    expect(structureKey(analyze('x*y'))).not.toBe(structureKey(analyze('x+y')));
  });

  it('literal writes short numbers', () => {
    expect(literal(0.1 + 0.2)).toBe('0.3');
    expect(literal(-2)).toBe('-2');
    expect(literal(1234567.891)).toBe('1234570');
  });
});
