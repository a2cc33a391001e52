import { describe, expect, it } from 'vitest';
import {
  analyzeTensor,
  spiralLabels,
  spiralPoints,
  tensorTrain,
  tensorTrainer,
  type Tensor,
} from '../../src/engine/tensor';
import { bmatrix, tensorDerivationLatex } from '../../src/engine/tensor/latex';
import { fillNormal } from '../../src/engine/tensor/graph';
import { EXAMPLES } from '../../src/examples';
import { SMALL_LAYER } from '../fixtures/networks';

const spiral = EXAMPLES.find((e) => e.id === 'spiral')!.source;

describe('spiral data (cs231n)', () => {
  it('makes n·k points on k arms within the unit disc, and their one-hot classes', () => {
    const x = spiralPoints(100, 3, (out) => fillNormal(out, 0, 'spiral'));
    const y = spiralLabels(100, 3);
    expect(x).toHaveLength(600);
    expect(y).toHaveLength(900);
    for (let r = 0; r < 300; r++) {
      expect(Math.hypot(x[2 * r], x[2 * r + 1])).toBeLessThanOrEqual(1 + 1e-12);
      expect(y[3 * r] + y[3 * r + 1] + y[3 * r + 2]).toBe(1);
      expect(y[3 * r + Math.floor(r / 100)]).toBe(1);
    }
    // Radii grow from 0 to 1 along each arm.
    expect(Math.hypot(x[0], x[1])).toBe(0);
    expect(Math.hypot(x[198], x[199])).toBeCloseTo(1, 12);
  });

  it('is a program’s declared inputs, the same on every run whatever randn’s seed', () => {
    const a = analyzeTensor(spiral, undefined, { seed: 0 });
    const b = analyzeTensor(spiral, undefined, { seed: 5 });
    const X = (t: typeof a) => (t.inputs.find((i) => i.name === 'X')!.value as Tensor).data;
    expect(a.inputs.map((i) => `${i.name}:${i.shape.join('×')}`)).toEqual([
      'X:300×2',
      'Y:300×3',
      'W1:2×16',
      'b1:16',
      'W2:16×3',
      'b2:3',
    ]);
    expect(Array.from(X(a))).toEqual(Array.from(X(b)));
    // The weights do depend on the seed.
    expect(a.loss).not.toBe(b.loss);
  });

  it('says what it takes when its arguments are wrong', () => {
    expect(() => analyzeTensor('X = spiral_points(100)\nL = sum(X)')).toThrow(
      expect.objectContaining({ code: 'tensor.spiralArgs' }),
    );
    expect(() => analyzeTensor('X = spiral_points(100, 1)\nL = sum(X)')).toThrow(
      expect.objectContaining({ code: 'tensor.spiralArgs' }),
    );
  });
});

describe('gradient descent on tensor parameters', () => {
  it('moves each parameter by exactly −lr × its gradient, the data left alone', () => {
    const a = analyzeTensor(SMALL_LAYER);
    const trainer = tensorTrainer(a, ['W', 'b']);
    expect(trainer.params).toEqual(['W', 'b']);
    const loss = trainer.step(0.1);
    expect(loss).toBe(a.loss);
    const values = trainer.values();
    const W = (a.inputs.find((i) => i.name === 'W')!.value as Tensor).data;
    const gW = (a.gradients.W as Tensor).data;
    const next = (values.W as Tensor).data;
    for (let k = 0; k < W.length; k++) expect(next[k]).toBe(W[k] - 0.1 * gW[k]);
    expect(Array.from((values.X as Tensor).data)).toEqual([1, 2, 3, 4, 5, 6]);
    // The next analysis at the new values has the trainer's loss.
    expect(analyzeTensor(SMALL_LAYER, values).loss).toBeCloseTo(trainer.loss(), 12);
    expect(trainer.loss()).toBeLessThan(loss);
  });

  it('trains the spiral network above 90% accuracy, and stops once the loss is small', () => {
    const a = analyzeTensor(spiral);
    const result = tensorTrain(a, ['W1', 'b1', 'W2', 'b2'], 1, { steps: 1500, lossBelow: 0.15 });
    expect(result.stopped).toBe('loss');
    expect(result.losses[0]).toBeGreaterThan(1);
    expect(result.losses[result.losses.length - 1]).toBeLessThan(0.15);
    const b = analyzeTensor(spiral, result.values);
    const P = b.nodes.find((n) => n.name === 'P')!.value as Tensor;
    let right = 0;
    for (let r = 0; r < 300; r++) {
      const row = Array.from(P.data.subarray(3 * r, 3 * r + 3));
      if (row.indexOf(Math.max(...row)) === Math.floor(r / 100)) right++;
    }
    expect(right / 300).toBeGreaterThan(0.9);
  });

  it('stops when the loss stops being a number, keeping the last finite values', () => {
    const a = analyzeTensor('w = [1, 2]\nL = sum(exp(w * w))');
    const result = tensorTrain(a, ['w'], 100, { steps: 50 });
    expect(result.stopped).toBe('diverged');
    expect((result.values.w as Tensor).data.every(Number.isFinite)).toBe(true);
  });
});

describe('a tensor program’s LaTeX', () => {
  it('writes small matrices as bmatrix, large ones by their corners and shape', () => {
    expect(bmatrix({ shape: [2, 2], data: Float64Array.of(1, 2, 3, 4) })).toBe(
      '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}',
    );
    expect(bmatrix({ shape: [3], data: Float64Array.of(1, -2, 3) })).toBe(
      '\\begin{bmatrix} 1 & -2 & 3 \\end{bmatrix}',
    );
    const big = bmatrix({ shape: [300, 2], data: new Float64Array(600) });
    expect(big).toContain('\\vdots');
    expect(big).toContain('\\underset{300{\\times}2}');
    expect(big.split('\\\\')).toHaveLength(5);
  });

  it('writes the program, each step with its matrix and shapes, and every gradient', () => {
    const a = analyzeTensor(SMALL_LAYER);
    const tex = tensorDerivationLatex(a);
    expect(tex).toContain('W &= \\begin{bmatrix} 0.5 & -1 \\\\ 2 & 0 \\\\ -0.5 & 1 \\end{bmatrix}');
    expect(tex).toContain(
      'a_{1} &= X W = \\begin{bmatrix} 3 & 2 \\\\ 9 & 2 \\end{bmatrix} \\quad \\left(2{\\times}2 \\leftarrow 2{\\times}3, 3{\\times}2\\right)',
    );
    expect(tex).toContain('\\frac{\\partial L}{\\partial b} &= \\begin{bmatrix} 0.008085 & 0.2071');
    expect(tex.match(/\\begin\{align\*\}/g)).toHaveLength(4);
    // Stopped after the forward pass: no backward section, and it says it is partial.
    const part = tensorDerivationLatex(a, 4, { partialNote: 'so far' });
    expect(part).not.toContain('Backward pass');
    expect(part).toContain('% Partial: the derivation so far, up to step 4 of 11.');
    expect(part).toContain('\\textit{so far}');
  });
});
