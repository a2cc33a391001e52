import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { analyze, isScalarAnalysis } from '../../src/engine';
import '../../src/engine/tensor/install';
import { analyzeTensor, type TensorAnalysis } from '../../src/engine/tensor';
import { EXAMPLES, exampleById, SCALAR_EXAMPLES } from '../../src/examples';
import { en } from '../../src/i18n/en';
import { enLater } from '../../src/i18n/enLater';
import { vi } from '../../src/i18n/vi';
import { STEP_NOTES } from '../../src/stepNotes';
import { splitChain } from '../../src/view/Formula/katex';
import {
  annotatedExample,
  notesAt,
  rowTimes,
  softmaxJacobian,
  workOut,
  type Worked,
} from '../../src/view/tensor/stepNoteWork';

/**
 * KaTeX reads it as the panel typesets it: split at its top-level `=` signs (see splitChain),
 * each part on its own, so an environment cut in two would throw here.
 */
const typesets = (tex: string) => {
  for (const seg of splitChain(tex).segments)
    for (const p of seg)
      katex.renderToString(p.tex, { throwOnError: true, trust: false, displayMode: true });
  return true;
};
const textOf = (w: Worked) => w.lines.map((l) => l.text).join('; ');

const english: Record<string, string> = { ...en, ...enLater };
const run = (id: 'softmaxNet' | 'vectorized', seed = 0) =>
  analyzeTensor(exampleById(id)!.source, undefined, { seed });
const node = (t: TensorAnalysis, name: string) => t.nodes.find((n) => n.name === name)!;
/** A node's gradient (or value) as rows of numbers. */
const rows = (t: TensorAnalysis, name: string, of: 'grad' | 'value' = 'grad') => {
  const v = node(t, name)[of]!;
  if (typeof v === 'number') return [[v]];
  const [m, n] = v.shape;
  return Array.from({ length: m }, (_, i) => Array.from(v.data.subarray(i * n, (i + 1) * n)));
};
/** The labels on the trace's steps, in order: what a student stepping back reads. */
const labels = (t: TensorAnalysis, phase: 'forward' | 'backward') =>
  t.steps
    .filter((s) => s.phase === phase)
    .flatMap((s) => notesAt(t, s, annotatedExample(null, t)!.notes).map((n) => n.label));

describe('the seeds as matrix examples (issue 15, point 7)', () => {
  it('are in the Examples list, run on the tensor engine, and are left out of the scalar checks', () => {
    for (const id of ['softmaxNet', 'vectorized'] as const) {
      const ex = exampleById(id)!;
      expect(EXAMPLES).toContain(ex);
      expect(SCALAR_EXAMPLES).not.toContain(ex);
      expect(english[`example.${id}.title`]).toMatch(/\(matrices\)$/);
      expect(vi[`example.${id}.title`]).toMatch(/\(ma trận\)$/);
      expect(run(id).kind).toBe('tensor');
    }
    // Exactly the examples the tensor engine runs are left out of the scalar list.
    for (const ex of EXAMPLES) {
      expect(SCALAR_EXAMPLES.includes(ex), ex.id).toBe(isScalarAnalysis(analyze(ex.source)));
    }
  });

  it('seed 002: the backward steps carry B1 to B7 in the order of the note', () => {
    const t = run('softmaxNet');
    expect(node(t, 'mu').shape).toEqual([4, 3]); // N = 4
    expect(labels(t, 'backward')).toEqual([
      'B1',
      'B2',
      'B3',
      'B6 · B7',
      'B5 · B7',
      'B4 · B7',
      'B6 · B7',
      'B5 · B7',
    ]);
    expect(labels(t, 'forward')).toEqual(['z⁽¹⁾', 'a⁽¹⁾', 'a⁽ᴸ⁾', 'μ', 'ℓ']);
  });

  it("seed 000: the backward steps are its six vectorized formulas (and dZ1's first half)", () => {
    expect(labels(run('vectorized'), 'backward')).toEqual([
      'dZ2',
      'db2',
      'dW2',
      'dZ1 (1)',
      'dZ1',
      'db1',
      'dW1',
    ]);
  });

  it('every note names a node of its program, with words in both languages and LaTeX KaTeX reads', () => {
    for (const [id, notes] of Object.entries(STEP_NOTES)) {
      const t = run(id as 'softmaxNet');
      for (const note of notes!) {
        expect(node(t, note.node), `${id}: ${note.node}`).toBeDefined();
        expect(english[note.key], note.key).toBeTruthy();
        expect(vi[note.key], note.key).toBeTruthy();
        expect(typesets(note.tex), note.tex).toBe(true);
      }
    }
  });

  it('a program is the example whatever its numbers, and not once its shapes or names differ', () => {
    const source = exampleById('softmaxNet')!.source;
    const edited = source.replace('X = [[0.5, -1, 2]', 'X = [[7, -1, 2]');
    expect(annotatedExample(null, analyzeTensor(edited))?.id).toBe('softmaxNet');
    expect(annotatedExample(null, run('softmaxNet', 42))?.id).toBe('softmaxNet');
    expect(annotatedExample('vectorized', run('softmaxNet'))?.id).toBe('softmaxNet');
    expect(
      annotatedExample(
        null,
        analyzeTensor(
          source
            .replace('randn(4, 3)', 'randn(4, 2)')
            .replace(
              '[[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]',
              '[[1, 0], [0, 1], [0, 1], [1, 0]]',
            ),
        ),
      ),
    ).toBeUndefined();
    expect(
      annotatedExample(null, analyzeTensor(source.replace('mu', 'nu').replace('(mu)', '(nu)'))),
    ).toBeUndefined();
  });

  it('B2 and B3 with the numbers of any row: the Jacobian, and its product equal to μ_j − y_j and to the step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 3 }),
        (seed, j) => {
          const t = run('softmaxNet', seed);
          const mu = rows(t, 'mu', 'value')[j];
          const J = softmaxJacobian(mu);
          // Each row of the Jacobian sums to 0: the entries of μ_j always sum to 1.
          for (const r of J) expect(Math.abs(r.reduce((s, v) => s + v, 0))).toBeLessThan(1e-12);
          const product = rowTimes(rows(t, 'mu')[j], J);
          const y = [
            [1, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
            [0, 1, 0],
          ][j];
          const engine = rows(t, 'a2')[j];
          for (let k = 0; k < 3; k++) {
            expect(product[k]).toBeCloseTo(mu[k] - y[k], 10);
            expect(engine[k]).toBeCloseTo(product[k], 10);
          }
          const b3 = workOut(t, { kind: 'softmaxProduct', mu: 'mu', y: 'Y' }, j)!;
          expect(textOf(b3)).toContain(`μ_${j + 1} − y_${j + 1}`);
          for (const line of b3.lines) expect(typesets(line.tex)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('the worked numbers are read off the run, not written in: another seed, other numbers', () => {
    const a = workOut(run('softmaxNet', 1), { kind: 'softmaxJacobian', mu: 'mu' }, 0)!;
    const b = workOut(run('softmaxNet', 2), { kind: 'softmaxJacobian', mu: 'mu' }, 0)!;
    expect(textOf(a)).not.toBe(textOf(b));
    expect(textOf(a)).toMatch(/^μ_1 = \[\[[-\d.e, ]+\]\]; ∂μ_1\/∂a_1 = \[\[/);
    const c = workOut(run('softmaxNet', 1), { kind: 'softmaxJacobian', mu: 'mu' }, 2)!;
    expect(textOf(c)).toMatch(/^μ_3 = /);
  });

  it("seed 000's dZ2 = A2 − Y, and the engine's ∂L/∂Z2 is it divided by m = 4", () => {
    const t = run('vectorized', 7);
    const w = workOut(t, { kind: 'meanError', out: 'A2', y: 'Y' }, 0)!;
    const a2 = node(t, 'A2').value as { data: Float64Array };
    const y = [0, 1, 1, 0];
    const dZ2 = rows(t, 'Z2')[0];
    for (let k = 0; k < 4; k++) expect(dZ2[k]).toBeCloseTo((a2.data[k] - y[k]) / 4, 12);
    expect(textOf(w)).toContain('(1/4) dZ2');
    for (const line of w.lines) expect(typesets(line.tex)).toBe(true);
  });
});
