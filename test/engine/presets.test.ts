import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { en as enCore } from '../../src/i18n/en';
import { enLater } from '../../src/i18n/enLater';
import { EXAMPLES, exampleById, type Example } from '../../src/examples';

/** The whole English table: the first screen's and what loads later. */
const en = { ...enCore, ...enLater };

const valueOf = (a: ReturnType<typeof analyze>, name: string) =>
  a.graph.nodes.find((n) => n.name === name)!;

describe('network presets', () => {
  it('softmax + cross-entropy: ∂L/∂a_k = μ_k − y_k', () => {
    const source = exampleById('softmax')!.source;
    // The preset's scores and target, and others: the identity holds at every point.
    const points: Record<string, number>[] = [{}, { a_1: 0.5, a_2: 3, a_3: -1, y_1: 0, y_2: 1 }];
    for (const values of points) {
      const a = analyze(source, values);
      for (const k of [1, 2, 3]) {
        const mu = valueOf(a, `mu_${k}`).value;
        const y = valueOf(a, `y_${k}`).value;
        expect(a.gradients[`a_${k}`]).toBeCloseTo(mu - y, 12);
      }
    }
  });

  it('the 10-layer sigmoid chain: |∂L/∂h_k| shrinks by at least 4× per layer back', () => {
    const a = analyze(exampleById('sigmoidChain10')!.source);
    const grads = Array.from({ length: 10 }, (_, k) => Math.abs(valueOf(a, `h_${k + 1}`).grad!));
    for (let k = 0; k < 9; k++) expect(grads[k]).toBeLessThanOrEqual(grads[k + 1] / 4);
    expect(grads[0] / grads[9]).toBeLessThan(1e-5);
  });

  it('every example note sits on a node the program names, with a known sentence', () => {
    for (const ex of EXAMPLES) {
      const notes = (ex as Example).notes;
      if (!notes) continue;
      const a = analyze(ex.source);
      for (const [node, note] of Object.entries(notes)) {
        expect(
          a.graph.nodes.some((n) => n.name === node),
          `${ex.id}: ${node}`,
        ).toBe(true);
        expect(en[note.key]).toBeTruthy();
        for (const ref of Object.values(note.params ?? {}))
          expect(
            a.graph.nodes.some((n) => n.name === ref),
            `${ex.id}: ${ref}`,
          ).toBe(true);
      }
    }
  });

  it('the hidden-layer preset’s E_o and E_h are seed 001’s formulas', () => {
    const a = analyze(exampleById('hidden')!.source);
    const v = (n: string) => valueOf(a, n).value;
    const relu1 = (z: number) => (z > 0 ? 1 : 0);
    const Eo = (v('yhat') - v('y')) * relu1(v('Z_o'));
    const Eh = Eo * v('W_o') * relu1(v('Z_h'));
    expect(valueOf(a, 'Z_o').grad).toBeCloseTo(Eo, 12);
    expect(valueOf(a, 'Z_h').grad).toBeCloseTo(Eh, 12);
    expect(a.gradients.W_o).toBeCloseTo(Eo * v('H'), 12);
    expect(a.gradients.W_h).toBeCloseTo(Eh * v('X'), 12);
  });
});
