import { Fragment, lazy, Suspense, useMemo, useState } from 'react';
import { checkAnalysis, DEFAULT_H, formatNumber } from '../../engine';
import { useT } from '../../i18n/useT';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';
import { useApp } from '../../state/appStore';
import { KinkRow, StatusChip, STATUS_KEY } from './StatusChip';

// A tensor program's check (issue 15) needs the tensor engine: it loads with the first one.
const TensorGradientCheck = lazy(() =>
  import('./TensorGradientCheck').then((m) => ({ default: m.TensorGradientCheck })),
);

/** Inputs checked at most: each one costs two forward sweeps of the whole graph. */
const MAX_CHECKED = 60;

/**
 * cs231n's gradient check (seed 003): every input's analytic gradient beside a centred
 * finite-difference estimate and their relative error, coloured and worded by agreement, with a
 * note where a kink lies within h. Computed only while the panel is open.
 */
export function GradientCheck() {
  const t = useT();
  const analysis = useApp((s) => s.analysis);
  const [open, setOpen] = useState(false);
  const check = useMemo(
    () =>
      open && analysis && !analysis.tensor ? checkAnalysis(analysis, DEFAULT_H, MAX_CHECKED) : null,
    [open, analysis],
  );
  const total = analysis?.inputs.length ?? 0;
  return (
    <section className="panel lesson-panel gradcheck" aria-label={t('check.title')}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="panel-title lesson-summary">{t('check.title')}</summary>
        {open && analysis?.tensor && (
          <Suspense fallback={null}>
            <TensorGradientCheck tensor={analysis.tensor} />
          </Suspense>
        )}
        {check && check.inputs.length === 0 && <p className="muted">{t('check.none')}</p>}
        {check && check.inputs.length > 0 && (
          <>
            <p className="hint">{t('check.hint', { h: String(check.h) })}</p>
            <div className="lesson-table-wrap">
              <table className="lesson-table">
                <thead>
                  <tr>
                    <th scope="col">{t('check.input')}</th>
                    <th scope="col">{t('check.analytic')}</th>
                    <th scope="col">{t('check.numeric')}</th>
                    <th scope="col">{t('check.relError')}</th>
                  </tr>
                </thead>
                <tbody>
                  {check.inputs.map((c) => (
                    <Fragment key={c.name}>
                      <tr data-input={c.name} className={`check-${c.status}`}>
                        <th scope="row" className="mono">
                          {c.name}
                        </th>
                        <td className="num" data-col="analytic">
                          {formatNumber(c.analytic, 6)}
                        </td>
                        <td className="num" data-col="numeric">
                          {formatNumber(c.numeric, 6)}
                        </td>
                        <td className="num" data-col="relError">
                          {c.relError === 0 ? '0' : c.relError.toExponential(1)}{' '}
                          <StatusChip status={c.status} label={t(STATUS_KEY[c.status])} />
                        </td>
                      </tr>
                      {c.kink && <KinkRow name={c.name} text={t('check.kink')} />}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
            {total > check.inputs.length && (
              <p className="muted">
                {check.inputs.length} / {total}
              </p>
            )}
          </>
        )}
      </details>
    </section>
  );
}
