import { describe, expect, it } from 'vitest';
import '../../src/engine/tensor/install';
import { analyze } from '../../src/engine';
import { tensorLayoutInput, tensorNodeSize, GRID_MAX } from '../../src/layout/fromTensor';
import {
  cellFill,
  cellTitle,
  colourDomain,
  gridCells,
  summary,
  tensorKnown,
  tensorNodeName,
} from '../../src/view/tensor/tensorView';
import { SMALL_LAYER } from '../fixtures/networks';

const PROGRAM = SMALL_LAYER;

const words = {
  matrix: (r: number, c: number) => `${r}×${c} matrix`,
  vector: (n: number) => `vector of ${n}`,
  hasGradient: 'has a gradient',
};

const tensorOf = (src: string) => {
  const t = analyze(src).tensor;
  if (!t) throw new Error('not a tensor program');
  return t;
};
const named = (t: ReturnType<typeof tensorOf>, name: string) =>
  t.nodes.find((n) => n.name === name)!;

describe('tensor view model', () => {
  it('gives one cell per entry, row-major, with its indices and number', () => {
    const t = tensorOf(PROGRAM);
    const w = named(t, 'W');
    const cells = gridCells(w.value, w.shape, 'value');
    expect(cells).toHaveLength(6);
    expect(cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [0, 0, 0.5],
      [0, 1, -1],
      [1, 0, 2],
      [1, 1, 0],
      [2, 0, -0.5],
      [2, 1, 1],
    ]);
  });

  it('draws at most GRID_MAX rows and columns of a large tensor', () => {
    const t = tensorOf('A = randn(20, 30)\nL = sum(A)');
    const a = named(t, 'A');
    const cells = gridCells(a.value, a.shape, 'value');
    expect(cells).toHaveLength(GRID_MAX * GRID_MAX);
    // Entry (1, 0) of the grid is entry 30 of the data, not 12.
    expect(cells[GRID_MAX].value).toBe((a.value as { data: Float64Array }).data[30]);
  });

  it('spans a symmetric colour domain so 0 is the neutral middle', () => {
    expect(colourDomain({ shape: [3], data: Float64Array.of(-1, 4, 2) })).toEqual([-4, 4]);
    expect(colourDomain({ shape: [2], data: Float64Array.of(0, 0) })).toEqual([-1, 1]);
    expect(colourDomain({ shape: [2], data: Float64Array.of(NaN, -3) })).toEqual([-3, 3]);
    const d: [number, number] = [-2, 2];
    // The middle is the same light neutral for both scales; the ends differ in hue.
    expect(cellFill(0, d, 'value')).toBe(cellFill(0, [-5, 5], 'value'));
    expect(cellFill(2, d, 'value')).not.toBe(cellFill(-2, d, 'value'));
    expect(cellFill(2, d, 'value')).not.toBe(cellFill(2, d, 'grad'));
    // Positive values are blue, positive gradients orange (red channel above blue).
    const rgb = (s: string) => s.match(/\d+/g)!.map(Number);
    const [vr, , vb] = rgb(cellFill(2, d, 'value'));
    const [gr, , gb] = rgb(cellFill(2, d, 'grad'));
    expect(vb).toBeGreaterThan(vr);
    expect(gr).toBeGreaterThan(gb);
    expect(cellFill(NaN, d, 'value')).toBe('#888888');
  });

  it('names a node by its name and shape, and says when its gradient is known', () => {
    const t = tensorOf(PROGRAM);
    expect(tensorNodeName(named(t, 'W'), false, words)).toBe('W, 3×2 matrix');
    expect(tensorNodeName(named(t, 'b'), true, words)).toBe('b, vector of 2, has a gradient');
  });

  it('writes a hovered cell as the reader counts, from 1, with its gradient', () => {
    expect(cellTitle('W', [3, 2], 1, 0, 2, -0.25)).toBe('W[2, 1] = 2, ∂L/∂W[2, 1] = -0.25');
    expect(cellTitle('b', [2], 0, 1, -0.2, undefined)).toBe('b[2] = -0.2');
  });

  it('reveals values as nodes are computed and gradients as backward edges pass', () => {
    const t = tensorOf(PROGRAM);
    const z = named(t, 'Z');
    const w = named(t, 'W');
    const start = tensorKnown(t, 0);
    expect(start.value.has(w.id)).toBe(true);
    expect(start.value.has(z.id)).toBe(false);
    expect(start.grad.size).toBe(0);
    const split = t.steps.findIndex((s) => s.kind === 'seed');
    const forwardDone = tensorKnown(t, split);
    expect(forwardDone.value.size).toBe(t.nodes.length);
    expect(forwardDone.grad.size).toBe(0);
    expect(forwardDone.phase).toBe('forward');
    const end = tensorKnown(t, t.steps.length);
    expect(end.phase).toBe('backward');
    expect(end.grad.get(w.id)).toEqual(t.gradients.W);
    // The step that sends W its gradient lights the edge W → @ and names W as active.
    const k = t.steps.findIndex((s) => s.kind === 'backward-edge' && s.from === w.id);
    const atW = tensorKnown(t, k + 1);
    expect(atW.activeNode).toBe(w.id);
    expect(atW.grad.has(w.id)).toBe(true);
    expect(tensorKnown(t, k).grad.has(w.id)).toBe(false);
    expect([...atW.active].length).toBe(1);
  });

  it('practice hides the last step’s numbers, not where it happens (issue 16)', () => {
    const t = tensorOf(PROGRAM);
    const w = t.nodes.find((n) => n.name === 'W')!;
    const k = t.steps.findIndex((s) => s.kind === 'backward-edge' && s.from === w.id);
    const asked = tensorKnown(t, k + 1, true);
    expect(asked.grad.has(w.id)).toBe(false);
    expect(asked.activeNode).toBe(w.id);
    expect(asked.active.size).toBe(1);
    const z = t.nodes.find((n) => n.name === 'Z')!;
    const zStep = t.steps.findIndex((s) => s.kind === 'forward-node' && s.node === z.id);
    expect(tensorKnown(t, zStep + 1, true).value.has(z.id)).toBe(false);
    expect(tensorKnown(t, zStep + 1).value.has(z.id)).toBe(true);
  });

  it('summarises a tensor by min, max, mean and norm', () => {
    const s = summary({ shape: [2, 2], data: Float64Array.of(3, -4, 0, 1) });
    expect(s).toEqual({ min: -4, max: 3, mean: 0, norm: Math.sqrt(26) });
  });

  it('lays out one box per node, sized to fit both grids, and one edge per operand', () => {
    const t = tensorOf(PROGRAM);
    const input = tensorLayoutInput(t);
    expect(input.nodes).toHaveLength(t.nodes.length);
    expect(input.edges).toHaveLength(t.nodes.reduce((n, x) => n + x.operands.length, 0));
    const w = tensorNodeSize('input', [3, 2]);
    const big = tensorNodeSize('input', [12, 12]);
    expect(big.height).toBeGreaterThan(w.height);
    expect(tensorNodeSize('op', [])).toEqual({ width: 92, height: 70 });
  });
});
