import { useMemo } from 'react';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { selectStepState } from '../../state/stepState';
import { narrate } from './narrate';

/**
 * Says each step in words, in the current language, for screen-reader users (and anyone who
 * wants the picture described): a polite live region, so a step is read once the person pauses,
 * never cutting off what is being read. Hidden visually: the formula panel shows the same step.
 */
export function Narration() {
  const t = useT();
  // The active mode's step: forward mode narrates its tangent pass, not reverse mode's steps.
  const { analysis, known } = useApp((s) => ({ analysis: s.analysis, known: selectStepState(s) }));
  const sentence = useMemo(
    () => (analysis && known ? narrate(analysis, known, t) : ''),
    [analysis, known, t],
  );
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="narration">
      {sentence}
    </div>
  );
}
