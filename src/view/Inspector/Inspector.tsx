import { lazy, Suspense } from 'react';
import { translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { selectInspected } from '../../state/selectors';
import { useApp } from '../../state/appStore';
import { selectStepState } from '../../state/stepState';

// The numbers appear on the first hover or click, so their code loads then, not with the page.
const Details = lazy(() => import('./InspectorDetails').then((m) => ({ default: m.Details })));
// A tensor program's node shows its matrices (issue 15).
const TensorInspector = lazy(() =>
  import('../tensor/TensorInspector').then((m) => ({ default: m.TensorInspector })),
);

/** The numbers of the hovered or clicked node or edge, as far as the steps played have computed. */
export function Inspector() {
  const t = useT();
  const { analysis, inspected, known, lang, select, selected, stepIndex } = useApp((s) => ({
    stepIndex: s.stepIndex,
    analysis: s.analysis,
    inspected: selectInspected(s),
    known: selectStepState(s),
    lang: s.settings.lang,
    select: s.select,
    selected: s.selected,
  }));
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" aria-live="polite">
      <div className="panel-head">
        <h2 className="panel-title" id="inspector-title">
          {t('inspect.title')}
        </h2>
        {selected && (
          <button type="button" className="link-button" onClick={() => select(null)}>
            {t('inspect.close')}
          </button>
        )}
      </div>
      {analysis?.tensor && inspected?.kind === 'node' ? (
        <Suspense fallback={<p className="muted">{t('inspect.hint')}</p>}>
          <TensorInspector tensor={analysis.tensor} id={inspected.id} stepIndex={stepIndex} />
        </Suspense>
      ) : analysis && !analysis.tensor && inspected && known ? (
        <Suspense fallback={<p className="muted">{t('inspect.hint')}</p>}>
          <Details
            analysis={analysis}
            item={inspected}
            known={known}
            t={t}
            note={(code) => translate(lang, code)}
          />
        </Suspense>
      ) : (
        <p className="muted">{t('inspect.hint')}</p>
      )}
    </section>
  );
}
