import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { badgeMarkWidth } from '../../layout/nodeSize';
import { activeTangent, activeWrt, tangentMarkOf } from '../../state/modes';

/** What the two kinds of numbers and three kinds of nodes look like. */
export function Legend() {
  const t = useT();
  // Forward mode's tangents replace the gradients on the graph; their badge is told apart here.
  const wrt = useApp((s) => (activeTangent(s) ? activeWrt(s) : null));
  const mark = useApp((s) => {
    const tangent = activeTangent(s);
    return tangent && s.analysis ? tangentMarkOf(s.analysis, tangent) : null;
  });
  const markWidth = mark ? Math.ceil(badgeMarkWidth(mark)) : 0;
  const tensor = useApp((s) => s.analysis?.tensor !== undefined);
  // Drawn top to bottom (a portrait box, issue 9), the labels sit beside the edges.
  const beside = useApp((s) => s.layout?.direction === 'TB');
  if (tensor) return <TensorLegend t={t} />;
  return (
    <div className="legend" aria-label={t('legend.title')} role="note">
      <span className="legend-item">
        <svg width="44" height="20" aria-hidden="true">
          <text x="22" y="14" textAnchor="middle" className="value-label">
            3
          </text>
        </svg>
        {t(beside ? 'legend.valueBeside' : 'legend.value')}
      </span>
      <span className="legend-item">
        <svg width="44" height="22" aria-hidden="true" className="legend-badge">
          <rect x="4" y="2" width="36" height="18" rx="9" />
          <text x="17" y="15" textAnchor="end" className="grad-mark">
            ∂
          </text>
          <text x="19" y="15" className="grad-value">
            -4
          </text>
        </svg>
        {t(beside ? 'legend.gradientBeside' : 'legend.gradient')}
      </span>
      {wrt !== null && mark && (
        <span className="legend-item">
          {/* The graph's own mark (`∂/∂x₁`), sized as its badges are, so it is never cut. */}
          <svg
            width={markWidth + 30}
            height="22"
            aria-hidden="true"
            className="legend-badge tangent"
          >
            <rect x="2" y="2" width={markWidth + 26} height="18" rx="9" />
            <text x={markWidth + 4} y="15" textAnchor="end" className="grad-mark">
              {mark}
            </text>
            <text x={markWidth + 8} y="15" className="grad-value">
              5
            </text>
          </svg>
          {t('legend.tangent', { x: wrt })}
        </span>
      )}
    </div>
  );
}

/** Four cells of a diverging scale, negative to positive. */
const Swatch = ({ fills, framed }: { fills: readonly string[]; framed?: boolean }) => (
  <svg
    width="44"
    height="20"
    aria-hidden="true"
    className={framed ? 'legend-grid framed' : 'legend-grid'}
  >
    {framed && <rect className="grad-frame" x="1" y="1" width="42" height="18" rx="2" />}
    {fills.map((fill, k) => (
      <rect key={fill} x={4 + k * 9} y="5" width="9" height="10" fill={fill} />
    ))}
  </svg>
);

// Samples of the grids' scales (src/view/tensor/tensorView.ts: RdBu for values, PuOr for
// gradients), fixed here so the legend needs no colour library on the first screen.
const VALUE_FILLS = ['#b2182b', '#f4a582', '#92c5de', '#2166ac'];
const GRAD_FILLS = ['#542788', '#b2abd2', '#fdb863', '#b35806'];

/** A matrix program's key: value grids and framed gradient grids, and what their hues mean. */
function TensorLegend({ t }: { t: ReturnType<typeof useT> }) {
  return (
    <div className="legend" aria-label={t('legend.title')} role="note">
      <span className="legend-item">
        <Swatch fills={VALUE_FILLS} />
        {t('legend.tensorValue')}
      </span>
      <span className="legend-item">
        <Swatch fills={GRAD_FILLS} framed />
        {t('legend.tensorGradient')}
      </span>
    </div>
  );
}
