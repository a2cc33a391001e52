import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';

/**
 * Under a tensor program that calls `randn` (issue 14): draw other numbers. The new seed goes
 * into the link (`seed=`), so a shared or reloaded page shows the same numbers; the output is
 * shown beside it, the number the gradients are of.
 */
export function RandomValues({ output }: { output: string }) {
  const t = useT();
  const seed = useApp((s) => s.seed);
  const newSeed = useApp((s) => s.newSeed);
  return (
    <div className="random-values">
      <button type="button" className="button random-button" onClick={newSeed}>
        {t('random.newValues')}
      </button>{' '}
      <span className="random-seed" aria-live="polite">
        {t('random.fromSeed', { seed, output })}
      </span>
    </div>
  );
}
