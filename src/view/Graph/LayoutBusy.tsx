import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT';

/** A layout this quick shows nothing: a notice that flashes for a moment is only noise. */
const SHOW_AFTER_MS = 500;

/**
 * While a large graph is laid out (in the worker; the page stays usable): after half a second, a
 * notice with a moving bar and the seconds so far. The seconds are hidden from screen readers,
 * which hear the notice once instead of a count every second.
 */
export function LayoutBusy() {
  const t = useT();
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const t0 = performance.now();
    const id = setInterval(() => setElapsed(performance.now() - t0), 250);
    return () => clearInterval(id);
  }, []);
  if (elapsed < SHOW_AFTER_MS) return null;
  return (
    <div className="graph-busy" role="status">
      <span>
        {t('graph.laidOut')} <span aria-hidden="true">{Math.floor(elapsed / 1000)} s</span>
      </span>
      <progress className="graph-busy-bar" aria-hidden="true" />
    </div>
  );
}
