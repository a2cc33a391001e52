import { useT } from '../../i18n/useT';
import { appStore, useApp, type AppStore } from '../../state/appStore';
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
      <button
        type="button"
        className="button primary"
        onClick={() => {
          back();
          reselect(from.source, from.name);
        }}
      >
        {t('tensorExpand.back')}
      </button>
    </div>
  );
}

/**
 * Back in the matrix program, the op that was expanded is selected again (its inspector, with
 * the Expand button, as it was left) and its card takes the focus the vanished Back button had.
 * Waits for the program's graph: a layout may land a moment later, and landing clears selections.
 */
function reselect(source: string, name: string): void {
  const pick = (s: AppStore): boolean => {
    if (s.source !== source) return true; // another program was opened meanwhile
    const tensor = s.analysis?.tensor;
    if (!tensor || s.layingOut || !s.layout) return false;
    const node = tensor.nodes.find((n) => n.symbol.text === name);
    if (!node) return true;
    s.select({ kind: 'node', id: node.id });
    requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      const card = document.querySelector<SVGElement>(`svg.tensor-graph [data-node="${node.id}"]`);
      (card?.querySelector<SVGElement>('.tensor-card-button') ?? card)?.focus();
    });
    return true;
  };
  if (pick(appStore.getState())) return;
  const stop = appStore.subscribe((s) => {
    if (pick(s)) stop();
  });
}
