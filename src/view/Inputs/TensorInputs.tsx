import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatNumber } from '../../engine/format';
import type { TensorAnalysis, TensorInputInfo } from '../../engine/tensor/run';
import { entries } from '../tensor/tensorView';
import { ColumnHeads, summaryText } from '../tensor/matrixParts';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { RandomValues } from '../Editor/RandomValues';
import { parseCell, withEntry } from './tensorEdit';
import './tensorInputs.css';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';

/** Inputs with more rows or columns than this show a summary, not one field per number. */
export const EDIT_MAX = 12;

/**
 * A tensor program's inputs (issue 15, point 3): each vector or matrix as a grid of number
 * fields ("W1 row 1 column 2", "b1 entry 3"), a scalar as one field. A change rewrites the
 * input's declaration in the program (see tensorEdit.ts) and runs it again at once.
 */
export function TensorInputs({ tensor }: { tensor: TensorAnalysis }) {
  const t = useT();
  const source = useApp((s) => s.source);
  const rewrite = useApp((s) => s.setDeclaredValues);
  const randn = tensor.inputs.some((i) => drawnByRandn(tensor, i));
  // Only the program on show can be rewritten: while the text has an error, the fields wait.
  const current = tensor.source === source;

  const edit = (input: TensorInputInfo, index: number, value: number) => {
    if (!current) return;
    const next = withEntry(
      source,
      { span: tensor.graph.nodes[input.node].span, shape: input.shape, data: entries(input.value) },
      index,
      value,
    );
    if (next !== undefined && next !== source) rewrite(next);
  };

  return (
    <>
      {randn && <RandomValues output={formatNumber(tensor.loss)} />}
      <ul className="input-list tensor-inputs">
        {tensor.inputs.map((input) => (
          <li key={input.name} className="tensor-input">
            {input.shape.length === 0 ? (
              <ScalarCell input={input} disabled={!current} onEdit={edit} />
            ) : (
              <Grid input={input} disabled={!current} onEdit={edit} />
            )}
            {drawnByRandn(tensor, input) && (
              <p className="tensor-input-hint">{t('tensorInputs.randnHint')}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Whether the input's declaration still calls `randn` (an edit writes its numbers instead). */
function drawnByRandn(tensor: TensorAnalysis, input: TensorInputInfo): boolean {
  const { span } = tensor.graph.nodes[input.node];
  return input.declared && /=\s*randn\s*\(/.test(tensor.source.slice(span.start, span.end));
}

type OnEdit = (input: TensorInputInfo, index: number, value: number) => void;

function ScalarCell({
  input,
  disabled,
  onEdit,
}: {
  input: TensorInputInfo;
  disabled: boolean;
  onEdit: OnEdit;
}) {
  const id = useId();
  return (
    <div className="input-row">
      <label htmlFor={id} className="input-label">
        {input.name}
      </label>
      <Cell
        id={id}
        value={entries(input.value)[0]}
        disabled={disabled}
        onCommit={(v) => onEdit(input, 0, v)}
      />
    </div>
  );
}

function Grid({
  input,
  disabled,
  onEdit,
}: {
  input: TensorInputInfo;
  disabled: boolean;
  onEdit: OnEdit;
}) {
  const t = useT();
  const headId = useId();
  const badId = useId();
  const box = useRef<HTMLDivElement>(null);
  // The field holding text that is not a number (yet), named in a message under the grid.
  const [bad, setBad] = useState<string | null>(null);
  const { shape, name } = input;
  const matrix = shape.length === 2;
  const rows = matrix ? shape[0] : 1;
  const cols = matrix ? shape[1] : shape[0];
  const data = entries(input.value);
  const shapeWords = matrix ? t('tensor.matrix', { rows, cols }) : t('tensor.vector', { n: cols });
  const head = (
    <p className="tensor-input-head" id={headId}>
      <span className="input-label">{name}</span> <span className="muted">{shapeWords}</span>
    </p>
  );
  if (rows > EDIT_MAX || cols > EDIT_MAX) {
    return (
      <>
        {head}
        <p className="tensor-input-summary">{summaryText(input.value, shape.join('×'), t)}</p>
        <p className="hint">{t('tensorInputs.tooBig', { max: EDIT_MAX })}</p>
      </>
    );
  }

  // ↑/↓ always move between rows; ←/→ leave a field only from its first or last character, so
  // they still move the caret inside a number.
  const move = (e: KeyboardEvent<HTMLInputElement>, i: number, j: number) => {
    const el = e.currentTarget;
    const caret = el.selectionStart ?? 0;
    const atStart = caret === 0 && el.selectionEnd === 0;
    const atEnd = caret === el.value.length;
    const to =
      e.key === 'ArrowUp'
        ? [i - 1, j]
        : e.key === 'ArrowDown' || e.key === 'Enter'
          ? [i + 1, j]
          : e.key === 'ArrowLeft' && atStart
            ? [i, j - 1]
            : e.key === 'ArrowRight' && atEnd
              ? [i, j + 1]
              : undefined;
    if (!to || to[0] < 0 || to[0] >= rows || to[1] < 0 || to[1] >= cols) return;
    e.preventDefault();
    box.current?.querySelector<HTMLInputElement>(`input[data-cell="${to[0]}-${to[1]}"]`)?.focus();
  };

  const label = (i: number, j: number) =>
    matrix
      ? t('tensorInputs.cell', { name, i: i + 1, j: j + 1 })
      : t('tensorInputs.entry', { name, i: j + 1 });

  return (
    <>
      {head}
      {/* Scrolls inside its own box: a 12-column matrix must not widen a phone's page. */}
      {/* A Tab stop of its own: while a re-render replaces its fields, axe (and a keyboard user
          scrolling it) still find it focusable. */}
      <div
        className="tensor-input-scroll"
        ref={box}
        tabIndex={0}
        role="group"
        aria-labelledby={headId}
      >
        <table className="tensor-input-grid" aria-labelledby={headId}>
          <ColumnHeads cols={cols} t={t} />
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i}>
                <th scope="row" aria-label={matrix ? t('tensor.row', { i: i + 1 }) : undefined}>
                  {matrix ? i + 1 : ''}
                </th>
                {Array.from({ length: cols }, (_, j) => (
                  <td key={j}>
                    <Cell
                      label={label(i, j)}
                      cell={`${i}-${j}`}
                      value={data[i * cols + j]}
                      disabled={disabled}
                      describedBy={bad === label(i, j) ? badId : undefined}
                      onValidity={(ok) =>
                        setBad((was) => (ok ? (was === label(i, j) ? null : was) : label(i, j)))
                      }
                      onKeyDown={(e) => move(e, i, j)}
                      onCommit={(v) => onEdit(input, i * cols + j, v)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="tensor-input-error" id={badId} aria-live="polite">
        {bad && t('tensorInputs.notNumber', { cell: bad })}
      </p>
    </>
  );
}

/**
 * One number field, showing three significant digits (what fits a cell on a phone; its title
 * has six). The program keeps every digit it was given or drew, and the text is not swapped for
 * a longer one on focus: that would move the caret under the person typing. While it has the
 * focus it shows what was typed (a half-typed `-` or `1e` included: nothing typed is lost); a
 * number commits at once, and leaving the field shows the value the program now holds.
 */
function Cell({
  id,
  label,
  cell,
  value,
  disabled,
  describedBy,
  onValidity,
  onKeyDown,
  onCommit,
}: {
  id?: string;
  label?: string;
  cell?: string;
  value: number;
  disabled: boolean;
  describedBy?: string;
  onValidity?: (ok: boolean) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  onCommit: (v: number) => void;
}) {
  const [text, setText] = useState(() => shown(value, DIGITS));
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setText(shown(value, DIGITS));
  }, [value, editing]);
  const bad = editing && text.trim() !== '' && parseCell(text) === undefined;
  return (
    <input
      id={id}
      aria-label={label}
      data-cell={cell}
      className="number-field tensor-cell-field"
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      value={text}
      disabled={disabled}
      aria-invalid={bad || undefined}
      aria-describedby={describedBy}
      title={shown(value, 6) === text ? undefined : shown(value, 6)}
      onFocus={() => setEditing(true)}
      onBlur={() => {
        setEditing(false);
        setText(shown(value, DIGITS));
        onValidity?.(true);
      }}
      onKeyDown={onKeyDown}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        const v = parseCell(raw);
        onValidity?.(raw.trim() === '' || v !== undefined);
        if (v !== undefined) onCommit(v);
      }}
    />
  );
}

/** A value as its field shows it: short, and without binary noise. */
/** Significant digits a cell shows: `-0.0802` fits a 4.5rem field at 0.85rem, `-0.08025` does not. */
const DIGITS = 3;

const shown = (v: number, digits: number): string =>
  Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : formatNumber(v);
