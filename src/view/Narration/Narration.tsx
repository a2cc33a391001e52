import { useMemo } from 'react';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { narrate } from './narrate';

/**
 * Says each step in words, in the current language, for screen-reader users (and anyone who
 * wants the picture described): a polite live region, so a step is read once the person pauses,
 * never cutting off what is being read. Hidden visually: the formula panel shows the same step.
 */
export function Narration() {
  const t = useT();
  const { analysis, stepIndex } = useApp((s) => ({ analysis: s.analysis, stepIndex: s.stepIndex }));
  const sentence = useMemo(
    () => (analysis ? narrate(analysis, stepIndex, t) : ''),
    [analysis, stepIndex, t],
  );
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="narration">
      {sentence}
    </div>
  );
}
