import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTensor } from '../../src/engine/tensor';
import { loadTable, translate, type Translate } from '../../src/i18n';
import { EXAMPLES } from '../../src/examples';
import { tensorTrainer } from '../../src/engine/tensor/train';
import { accuracy, regionGrid, spiralParts } from '../../src/view/Lessons/spiralModel';
import { cellSentence, narrateTensor, spokenFormula } from '../../src/view/Narration/tensorNarrate';
import { SMALL_LAYER } from '../fixtures/networks';

const en: Translate = (key, params) => translate('en', key, params);
const vi: Translate = (key, params) => translate('vi', key, params);
beforeAll(() => loadTable('vi'));

const spiral = EXAMPLES.find((e) => e.id === 'spiral')!.source;

describe('narration of a tensor step', () => {
  const a = analyzeTensor(SMALL_LAYER);
  it('reads the backward rule in words, with the node’s shape', () => {
    expect(narrateTensor(a, a.steps.length - 1, en)).toBe(
      'Backward: the gradient of X, a 2 by 3 matrix, is the gradient of a1 times W transposed.',
    );
    expect(narrateTensor(a, 1, en)).toBe(
      'Forward: a1, a 2 by 2 matrix, is computed: X matrix times W.',
    );
    expect(narrateTensor(a, 5, en)).toBe('Backward starts at the output L: its gradient is 1.');
    expect(narrateTensor(a, 0, en)).toBe('');
  });

  it('speaks Vietnamese, with no English word left', () => {
    const said = narrateTensor(a, a.steps.length - 2, vi);
    expect(said).toBe(
      'Lượt ngược: gradient của b, một vector 2 phần tử, là tổng theo các hàng của (gradient của Z).',
    );
    for (let k = 1; k <= a.steps.length; k++)
      expect(narrateTensor(a, k, vi)).not.toMatch(
        /\b(the|of|is|sum over|rows|times|spread|entry)\b/,
      );
  });

  it('turns formula symbols into words', () => {
    expect(spokenFormula('Xᵀ · ∂L/∂Z₁', en)).toBe('X transposed times the gradient of Z1');
    expect(spokenFormula('∂L/∂H ⊙ ([a₂ > 0])', en)).toBe(
      'the gradient of H times, entry by entry, ([a2 > 0])',
    );
  });

  it('reads a cell by its indices, counted from 1', () => {
    expect(cellSentence('W₁', [3, 5], 1, 2, 0.5, -0.125, en)).toBe(
      'W1, row 2, column 3: value 0.5, gradient −0.125',
    );
    expect(cellSentence('b', [4], 0, 3, 2, undefined, vi)).toBe('b, phần tử 4: giá trị 2');
  });
});

describe('the spiral lesson’s model', () => {
  const a = analyzeTensor(spiral);
  const parts = spiralParts(a)!;

  it('finds the points, the labels and the probabilities', () => {
    expect(parts).not.toBeNull();
    expect(a.graph.nodes[parts.x].name).toBe('X');
    expect(a.graph.nodes[parts.y].name).toBe('Y');
    expect(a.graph.nodes[parts.p].name).toBe('P');
    expect([parts.n, parts.k]).toEqual([300, 3]);
    expect(spiralParts(analyzeTensor(SMALL_LAYER))).toBeNull();
  });

  it('colours the plane by predicted class, and the regions follow training', () => {
    const trainer = tensorTrainer(a, ['W1', 'b1', 'W2', 'b2']);
    const grid = regionGrid(a, parts, 24, 0);
    trainer.loss();
    const before = accuracy(trainer, parts);
    const start = Array.from(grid.update(trainer));
    expect(start).toHaveLength(24 * 24);
    expect(start.every((c) => c >= 0 && c < 3)).toBe(true);
    for (let i = 0; i < 600; i++) trainer.step(1);
    trainer.loss();
    const after = accuracy(trainer, parts);
    expect(after).toBeGreaterThan(0.8);
    expect(after).toBeGreaterThan(before);
    const trained = Array.from(grid.update(trainer));
    // Every class holds a region of the plane once the arms are learned.
    for (let c = 0; c < 3; c++) expect(trained.filter((x) => x === c).length).toBeGreaterThan(20);
    expect(trained).not.toEqual(start);
  });
});
