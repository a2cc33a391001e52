import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, derivationLatex, type Analysis } from '../../src/engine';
import { loadTable, translate, type Translate } from '../../src/i18n';
import { stepState, type ModeChoice } from '../../src/state/stepState';
import { frameFormula } from '../../src/view/Export/graphImage';
import { narrate } from '../../src/view/Narration/narrate';

const REVERSE: ModeChoice = { ad: 'reverse', wrt: null };
const forwardIn = (wrt: string): ModeChoice => ({ ad: 'forward', wrt });

const circuit = () => analyze('x = -2; y = 5; z = -4; q = x + y; f = q * z');
const colah = () => analyze('a = 2; b = 1\nc = a + b\nd = b + 1\ne = c * d');
const node = (a: Analysis, name: string) => a.graph.nodes.find((n) => n.symbol.text === name)!.id;

const en: Translate = (key, params) => translate('en', key, params);
beforeAll(() => loadTable('vi'));

describe('stepState: phases', () => {
  it('walks start → forward → seed → backward → done in reverse mode', () => {
    const a = circuit();
    const split = a.trace.forwardCount;
    const n = a.steps.length;
    expect(stepState(a, REVERSE, 0).phase).toBe('start');
    for (let k = 1; k <= split; k++) expect(stepState(a, REVERSE, k).phase).toBe('forward');
    expect(stepState(a, REVERSE, split + 1).phase).toBe('seed');
    for (let k = split + 2; k < n; k++) expect(stepState(a, REVERSE, k).phase).toBe('backward');
    expect(stepState(a, REVERSE, n).phase).toBe('done');
    expect(stepState(a, REVERSE, n).count).toBe(n);
  });

  it('names the pass of the step just played, and the edge it moves along', () => {
    const a = circuit();
    const split = a.trace.forwardCount;
    expect(stepState(a, REVERSE, 0).pass).toBeNull();
    expect(stepState(a, REVERSE, 1).pass).toBe('forward');
    expect(stepState(a, REVERSE, 1).currentEdge).toBe(
      a.steps[0].kind === 'forward-edge' ? a.steps[0].edge : undefined,
    );
    expect(stepState(a, REVERSE, split + 1).pass).toBe('backward');
    expect(stepState(a, REVERSE, split + 1).currentEdge).toBeUndefined(); // the seed is a node step
    const last = stepState(a, REVERSE, a.steps.length);
    expect(last.current).toBe(a.steps[a.steps.length - 1]);
    expect(last.currentEdge).toBe(last.current?.kind === 'backward-edge' ? last.current.edge : -1);
  });

  it('clamps k and returns the same object for the same arguments', () => {
    const a = circuit();
    expect(stepState(a, REVERSE, 999).k).toBe(a.steps.length);
    expect(stepState(a, REVERSE, -3).k).toBe(0);
    expect(stepState(a, REVERSE, 4)).toBe(stepState(a, REVERSE, 4));
  });

  it('plays the value steps then the tangent pass in forward mode', () => {
    const a = colah();
    const split = a.trace.forwardCount;
    const s = stepState(a, forwardIn('b'), split + 1);
    expect(s.mode).toBe('forward');
    expect(s.phase).toBe('seed');
    expect(s.current?.kind).toBe('tangent-seed');
    expect(s.pass).toBe('tangent');
    expect(stepState(a, forwardIn('b'), split + 2).phase).toBe('tangent');
    const end = stepState(a, forwardIn('b'), 1e9);
    expect(end.phase).toBe('done');
    expect(end.count).toBe(split + end.tangent!.steps.length);
    // The value pass is the same list in both modes.
    expect(stepState(a, forwardIn('b'), 3).current).toBe(stepState(a, REVERSE, 3).current);
  });
});

describe('stepState: what is known', () => {
  it('knows inputs from the start and an op once it is evaluated', () => {
    const a = circuit();
    const q = node(a, 'q');
    const x = node(a, 'x');
    expect(stepState(a, REVERSE, 0).valueKnown(x)).toBe(true);
    expect(stepState(a, REVERSE, 0).valueKnown(q)).toBe(false);
    const at = a.trace.nodeValueStep[q];
    expect(stepState(a, REVERSE, at).valueKnown(q)).toBe(false);
    expect(stepState(a, REVERSE, at + 1).valueKnown(q)).toBe(true);
  });

  it('never forgets: every fact known at k is known at k + 1', () => {
    const a = colah();
    for (const mode of [REVERSE, forwardIn('a'), forwardIn('b')]) {
      const n = stepState(a, mode, 1e9).count;
      for (let k = 0; k < n; k++) {
        const now = stepState(a, mode, k);
        const next = stepState(a, mode, k + 1);
        for (let i = 0; i < a.compiled.nodeCount; i++) {
          if (now.valueKnown(i)) expect(next.valueKnown(i)).toBe(true);
          if (now.gradKnown(i)) expect(next.gradKnown(i)).toBe(true);
        }
        for (let e = 0; e < a.compiled.edgeCount; e++) {
          if (now.edgeValueKnown(e)) expect(next.edgeValueKnown(e)).toBe(true);
          if (now.edgeGradKnown(e)) expect(next.edgeGradKnown(e)).toBe(true);
        }
      }
    }
  });

  it('at the end knows every value and every gradient (reverse) or ∂f/∂x (forward)', () => {
    const a = colah();
    const end = stepState(a, REVERSE, a.steps.length);
    for (const input of a.inputs) expect(end.gradKnown(input.node)).toBe(true);
    const fwd = stepState(a, forwardIn('a'), 1e9);
    expect(fwd.gradKnown(a.graph.output)).toBe(true);
  });

  it('gives colah’s b its gradient so far (2), then the whole 5', () => {
    const a = colah();
    const b = node(a, 'b');
    const shares = a.trace.arrivalStart[b + 1] - a.trace.arrivalStart[b];
    expect(shares).toBe(2);
    const firstAt = a.trace.edgeGradStep[a.trace.arrivalEdges[a.trace.arrivalStart[b]]];
    const mid = stepState(a, REVERSE, firstAt + 1);
    expect(mid.gradSoFar(b)?.partial).toBe(true);
    expect(mid.gradKnown(b)).toBe(false);
    const end = stepState(a, REVERSE, a.steps.length);
    expect(end.gradSoFar(b)).toEqual({ value: 5, partial: false });
    expect(end.gradKnown(b)).toBe(true);
    // Forward mode has tangents, not shares.
    expect(stepState(a, forwardIn('b'), 1e9).gradSoFar(b)).toBeUndefined();
  });

  it('knows an unused input’s gradient (0) once the backward pass starts', () => {
    const a = analyze('x = 2; y = 3; f = x * 2');
    const y = node(a, 'y');
    const split = a.trace.forwardCount;
    expect(stepState(a, REVERSE, split).gradKnown(y)).toBe(false);
    expect(stepState(a, REVERSE, split + 1).gradKnown(y)).toBe(true);
  });

  it('forward mode knows a tangent once its pass reaches the node, not a reverse gradient', () => {
    const a = colah();
    const c = node(a, 'c');
    const t = stepState(a, forwardIn('b'), 1e9).tangent!;
    const at = t.nodeStep[c];
    expect(stepState(a, forwardIn('b'), at).gradKnown(c)).toBe(false);
    expect(stepState(a, forwardIn('b'), at + 1).gradKnown(c)).toBe(true);
    // Reverse mode at the seed knows the output's gradient only.
    expect(stepState(a, REVERSE, a.trace.forwardCount + 1).gradKnown(c)).toBe(false);
  });
});

describe('readers of stepState follow the active mode', () => {
  it('export in forward mode writes the tangent step, not reverse mode’s step of that number', () => {
    const a = colah();
    const k = a.trace.forwardCount + 2;
    const fwd = stepState(a, forwardIn('b'), k);
    const lines = frameFormula(a, fwd);
    expect(lines[0]).toBe(fwd.current!.text);
    expect(lines[0]).toMatch(/^∂/);
    expect(lines[0]).not.toBe(a.steps[k - 1].text);
    const end = frameFormula(a, stepState(a, forwardIn('b'), 1e9));
    expect(end[end.length - 1]).toBe('∂e/∂b = 5');
  });

  it('the LaTeX handout in forward mode has the tangent pass and ∂e/∂b alone', () => {
    const a = colah();
    const s = stepState(a, forwardIn('b'), 1e9);
    const tex = derivationLatex(a, s.k, { tangent: s.tangent! });
    expect(tex).toContain('\\dot{e}');
    expect(tex).not.toContain('\\frac{\\partial e}{\\partial e} = 1'); // reverse mode's seed
    expect(tex).toContain('\\frac{\\partial e}{\\partial b} &= 5');
    expect(tex).not.toContain('\\frac{\\partial e}{\\partial a} &=');
    expect(tex).not.toContain('% Partial');
  });

  it('a handout copied mid-trace says it is partial, in a comment and in words', () => {
    const a = circuit();
    const tex = derivationLatex(a, 5, {
      partialNote: 'The derivation so far: up to step 5 of 11.',
    });
    expect(tex).toContain('% Partial: the derivation so far, up to step 5 of 11.');
    expect(tex).toContain('\\textit{The derivation so far: up to step 5 of 11.}');
    expect(derivationLatex(a)).not.toContain('Partial');
  });

  it('narration in forward mode says the tangent step', () => {
    const a = colah();
    const seed = stepState(a, forwardIn('b'), a.trace.forwardCount + 1);
    expect(narrate(a, seed, en)).toBe('Forward mode starts at b: ∂b/∂b = 1');
    const end = stepState(a, forwardIn('b'), 1e9);
    expect(narrate(a, end, en)).toMatch(/Done: ∂e\/∂b = 5\.$/);
  });
});

describe('the formula → graph link in the store', () => {
  it('is set by a hovered factor and cleared when the step moves', async () => {
    const { createAppStore } = await import('../../src/state/store');
    const { fakeLayout } = await import('./fakeLayout');
    const store = createAppStore(
      { layout: fakeLayout, sizeOf: () => ({ width: 40, height: 40 }) },
      { source: '(x+y)*z' },
    );
    store.getState().setSource('(x+y)*z', { immediate: true });
    store.getState().hoverFactor(2);
    expect(store.getState().hoverNode).toBe(2);
    store.getState().stepBy(1);
    expect(store.getState().hoverNode).toBeNull();
  });
});
