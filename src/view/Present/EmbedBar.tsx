import { useMemo } from 'react';
import { useT } from '../../i18n/useT';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';
import { appStore, useApp } from '../../state/appStore';
import { shareUrl } from '../../state/urlSync';

/**
 * The one link an embedded copy shows: the same program, values and step in the full app, in a new
 * tab (the course page around the iframe stays where it is).
 */
export function EmbedBar() {
  const t = useT();
  // Only what a link carries: hovering or playing must not re-encode (and re-compress) it.
  const { source, values, analysis, stepIndex, settings } = useApp((s) => ({
    source: s.source,
    values: s.values,
    analysis: s.analysis,
    stepIndex: s.stepIndex,
    settings: s.settings,
  }));
  const href = useMemo(
    () =>
      shareUrl(
        { ...appStore.getState(), source, values, analysis, stepIndex, settings },
        window.location,
      ),
    [source, values, analysis, stepIndex, settings],
  );
  return (
    <div className="embed-bar">
      <a
        className="embed-open"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        title={t('embed.newTab')}
      >
        <img src="./favicon.svg" alt="" width="16" height="16" />
        {t('embed.open')}
        <svg className="icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M4 2h6v6M10 2 3 9" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </a>
    </div>
  );
}
