import { useId } from 'react';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { activeWrt, selectOpCounts } from '../../state/modes';
import { PathsSection } from './PathsSection';

/**
 * Forward mode against reverse mode (seed 004, colah): which one the step controls play, the input
 * forward mode differentiates with respect to, and what each costs for the whole gradient.
 */
export function ModePanel() {
  const t = useT();
  const s = useApp((st) => ({
    ad: st.settings.ad,
    wrt: activeWrt(st),
    inputs: st.analysis?.inputs,
    // Forward mode is scalar-only for now: a tensor program says so by the switch (issue 15).
    tensor: st.analysis?.tensor !== undefined,
    counts: selectOpCounts(st),
    setSettings: st.setSettings,
  }));
  const groupId = useId();
  const wrtId = useId();
  const whyId = useId();
  const inputs = s.inputs ?? [];
  return (
    <section className="panel modes" aria-labelledby="modes-title">
      <h2 className="panel-title" id="modes-title">
        {t('modes.title')}
      </h2>
      <div className="mode-row">
        <span className="mode-label" id={groupId}>
          {t('modes.group')}
        </span>
        <div className="mode-switch" role="radiogroup" aria-labelledby={groupId}>
          {(['reverse', 'forward'] as const).map((ad) => (
            <label key={ad} className={`mode-choice${s.ad === ad ? ' checked' : ''}`}>
              <input
                type="radio"
                name={`${groupId}-ad`}
                value={ad}
                checked={s.ad === ad}
                disabled={ad === 'forward' && (s.tensor || inputs.length === 0)}
                aria-describedby={ad === 'forward' && s.tensor ? whyId : undefined}
                onChange={() => s.setSettings({ ad })}
              />
              {t(ad === 'reverse' ? 'modes.reverse' : 'modes.forward')}
            </label>
          ))}
        </div>
      </div>
      {s.tensor && (
        <p className="hint scalar-only" id={whyId}>
          {t('modes.scalarOnly')}
        </p>
      )}
      {s.ad === 'forward' && s.wrt !== null && (
        <div className="mode-row">
          <label htmlFor={wrtId} className="mode-label">
            {t('modes.wrt')}
          </label>
          <select
            id={wrtId}
            className="select"
            value={s.wrt}
            onChange={(e) => s.setSettings({ wrt: e.target.value })}
          >
            {inputs.map((i) => (
              <option key={i.name} value={i.name}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="hint">
        {s.ad === 'forward' && s.wrt !== null
          ? t('modes.forwardHint', { x: s.wrt })
          : t('modes.reverseHint')}
      </p>
      {s.counts && s.counts.inputs > 0 && (
        <div
          className="mode-compare"
          role="group"
          aria-label={t('modes.compare', { n: s.counts.inputs })}
        >
          <p className="mode-compare-title">{t('modes.compare', { n: s.counts.inputs })}</p>
          <div className="mode-compare-grid">
            <div className={`mode-cost forward${s.ad === 'forward' ? ' current' : ''}`}>
              <span className="mode-cost-name">{t('modes.forward')}</span>
              <span className="mode-cost-passes">{t('modes.passes', { n: s.counts.inputs })}</span>
              <strong className="mode-cost-ops" data-testid="forward-ops">
                {s.counts.exact
                  ? t('modes.ops', { ops: s.counts.forward })
                  : t('modes.opsBound', { ops: s.counts.forward })}
              </strong>
              {s.counts.exact && s.counts.inputs > 1 && s.counts.inputs <= 12 && (
                <span className="mode-cost-detail">
                  {s.counts.perPass.join(' + ')} = {s.counts.forward}
                </span>
              )}
            </div>
            <div className={`mode-cost reverse${s.ad === 'reverse' ? ' current' : ''}`}>
              <span className="mode-cost-name">{t('modes.reverse')}</span>
              <span className="mode-cost-passes">{t('modes.onePass')}</span>
              <strong className="mode-cost-ops" data-testid="reverse-ops">
                {t('modes.ops', { ops: s.counts.reverse })}
              </strong>
            </div>
          </div>
          <p className="hint">{t('modes.countNote')}</p>
        </div>
      )}
      <PathsSection />
    </section>
  );
}
