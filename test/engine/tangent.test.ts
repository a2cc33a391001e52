import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, NEVER, scalarGradient, opCounts, tangentTrace } from '../../src/engine';
import { close, dagProgram } from './dagPrograms';

const COLAH = 'a = 2; b = 1\nc = a + b\nd = b + 1\ne = c * d';

describe('forward-mode tangents', () => {
  it('give colah’s ∂e/∂b = 5 and ∂e/∂a = 2', () => {
    const a = analyze(COLAH);
    expect(tangentTrace(a, 'b')!.tangent[a.graph.output]).toBe(5);
    expect(tangentTrace(a, 'a')!.tangent[a.graph.output]).toBe(2);
    expect(tangentTrace(a, 'nope')).toBeUndefined();
  });

  it('continue the value steps: seed at forwardCount, then edge and sum steps in KaTeX', () => {
    const a = analyze(COLAH);
    const t = tangentTrace(a, 'b')!;
    expect(t.offset).toBe(a.trace.forwardCount);
    expect(t.steps.map((s) => s.index)).toEqual(t.steps.map((_, k) => t.offset + k));
    expect(t.steps.map((s) => s.kind)).toEqual([
      'tangent-seed',
      'tangent-edge',
      'tangent-node',
      'tangent-edge',
      'tangent-edge',
      'tangent-edge',
      'tangent-node',
    ]);
    expect(t.steps[0].tex).toBe('\\dot{b} = \\frac{\\partial b}{\\partial b} = 1');
    expect(t.steps[2].tex).toBe('\\dot{c} = \\dot{a} + \\dot{b} = 0 + 1 = 1');
    expect(t.steps[4].tex).toBe(
      '\\dot{e} \\mathrel{+}= \\frac{\\partial e}{\\partial c}\\,\\dot{c} = 2 \\cdot 1 = 2',
    );
    expect(t.steps[6].tex).toContain('= 2 \\cdot 1 + 3 \\cdot 1 = 5');
    expect(t.steps[6].text).toBe('∂e/∂b = ∂e/∂c · ∂c/∂b + ∂e/∂d · ∂d/∂b = 2 · 1 + 3 · 1 = 5');
  });

  it('equal the reverse-mode gradients on random programs, for every input', () => {
    fc.assert(
      fc.property(dagProgram, (p) => {
        const a = analyze(p.source, p.values);
        for (const input of a.inputs) {
          const t = tangentTrace(a, input.name)!;
          const fwd = t.tangent[a.graph.output];
          const rev = scalarGradient(a, input.name)!;
          if (!close(fwd, rev)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('play every touched edge after its operand is complete and before its consumer is', () => {
    fc.assert(
      fc.property(dagProgram, (p) => {
        const a = analyze(p.source, p.values);
        const g = a.compiled;
        for (const input of a.inputs) {
          const t = tangentTrace(a, input.node)!;
          let touched = 0;
          for (let e = 0; e < g.edgeCount; e++) {
            const from = g.edgeFrom[e];
            if (!t.downstream[from]) {
              expect(t.edgeStep[e]).toBe(NEVER);
              continue;
            }
            touched++;
            expect(t.nodeStep[from]).toBeLessThan(t.edgeStep[e]);
            expect(t.edgeStep[e]).toBeLessThanOrEqual(t.nodeStep[g.edgeTo[e]]);
          }
          expect(t.edgeOps).toBe(touched);
          const last = t.steps[t.steps.length - 1];
          expect(last.index).toBe(t.offset + t.steps.length - 1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('operation counts', () => {
  it('count colah’s forward passes (2 + 4 edges) against one backward pass (5 edges)', () => {
    const c = opCounts(analyze(COLAH));
    expect(c).toEqual({
      inputs: 2,
      perPass: [2, 4],
      forward: 6,
      reverse: 5,
      edges: 6,
      exact: true,
    });
  });

  it('grow with the number of inputs in forward mode only: a sum of 10 inputs', () => {
    const names = Array.from({ length: 10 }, (_, i) => `x${i}`);
    const c = opCounts(analyze(`s = ${names.join(' + ')}\nf = s * s`));
    // Input k enters the chain of sums at depth max(1, k): it touches 10 − k + 1 sum edges
    // (x0 and x1 both enter the first), then s → f twice.
    expect(c.perPass).toEqual(names.map((_, k) => 10 - Math.max(1, k) + 2));
    expect(c.reverse).toBe(c.edges);
    expect(c.forward).toBe(74);
    expect(c.reverse).toBe(20);
  });

  it('match the traces’ own edge counts', () => {
    fc.assert(
      fc.property(dagProgram, (p) => {
        const a = analyze(p.source, p.values);
        const c = opCounts(a);
        expect(c.perPass).toEqual(a.inputs.map((i) => tangentTrace(a, i.name)!.edgeOps));
        expect(c.reverse).toBe(a.steps.filter((s) => s.kind === 'backward-edge').length);
      }),
      { numRuns: 100 },
    );
  });
});
