import { useId, useMemo, useState } from 'react';
import type { TensorAnalysis, TensorStep } from '../../engine/tensor/run';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { NOTE_SOURCE, type StepNote } from '../../stepNotes';
import { Tex } from '../Formula/Tex';
import { useAfterPaint } from '../hooks/useAfterPaint';
import { annotatedExample, notesAt, workOut, workRows } from './stepNoteWork';
import './stepNotes.css';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';

/**
 * Under a matrix example's step in the chain-rule panel (issue 15, point 7): the seed note's
 * label for it (B1…B7, dZ2…db1), its formula in the note's own notation, a sentence on how the
 * step is that formula, and for B2, B3 and dZ2 the formula with this run's numbers.
 */
export function StepNotes(props: { tensor: TensorAnalysis; step: TensorStep }) {
  // Typeset after the frame that shows the step on the graph, with the chain-rule panel.
  const now = useMemo(
    () => ({ tensor: props.tensor, step: props.step }),
    [props.tensor, props.step],
  );
  const { tensor, step } = useAfterPaint(now);
  const chosen = useApp((s) => s.example);
  const found = annotatedExample(chosen, tensor);
  if (!found) return null;
  const notes = notesAt(tensor, step, found.notes);
  if (notes.length === 0) return null;
  return (
    <div className="step-notes">
      {notes.map((note) => (
        <NoteCard
          key={`${note.phase}:${note.node}:${note.label}`}
          tensor={tensor}
          note={note}
          source={NOTE_SOURCE[found.id]}
        />
      ))}
    </div>
  );
}

function NoteCard({
  tensor,
  note,
  source,
}: {
  tensor: TensorAnalysis;
  note: StepNote;
  source: Parameters<ReturnType<typeof useT>>[0] | undefined;
}) {
  const t = useT();
  const rowId = useId();
  // The row picked here, else the row of the gradient entry drilled into (issue 15, point 5),
  // when that entry's matrix has one row per example as μ has: the "focused row".
  const [picked, setRow] = useState<number | null>(null);
  const focus = useApp((s) => s.tensorEntry);
  const rows = note.work ? workRows(tensor, note.work) : 1;
  const at = Math.min(picked ?? focusedRow(tensor, focus, rows) ?? 0, rows - 1);
  const worked = note.work ? workOut(tensor, note.work, at) : undefined;
  const from = source ? t(source) : '';
  return (
    <div
      className="step-note"
      role="note"
      aria-label={t('stepNotes.aria', { label: note.label, source: from })}
      data-label={note.label}
    >
      <p className="step-note-head">
        <span className="step-note-label">{note.label}</span>{' '}
        <span className="step-note-source">{from}</span>
      </p>
      <div className="step-note-formula">
        <Tex tex={note.tex} text={note.text} display wrap />
      </div>
      <p className="step-note-text">{t(note.key, { m: examples(tensor) })}</p>
      {worked && (
        <div className="step-note-work">
          {rows > 1 && (
            <p className="step-note-row">
              <label htmlFor={rowId}>{t('stepNotes.row')}</label>{' '}
              <select
                id={rowId}
                className="select"
                value={at}
                onChange={(e) => setRow(Number(e.target.value))}
              >
                {Array.from({ length: rows }, (_, k) => (
                  <option key={k} value={k}>
                    {k + 1}
                  </option>
                ))}
              </select>
            </p>
          )}
          <div className="step-note-numbers">
            {worked.lines.map((line) => (
              <Tex key={line.tex} tex={line.tex} text={line.text} display wrap />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

/** The row of the drilled entry, if its node is a matrix of `rows` rows (one per example). */
function focusedRow(
  tensor: TensorAnalysis,
  entry: { readonly node: number; readonly at: number } | null,
  rows: number,
): number | undefined {
  if (!entry || rows < 2) return undefined;
  const shape = tensor.nodes[entry.node]?.shape;
  return shape && shape.length === 2 && shape[0] === rows
    ? Math.floor(entry.at / shape[1])
    : undefined;
}

/** m of the note's sentences: the examples, one per column of the labels Y (seed 000). */
function examples(tensor: TensorAnalysis): number {
  const y = tensor.nodes.find((n) => n.name === 'Y');
  return y && y.shape.length === 2 ? y.shape[1] : 1;
}
