import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type StoreDeps } from '../../src/state/store';
import { selectPractice } from '../../src/state/practice';
import { selectStepState, stepState } from '../../src/state/stepState';
import { decodeUrl } from '../../src/state/url';
import { shareUrl } from '../../src/state/urlSync';
import { fakeLayout } from './fakeLayout';

const CIRCUIT = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';
const COLAH = 'a = 2; b = 1\ne = (a+b)*(b+1)';

/** A localStorage stand-in (the tests run in Node, which has none). */
function fakeStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}

function practising(source = CIRCUIT) {
  const deps: StoreDeps = { layout: fakeLayout, sizeOf: () => ({ width: 40, height: 40 }) };
  const store = createAppStore(deps, { source, values: {} });
  store.getState().setSource(source, { immediate: true });
  store.getState().setPractice(true);
  return store;
}

const nodeId = (store: ReturnType<typeof practising>, name: string) =>
  store.getState().analysis!.graph.nodes.find((n) => n.name === name)!.id;

describe('practice mode in the store', () => {
  let storage: ReturnType<typeof fakeStorage>;
  beforeEach(() => {
    vi.useFakeTimers();
    storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('stops on a forward step with its value hidden everywhere stepState answers', () => {
    const store = practising();
    const s = store.getState();
    s.stepBy(1);
    s.stepBy(1);
    expect(selectPractice(store.getState())?.pending).toBe(false);
    s.stepBy(1);
    const q = nodeId(store, 'q');
    const known = selectStepState(store.getState())!;
    expect(known.k).toBe(3);
    expect(known.hidden?.kinds).toEqual(['value']);
    expect(known.valueKnown(q)).toBe(false);
    // The plain picture of the same step knows it: only the practice layer hides it.
    expect(stepState(s.analysis!, s.settings, 3).valueKnown(q)).toBe(true);
    // Next waits for the answer; Previous does not.
    s.stepBy(1);
    expect(store.getState().stepIndex).toBe(3);
    s.play();
    expect(store.getState().playing).toBe(false);
    s.stepBy(-1);
    expect(store.getState().stepIndex).toBe(2);
  });

  it('checks answers: wrong, unreadable, then right; the score counts first tries only', () => {
    const store = practising();
    const s = store.getState();
    s.goTo(3);
    s.setDraft('2');
    s.submitAnswer();
    expect(store.getState().practice.feedback?.kind).toBe('wrong');
    expect(store.getState().practice.draft).toBe('2');
    s.setDraft('y');
    s.submitAnswer();
    expect(store.getState().practice.feedback?.kind).toBe('invalid');
    expect(store.getState().practice.feedback?.error?.code).toBe('answer.name');
    s.setDraft('-2 + 5');
    s.submitAnswer();
    expect(store.getState().practice.feedback?.kind).toBe('correct');
    expect(selectPractice(store.getState())?.pending).toBe(false);
    expect(selectStepState(store.getState())!.valueKnown(nodeId(store, 'q'))).toBe(true);
    expect(selectPractice(store.getState())?.score).toEqual({ right: 0, asked: 1 });
    s.goTo(6);
    s.setDraft('-12');
    s.submitAnswer();
    expect(selectPractice(store.getState())?.score).toEqual({ right: 1, asked: 2 });
  });

  it('a backward step hides the local derivative, then the share, then reveals both', () => {
    const store = practising();
    const s = store.getState();
    s.goTo(10); // q → x
    const edge = (s.analysis!.steps[9] as { edge: number }).edge;
    const x = nodeId(store, 'x');
    let known = selectStepState(store.getState())!;
    expect(known.hidden).toMatchObject({ local: true, contribution: true, sum: true });
    expect(known.localKnown(edge)).toBe(false);
    expect(known.edgeGradKnown(edge)).toBe(false);
    expect(known.gradSoFar(x)).toBeUndefined();
    s.setDraft('1');
    s.submitAnswer();
    known = selectStepState(store.getState())!;
    expect(known.hidden?.kinds).toEqual(['contribution']);
    expect(known.localKnown(edge)).toBe(true);
    expect(known.edgeGradKnown(edge)).toBe(false);
    s.revealAnswer();
    known = selectStepState(store.getState())!;
    expect(known.hidden).toBeUndefined();
    expect(known.edgeGradKnown(edge)).toBe(true);
    expect(known.gradSoFar(x)?.value).toBe(-4);
    expect(selectPractice(store.getState())?.score).toEqual({ right: 1, asked: 2 });
  });

  it('at a fork, the sum so far stays the earlier share until the sum is answered', () => {
    const store = practising(COLAH);
    const s = store.getState();
    const b = nodeId(store, 'b');
    const steps = s.analysis!.steps;
    const second = steps.findLastIndex((st) => st.kind === 'backward-edge' && st.to === b) + 1;
    s.goTo(second);
    for (const answer of ['1', '3']) {
      s.setDraft(answer);
      s.submitAnswer();
    }
    const known = selectStepState(store.getState())!;
    expect(known.hidden?.kinds).toEqual(['sum']);
    expect(known.gradSoFar(b)?.value).toBe(2);
    s.setDraft('2+3');
    s.submitAnswer();
    expect(selectStepState(store.getState())!.gradSoFar(b)?.value).toBe(5);
  });

  it('local derivatives stay hidden in practice until their step has shown them', () => {
    const store = practising();
    const s = store.getState();
    s.goTo(6);
    const known = selectStepState(store.getState())!;
    // ∂f/∂z = q would give q's value away during the forward pass.
    expect(s.analysis!.graph.edges.every((e) => !known.localKnown(e.id))).toBe(true);
    s.setPractice(false);
    const plain = selectStepState(store.getState())!;
    expect(s.analysis!.graph.edges.every((e) => plain.localKnown(e.id))).toBe(true);
  });

  it('playing stops on the first step that asks', () => {
    const store = practising();
    store.getState().play();
    vi.advanceTimersByTime(60_000);
    expect(store.getState().stepIndex).toBe(3);
    expect(store.getState().playing).toBe(false);
  });

  it('keeps the answers per program in the browser, and Start over forgets them', () => {
    const store = practising();
    const s = store.getState();
    s.goTo(3);
    s.setDraft('3');
    s.submitAnswer();
    expect(storage.data.get('backprop-lens:practice')).toContain('"3:value":"right"');

    const again = practising();
    again.getState().goTo(3);
    expect(selectPractice(again.getState())?.pending).toBe(false);
    expect(selectPractice(again.getState())?.score).toEqual({ right: 1, asked: 1 });
    // Another program (other values are other answers) starts afresh.
    const other = practising(CIRCUIT.replace('-4', '-3'));
    expect(selectPractice(other.getState())?.score).toEqual({ right: 0, asked: 0 });

    again.getState().startOver();
    expect(again.getState().stepIndex).toBe(0);
    expect(selectPractice(again.getState())?.score).toEqual({ right: 0, asked: 0 });
    expect(storage.data.get('backprop-lens:practice')).not.toContain('3:value');
  });

  it('a stored record that is not ours is ignored', () => {
    storage.setItem('backprop-lens:practice', '{"__proto__":{"q":{"1:value":"right"}},"k":5}');
    const store = practising();
    expect(selectPractice(store.getState())?.score).toEqual({ right: 0, asked: 0 });
    storage.setItem('backprop-lens:practice', 'not json');
    expect(() => practising()).not.toThrow();
  });

  it('a link with practice turns it on; one without turns it off', () => {
    const store = practising();
    store.getState().hydrate({ source: CIRCUIT, step: 3 });
    expect(store.getState().practice.on).toBe(false);
    store.getState().hydrate({ source: CIRCUIT, step: 3, practice: true });
    expect(store.getState().practice.on).toBe(true);
    expect(selectPractice(store.getState())?.pending).toBe(true);
  });

  it('Copy link hands out the exercise: practice=1 and the step travel, and open the same', () => {
    const store = practising();
    store.getState().goTo(3);
    const link = shareUrl(store.getState(), { origin: 'https://x.example', pathname: '/lens/' });
    expect(link).toContain('practice=1');
    expect(link).toContain('step=3');
    const other = practising();
    other.getState().setPractice(false);
    other.getState().hydrate(decodeUrl(new URL(link).search).state);
    expect(other.getState().practice.on).toBe(true);
    expect(other.getState().stepIndex).toBe(3);
    expect(selectPractice(other.getState())?.pending).toBe(true);
  });
});
