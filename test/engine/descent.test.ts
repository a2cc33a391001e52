import { describe, expect, it } from 'vitest';
import {
  analyze,
  descentStep,
  guessParams,
  MAX_TRAIN_STEPS,
  scalarGradient,
  train,
} from '../../src/engine';
import { exampleById, type ExampleId } from '../../src/examples';

const source = (id: ExampleId) => exampleById(id)!.source;
const paramsOf = (src: string) => guessParams(analyze(src).inputs.map((i) => i.name));

describe('guessParams', () => {
  it('takes weights and biases, leaves data', () => {
    expect(
      guessParams(['x', 'w0', 'b', 'y', 'W_o', 'w_11', 'theta', 'beta', 'yhat', 'bias']),
    ).toEqual(['w0', 'b', 'W_o', 'w_11', 'theta', 'bias']);
  });
});

describe('descentStep', () => {
  it('moves every parameter by exactly −lr × its gradient, and only the parameters', () => {
    const src = source('twoLayer');
    const a = analyze(src);
    const params = paramsOf(src);
    expect(params).toEqual(['w_11', 'w_12', 'b_1', 'w_21', 'w_22', 'b_2', 'w_o1', 'w_o2', 'b_o']);
    const lr = 0.3;
    const step = descentStep(src, {}, params, lr);
    expect(step.loss).toBe(a.output);
    for (const u of step.updates) {
      const input = a.inputs.find((i) => i.name === u.name)!;
      expect(u.old).toBe(input.value);
      expect(u.grad).toBe(a.gradients[u.name]);
      expect(u.next).toBe(input.value - lr * scalarGradient(a, u.name)!);
    }
    // The loss after is the program re-run at the new parameters, data untouched.
    const next = Object.fromEntries(step.updates.map((u) => [u.name, u.next]));
    expect(step.lossAfter).toBe(analyze(src, next).output);
    expect(step.lossAfter).toBeLessThan(step.loss);
  });

  it('w² from 2 with lr 0.1: 2 − 0.1·4 = 1.6', () => {
    const { updates, loss, lossAfter } = descentStep('w = 2\nL = w^2', {}, ['w'], 0.1);
    expect(updates).toEqual([{ name: 'w', old: 2, grad: 4, next: 1.6 }]);
    expect(loss).toBe(4);
    expect(lossAfter).toBeCloseTo(2.56, 12);
  });
});

describe('train', () => {
  it.each(['neuronMse', 'chain', 'hidden', 'twoLayer', 'sigmoidChain10', 'neuron'] as const)(
    'lowers the loss on the %s preset, at its suggested learning rate',
    (id) => {
      const src = source(id);
      const lr = exampleById(id)!.learningRate!;
      const { history } = train(src, {}, paramsOf(src), lr, { steps: 30 });
      expect(history).toHaveLength(31);
      expect(history[30].loss).toBeLessThan(history[0].loss);
      // Small steps on a smooth loss: every single update goes downhill.
      for (let k = 1; k < history.length; k++)
        expect(history[k].loss).toBeLessThanOrEqual(history[k - 1].loss);
    },
  );

  it('trains the two-layer network until its loss is below 0.01', () => {
    const src = source('twoLayer');
    const r = train(src, {}, paramsOf(src), 0.5, { lossBelow: 0.01 });
    expect(r.stopped).toBe('loss');
    expect(r.history.at(-1)!.loss).toBeLessThan(0.01);
    expect(r.history.at(-2)!.loss).toBeGreaterThanOrEqual(0.01);
    expect(r.history.length).toBeLessThan(500);
  });

  it('each row follows from the one before by −lr × gradient', () => {
    const src = source('neuronMse');
    const { history } = train(src, {}, ['w', 'b'], 0.2, { steps: 5 });
    for (let k = 1; k < history.length; k++) {
      const prev = history[k - 1];
      const a = analyze(src, prev.params);
      const g = { w: scalarGradient(a, 'w')!, b: scalarGradient(a, 'b')! };
      expect(history[k].params.w).toBe(prev.params.w - 0.2 * g.w);
      expect(history[k].params.b).toBe(prev.params.b - 0.2 * g.b);
      expect(history[k].iteration).toBe(k);
    }
  });

  it('stops when the loss stops being a number, and never runs forever', () => {
    const r = train('w = 1\nL = exp(w^2)', {}, ['w'], 10, { steps: 100 });
    expect(r.stopped).toBe('diverged');
    const capped = train('w = 1\nL = w^2', {}, ['w'], 0, { lossBelow: 0 });
    expect(capped.history).toHaveLength(MAX_TRAIN_STEPS + 1);
  });
});
