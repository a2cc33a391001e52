import { useEffect, useId, useRef, type FormEvent } from 'react';
import { type Analysis, type LensStep, type QuestionKind } from '../../engine';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { selectPractice, type PracticeFeedback } from '../../state/practice';
import { checksOf } from '../BackwardPass/checks';
import { Tex } from '../Formula/Tex';
import { AnswerRow } from './AnswerRow';
import { TensorPractice } from './TensorPractice';
import { Verdict as SaidVerdict } from './Verdict';
import { hintText, questionFormulas, questionText } from './words';

/**
 * Practice mode's panel (issue 16): the question the current step asks, the "Your answer" field,
 * Check and Show answer, the verdict in words, a hint after a wrong try, and the running score.
 * Loaded with `lazy()` only once practice is switched on.
 */
export function PracticePanel() {
  const t = useT();
  const {
    analysis,
    view,
    draft,
    setDraft,
    submitAnswer,
    revealAnswer,
    startOver,
    formulaShown,
    startBackwardExercise,
    sourceOk,
  } = useApp((s) => ({
    analysis: s.analysis,
    // The chain-rule panel beside it shows the question's formula. Presenting, that panel has
    // little height left (or is hidden with F): the question shows its formula itself.
    formulaShown: s.settings.mode === 'normal',
    view: selectPractice(s),
    draft: s.practice.draft,
    setDraft: s.setDraft,
    submitAnswer: s.submitAnswer,
    revealAnswer: s.revealAnswer,
    startOver: s.startOver,
    startBackwardExercise: s.startBackwardExercise,
    // The exercise is written from the text in the editor: not while that text has an error.
    sourceOk: s.error === null,
  }));
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const verdict = useRef<HTMLDivElement>(null);
  const asking = view?.pending ? `${view.key}:${view.k}:${view.index}` : null;

  // A new question takes the focus (unless the person is typing elsewhere, in the editor); once
  // the step is answered the field goes, and the focus moves to the verdict, where the arrow
  // keys step again. Opening the page or the panel without a question takes no focus.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    const before = asked.current;
    asked.current = asking;
    const active = document.activeElement;
    const typingElsewhere =
      active instanceof HTMLElement &&
      active !== input.current &&
      (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT' || active.isContentEditable);
    if (asking) {
      if (!typingElsewhere) input.current?.focus({ preventScroll: true });
    } else if (before !== null && (active === document.body || active === null)) {
      verdict.current?.focus({ preventScroll: true });
    }
  }, [asking]);

  if (!analysis || !view) return null;
  const { step, questions, index, feedback, score } = view;
  const head = (
    <div className="practice-head">
      <h2 className="panel-title" id={`${id}-title`}>
        {t('practice.title')}
      </h2>
      <p className="practice-score" data-testid="practice-score">
        {t('practice.score', { right: score.right, asked: score.asked })}
      </p>
      <button
        type="button"
        className="link-button"
        onClick={startOver}
        disabled={score.asked === 0 && view.k === 0}
      >
        {t('practice.startOver')}
      </button>
    </div>
  );
  if (view.tensor && analysis.tensor) {
    // A matrix program (issue 16): shape, formula from pieces, one entry.
    return (
      <section className="panel practice" aria-labelledby={`${id}-title`}>
        {head}
        <TensorPractice tensor={analysis.tensor} view={{ ...view, tensor: view.tensor }} />
      </section>
    );
  }
  const question = view.pending ? questions[index] : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submitAnswer();
  };
  const feedbackId = `${id}-feedback`;
  const invalid = feedback?.kind === 'invalid' && feedback.question === question?.kind;
  // A hint about the question still asked goes under its field; the verdict on one answered
  // before it (this step's local derivative, say) goes above the next question.
  const aboutCurrent = feedback !== null && feedback.question === question?.kind;
  const verdictBox = step && feedback && (
    <div className="practice-verdict" ref={verdict} tabIndex={-1} id={feedbackId}>
      <StepVerdict analysis={analysis} step={step} feedback={feedback} t={t} />
    </div>
  );

  return (
    <section className="panel practice" aria-labelledby={`${id}-title`}>
      {head}
      {!aboutCurrent && verdictBox}
      {step && question ? (
        <form className="practice-ask" onSubmit={onSubmit}>
          <p className="practice-question">
            {questions.length > 1 && (
              <span className="practice-count">
                {t('practice.question', { index: index + 1, count: questions.length })}:{' '}
              </span>
            )}
            {questionText(analysis, step, question.kind, t)}
          </p>
          {!formulaShown && (
            <div className="practice-formula">
              <Tex {...questionFormulas(analysis, step, question.kind, false)} wrap />
            </div>
          )}
          <AnswerRow
            id={id}
            fieldRef={input}
            draft={draft}
            setDraft={setDraft}
            invalid={invalid}
            describedBy={feedback ? feedbackId : undefined}
            onReveal={revealAnswer}
            t={t}
          />
        </form>
      ) : (
        !feedback && (
          <p className="hint practice-idle">
            {view.k === 0 ? t('practice.intro') : t('practice.nothingAsked')}
          </p>
        )
      )}
      {aboutCurrent && verdictBox}
      <BackwardExercise
        analysis={analysis}
        onStart={startBackwardExercise}
        disabled={!sourceOk}
        t={t}
      />
    </section>
  );
}

/**
 * Practice's other exercise, "check my backward pass" (issue 12): a button that writes the
 * forward pass with an empty `d…` line per input into the editor; once there are gradient lines,
 * how many of them are right ("Your backward pass" beside it says which, line by line).
 */
function BackwardExercise({
  analysis,
  onStart,
  disabled,
  t,
}: {
  analysis: Analysis;
  onStart(): void;
  disabled: boolean;
  t: Translate;
}) {
  const lines = analysis.backwardPass?.gradients.length ?? 0;
  if (lines > 0) {
    const checks = checksOf(analysis);
    const right = checks.filter((c) => c.status === 'ok' && !c.partial).length;
    const count = checks.filter((c) => !c.partial).length;
    return (
      <p className="practice-bp" data-testid="practice-bp-progress" aria-live="polite">
        {t('practice.bp.progress', { right, count })}
      </p>
    );
  }
  const input = analysis.inputs[0]?.name;
  if (input === undefined) return null;
  const out = analysis.compiled.names[analysis.compiled.output];
  const example = `${out === undefined ? `d${input}` : `d${out}d${input}`} = …`;
  return (
    <div className="practice-bp">
      <button type="button" className="button" onClick={onStart} disabled={disabled}>
        {t('practice.bp.start')}
      </button>
      <p className="hint">{t('practice.bp.hint', { example })}</p>
    </div>
  );
}

/** What Check or Show answer said: in words (never colour alone), with the formula or a hint. */
function StepVerdict({
  analysis,
  step,
  feedback,
  t,
}: {
  analysis: Analysis;
  step: LensStep;
  feedback: PracticeFeedback;
  t: Translate;
}) {
  // Only a scalar step's feedback comes here (a matrix step's is TensorPractice's).
  const kind = feedback.question as QuestionKind;
  const hint = hintText(analysis, step, kind, t);
  return (
    <SaidVerdict
      feedback={feedback}
      answer={<Tex {...questionFormulas(analysis, step, kind, true)} wrap />}
      reason={hint}
      hint={hint}
      t={t}
    />
  );
}
