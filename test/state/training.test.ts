import { describe, expect, it, vi } from 'vitest';
import { analyze, scalarGradient } from '../../src/engine';
import { exampleById } from '../../src/examples';
import { createAppStore, literal } from '../../src/state/store';
import { historyOf, paramsOf, selectTrainingPhase } from '../../src/state/training';
import { fakeLayout } from './fakeLayout';

function makeStore() {
  const store = createAppStore({
    layout: vi.fn(fakeLayout),
    sizeOf: () => ({ width: 40, height: 40 }),
  });
  store.getState().loadExample('twoLayer');
  return store;
}

const valueOf = (s: ReturnType<ReturnType<typeof makeStore>['getState']>, name: string) =>
  s.analysis!.inputs.find((i) => i.name === name)!.value;

describe('training slice', () => {
  it('guesses weights and biases as parameters and takes the example’s learning rate', () => {
    const s = makeStore().getState();
    expect(paramsOf(s.training, s.analysis)).toEqual([
      'w_11',
      'w_12',
      'b_1',
      'w_21',
      'w_22',
      'b_2',
      'w_o1',
      'w_o2',
      'b_o',
    ]);
    expect(s.training.learningRate).toBe(exampleById('twoLayer')!.learningRate);
  });

  it('one step: plays to the end, moves each parameter by −lr × gradient, rewrites the text', () => {
    const store = makeStore();
    const before = store.getState();
    const lr = 0.25;
    store.getState().setLearningRate(lr);
    store.getState().takeStep();
    const after = store.getState();
    for (const name of paramsOf(after.training, after.analysis)) {
      const expected = valueOf(before, name) - lr * scalarGradient(before.analysis!, name)!;
      // The program text holds the new value to 6 significant digits; the history holds it exactly.
      expect(valueOf(after, name)).toBe(Number(literal(expected)));
      expect(after.training.history[1].params[name]).toBe(expected);
    }
    for (const data of ['x_1', 'x_2', 'y'])
      expect(valueOf(after, data)).toBe(valueOf(before, data));
    expect(after.source).toContain(
      `w_11 = ${literal(valueOf(before, 'w_11') - lr * scalarGradient(before.analysis!, 'w_11')!)}`,
    );
    expect(after.stepIndex).toBe(after.analysis!.steps.length);
    expect(selectTrainingPhase(after)).toBe('update');
    expect(after.training.lastUpdate!.lossAfter).toBeLessThan(after.training.lastUpdate!.loss);
    expect(after.example).toBe('twoLayer');
    // Stepping back through the trace leaves the update phase.
    after.goTo(3);
    expect(selectTrainingPhase(store.getState())).toBe('forward');
  });

  it('Train lowers the loss below ε and continues the history', () => {
    const store = makeStore();
    store.getState().takeStep();
    store.getState().setTrainOptions({ steps: 1000, lossBelow: 0.05 });
    store.getState().train();
    const s = store.getState();
    const history = historyOf(s);
    expect(history[0].iteration).toBe(0);
    expect(history.map((h) => h.iteration)).toEqual(history.map((_, k) => k));
    expect(history.at(-1)!.loss).toBeLessThan(0.05);
    expect(s.training.stopped?.reason).toBe('loss');
    // The graph now runs at the trained parameters (to the 6 digits the text keeps).
    expect(s.analysis!.output).toBeCloseTo(history.at(-1)!.loss, 4);
    expect(s.analysis!.output).toBeLessThan(history[0].loss);
  });

  it('marking inputs changes what moves; no parameters, no step', () => {
    const store = makeStore();
    const names = paramsOf(store.getState().training, store.getState().analysis);
    for (const n of names) store.getState().setParam(n, false);
    store.getState().setParam('w_o1', true);
    expect(paramsOf(store.getState().training, store.getState().analysis)).toEqual(['w_o1']);
    const before = store.getState();
    store.getState().takeStep();
    const after = store.getState();
    expect(valueOf(after, 'w_11')).toBe(valueOf(before, 'w_11'));
    expect(valueOf(after, 'w_o1')).not.toBe(valueOf(before, 'w_o1'));
    store.getState().setParam('w_o1', false);
    const source = store.getState().source;
    store.getState().takeStep();
    expect(store.getState().source).toBe(source);
  });

  it('a different program shows no history; a bad learning rate is refused', () => {
    const store = makeStore();
    store.getState().takeStep();
    expect(historyOf(store.getState())).toHaveLength(2);
    store.getState().loadExample('neuronMse');
    expect(historyOf(store.getState())).toHaveLength(0);
    store.getState().setLearningRate(-1);
    store.getState().setLearningRate(NaN);
    expect(store.getState().training.learningRate).toBe(0.5);
  });

  it('setValues rewrites declared inputs and overrides free ones, analysing once', () => {
    const store = createAppStore({
      layout: vi.fn(fakeLayout),
      sizeOf: () => ({ width: 40, height: 40 }),
    });
    store.getState().setSource('a = 1; b = 2\nf = a * b * c', { immediate: true });
    store.getState().setValues({ a: 3, c: 5, b: -0.5 });
    const s = store.getState();
    expect(s.source).toBe('a = 3; b = -0.5\nf = a * b * c');
    expect(s.values).toEqual({ c: 5 });
    expect(s.analysis!.output).toBe(analyze('a = 3; b = -0.5\nf = a * b * c', { c: 5 }).output);
  });
});
