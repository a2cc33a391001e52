import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import './tensor.css';
import '../../i18n/enLater';

/**
 * Shown above the graph while a tensor op is open as its scalar program (issue 15, point 6):
 * what it is, and the way back to the matrix program at the step it was left.
 */
export function ExpandBanner() {
  const t = useT();
  const { from, back, source } = useApp((s) => ({
    from: s.expandedFrom,
    back: s.closeExpansion,
    source: s.source,
  }));
  // The browser's Back can return to the matrix program too: then there is nothing to go back to.
  if (!from || source === from.source) return null;
  return (
    <div className="expand-banner" role="status">
      <p>{t('tensorExpand.banner', { name: from.name })}</p>
      <button type="button" className="button primary" onClick={back}>
        {t('tensorExpand.back')}
      </button>
    </div>
  );
}
