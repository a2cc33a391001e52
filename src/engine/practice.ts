import type { Analysis } from './analysis';
import { DEFAULT_DIGITS } from './format';
import { backwardEdgeChain, forwardNodeTex, joinChain, localSymbolicTex, localTex } from './tex';
import type { Notation } from './tex';
import type { LensStep } from './tangent';

/**
 * Practice mode's questions: the numbers a step reveals, asked one by one before they are shown.
 *
 * - a forward step that computes a node: its `value`;
 * - a backward step: the `local` derivative, then the gradient it sends back (`contribution`,
 *   upstream × local), then at a fork, from the second share on, the `sum` so far.
 *
 * Steps that reveal nothing new ask nothing: a value travelling along an edge is already on its
 * operand, and the seed is always 1. A number that is not finite (log of a negative) is not asked.
 * Out of the output the upstream gradient is exactly 1, so the share sent back is the local
 * derivative itself and is not asked twice.
 */
export type QuestionKind = 'value' | 'local' | 'contribution' | 'sum';

export interface PracticeQuestion {
  readonly kind: QuestionKind;
  /** The number the step reveals, which the answer is checked against. */
  readonly expected: number;
}

/**
 * The questions a step asks, in the order they are asked.
 *
 * @example
 * const a = analyze('x = -2; y = 5; z = -4\nq = x + y\nf = q * z');
 * practiceQuestions(a, a.steps[2])                       // [{ kind: 'value', expected: 3 }]
 * practiceQuestions(a, a.steps[a.trace.forwardCount + 2]) // local 1, then contribution -4
 */
export function practiceQuestions(
  a: Analysis,
  step: LensStep | undefined,
): readonly PracticeQuestion[] {
  if (!step) return [];
  if (step.kind === 'forward-node') {
    return Number.isFinite(step.value) ? [{ kind: 'value', expected: step.value }] : [];
  }
  if (step.kind !== 'backward-edge') return [];
  const list: PracticeQuestion[] = [];
  if (!Number.isFinite(step.local)) return list;
  list.push({ kind: 'local', expected: step.local });
  if (!Number.isFinite(step.contribution)) return list;
  if (step.from !== a.compiled.output) {
    list.push({ kind: 'contribution', expected: step.contribution });
  }
  if (step.arrival > 1 && Number.isFinite(step.sumAfter)) {
    list.push({ kind: 'sum', expected: step.sumAfter });
  }
  return list;
}

/**
 * The formula a question is about, with `?` where its answer goes (`ask`), or complete, as the
 * reason "Show answer" gives (`reveal`):
 *
 * - value: `q = x + y = (-2) + 5 = ?`
 * - local: `∂q/∂x = ?`, revealed `∂q/∂x = 1`
 * - contribution: `∂f/∂x = ∂f/∂q · ∂q/∂x = (-4) · 1 = ?`
 * - sum: `∂e/∂b = 2 + 3 = ?` (the left side only once the last share has arrived)
 *
 * Written in either notation: LaTeX for the panels, plain text for speech and the export.
 */
export function questionFormula(
  a: Analysis,
  step: LensStep,
  kind: QuestionKind,
  n: Notation,
  reveal: boolean,
): string {
  const ctx = { graph: a.compiled, value: a.value, backward: a.backward };
  const ask = (full: string) => `${full.slice(0, full.lastIndexOf(' = '))} = ?`;
  if (step.kind === 'forward-node') {
    const full = forwardNodeTex(ctx, step.node, n);
    return reveal ? full : ask(full);
  }
  if (step.kind !== 'backward-edge') return '';
  switch (kind) {
    case 'local': {
      if (reveal) return localTex(ctx, step.edge, n);
      const symbolic = localSymbolicTex(ctx, step.edge, n);
      return `${symbolic.slice(0, symbolic.indexOf(' = '))} = ?`;
    }
    case 'contribution': {
      const full = joinChain(backwardEdgeChain(ctx, step.edge, step.arrivals > 1, n));
      return reveal ? full : ask(full);
    }
    default: {
      const lhs = backwardEdgeChain(ctx, step.edge, false, n).segments[0][0].tex;
      const sum = `${n.number(step.sumBefore, false, DEFAULT_DIGITS)} + ${n.number(step.contribution, true, DEFAULT_DIGITS)}`;
      const head = step.arrival === step.arrivals ? `${lhs} = ${sum}` : sum;
      return `${head} = ${reveal ? n.number(step.sumAfter, false, DEFAULT_DIGITS) : '?'}`;
    }
  }
}
