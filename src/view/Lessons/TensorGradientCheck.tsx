import { Fragment, useMemo } from 'react';
import { DEFAULT_H, formatNumber, REL_BAD, REL_OK, type CheckStatus } from '../../engine';
import { tensorGradientCheck } from '../../engine/tensor/check';
import type { TensorAnalysis } from '../../engine/tensor/run';
import { useT } from '../../i18n/useT';
import '../../i18n/enLater';
import { KinkRow, StatusChip, STATUS_KEY } from './StatusChip';
import './tensorCheck.css';

/** Entries differenced one by one per input, besides the random direction. */
const SAMPLES = 3;

/**
 * Two numbers that differ by less than rounding noise agree, however small both are: an entry
 * whose gradient is 1e-7 has a relative error that means nothing (cs231n's caveat).
 */
const NOISE = 1e-9;

/** A disagreement across a kink (relu at 0) is worth a look, not a wrong gradient. */
const statusOf = (rel: number, a: number, b: number, kink = false): CheckStatus =>
  Math.abs(a - b) < NOISE
    ? 'ok'
    : !Number.isFinite(rel) || rel > REL_BAD
      ? kink
        ? 'warn'
        : 'bad'
      : rel > REL_OK
        ? 'warn'
        : 'ok';

const RANK: Record<CheckStatus, number> = { ok: 0, warn: 1, bad: 2 };

/** `W[2, 3]`, counted from 1 as the inspector counts; a vector's `b[3]`. */
function entryName(name: string, shape: readonly number[], index: number): string {
  if (shape.length < 2) return shape.length === 0 ? name : `${name}[${index + 1}]`;
  const n = shape[1];
  return `${name}[${Math.floor(index / n) + 1}, ${(index % n) + 1}]`;
}

/**
 * The gradient check of a tensor program (issue 15), cs231n's way for matrices: for each input,
 * the gradient's dot product with one random direction against the centred difference of the
 * loss along it (one test of every entry at once), then a few sampled entries differenced one
 * by one (which locate a wrong one). Each input's verdict is its worst line.
 */
export function TensorGradientCheck({ tensor }: { tensor: TensorAnalysis }) {
  const t = useT();
  const check = useMemo(
    () => tensorGradientCheck(tensor, { h: DEFAULT_H, samples: SAMPLES }),
    [tensor],
  );
  if (check.length === 0) return <p className="muted">{t('check.none')}</p>;
  const shapeOf = (name: string) => tensor.inputs.find((i) => i.name === name)?.shape ?? [];
  return (
    <div className="tensor-check">
      <p className="hint">{t('check.tensorHint', { h: String(DEFAULT_H), n: SAMPLES })}</p>
      <div className="lesson-table-wrap" tabIndex={0}>
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
            {check.map((c) => {
              const shape = shapeOf(c.name);
              const lines = [
                { ...c, status: statusOf(c.relError, c.analytic, c.numeric, c.kink) },
                ...c.entries.map((e) => ({
                  ...e,
                  status: statusOf(e.relError, e.analytic, e.numeric, e.kink),
                })),
              ];
              const status = lines
                .map((l) => l.status)
                .reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
              // The kink is said where it explains a line that does not agree.
              const kinked = lines.some((l) => l.kink && l.status !== 'ok');
              return (
                <Fragment key={c.name}>
                  <tr data-input={c.name} className={`check-${status} check-input-row`}>
                    <th scope="row" className="mono">
                      {c.name}{' '}
                      <span className="muted">{shape.length > 0 ? shape.join('×') : ''}</span>
                    </th>
                    <td colSpan={2} className="check-verdict">
                      {shape.length > 0 ? t('check.directionAndEntries') : t('check.scalarInput')}
                    </td>
                    <td className="num" data-col="status">
                      <StatusChip status={status} label={t(STATUS_KEY[status])} />
                    </td>
                  </tr>
                  {shape.length > 0 && (
                    <Row
                      label={t('check.direction')}
                      kind="direction"
                      analytic={c.analytic}
                      numeric={c.numeric}
                      rel={c.relError}
                      kink={c.kink}
                      t={t}
                    />
                  )}
                  {c.entries.map((e) => (
                    <Row
                      key={e.index}
                      label={entryName(c.name, shape, e.index)}
                      kind="entry"
                      analytic={e.analytic}
                      numeric={e.numeric}
                      rel={e.relError}
                      kink={e.kink}
                      t={t}
                    />
                  ))}
                  {kinked && <KinkRow name={c.name} text={t('check.kink')} />}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Row(p: {
  label: string;
  kind: 'direction' | 'entry';
  analytic: number;
  numeric: number;
  rel: number;
  kink: boolean;
  t: ReturnType<typeof useT>;
}) {
  const status = statusOf(p.rel, p.analytic, p.numeric, p.kink);
  return (
    <tr className={`check-${status} check-sub`} data-check={p.kind}>
      <th scope="row" className="mono check-sub-label">
        {p.label}
      </th>
      <td className="num" data-col="analytic">
        {formatNumber(p.analytic, 5)}
      </td>
      <td className="num" data-col="numeric">
        {formatNumber(p.numeric, 5)}
      </td>
      <td className="num" data-col="relError">
        {p.rel === 0 ? '0' : p.rel.toExponential(1)}{' '}
        <StatusChip status={status} label={p.t(STATUS_KEY[status])} />
      </td>
    </tr>
  );
}
