import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { selectPractice } from '../../state/practice';
import { selectStepState } from '../../state/stepState';

type Narrate = typeof import('./narrate').narrate;
let narrateFn: Narrate | undefined;

/**
 * Says each step in words, in the current language, for screen-reader users (and anyone who
 * wants the picture described): a polite live region, so a step is read once the person pauses,
 * never cutting off what is being read. Hidden visually: the formula panel shows the same step.
 * Nothing is said before the first step, so the sentence builder loads on demand.
 */
export function Narration() {
  const t = useT();
  // The active mode's step: forward mode narrates its tangent pass, not reverse mode's steps.
  // Practice mode: the question asked and the verdict of Check are said instead of the numbers.
  const { analysis, known, practice } = useApp((s) => ({
    analysis: s.analysis,
    known: selectStepState(s),
    practice: selectPractice(s),
  }));
  const [narrate, setNarrate] = useState<Narrate | undefined>(() => narrateFn);
  const needed = known !== undefined && known.k > 0;
  useEffect(() => {
    if (!needed || narrate) return;
    let live = true;
    void import('./narrate').then((m) => {
      narrateFn = m.narrate;
      if (live) setNarrate(() => m.narrate);
    });
    return () => {
      live = false;
    };
  }, [needed, narrate]);
  const sentence = analysis && known && narrate ? narrate(analysis, known, t, practice) : '';
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="narration">
      {sentence}
    </div>
  );
}
