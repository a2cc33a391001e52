import type { Analysis, LensStep } from '../../engine';
import type { Translate } from '../../i18n';
import { stepTrouble } from './trouble';

/** What the chain-rule panel says in words where a step meets a value outside a domain (see `stepTrouble`). */
export function TroubleNote({
  analysis,
  step,
  t,
}: {
  analysis: Analysis;
  step: LensStep;
  t: Translate;
}) {
  const trouble = stepTrouble(analysis, step, t);
  return trouble ? (
    <p className="formula-trouble" role="note">
      {trouble}
    </p>
  ) : null;
}
