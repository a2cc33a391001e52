import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { analyze, FUNCTION_NAMES, OP_LIST, OPS, type OpName } from '../../src/engine';
import { OP_WORDS } from '../../src/engine/opWords';

/**
 * Walks every entry of the op registry: whatever an entry says about itself must hold. A new op
 * is covered here (and in the property tests, which draw from `smoothOn`) without editing a test.
 */
describe('every op of the registry', () => {
  /** A point drawn from the op's smooth region, at least `margin` away from its kink. */
  const pointOf = (op: (typeof OP_LIST)[number], margin = 1e-3) =>
    fc
      .tuple(
        ...[0, 1].map((k) => {
          const [lo, hi] = op.smoothOn[k] ?? [0, 0];
          return fc.double({ min: lo, max: hi, noNaN: true });
        }),
      )
      .filter(([a, b]) => !op.kink || Math.abs(op.kink.at(a, b)) > margin);

  it.each(OP_LIST.map((op) => [op.name, op] as const))('%s describes itself', (name, op) => {
    expect(OPS[name as OpName].name).toBe(name);
    expect(op.smoothOn).toHaveLength(op.arity);
    expect(op.operandPrec).toHaveLength(op.arity);
    for (const [lo, hi] of op.smoothOn) expect(lo).toBeLessThan(hi);
    if (op.gate === 'add') {
      // The gate callout and the forward-mode rule read an add gate's sign off its partials.
      for (let i = 0; i < op.arity; i++) expect(Math.abs(op.partial(i, 0.3, 0.7, 1))).toBe(1);
    }
    if (op.gate === 'unary') expect(op.arity).toBe(1);
  });

  it.each(OP_LIST.map((op) => [op.name, op] as const))(
    '%s: each partial agrees with a central difference away from kinks and domain limits',
    (_name, op) => {
      fc.assert(
        fc.property(pointOf(op, 1e-4), ([a, b]) => {
          const out = op.evaluate(a, b);
          expect(Number.isFinite(out)).toBe(true);
          for (let i = 0; i < op.arity; i++) {
            const x = i === 0 ? a : b;
            const h = 1e-6 * Math.max(1, Math.abs(x));
            const at = (v: number) => (i === 0 ? op.evaluate(v, b) : op.evaluate(a, v));
            const numeric = (at(x + h) - at(x - h)) / (2 * h);
            const analytic = op.partial(i, a, b, out);
            expect(Math.abs(analytic - numeric)).toBeLessThan(1e-5 * (1 + Math.abs(analytic)));
          }
        }),
        { numRuns: 200 },
      );
    },
  );

  it.each(OP_LIST.map((op) => [op.name, op] as const))(
    '%s: its LaTeX renders with KaTeX, untrusted, at smooth points and on its kink',
    (_name, op) => {
      const render = (tex: string) =>
        expect(() => katex.renderToString(tex, { throwOnError: true, trust: false })).not.toThrow();
      const args = ['x', 'y_{1}'];
      const [a, b] = fc.sample(pointOf(op), 1)[0];
      const points = [{ a, b, out: op.evaluate(a, b) }];
      // On a kink some formulas change (a tie in max splits the gradient): render those too.
      if (op.kink?.at(0, 0) === 0) points.push({ a: 0, b: 0, out: op.evaluate(0, 0) });
      render(op.tex(args));
      for (const at of points) {
        for (let i = 0; i < op.arity; i++) render(op.partialTex(i, args, 'f', at));
      }
      // Text twins exist and are not blank (screen readers, the CLI).
      expect(op.text(args).trim()).not.toBe('');
      for (let i = 0; i < op.arity; i++) {
        expect(op.partialText(i, args, 'f', points[0]).trim()).not.toBe('');
      }
    },
  );

  it.each(OP_LIST.map((op) => [op.name, op] as const))(
    '%s is named in English and in Vietnamese',
    (name) => {
      const words = OP_WORDS[name as OpName];
      expect(words?.en?.trim(), `${name} has no English words`).toBeTruthy();
      expect(words?.vi?.trim(), `${name} has no Vietnamese words`).toBeTruthy();
    },
  );

  it.each(OP_LIST.map((op) => [op.name, op] as const))(
    '%s: a program written with `source` parses to it and computes `evaluate`',
    (name, op) => {
      const args = op.arity === 2 ? ['u', 'v'] : ['u'];
      fc.assert(
        fc.property(pointOf(op), (point) => {
          // + 0 turns a drawn −0 into the 0 that `u = 0` declares.
          const [a, b] = point.map((x) => x + 0);
          const analysis = analyze(`u = ${a}; v = ${b}\nf = ${op.source(args)}`);
          expect(analysis.graph.nodes[analysis.graph.output].op).toBe(name);
          expect(analysis.output).toBe(op.evaluate(a, b));
        }),
        { numRuns: 50 },
      );
      for (const f of op.callNames ?? []) expect(FUNCTION_NAMES).toContain(f);
    },
  );

  it.each(OP_LIST.filter((op) => op.kink).map((op) => [op.name, op] as const))(
    '%s notes its kink on the kink and nowhere near it',
    (_name, op) => {
      const on = op.diagnose?.(0, 0, op.evaluate(0, 0));
      expect(on).toEqual({ code: op.kink!.note, kind: 'kink' });
      expect(op.diagnose?.(0.5, -0.5, op.evaluate(0.5, -0.5))?.kind).not.toBe('kink');
    },
  );
});
