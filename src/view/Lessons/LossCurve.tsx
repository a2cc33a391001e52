import { extent, line, scaleLinear, scaleLog } from 'd3';
import { formatNumber, type TrainPoint } from '../../engine';
import { useT } from '../../i18n/useT';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';

const W = 300;
const H = 120;
const M = { top: 8, right: 10, bottom: 20, left: 44 };

/**
 * The loss over the iterations, drawn with d3's scales and line generator. A loss that falls by
 * more than two orders of magnitude is drawn on a log scale, so the tail of a run stays visible.
 * The text alternative gives the first and the last loss.
 */
export function LossCurve({ history }: { history: readonly TrainPoint[] }) {
  const t = useT();
  const points = history.filter((p) => Number.isFinite(p.loss));
  if (points.length === 0) return <p className="muted">{t('train.curveEmpty')}</p>;
  const first = points[0];
  const last = points[points.length - 1];
  const steps = last.iteration - first.iteration;
  const label = t('train.curve', {
    first: formatNumber(first.loss),
    last: formatNumber(last.loss),
    steps,
  });
  const [lo, hi] = extent(points, (p) => p.loss) as [number, number];
  const log = lo > 0 && hi / lo > 100;
  const y = (log ? scaleLog() : scaleLinear())
    .domain(log ? [lo, hi] : [Math.min(0, lo), hi === lo ? hi + 1 : hi])
    .range([H - M.bottom, M.top])
    .nice();
  const x = scaleLinear()
    .domain([first.iteration, Math.max(last.iteration, first.iteration + 1)])
    .range([M.left, W - M.right]);
  const path = line<TrainPoint>()
    .x((p) => x(p.iteration))
    .y((p) => y(p.loss))(points);
  const yTicks = log ? y.ticks(3).filter((_, i, a) => a.length <= 4 || i % 3 === 0) : y.ticks(3);
  return (
    <svg className="loss-curve" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      {yTicks.map((v) => (
        <g key={v} transform={`translate(0,${y(v)})`}>
          <line className="grid" x1={M.left} x2={W - M.right} />
          <text className="tick" x={M.left - 4} dy="0.32em" textAnchor="end">
            {formatNumber(v, 2)}
          </text>
        </g>
      ))}
      {x.ticks(4).map((v) =>
        Number.isInteger(v) ? (
          <text key={v} className="tick" x={x(v)} y={H - 5} textAnchor="middle">
            {v}
          </text>
        ) : null,
      )}
      <path className="loss-line" d={path ?? ''} />
      <circle className="loss-dot" cx={x(last.iteration)} cy={y(last.loss)} r={3} />
    </svg>
  );
}
