import {
  formatNumber,
  formulas,
  questionFormula,
  TEXT,
  type Analysis,
  type LensStep,
  type Notation,
  type QuestionKind,
} from '../../engine';
import type { Translate } from '../../i18n';
import type { TensorAnalysis } from '../../engine/tensor/run';
import type { PracticeView } from '../../state/practice';
import { stepState, type StepState } from '../../state/stepState';
import {
  productVerdict,
  tensorAnswer,
  tensorHint,
  tensorQuestionText,
  tensorReason,
} from '../Practice/tensorWords';
import { hintText, questionText } from '../Practice/words';
import { narrateTensor } from './tensorNarrate';

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
export function narrate(
  a: Analysis,
  at: number | StepState,
  t: Translate,
  practice?: PracticeView,
): string {
  // A bare index means reverse mode; the app passes the active mode's step state.
  const state = typeof at === 'number' ? stepState(a, { ad: 'reverse', wrt: null }, at) : at;
  // Practice on a matrix program reads its question or verdict; else a tensor program (issue 15)
  // steps through its own trace, in matrix form.
  if (practice?.tensor && a.tensor && (practice.pending || practice.feedback)) {
    return tensorPracticeSentence(a.tensor, practice, t);
  }
  if (a.tensor) return narrateTensor(a.tensor, state.k, t);
  const step: LensStep | undefined = state.current;
  if (!step) return '';
  if (practice && (practice.pending || practice.feedback)) return practiceSentence(a, practice, t);
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
    case 'tangent-seed':
      sentence = t('narrate.tangentSeed', {
        x: name(step.node),
        partial: partial(step.node, step.node),
      });
      break;
    case 'tangent-edge':
      sentence = t('narrate.tangentEdge', {
        from: name(step.from),
        to: name(step.to),
        local: spokenNumber(step.local),
        tangent: spokenNumber(step.tangentFrom),
        term: spokenNumber(step.term),
      });
      break;
    case 'tangent-node':
      sentence = t('narrate.tangentNode', {
        node: name(step.node),
        value: spokenNumber(step.value),
      });
      break;
  }
  if (state.phase !== 'done') return sentence;
  const tangent = state.tangent;
  return tangent
    ? `${sentence} ${t('narrate.doneTangent', {
        partial: partial(g.output, tangent.wrt),
        value: spokenNumber(tangent.tangent[g.output]),
      })}`
    : `${sentence} ${t('narrate.done')}`;
}

/**
 * Practice mode: the question the step asks ("Your turn: what is the value of q? q = x + y =
 * −2 + 5 = ?"), then the verdict of Check or Show answer, with the hint or the reason, and the
 * next question if the step has one.
 */
function practiceSentence(a: Analysis, p: PracticeView, t: Translate): string {
  const step = p.step!;
  const spoken = spokenNotation(t);
  const formula = (kind: PracticeView['hidden'][number], reveal: boolean) =>
    questionFormula(a, step, kind, spoken, reveal);
  const next = p.pending ? p.questions[p.index].kind : undefined;
  const turn = next
    ? t('practice.say.turn', {
        question: questionText(a, step, next, t),
        formula: formula(next, false),
      })
    : '';
  const f = p.feedback;
  if (!f) return turn;
  const question = f.question as QuestionKind;
  let verdict: string;
  switch (f.kind) {
    case 'correct':
      verdict = t('practice.say.correct', { formula: formula(question, true) });
      break;
    case 'shown':
      verdict = t('practice.say.shown', {
        formula: formula(question, true),
        why: hintText(a, step, question, t),
      });
      break;
    case 'wrong':
      // Asked again after the hint: the question is still the same.
      return repeatable(t('practice.say.wrong', { hint: hintText(a, step, question, t) }), f.seq);
    case 'invalid':
      return repeatable(
        t('practice.say.notRead', { message: t(f.error!.code, f.error!.params) }),
        f.seq,
      );
  }
  return repeatable(next ? `${verdict} ${turn}` : verdict, f.seq);
}

/**
 * A live region reads a change of its text only: the same verdict twice in a row (two wrong
 * tries) must differ by something a screen reader does not say.
 */
const repeatable = (sentence: string, seq: number) => (seq % 2 ? `${sentence}\u00a0` : sentence);

/**
 * Practice on a matrix program (issue 16): the question ("Your turn: what shape is ∂L/∂W₁?"),
 * with the step's formula where it does not give the answer away, then the verdict.
 */
function tensorPracticeSentence(t: TensorAnalysis, p: PracticeView, tr: Translate): string {
  const { step, questions } = p.tensor!;
  if (!step) return '';
  const next = p.pending ? questions[p.index] : undefined;
  // A backward step's formula is the formula question's answer: said once that is answered.
  const formula = step.kind === 'forward-node' || next?.kind === 'entry' ? `${step.text}.` : '';
  const turn = next
    ? tr('practice.say.turn', { question: tensorQuestionText(t, next, tr), formula })
    : '';
  const f = p.feedback;
  if (!f) return turn;
  const q = questions.find((x) => x.kind === f.question);
  if (!q) return turn;
  let verdict: string;
  switch (f.kind) {
    case 'correct':
      verdict = tr('practice.say.correct', { formula: tensorAnswer(t, q, tr) });
      break;
    case 'shown':
      verdict = tr('practice.say.shown', {
        formula: tensorAnswer(t, q, tr),
        why: tensorReason(t, step, q, tr),
      });
      break;
    case 'wrong': {
      const hint =
        q.kind === 'formula' && f.product && f.check
          ? productVerdict(t, q, f.product, f.check, tr)
          : tensorHint(t, step, q, tr, f.shape);
      return repeatable(tr('practice.say.wrong', { hint }), f.seq);
    }
    case 'invalid':
      return repeatable(
        tr('practice.say.notRead', { message: tr(f.error!.code, f.error!.params) }),
        f.seq,
      );
  }
  return repeatable(next ? `${verdict} ${turn}` : verdict, f.seq);
}
