import { describe, expect, it } from 'vitest';
import {
  analyze,
  NEVER,
  TEXT,
  type Analysis,
  type BackwardEdgeStep,
  type GraphNode,
  type Step,
  scalarGradient,
} from '../../src/engine';

const named = (a: Analysis, name: string): GraphNode => {
  const node = a.graph.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node named ${name}`);
  return node;
};
const backwardSteps = (a: Analysis) =>
  a.steps.filter((s): s is BackwardEdgeStep => s.kind === 'backward-edge');
const kinds = (a: Analysis) => a.steps.map((s) => s.kind);

/** Central differences on every input, each relative to the size of the numbers involved. */
function finiteDifferences(source: string, values: Record<string, number>) {
  const result: Record<string, number> = {};
  for (const name of Object.keys(values)) {
    const h = 1e-6 * Math.max(1, Math.abs(values[name]));
    const up = analyze(source, { ...values, [name]: values[name] + h }).output;
    const down = analyze(source, { ...values, [name]: values[name] - h }).output;
    result[name] = (up - down) / (2 * h);
  }
  return result;
}

function expectGradientsClose(a: Analysis, expected: Record<string, number>, digits: number) {
  expect(Object.keys(a.gradients).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, g] of Object.entries(expected)) {
    expect(a.gradients[name], name).toBeCloseTo(g, digits);
  }
}

describe('cs231n (seed 003)', () => {
  const xyz = { x: -2, y: 5, z: -4 };

  it('(x+y)*z at x=-2, y=5, z=-4 is -12 with gradients -4, -4, 3', () => {
    const a = analyze('(x+y)*z', xyz);
    expect(a.output).toBe(-12);
    expect(a.gradients).toEqual({ x: -4, y: -4, z: 3 });
  });

  it('f(x,y) = xy at x=4, y=-3 has df/dx = -3 (and at x=4, y=2)', () => {
    expect(analyze('x*y', { x: 4, y: -3 })).toMatchObject({
      output: -12,
      gradients: { x: -3, y: 4 },
    });
    expect(analyze('x*y', { x: 4, y: 2 })).toMatchObject({ output: 8, gradients: { x: 2, y: 4 } });
  });

  it('f(x,y) = x+y has gradient 1 on both', () => {
    expect(analyze('x+y', { x: 4, y: 2 })).toMatchObject({ output: 6, gradients: { x: 1, y: 1 } });
  });

  it('f(x,y) = max(x,y) at x=4, y=2 is 4 and does not depend on y', () => {
    const a = analyze('max(x,y)', { x: 4, y: 2 });
    expect(a.output).toBe(4);
    expect(a.gradients).toEqual({ x: 1, y: 0 });
    expect(a.graph.nodes[a.graph.output].notes).toEqual([]);
    expect(analyze('max(x,y)', { x: 2, y: 4 }).gradients).toEqual({ x: 0, y: 1 });
  });

  it('plays (x+y)*z as 6 forward steps, the seed, and 4 backward steps', () => {
    const a = analyze('(x+y)*z', xyz);
    expect(kinds(a)).toEqual([
      'forward-edge',
      'forward-edge',
      'forward-node',
      'forward-edge',
      'forward-edge',
      'forward-node',
      'seed',
      'backward-edge',
      'backward-edge',
      'backward-edge',
      'backward-edge',
    ]);
    expect(a.steps.map((s) => s.phase)).toEqual([
      ...Array<string>(6).fill('forward'),
      ...Array<string>(5).fill('backward'),
    ]);
    expect(a.trace.forwardCount).toBe(6);
    a.steps.forEach((s, k) => expect(s.index).toBe(k));

    // Node ids: x 0, y 1, a₁ = x+y 2, z 3, f 4.
    const forward = a.steps.slice(0, 6).map((s) => {
      if (s.kind === 'forward-edge') return ['edge', s.from, s.to, s.value];
      if (s.kind === 'forward-node') return ['node', s.node, s.value];
      return [s.kind];
    });
    expect(forward).toEqual([
      ['edge', 0, 2, -2],
      ['edge', 1, 2, 5],
      ['node', 2, 3],
      ['edge', 2, 4, 3],
      ['edge', 3, 4, -4],
      ['node', 4, -12],
    ]);
    expect(a.steps[6]).toMatchObject({ kind: 'seed', node: 4, value: 1 });
    expect(
      backwardSteps(a).map((s) => [s.from, s.to, s.upstream, s.local, s.contribution, s.sumAfter]),
    ).toEqual([
      [4, 2, 1, -4, -4, -4],
      [4, 3, 1, 3, 3, 3],
      [2, 0, -4, 1, -4, -4],
      [2, 1, -4, 1, -4, -4],
    ]);
    for (const s of backwardSteps(a))
      expect([s.arrival, s.arrivals, s.sumBefore]).toEqual([1, 1, 0]);
  });

  it('writes the formulas of (x+y)*z in text and LaTeX', () => {
    const a = analyze('(x+y)*z', xyz);
    const [, , sum, , , product, seed, fromF, , toX] = a.steps;
    expect(sum.text).toBe('a₁ = x + y = (-2) + 5 = 3');
    expect(sum.tex).toBe('a_{1} = x + y = (-2) + 5 = 3');
    expect(product.text).toBe('f = a₁ · z = 3 · (-4) = -12');
    expect(a.steps[0].text).toBe('x = -2 → a₁ = x + y');
    expect(a.steps[0].tex).toBe('x = -2 \\;\\longrightarrow\\; a_{1} = x + y');
    expect(seed.text).toBe('∂f/∂f = 1');
    expect(seed.tex).toBe('\\frac{\\partial f}{\\partial f} = 1');
    expect(fromF.text).toBe('∂f/∂a₁ = z = -4');
    expect(toX.text).toBe('∂f/∂x = ∂f/∂a₁ · ∂a₁/∂x = (-4) · 1 = -4');
    expect(toX.tex).toBe(
      '\\frac{\\partial f}{\\partial x} = \\frac{\\partial f}{\\partial a_{1}} \\cdot \\frac{\\partial a_{1}}{\\partial x} = (-4) \\cdot 1 = -4',
    );
    const x = toX as BackwardEdgeStep;
    expect(x.localFormula(TEXT)).toBe('∂a₁/∂x = 1');
    expect(x.sumFormula(TEXT)).toBeUndefined();
  });

  it('names the steps after the program: q = x + y; f = q * z', () => {
    const a = analyze('x = -2; y = 5; z = -4\nq = x + y\nf = q * z');
    expect(a.output).toBe(-12);
    expect(a.gradients).toEqual({ x: -4, y: -4, z: 3 });
    expect(named(a, 'q').grad).toBe(-4);
    const texts = a.steps.map((s) => s.text);
    expect(texts).toContain('q = x + y = (-2) + 5 = 3');
    expect(texts).toContain('∂f/∂q = z = -4');
    expect(texts).toContain('∂f/∂z = q = 3');
    expect(texts).toContain('∂f/∂x = ∂f/∂q · ∂q/∂x = (-4) · 1 = -4');
  });

  describe('the sigmoid neuron', () => {
    const values = { w0: 2, x0: -1, w1: -3, x1: -2, w2: -3 };
    const expected = { w0: -0.1966, x0: 0.3932, w1: -0.3932, x1: -0.5898, w2: 0.1966 };

    it('sigmoid(w0*x0+w1*x1+w2) is 0.7311 with the seed’s gradients', () => {
      const a = analyze('sigmoid(w0*x0+w1*x1+w2)', values);
      expect(a.output).toBeCloseTo(0.7311, 4);
      expectGradientsClose(a, expected, 4);
      // The gate's local gradient is σ(1 - σ) = 0.1966, shown with its working.
      const first = backwardSteps(a)[0];
      expect(first.local).toBeCloseTo(0.19661193, 8);
      expect(first.text).toBe('∂f/∂a₄ = f · (1 - f) = 0.7311 · (1 - 0.7311) = 0.1966');
      expect(a.steps.at(-1)!.text).toBe('∂f/∂x₁ = ∂f/∂a₂ · ∂a₂/∂x₁ = 0.1966 · (-3) = -0.5898');
    });

    it('gives the same numbers written as 1/(1+exp(-(...)))', () => {
      const a = analyze('1/(1+exp(-(w0*x0+w1*x1+w2)))', values);
      expect(a.output).toBeCloseTo(0.7311, 4);
      expectGradientsClose(a, expected, 4);
      const neuron = analyze('sigmoid(w0*x0+w1*x1+w2)', values);
      for (const name of Object.keys(values)) {
        expect(a.gradients[name]).toBeCloseTo(scalarGradient(neuron, name)!, 12);
      }
    });

    it('plays 14 forward steps, the seed and 9 backward steps', () => {
      const a = analyze('sigmoid(w0*x0+w1*x1+w2)', values);
      expect(a.trace.forwardCount).toBe(14);
      expect(a.steps).toHaveLength(14 + 1 + 9);
      expect(kinds(a).filter((k) => k === 'forward-node')).toHaveLength(5);
      expect(kinds(a)[14]).toBe('seed');
    });
  });

  it('agrees with finite differences on the staged (x+sigmoid(y))/(sigmoid(x)+(x+y)^2)', () => {
    const staged = [
      'x = 3 # example values',
      'y = -4',
      '# forward pass',
      'sigy = 1.0 / (1 + exp(-y)) # sigmoid in numerator   #(1)',
      'num = x + sigy # numerator                               #(2)',
      'sigx = 1.0 / (1 + exp(-x)) # sigmoid in denominator #(3)',
      'xpy = x + y                                              #(4)',
      'xpysqr = xpy**2                                          #(5)',
      'den = sigx + xpysqr # denominator                        #(6)',
      'invden = 1.0 / den                                       #(7)',
      'f = num * invden # done!                                 #(8)',
    ].join('\n');
    const a = analyze(staged);
    const direct = analyze('(x+sigmoid(y))/(sigmoid(x)+(x+y)^2)', { x: 3, y: -4 });
    expect(a.output).toBeCloseTo(1.5456448841, 9);
    expect(direct.output).toBeCloseTo(a.output, 12);
    const fd = finiteDifferences(staged, { x: 3, y: -4 });
    for (const name of ['x', 'y']) {
      expect(Math.abs(scalarGradient(a, name)! - fd[name])).toBeLessThan(1e-6 * Math.abs(fd[name]));
      expect(direct.gradients[name]).toBeCloseTo(scalarGradient(a, name)!, 10);
    }
    // x is used three times (num, sigx, xpy): three shares add up to its gradient.
    const intoX = backwardSteps(a).filter((s) => s.to === named(a, 'x').id);
    expect(intoX.map((s) => [s.arrival, s.arrivals])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(intoX.at(-1)!.sumAfter).toBe(a.gradients.x);
  });
});

describe('colah (seed 004)', () => {
  const source = 'e=(a+b)*(b+1)';

  it('e = (a+b)*(b+1) at a=2, b=1 is 6 with de/da = 2 and de/db = 5', () => {
    const a = analyze(source, { a: 2, b: 1 });
    expect(a.output).toBe(6);
    expect(a.gradients).toEqual({ a: 2, b: 5 });
  });

  it('gives the named version c = a+b, d = b+1 the same numbers and de/dc = 2, de/dd = 3', () => {
    const a = analyze('a = 2\nb = 1\nc = a + b\nd = b + 1\ne = c * d');
    expect(a.output).toBe(6);
    expect(a.gradients).toEqual({ a: 2, b: 5 });
    expect([named(a, 'c').value, named(a, 'd').value]).toEqual([3, 2]);
    expect([named(a, 'c').grad, named(a, 'd').grad]).toEqual([2, 3]);
  });

  it('plays the fork at b: shares arrive as 2 then 3, running sums 2 and 5', () => {
    const a = analyze(source, { a: 2, b: 1 });
    expect(a.trace.forwardCount).toBe(9);
    expect(kinds(a).slice(9)).toEqual(['seed', ...Array<string>(5).fill('backward-edge')]);
    const b = named(a, 'b');
    const shares = backwardSteps(a).filter((s) => s.to === b.id);
    expect(shares.map((s) => s.contribution)).toEqual([2, 3]);
    expect(shares.map((s) => s.sumBefore)).toEqual([0, 2]);
    expect(shares.map((s) => s.sumAfter)).toEqual([2, 5]);
    expect(shares.map((s) => [s.arrival, s.arrivals])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    // The second share completes b's gradient; the trace says at which step.
    expect(a.trace.nodeGradStep[b.id]).toBe(shares[1].index);
    expect(
      Array.from(
        a.trace.arrivalEdges.subarray(a.trace.arrivalStart[b.id], a.trace.arrivalStart[b.id + 1]),
      ),
    ).toEqual(shares.map((s) => s.edge));

    expect(shares[0].text).toBe('∂e/∂b += ∂e/∂a₁ · ∂a₁/∂b = 2 · 1 = 2');
    expect(shares[1].text).toBe('∂e/∂b += ∂e/∂a₂ · ∂a₂/∂b = 3 · 1 = 3');
    expect(shares[1].tex).toBe(
      '\\frac{\\partial e}{\\partial b} \\mathrel{+}= \\frac{\\partial e}{\\partial a_{2}} \\cdot \\frac{\\partial a_{2}}{\\partial b} = 3 \\cdot 1 = 3',
    );
    expect(shares[0].sumFormula(TEXT)).toBe('∂e/∂b = 2 + …');
    expect(shares[1].sumFormula(TEXT)).toBe('∂e/∂b = 2 + 3 = 5');
    expect(shares[1].sumFormula()).toBe('\\frac{\\partial e}{\\partial b} = 2 + 3 = 5');
    // a has one consumer: its step says `=`, not `+=`.
    const toA = backwardSteps(a).find((s) => s.to === named(a, 'a').id)!;
    expect(toA.text).toBe('∂e/∂a = ∂e/∂a₁ · ∂a₁/∂a = 2 · 1 = 2');
    // The constant 1 gets no gradient step.
    const one = a.graph.nodes.find((n) => n.kind === 'const')!;
    expect(backwardSteps(a).some((s) => s.to === one.id)).toBe(false);
    expect(a.trace.nodeGradStep[one.id]).toBe(NEVER);
  });

  it('keeps the trace lookups in step with the steps', () => {
    const a = analyze(source, { a: 2, b: 1 });
    const { trace } = a;
    a.steps.forEach((s: Step, k) => {
      if (s.kind === 'forward-edge') expect(trace.edgeValueStep[s.edge]).toBe(k);
      if (s.kind === 'forward-node') expect(trace.nodeValueStep[s.node]).toBe(k);
      if (s.kind === 'backward-edge') expect(trace.edgeGradStep[s.edge]).toBe(k);
    });
    for (const node of a.graph.nodes) {
      if (node.kind !== 'op') expect(trace.nodeValueStep[node.id]).toBe(-1);
    }
    expect(trace.nodeGradStep[a.graph.output]).toBe(trace.forwardCount);
  });
});

describe('kinks', () => {
  it('splits the gradient of max at a tie evenly, and says so', () => {
    const a = analyze('max(x,y)', { x: 3, y: 3 });
    expect(a.output).toBe(3);
    expect(a.gradients).toEqual({ x: 0.5, y: 0.5 });
    expect(a.graph.nodes[a.graph.output].notes).toEqual([{ code: 'diag.kinkMax', kind: 'kink' }]);
    const [toX] = backwardSteps(a);
    expect(toX.text).toBe('∂f/∂x = 1/2 = 0.5');
    expect(toX.tex).toBe('\\frac{\\partial f}{\\partial x} = \\tfrac{1}{2} = 0.5');
  });

  it('splits min at a tie the same way', () => {
    const a = analyze('min(x,y)', { x: -1, y: -1 });
    expect(a.gradients).toEqual({ x: 0.5, y: 0.5 });
    expect(a.graph.nodes[a.graph.output].notes.map((n) => n.code)).toEqual(['diag.kinkMin']);
    expect(analyze('min(x,y)', { x: -1, y: 2 }).gradients).toEqual({ x: 1, y: 0 });
  });

  it("takes relu'(0) = 0 and abs'(0) = 0, with notes", () => {
    const relu = analyze('relu(x)', { x: 0 });
    expect(relu.output).toBe(0);
    expect(relu.gradients).toEqual({ x: 0 });
    expect(relu.graph.nodes[1].notes).toEqual([{ code: 'diag.kinkRelu', kind: 'kink' }]);
    const abs = analyze('abs(x)', { x: 0 });
    expect(abs.gradients).toEqual({ x: 0 });
    expect(abs.graph.nodes[1].notes).toEqual([{ code: 'diag.kinkAbs', kind: 'kink' }]);
    // Away from the kink: no note, the ordinary slopes.
    expect(analyze('relu(x)', { x: 2 }).gradients).toEqual({ x: 1 });
    expect(analyze('relu(x)', { x: -2 }).gradients).toEqual({ x: 0 });
    expect(analyze('abs(x)', { x: -2 }).gradients).toEqual({ x: -1 });
    expect(analyze('abs(x)', { x: -2 }).graph.nodes[1].notes).toEqual([]);
  });
});

describe('domain trouble is a value and a note, never an exception', () => {
  const at = (source: string, values: Record<string, number> = {}) => analyze(source, values);
  /** The notes of each node that has any, by op. */
  const notes = (a: Analysis) =>
    a.graph.nodes
      .filter((n) => n.notes.length > 0)
      .map((n) => [n.op, ...n.notes.map((note) => `${note.kind}:${note.code}`)]);

  it.each([
    ['log(x)', { x: -1 }, NaN, [['log', 'domain:diag.logNegative']]],
    ['log(x)', { x: 0 }, -Infinity, [['log', 'domain:diag.logZero']]],
    ['sqrt(x)', { x: -1 }, NaN, [['sqrt', 'domain:diag.sqrtNegative']]],
    ['sqrt(x)', { x: 0 }, 0, [['sqrt', 'slope:diag.sqrtZero']]],
    ['1/x', { x: 0 }, Infinity, [['div', 'domain:diag.divByZero']]],
    ['-1/x', { x: 0 }, -Infinity, [['div', 'domain:diag.divByZero']]],
    ['x/y', { x: 0, y: 0 }, NaN, [['div', 'domain:diag.divByZero']]],
    ['exp(x)', { x: 1000 }, Infinity, [['exp', 'domain:diag.overflow']]],
    ['x*y', { x: 1e300, y: 1e300 }, Infinity, [['mul', 'domain:diag.overflow']]],
    ['(-8)^(1/3)', {}, NaN, [['pow', 'domain:diag.powNegativeBase']]],
    ['x^(1/3)', { x: -8 }, NaN, [['pow', 'domain:diag.powNegativeBase']]],
    ['x^y', { x: 0, y: -1 }, Infinity, [['pow', 'domain:diag.powZeroBase']]],
  ] as const)('%s at %o', (source, values, output, expectedNotes) => {
    const a = at(source, values);
    expect(a.output).toBe(output);
    expect(notes(a)).toEqual(expectedNotes);
  });

  it('notes the node where the trouble starts, not everything downstream', () => {
    const a = at('y = log(x)\nz = y + 1\nz * 2', { x: -1 });
    expect(a.output).toBeNaN();
    expect(notes(a)).toEqual([['log', 'domain:diag.logNegative']]);
    expect(a.gradients.x).toBeNaN();
    // The sum's own slope is 1 wherever its operand came from.
    const intoY = backwardSteps(a).find((s) => s.to === named(a, 'y').id)!;
    expect(intoY.local).toBe(1);
    expect(intoY.text).toBe('∂f/∂y = ∂f/∂z · ∂z/∂y = 2 · 1 = 2');
  });

  it('gives sqrt at 0 an infinite gradient with a slope note', () => {
    const a = at('sqrt(x)', { x: 0 });
    expect(a.gradients.x).toBe(Infinity);
    // No `1/(2·sqrt(0)) = ∞`: a slope that is not finite is written symbolically, and the
    // panel says in words why there is no number (sqrt has an infinite slope at 0).
    expect(a.steps.at(-1)!.text).toBe('∂f/∂x = 1/(2·sqrt(x))');
  });

  it('does not let max, min or relu swallow a NaN', () => {
    for (const source of ['max(log(x), 2)', 'max(2, log(x))', 'min(log(x), 2)', 'relu(log(x))']) {
      const a = at(source, { x: -1 });
      expect(a.output, source).toBeNaN();
      expect(notes(a), source).toEqual([['log', 'domain:diag.logNegative']]);
    }
  });

  it('writes NaN and infinities in the formulas', () => {
    const a = at('1/x', { x: 0 });
    expect(a.steps[2].text).toBe('f = 1 / x = 1 / 0 = ∞');
    expect(a.steps[2].tex).toBe('f = \\frac{1}{x} = \\frac{1}{0} = \\infty');
    const b = at('log(x)', { x: -1 });
    expect(b.steps[1].tex).toContain('\\text{NaN}');
  });
});
