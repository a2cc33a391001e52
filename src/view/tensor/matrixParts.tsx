import type { Value } from '../../engine/tensor/types';
import { formatNumber } from '../../engine/format';
import type { Translate } from '../../i18n';
import { summary } from './tensorView';

/** What is said of a matrix too big to list: shape, min, max, mean and norm, in words. */
export function summaryText(v: Value, shape: string, t: Translate): string {
  const s = summary(v);
  return t('tensor.summary', {
    shape,
    min: formatNumber(s.min),
    max: formatNumber(s.max),
    mean: formatNumber(s.mean),
    norm: formatNumber(s.norm),
  });
}

/** A matrix table's head: an empty corner, then the column numbers (from 1), each named. */
export function ColumnHeads({ cols, t }: { cols: number; t: Translate }) {
  return (
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
  );
}
