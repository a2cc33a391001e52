import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/engine/tensor/install';
import { selectPractice } from '../../src/state/practice';
import { createAppStore, type StoreDeps } from '../../src/state/store';
import { fakeLayout } from './fakeLayout';

/** The issue's ∂L/∂W1: steps 1 Z1, 2 tanh, 3 L, 4 seed, 5–6 back to Z1, 7 → X, 8 → W1. */
const PROGRAM = 'X = randn(4, 3)\nW1 = randn(3, 5)\nZ1 = X @ W1\nL = sum(tanh(Z1))';

async function practising() {
  const deps: StoreDeps = { layout: fakeLayout, sizeOf: () => ({ width: 40, height: 40 }) };
  const store = createAppStore(deps, { source: PROGRAM, values: {} });
  store.getState().setSource(PROGRAM, { immediate: true });
  store.getState().setPractice(true);
  // The tensor layout loads with the first matrix program: the analysis lands after it.
  await vi.waitFor(() => expect(store.getState().analysis?.tensor).toBeDefined());
  return store;
}

describe('practice on a matrix program, in the store', () => {
  beforeEach(() => {
    const data = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks shape, formula and entry on ∂L/∂W1; Next waits; the score counts them', async () => {
    const store = await practising();
    store.getState().goTo(8);
    const view = () => selectPractice(store.getState())!;
    expect(view().tensor?.questions.map((q) => q.kind)).toEqual(['shape', 'formula', 'entry']);
    expect(view().pending).toBe(true);
    store.getState().stepBy(1);
    expect(store.getState().stepIndex).toBe(8);

    const s = store.getState();
    s.setDraft('3 x 5');
    s.submitAnswer();
    expect(view().feedback?.kind).toBe('correct');
    expect(view().index).toBe(1);

    // X · ∂L/∂Z1: the shapes do not chain; a wrong try, kept picked to be undone.
    s.pickPiece(0);
    s.pickPiece(2);
    s.submitAnswer();
    expect(view().feedback).toMatchObject({
      kind: 'wrong',
      check: { kind: 'inconsistent', left: [4, 3], right: [4, 5] },
    });
    expect(store.getState().practice.product).toEqual([0, 2]);
    s.clearPieces();
    s.pickPiece(1);
    s.pickPiece(2);
    s.submitAnswer();
    expect(view().feedback?.kind).toBe('correct');
    expect(store.getState().practice.product).toEqual([]);

    const entry = view().tensor!.questions[2];
    expect(entry.kind).toBe('entry');
    s.setDraft('1e9');
    s.submitAnswer();
    expect(view().feedback?.kind).toBe('wrong');
    s.setDraft(entry.kind === 'entry' ? String(entry.expected) : '');
    s.submitAnswer();
    expect(view().pending).toBe(false);
    expect(view().score).toEqual({ right: 1, asked: 3 });
  });

  it('a typed shape that cannot be read is located, and not counted as a try', async () => {
    const store = await practising();
    store.getState().goTo(1);
    const s = store.getState();
    s.setDraft('4 by 5');
    s.submitAnswer();
    const f = selectPractice(store.getState())!.feedback!;
    expect(f.kind).toBe('invalid');
    expect(f.error).toMatchObject({ code: 'shape.bad', start: 2, end: 3 });
    expect(selectPractice(store.getState())!.score.asked).toBe(0);
    s.revealAnswer();
    expect(selectPractice(store.getState())!.score).toEqual({ right: 0, asked: 1 });
  });

  it('keeps the matrix answers over a reload (the stored log reads the new kinds)', async () => {
    const store = await practising();
    store.getState().goTo(1);
    store.getState().revealAnswer();
    const again = await practising();
    again.getState().goTo(1);
    expect(selectPractice(again.getState())!.index).toBe(1);
  });
});
