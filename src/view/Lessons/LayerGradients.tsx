import { scaleBand, scaleLog } from 'd3';
import { formatNumber } from '../../engine';
import { useT } from '../../i18n/useT';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';
import { useApp } from '../../state/appStore';
import { chainLayers } from './chainLayers';

const W = 300;
const H = 130;
const M = { top: 8, right: 8, bottom: 20, left: 44 };

/**
 * colah's lens on vanishing gradients: the gradient's size at each layer of a chain, on a log
 * scale, so a shrink by 4× per layer reads as a straight staircase. Drawn with d3 scales.
 */
export function LayerGradients() {
  const t = useT();
  const analysis = useApp((s) => s.analysis);
  const layers = analysis ? chainLayers(analysis) : [];
  if (layers.length === 0) return null;
  const positive = layers.filter((l) => l.magnitude > 0 && Number.isFinite(l.magnitude));
  const first = layers[0];
  const last = layers[layers.length - 1];
  const ratio = first.magnitude > 0 ? last.magnitude / first.magnitude : Infinity;
  const label = t('layers.alt', {
    first: first.name,
    last: last.name,
    firstValue: formatNumber(first.magnitude, 3),
    lastValue: formatNumber(last.magnitude, 3),
    ratio: Number.isFinite(ratio) ? formatNumber(ratio, 3) : '∞',
  });
  const lo = Math.min(...positive.map((l) => l.magnitude), 1);
  const hi = Math.max(...positive.map((l) => l.magnitude), lo * 10);
  const y = scaleLog()
    .domain([lo, hi])
    .range([H - M.bottom, M.top])
    .nice();
  const x = scaleBand<string>()
    .domain(layers.map((l) => l.name))
    .range([M.left, W - M.right])
    .padding(0.2);
  const floor = y.range()[0];
  const decades = y
    .ticks()
    .filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  const shownTicks = decades.filter((_, i) => i % Math.ceil(decades.length / 4) === 0);
  return (
    <section className="panel lesson-panel layer-grads" aria-labelledby="layer-grads-title">
      <details open>
        <summary className="panel-title lesson-summary" id="layer-grads-title">
          {t('layers.title')}
        </summary>
        <p className="hint">{t('layers.hint')}</p>
        <svg className="layer-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
          <title>{label}</title>
          {shownTicks.map((v) => (
            <g key={v} transform={`translate(0,${y(v)})`}>
              <line className="grid" x1={M.left} x2={W - M.right} />
              <text className="tick" x={M.left - 4} dy="0.32em" textAnchor="end">
                {`1e${Math.round(Math.log10(v))}`}
              </text>
            </g>
          ))}
          {layers.map((l) => {
            const top = l.magnitude > 0 ? y(Math.max(l.magnitude, lo)) : floor;
            return (
              <g key={l.name} data-layer={l.name} data-magnitude={l.magnitude}>
                <rect
                  className="layer-bar"
                  x={x(l.name)}
                  y={top}
                  width={x.bandwidth()}
                  height={Math.max(0, floor - top)}
                >
                  <title>{`|∂L/∂${l.name}| = ${formatNumber(l.magnitude, 3)}`}</title>
                </rect>
                <text
                  className="tick"
                  x={(x(l.name) ?? 0) + x.bandwidth() / 2}
                  y={H - 6}
                  textAnchor="middle"
                >
                  {l.index}
                </text>
              </g>
            );
          })}
        </svg>
      </details>
    </section>
  );
}
