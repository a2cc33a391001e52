import { useId, useState } from 'react';
import { formatNumber, numberTex, TEX } from '../../engine';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { PATH_LIMIT, selectPaths } from '../../state/modes';
import { Tex } from '../Formula/Tex';

/**
 * Sums over paths (seed 004): pick an input, highlight every path from it to the output, list
 * each path's product of local derivatives, their sum (the gradient), and the factored form that
 * writes shared pieces once.
 */
export function PathsSection() {
  const t = useT();
  const s = useApp((st) => ({
    inputs: st.analysis?.inputs,
    compiled: st.analysis?.compiled,
    pathsFrom: st.pathsFrom,
    paths: selectPaths(st),
    showPaths: st.showPaths,
    tensor: st.analysis?.tensor !== undefined,
  }));
  const selectId = useId();
  const inputs = s.inputs ?? [];
  // The input the select shows while paths are hidden: the last one shown, else the first.
  const [chosen, setChosen] = useState<string | null>(null);
  if (s.tensor) {
    // Paths are scalar-only for now (issue 15): said where they would be, not left out silently.
    return (
      <div className="paths-section">
        <h3 className="paths-title">{t('paths.title')}</h3>
        <p className="hint scalar-only">{t('paths.scalarOnly')}</p>
      </div>
    );
  }
  if (inputs.length === 0 || !s.compiled) return null;
  const names = inputs.map((i) => i.name);
  const current =
    s.pathsFrom !== null && names.includes(s.pathsFrom)
      ? s.pathsFrom
      : chosen !== null && names.includes(chosen)
        ? chosen
        : names[0];
  const shown = s.paths !== undefined;
  const g = s.compiled;
  const f = g.symbol(g.output);

  return (
    <div className="paths-section">
      <h3 className="paths-title">{t('paths.title')}</h3>
      <div className="mode-row">
        <label htmlFor={selectId} className="mode-label">
          {t('paths.from')}
        </label>
        <select
          id={selectId}
          className="select"
          value={current}
          onChange={(e) => {
            setChosen(e.target.value);
            if (shown) s.showPaths(e.target.value);
          }}
        >
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={`button${shown ? ' primary' : ''}`}
          aria-pressed={shown}
          onClick={() => s.showPaths(shown ? null : current)}
        >
          {t('paths.show')}
        </button>
      </div>
      {s.paths && <PathsList />}
      {!shown && <p className="hint">{t('paths.hint', { f: f.text })}</p>}
    </div>
  );
}

function PathsList() {
  const t = useT();
  const { paths, compiled } = useApp((st) => ({
    paths: selectPaths(st),
    compiled: st.analysis?.compiled,
  }));
  if (!paths || !compiled) return null;
  const { result, factored } = paths;
  const g = compiled;
  const f = g.symbol(g.output);
  const x = g.symbol(result.from);
  const lhs = TEX.partial(f.tex, x.tex);
  const count = result.count.toLocaleString('en-US');
  const all = BigInt(result.paths.length) === result.count;

  if (result.count === 0n) {
    return (
      <p className="paths-count" role="status">
        {t('paths.none', { f: f.text, x: x.text })}
      </p>
    );
  }
  return (
    <div className="paths-body">
      <p className="paths-count" role="status">
        {all
          ? t('paths.count', { count })
          : t('paths.truncated', { count, shown: result.paths.length })}
      </p>
      <p className="hint">{t('paths.explain', { x: x.text, f: f.text })}</p>
      <ol className="paths-list">
        {result.paths.map((p, k) => (
          <li key={k} className="path-item">
            <Tex tex={p.tex} text={p.text} wrap />
          </li>
        ))}
      </ol>
      {all && result.sumTex ? (
        <div className="paths-sum">
          <span className="sub-label">{t('paths.sum')}</span>
          <Tex tex={result.sumTex} text={result.sumText ?? ''} display wrap />
        </div>
      ) : (
        <div className="paths-sum">
          <span className="sub-label">{t('paths.sum')}</span>
          <Tex
            tex={`${lhs} = ${numberTex(result.shownSum)} + \\cdots = ${numberTex(result.total)}`}
            text={t('paths.shownSum', {
              shown: result.paths.length,
              sum: formatNumber(result.shownSum),
              total: formatNumber(result.total),
            })}
            display
            wrap
          />
          <p className="hint">
            {t('paths.shownSum', {
              shown: result.paths.length,
              sum: formatNumber(result.shownSum),
              total: formatNumber(result.total),
            })}
          </p>
        </div>
      )}
      <div className="paths-factored">
        <span className="sub-label">{t('paths.factored')}</span>
        {factored ? (
          <>
            <Tex
              tex={`${lhs} = ${factored.symbolicTex}`}
              text={`∂${f.text}/∂${x.text} = ${factored.text}`}
              display
              wrap
            />
            <Tex
              tex={`= ${factored.numericTex} = ${numberTex(factored.value)}`}
              text=""
              display
              wrap
            />
            <p className="hint">{t('paths.factoredNote')}</p>
          </>
        ) : (
          <p className="hint">{t('paths.tooBigFactored', { f: f.text })}</p>
        )}
        <p className="paths-why">
          {/* A comparison only where there is a difference: colah's ∂e/∂b takes 3 either way. */}
          {factored && BigInt(factored.operations) >= result.expandedOps
            ? t('paths.whyFactorEqual', {
                ops: result.expandedOps.toLocaleString('en-US'),
                edges: result.edges.length,
              })
            : t('paths.whyFactor', {
                expanded: result.expandedOps.toLocaleString('en-US'),
                factored: factored ? String(factored.operations) : t('paths.linear'),
                edges: result.edges.length,
              })}
        </p>
      </div>
      {!all && <p className="hint">{t('paths.limit', { limit: PATH_LIMIT })}</p>}
    </div>
  );
}
