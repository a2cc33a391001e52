import type { RefObject } from 'react';
import type { Translate } from '../../i18n';

/**
 * The answer field with Check and Show answer, as scalar and matrix practice ask for a typed
 * answer: no autocorrect or capitals (a formula is not prose), and the field says when the last
 * answer could not be read.
 */
export function AnswerRow({
  id,
  fieldRef,
  draft,
  setDraft,
  invalid,
  describedBy,
  onReveal,
  t,
}: {
  id: string;
  fieldRef: RefObject<HTMLInputElement | null>;
  draft: string;
  setDraft: (text: string) => void;
  invalid: boolean;
  describedBy: string | undefined;
  onReveal: () => void;
  t: Translate;
}) {
  return (
    <div className="practice-row">
      <label htmlFor={`${id}-answer`} className="practice-label">
        {t('practice.answer')}
      </label>
      <input
        ref={fieldRef}
        id={`${id}-answer`}
        className="practice-input"
        type="text"
        inputMode="text"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
      />
      <button type="submit" className="button primary">
        {t('practice.check')}
      </button>
      <button type="button" className="button" onClick={onReveal}>
        {t('practice.show')}
      </button>
    </div>
  );
}
