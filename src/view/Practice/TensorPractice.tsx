import { useEffect, useId, useRef, type FormEvent } from 'react';
import { dimsText, productText, type TensorQuestion } from '../../engine/tensor/practice';
import type { TensorAnalysis } from '../../engine/tensor/run';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import './tensorPractice.css';
import { useApp } from '../../state/appStore';
import type { PracticeFeedback, PracticeView } from '../../state/practice';
import { AnswerRow } from './AnswerRow';
import { Verdict } from './Verdict';
import {
  productVerdict,
  tensorAnswer,
  tensorHint,
  tensorQuestionText,
  tensorReason,
} from './tensorWords';

/**
 * Practice on a matrix program's step (issue 16): the shape typed in "Your answer", the formula
 * built by clicking the offered pieces in order (Undo, Clear), one entry typed; Check and Show
 * answer, and the verdict in words. Enter in the field checks; a piece is a button (Enter or
 * Space adds it); the Check button checks a product.
 */
export function TensorPractice({
  tensor,
  view,
}: {
  tensor: TensorAnalysis;
  view: PracticeView & { tensor: NonNullable<PracticeView['tensor']> };
}) {
  const tr = useT();
  const a = useApp((s) => ({
    draft: s.practice.draft,
    product: s.practice.product,
    setDraft: s.setDraft,
    submitAnswer: s.submitAnswer,
    revealAnswer: s.revealAnswer,
    pickPiece: s.pickPiece,
    undoPiece: s.undoPiece,
    clearPieces: s.clearPieces,
  }));
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const pieces = useRef<HTMLDivElement>(null);
  const verdict = useRef<HTMLDivElement>(null);
  const { questions } = view.tensor;
  const q = view.pending ? questions[view.index] : undefined;
  const asking = q ? `${view.key}:${view.k}:${view.index}` : null;

  // As the scalar questions do: a new question takes the focus (its field, or its first piece),
  // unless the person is typing elsewhere; once the step is answered, the verdict takes it.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    const before = asked.current;
    asked.current = asking;
    const active = document.activeElement;
    const typingElsewhere =
      active instanceof HTMLElement &&
      active !== field.current &&
      (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT' || active.isContentEditable);
    if (asking) {
      if (typingElsewhere) return;
      const target = field.current ?? pieces.current?.querySelector('button');
      target?.focus({ preventScroll: true });
    } else if (before !== null && (active === document.body || active === null)) {
      verdict.current?.focus({ preventScroll: true });
    }
  }, [asking]);

  const step = view.tensor.step;
  const feedback = view.feedback;
  // Each verdict is brought into view: beside the graph the panel scrolls, and a class reads the
  // explanation from the screen.
  const seq = feedback?.seq;
  useEffect(() => {
    if (seq !== undefined) verdict.current?.scrollIntoView?.({ block: 'nearest' });
  }, [seq]);
  const feedbackId = `${id}-feedback`;
  const aboutCurrent = feedback !== null && feedback.question === q?.kind;
  const about = feedback ? questions.find((x) => x.kind === feedback.question) : undefined;
  const verdictBox = step && feedback && about && (
    <div className="practice-verdict" ref={verdict} tabIndex={-1} id={feedbackId}>
      <TensorVerdict tensor={tensor} q={about} feedback={feedback} tr={tr} />
    </div>
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    a.submitAnswer();
  };

  return (
    <>
      {!aboutCurrent && verdictBox}
      {step && q ? (
        <form className="practice-ask" onSubmit={onSubmit} data-question={q.kind}>
          <p className="practice-question">
            {questions.length > 1 && (
              <span className="practice-count">
                {tr('practice.question', { index: view.index + 1, count: questions.length })}:{' '}
              </span>
            )}
            {tensorQuestionText(tensor, q, tr)}
          </p>
          {q.kind === 'formula' ? (
            <>
              <p className="practice-product">
                <span className="practice-label">{tr('practice.m.product')}:</span>{' '}
                <output aria-live="polite" className="practice-product-text">
                  {a.product.length > 0
                    ? productText(q, a.product)
                    : tr('practice.m.nothingPicked')}
                </output>
              </p>
              <div
                className="practice-pieces"
                role="group"
                aria-label={tr('practice.m.pieces')}
                ref={pieces}
              >
                {q.pieces.map((p, i) => (
                  <button
                    key={i}
                    type="button"
                    className="button practice-piece"
                    aria-label={tr('practice.m.piece', { piece: p.text, shape: dimsText(p.dims) })}
                    onClick={() => a.pickPiece(i)}
                  >
                    <span className="practice-piece-name">{p.text}</span>
                    <span className="practice-piece-shape" aria-hidden="true">
                      {dimsText(p.dims)}
                    </span>
                  </button>
                ))}
              </div>
              <div className="practice-row">
                <button
                  type="button"
                  className="button"
                  onClick={a.undoPiece}
                  disabled={a.product.length === 0}
                >
                  {tr('practice.m.undo')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={a.clearPieces}
                  disabled={a.product.length === 0}
                >
                  {tr('practice.m.clear')}
                </button>
                <button
                  type="submit"
                  className="button primary"
                  disabled={a.product.length === 0}
                  aria-describedby={feedback ? feedbackId : undefined}
                >
                  {tr('practice.check')}
                </button>
                <button type="button" className="button" onClick={a.revealAnswer}>
                  {tr('practice.show')}
                </button>
              </div>
            </>
          ) : (
            <>
              <AnswerRow
                id={id}
                fieldRef={field}
                draft={a.draft}
                setDraft={a.setDraft}
                invalid={feedback?.kind === 'invalid' && aboutCurrent}
                describedBy={
                  [q.kind === 'shape' ? `${id}-help` : '', feedback ? feedbackId : '']
                    .filter(Boolean)
                    .join(' ') || undefined
                }
                onReveal={a.revealAnswer}
                t={tr}
              />
              {q.kind === 'shape' && (
                <p className="hint" id={`${id}-help`}>
                  {tr('practice.m.shapeHelp')}
                </p>
              )}
            </>
          )}
        </form>
      ) : (
        !feedback && (
          <p className="hint practice-idle">
            {view.k === 0 ? tr('practice.intro') : tr('practice.nothingAsked')}
          </p>
        )
      )}
      {aboutCurrent && verdictBox}
    </>
  );
}

/** What Check or Show answer said of a matrix question, in words (never colour alone). */
function TensorVerdict({
  tensor,
  q,
  feedback,
  tr,
}: {
  tensor: TensorAnalysis;
  q: TensorQuestion;
  feedback: PracticeFeedback;
  tr: Translate;
}) {
  const step = tensor.steps[feedback.k - 1];
  return (
    <Verdict
      feedback={feedback}
      answer={<span className="practice-answer">{tensorAnswer(tensor, q, tr)}</span>}
      reason={tensorReason(tensor, step, q, tr)}
      wrong={
        q.kind === 'formula' && feedback.product && feedback.check
          ? productVerdict(tensor, q, feedback.product, feedback.check, tr)
          : undefined
      }
      {...(q.kind !== 'formula' ? { hint: tensorHint(tensor, step, q, tr, feedback.shape) } : {})}
      t={tr}
    />
  );
}
