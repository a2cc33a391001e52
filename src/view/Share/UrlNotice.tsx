import { Fragment } from 'react';
import { useT } from '../../i18n/useT';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';
import { useApp } from '../../state/appStore';
import { noticeItems } from './noticeItems';

/**
 * Says, in words, which parts of the opening link were not used (an unknown name, a step past the
 * end, a value that is not a number), so a teacher whose link was mangled by a chat app knows why
 * the picture differs. Everything from the URL is rendered as React text, never as HTML.
 */
export function UrlNotice() {
  const t = useT();
  const { ignored, dismissNotice } = useApp((s) => ({
    ignored: s.ignored,
    dismissNotice: s.dismissNotice,
  }));
  if (ignored.length === 0) return null;
  const { items, more } = noticeItems(ignored);
  return (
    <div className="url-notice" role="status">
      <p className="url-notice-text">
        {t('notice.urlIgnored')}{' '}
        {items.map((item, i) => (
          <Fragment key={`${item.reason}:${item.key}`}>
            {i > 0 && ', '}
            {/* <bdi> keeps a right-to-left key from reordering the words around it. */}
            <bdi className="url-notice-key">{item.key}</bdi> ({t(`notice.reason.${item.reason}`)})
          </Fragment>
        ))}
        {more > 0 && `, ${t('notice.more', { count: more })}`}
      </p>
      <button type="button" className="button url-notice-dismiss" onClick={dismissNotice}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
