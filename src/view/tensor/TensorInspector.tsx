import { useEffect, useRef } from 'react';
import type { TensorAnalysis } from '../../engine/tensor/run';
import type { Value } from '../../engine/tensor/types';
import { formatNumber } from '../../engine/format';
import { GRID_MAX } from '../../layout/fromTensor';
import { canExpand, expandToScalars } from '../../engine/tensor/expand';
import { indexOf } from '../../engine/tensor/indexForm';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { shapeHidden, useTensorStep } from './practiceMask';
import { entries } from './tensorView';
import { ColumnHeads, summaryText } from './matrixParts';
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
  // Practice (issue 16): the numbers the current step asks for are not listed yet, nor a shape
  // that is asked or would give one away.
  const { mask, known, entry, setEntry } = useTensorStep(tensor, stepIndex);
  // An entry drilled into from the graph: its button here comes into view in the side panel's
  // scroll box (never the page's), with the cell pressed.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!entry || entry.node !== id) return;
    const cell = root.current?.querySelector<HTMLElement>(
      '.grad-table .cell-button[aria-pressed="true"]',
    );
    if (cell) revealInScrollBoxes(cell);
  }, [entry, id]);
  const node = tensor.nodes[id];
  if (!node) return null;
  const value = known.value.get(id);
  const grad = known.grad.get(id);
  const shape = shapeHidden(mask, node, known)
    ? '?'
    : node.shape.length === 0
      ? '1'
      : node.shape.join('×');
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
      return (
        <p className={`tensor-summary ${cls}`}>
          {caption}: {summaryText(v, shape, t)}
        </p>
      );
    }
    const d = entries(v);
    return (
      <table className={`tensor-table ${cls}`}>
        <caption>{caption}</caption>
        <ColumnHeads cols={cols} t={t} />
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              <th scope="row" aria-label={t('tensor.row', { i: i + 1 })}>
                {i + 1}
              </th>
              {Array.from({ length: cols }, (_, j) => {
                const at = i * cols + j;
                const text = formatNumber(d[at]);
                if (cls !== 'grad-table') return <td key={j}>{text}</td>;
                // A gradient entry opens its index form in the chain-rule panel (issue 15, point 5).
                const where = indexOf(node.shape, at)
                  .map((x) => x + 1)
                  .join(',');
                return (
                  <td key={j}>
                    <button
                      type="button"
                      className="cell-button"
                      aria-pressed={entry?.node === id && entry.at === at}
                      aria-label={t('tensorEntry.cell', {
                        entry: `∂L/∂${name}${where ? `[${where}]` : ''}`,
                        value: text,
                      })}
                      onClick={() => setEntry({ node: id, at })}
                    >
                      {text}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    );
  };
  return (
    <div className="tensor-inspector" ref={root}>
      <p>
        <strong>{name}</strong> ({shape})
      </p>
      {!small && <p className="muted">{t('tensor.tooBig', { shape })}</p>}
      <div className="tensor-side">
        {part(t('tensor.value'), value, 'value-table')}
        {part(t('tensor.gradient'), grad, 'grad-table')}
      </div>
      {grad !== undefined && small && <p className="hint">{t('tensorEntry.hint')}</p>}
      {node.kind === 'op' && <Expand tensor={tensor} id={id} t={t} />}
    </div>
  );
}

/**
 * "Expand to scalars" (issue 15, point 6): the op's scalar program opens in the scalar view,
 * with a way back to this program and step. Offered on ops up to 3×3, disabled with the reason.
 */
function Expand({ tensor, id, t }: { tensor: TensorAnalysis; id: number; t: Translate }) {
  const open = useApp((s) => s.openExpansion);
  const check = canExpand(tensor.graph, id);
  const reason = check.ok
    ? null
    : check.reason === 'tooBig'
      ? t('tensorExpand.tooBig', { name: check.name, shape: check.shape })
      : t('tensorExpand.unsupported');
  return (
    <div className="tensor-expand">
      <button
        type="button"
        className="button"
        disabled={!check.ok}
        aria-describedby={reason ? 'expand-reason' : undefined}
        onClick={() => {
          const source = expandToScalars(tensor.graph, tensor.run, id);
          if (source) open(source, tensor.graph.symbol(id).text);
        }}
      >
        {t('tensorExpand.button')}
      </button>
      {reason && (
        <p className="muted" id="expand-reason">
          {reason}
        </p>
      )}
    </div>
  );
}

/**
 * Scrolls each scrolling box around `el` (not the page itself) just enough to show it: a phone's
 * page, where the panels follow the graph, never jumps away from the graph.
 */
function revealInScrollBoxes(el: HTMLElement): void {
  const page = document.scrollingElement;
  for (let box = el.parentElement; box && box !== page && box !== document.body;) {
    const style = getComputedStyle(box);
    const scrolls = (o: string) => o === 'auto' || o === 'scroll';
    if (
      (scrolls(style.overflowY) && box.scrollHeight > box.clientHeight) ||
      (scrolls(style.overflowX) && box.scrollWidth > box.clientWidth)
    ) {
      const r = el.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const top = b.top + box.clientTop;
      const left = b.left + box.clientLeft;
      const dy =
        r.top < top
          ? r.top - top
          : r.bottom > top + box.clientHeight
            ? r.bottom - (top + box.clientHeight)
            : 0;
      const dx =
        r.left < left
          ? r.left - left
          : r.right > left + box.clientWidth
            ? r.right - (left + box.clientWidth)
            : 0;
      if (dx !== 0 || dy !== 0) box.scrollBy(dx, dy);
    }
    box = box.parentElement;
  }
}
