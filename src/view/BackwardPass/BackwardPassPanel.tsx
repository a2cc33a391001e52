import { useId } from 'react';
import type { GradientReading, HandWrittenGradient } from '../../engine';
import type { HandWrittenCheck } from '../../engine/backwardCheck';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';
import { useApp } from '../../state/appStore';
import { checksOf, MARK, partial, verdict } from './checks';

/**
 * "Your backward pass": each hand-written gradient of the program (cs231n's `dfdz = q`), in
 * source order, with its value against the engine's and a link to the step that computes the
 * right one, where the chain-rule panel shows its factors. Where a line's reading is ambiguous it
 * says which was taken, and offers the other.
 */
export function BackwardPassPanel() {
  const t = useT();
  const id = useId();
  const { analysis, ad, goTo, setSettings, setReading } = useApp((s) => ({
    analysis: s.analysis,
    ad: s.settings.ad,
    goTo: s.goTo,
    setSettings: s.setSettings,
    setReading: s.setReading,
  }));
  const pass = analysis?.backwardPass;
  if (!analysis || !pass) return null;
  const checks = checksOf(analysis);
  const output = analysis.graph.nodes[analysis.compiled.output].symbol.text;
  const showStep = (step: number) => {
    // The step list of reverse mode: forward mode's has no gradient steps to show.
    if (ad !== 'reverse') setSettings({ ad: 'reverse' });
    goTo(step + 1);
    document.getElementById('formula-title')?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <section className="panel backward-pass" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        {t('bp.title')}
      </h2>
      <p className="hint">
        {checks.length > 0 ? t('bp.intro', { count: checks.length, output }) : t('bp.introNone')}
      </p>
      {checks.length > 0 && (
        <ol className="bp-list">
          {checks.map((c) => (
            <Line
              key={c.gradient.span.start}
              check={c}
              output={output}
              t={t}
              onStep={showStep}
              onRead={setReading}
            />
          ))}
        </ol>
      )}
      {pass.keptForward.map((k) => (
        <p key={k.name} className="bp-kept" data-name={k.name}>
          {t('bp.keptForward', { name: k.name, line: k.line })}{' '}
          <button type="button" className="link-button" onClick={() => setReading(k.name, null)}>
            {t('bp.useGradientAgain', { name: k.name })}
          </button>
        </p>
      ))}
    </section>
  );
}

function Line({
  check: c,
  output,
  t,
  onStep,
  onRead,
}: {
  check: HandWrittenCheck;
  output: string;
  t: Translate;
  onStep(step: number): void;
  onRead(name: string, choice: string | null): void;
}) {
  const g = c.gradient;
  const grad = partial(c.of, g.wrt);
  const local = g.of !== null && c.of !== output;
  return (
    <li className={`bp-line bp-${c.status}`} data-name={g.name} data-status={c.status}>
      <div className="bp-head">
        <code className="bp-name">{g.name}</code>
        <span className="bp-where">{t('bp.line', { line: g.line })}</span>
      </div>
      <p className="bp-verdict">
        <span className="bp-mark" aria-hidden="true">
          {MARK[c.status]}
        </span>{' '}
        {verdict(c, t)}
      </p>
      {c.status === 'wrong' && c.step !== undefined && (
        <button type="button" className="link-button bp-step" onClick={() => onStep(c.step!)}>
          {t(local ? 'bp.localStep' : 'bp.showStep', { grad })}
        </button>
      )}
      {(g.alternatives.length > 0 || g.chosen) && (
        <Reading gradient={g} grad={grad} output={output} t={t} onRead={onRead} />
      )}
    </li>
  );
}

/** Which reading was taken, in words, and buttons for the others. */
function Reading({
  gradient: g,
  grad,
  output,
  t,
  onRead,
}: {
  gradient: HandWrittenGradient;
  grad: string;
  output: string;
  t: Translate;
  onRead(name: string, choice: string | null): void;
}) {
  const name = g.name;
  const other = (r: GradientReading) => partial(r.of ?? output, r.wrt);
  return (
    <div className="bp-reading">
      <p className="hint">
        {g.form === 'full'
          ? t('bp.readFull', { grad })
          : t('bp.readShort', { grad, name, output, wrt: g.wrt })}{' '}
        {g.chosen
          ? t('bp.chosen')
          : g.alternatives
              .map((a) =>
                a === 'forward'
                  ? t('bp.alsoForward', { name })
                  : t('bp.alsoGradient', { grad: other(a) }),
              )
              .join(' ')}
      </p>
      <div className="bp-choices">
        {g.chosen ? (
          <button type="button" className="link-button" onClick={() => onRead(name, null)}>
            {t('bp.useRule', { name })}
          </button>
        ) : (
          g.alternatives.map((a) => (
            <button
              key={a === 'forward' ? a : a.key}
              type="button"
              className="link-button"
              onClick={() => onRead(name, a === 'forward' ? 'forward' : a.key)}
            >
              {a === 'forward'
                ? t('bp.useForward', { name })
                : t('bp.useGradient', { name, grad: other(a) })}
            </button>
          ))
        )}
      </div>
    </div>
  );
}
