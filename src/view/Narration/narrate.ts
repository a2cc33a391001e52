import {
  formatNumber,
  formulas,
  TEXT,
  type Analysis,
  type Notation,
  type Step,
} from '../../engine';
import type { Translate } from '../../i18n';

/**
 * A number as it is read aloud: the engine's rounding, with a real minus sign (U+2212), which
 * screen readers say as "minus" where a hyphen is often skipped or read as "dash".
 */
export const spokenNumber = (v: number): string => formatNumber(v).replace(/^-/, '−');

/**
 * Plain-text formulas for speech: numbers need no parentheses when nothing is being parsed
 * (`−2 + 5`, not `(-2) + 5`), and the multiplication dot becomes the language's word for it.
 */
function spokenNotation(t: Translate): Notation {
  const times = ` ${t('narrate.times')} `;
  return {
    ...TEXT,
    number: (v, _atom, digits) => formatNumber(v, digits).replace(/^-/, '−'),
    times,
    // Operators write their own `·` (`x · y`); it is spoken as the word too.
    op: (spec, args) => TEXT.op(spec, args).replaceAll(' · ', times),
  };
}

/**
 * One sentence, in the current language, saying what step `stepIndex` (1-based: the step just
 * played) did, built from the step's own symbols and numbers so nothing English leaks into
 * another language. Empty at the start, where nothing has happened yet.
 *
 * @example
 * narrate(analyze('x = -2; y = 5; z = -4; q = x + y; f = q * z'), 8, t)
 * // 'Gradient flows from f to q: ∂f/∂f = 1 times ∂f/∂q = −4 gives −4'
 */
export function narrate(a: Analysis, stepIndex: number, t: Translate): string {
  const step: Step | undefined = stepIndex > 0 ? a.steps[stepIndex - 1] : undefined;
  if (!step) return '';
  const g = a.compiled;
  const name = (node: number) => g.symbol(node).text;
  const partial = (of: number, by: number) => `∂${name(of)}/∂${name(by)}`;
  let sentence: string;
  switch (step.kind) {
    case 'forward-edge':
      sentence = t('narrate.forwardEdge', {
        from: name(step.from),
        value: spokenNumber(step.value),
        to: name(step.to),
      });
      break;
    case 'forward-node': {
      const ctx = { graph: g, value: a.value, backward: a.backward };
      sentence = t('narrate.forwardNode', {
        node: name(step.node),
        formula: formulas.forwardNodeTex(ctx, step.node, spokenNotation(t)),
      });
      break;
    }
    case 'seed':
      sentence = t('narrate.seed', {
        node: name(step.node),
        partial: partial(step.node, step.node),
      });
      break;
    case 'backward-edge': {
      const output = g.output;
      sentence = t('narrate.backwardEdge', {
        from: name(step.from),
        to: name(step.to),
        upstreamName: partial(output, step.from),
        upstream: spokenNumber(step.upstream),
        localName: partial(step.from, step.to),
        local: spokenNumber(step.local),
        contribution: spokenNumber(step.contribution),
      });
      if (step.arrivals > 1) {
        sentence +=
          step.arrival === 1
            ? ` ${t('narrate.forkFirst', { to: name(step.to), count: step.arrivals })}`
            : ` ${t('narrate.forkSum', {
                to: name(step.to),
                arrived: step.arrival,
                count: step.arrivals,
                before: spokenNumber(step.sumBefore),
                contribution: spokenNumber(step.contribution),
                after: spokenNumber(step.sumAfter),
              })}`;
      }
      break;
    }
  }
  return stepIndex === a.steps.length ? `${sentence} ${t('narrate.done')}` : sentence;
}
