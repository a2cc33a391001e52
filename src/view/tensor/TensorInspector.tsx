import { useMemo } from 'react';
import type { TensorAnalysis } from '../../engine/tensor/run';
import type { Value } from '../../engine/tensor/types';
import { formatNumber } from '../../engine/format';
import { GRID_MAX } from '../../layout/fromTensor';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { practicePending } from '../../state/practice';
import { entries, summary, tensorKnown } from './tensorView';
import './tensor.css';
import '../../i18n/enLater';

/**
 * The inspector's view of a tensor program's node (issue 15): its whole matrix with row and
 * column indices, value and gradient side by side, or a summary when it is too large to list.
 */
export function TensorInspector({
  tensor,
  id,
  stepIndex,
}: {
  tensor: TensorAnalysis;
  id: number;
  stepIndex: number;
}) {
  const t = useT();
  // Practice (issue 16): the numbers the current step asks for are not listed yet.
  const pending = useApp(practicePending);
  const known = useMemo(
    () => tensorKnown(tensor, stepIndex, pending),
    [tensor, stepIndex, pending],
  );
  const node = tensor.nodes[id];
  if (!node) return null;
  const value = known.value.get(id);
  const grad = known.grad.get(id);
  const shape = node.shape.length === 0 ? '1' : node.shape.join('×');
  const name = node.symbol.text;
  const rows = node.shape.length === 2 ? node.shape[0] : 1;
  const cols = node.shape.length === 0 ? 1 : node.shape[node.shape.length - 1];
  const small = rows <= GRID_MAX && cols <= GRID_MAX;
  const part = (what: string, v: Value | undefined, cls: string) => {
    const caption = t('tensor.matrixOf', { what, name });
    if (v === undefined)
      return (
        <p className="muted">
          {caption}: {t('tensor.notYet')}
        </p>
      );
    if (!small) {
      const s = summary(v);
      return (
        <p className={`tensor-summary ${cls}`}>
          {caption}:{' '}
          {t('tensor.summary', {
            shape,
            min: formatNumber(s.min),
            max: formatNumber(s.max),
            mean: formatNumber(s.mean),
            norm: formatNumber(s.norm),
          })}
        </p>
      );
    }
    const d = entries(v);
    return (
      <table className={`tensor-table ${cls}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {Array.from({ length: cols }, (_, j) => (
              <th key={j} scope="col" aria-label={t('tensor.column', { j: j + 1 })}>
                {j + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              <th scope="row" aria-label={t('tensor.row', { i: i + 1 })}>
                {i + 1}
              </th>
              {Array.from({ length: cols }, (_, j) => (
                <td key={j}>{formatNumber(d[i * cols + j])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  };
  return (
    <div className="tensor-inspector">
      <p>
        <strong>{name}</strong> ({shape})
      </p>
      {!small && <p className="muted">{t('tensor.tooBig', { shape })}</p>}
      <div className="tensor-side">
        {part(t('tensor.value'), value, 'value-table')}
        {part(t('tensor.gradient'), grad, 'grad-table')}
      </div>
    </div>
  );
}
