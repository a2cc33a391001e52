import type { ReactNode } from 'react';
import { caretLines } from '../../engine';
import type { Translate } from '../../i18n';
import type { PracticeFeedback } from '../../state/practice';

/**
 * What Check or Show answer said, in words (never colour alone): scalar and matrix practice say
 * it the same way, each with its own answer, reason and hint.
 */
export function Verdict({
  feedback,
  answer,
  reason,
  wrong,
  hint,
  t,
}: {
  feedback: PracticeFeedback;
  /** The right answer, after "Correct" and "The answer". */
  answer: ReactNode;
  /** Why it is so, under a shown answer. */
  reason: ReactNode;
  /** Said right after "Not quite" (what the product's shapes give, for a matrix formula). */
  wrong?: ReactNode;
  /** The hint after a wrong answer, if the question has one. */
  hint?: ReactNode;
  t: Translate;
}) {
  switch (feedback.kind) {
    case 'correct':
      return (
        <p className="verdict verdict-correct">
          <strong>
            <span aria-hidden="true">✓ </span>
            {t('practice.correct')}
          </strong>{' '}
          {answer}
        </p>
      );
    case 'shown':
      return (
        <div className="verdict verdict-shown">
          <p>
            <strong>{t('practice.shown')}:</strong> {answer}
          </p>
          <p className="practice-reason">{reason}</p>
        </div>
      );
    case 'wrong':
      return (
        <div className="verdict verdict-wrong">
          <p>
            <strong>
              <span aria-hidden="true">✗ </span>
              {t('practice.wrong')}
            </strong>
            {wrong && <> {wrong}</>}
          </p>
          {hint !== undefined && (
            <p className="practice-reason">
              <span className="practice-hint-label">{t('practice.hint')}:</span> {hint}
            </p>
          )}
        </div>
      );
    case 'invalid': {
      const error = feedback.error!;
      // Under the answer as it was checked: the field may have been edited since.
      const text = feedback.answer ?? '';
      const [line, caret] = caretLines(text, error);
      return (
        <div className="verdict verdict-invalid">
          <p>
            <strong>{t('practice.notRead')}:</strong> {t(error.code, error.params)}
          </p>
          {text.trim() !== '' && (
            <pre className="practice-caret" aria-hidden="true">
              {line}
              {'\n'}
              {caret}
            </pre>
          )}
        </div>
      );
    }
  }
}
