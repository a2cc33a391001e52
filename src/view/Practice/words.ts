import '../../i18n/enLater';
import {
  formatNumber,
  formulas,
  gatePattern,
  questionFormula,
  TEX,
  TEXT,
  type Analysis,
  type LensStep,
  type Notation,
  type QuestionKind,
} from '../../engine';
import type { Translate } from '../../i18n';

/**
 * Practice mode's sentences, shared by the practice panel, the formula panel and the narration,
 * so all three ask and answer in the same words.
 */

/** A number as the page writes it in prose: a real minus sign (U+2212). */
const num = (v: number) => formatNumber(v).replace(/^-/, '−');

const nameOf = (a: Analysis, node: number) => a.compiled.symbol(node).text;

/** "What is the value of q?", "What is the local derivative ∂q/∂x?", … */
export function questionText(a: Analysis, step: LensStep, kind: QuestionKind, t: Translate) {
  if (step.kind === 'forward-node') return t('practice.ask.value', { node: nameOf(a, step.node) });
  if (step.kind !== 'backward-edge') return '';
  const from = nameOf(a, step.from);
  const to = nameOf(a, step.to);
  switch (kind) {
    case 'local':
      // Word joiners: the partial never breaks at its slash.
      return t('practice.ask.local', { partial: `∂${from}\u2060/\u2060∂${to}` });
    case 'contribution':
      return t('practice.ask.contribution', { from, to });
    default:
      return t('practice.ask.sum', { to });
  }
}

/** The question's formula, with `?` for the answer or complete, in LaTeX and in plain text. */
export function questionFormulas(
  a: Analysis,
  step: LensStep,
  kind: QuestionKind,
  reveal: boolean,
  text: Notation = TEXT,
): { tex: string; text: string } {
  return {
    tex: questionFormula(a, step, kind, TEX, reveal),
    text: questionFormula(a, step, kind, text, reveal),
  };
}

/**
 * The hint after a wrong try, and the reason "Show answer" gives: for a local derivative, the
 * gate pattern (src/engine/gates.ts) with this gate's numbers, as cs231n teaches them.
 */
export function hintText(a: Analysis, step: LensStep, kind: QuestionKind, t: Translate): string {
  const ctx = { graph: a.compiled, value: a.value, backward: a.backward };
  if (step.kind === 'forward-node') {
    const ask = questionFormula(a, step, 'value', TEXT, false);
    return t('practice.hint.value', { formula: ask.slice(0, ask.lastIndexOf(' = ')) });
  }
  if (step.kind !== 'backward-edge') return '';
  const from = nameOf(a, step.from);
  const to = nameOf(a, step.to);
  if (kind === 'contribution') {
    const f = nameOf(a, a.compiled.output);
    return t('practice.hint.contribution', {
      upstreamName: `∂${f}/∂${from}`,
      upstream: num(step.upstream),
      localName: `∂${from}/∂${to}`,
      local: num(step.local),
    });
  }
  if (kind === 'sum') {
    return t('practice.hint.sum', {
      before: num(step.sumBefore),
      contribution: num(step.contribution),
    });
  }
  const p = gatePattern(a, step);
  const symbolic = formulas.localSymbolicTex(ctx, step.edge, TEXT);
  switch (p?.kind) {
    case 'add':
      return t(p.sign === 1 ? 'practice.hint.add' : 'practice.hint.sub');
    case 'mul':
      return t('practice.hint.mul', { other: nameOf(a, p.other), value: num(p.otherValue) });
    case 'max':
    case 'min':
      return p.tie
        ? t('practice.hint.tie')
        : t(p.kind === 'max' ? 'practice.hint.max' : 'practice.hint.min', {
            to,
            mine: num(a.value[step.to]),
            other: nameOf(a, p.other),
            theirs: num(a.value[p.other]),
          });
    case 'unary':
      return t('practice.hint.unary', {
        formula: symbolic,
        input: to,
        value: num(a.value[step.to]),
      });
    default:
      return t('practice.hint.other', { formula: symbolic });
  }
}
