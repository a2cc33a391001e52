import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import {
  formatNumber,
  numberTex,
  type Analysis,
  type DescentStep,
  type TrainPoint,
} from '../../engine';
import type { TensorAnalysis } from '../../engine/tensor/run';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import {
  historyOf,
  inputNames,
  paramsOf,
  selectTrainingPhase,
  type TensorUpdate,
  type TrainingState,
} from '../../state/training';
import { Tex } from '../Formula/Tex';

/** History rows the table shows: the most recent ones. */
const HISTORY_ROWS = 30;
/** Parameters whose update formula is written out; more would push the panel off screen. */
const UPDATE_ROWS = 12;

/**
 * Gradient descent on the program (seeds 000 and 001): which inputs are parameters, the learning
 * rate, one step (forward, backward, update as three phases) or a run of many, the loss curve and
 * the parameters' history. The output is the loss.
 */
// The loss curve and its d3 scales load once there is a loss to plot.
const LossCurve = lazy(() => import('./LossCurve').then((m) => ({ default: m.LossCurve })));

export function TrainingPanel() {
  const t = useT();
  const s = useApp((st) => ({
    analysis: st.analysis,
    training: st.training,
    history: historyOf(st),
    phase: selectTrainingPhase(st),
    hasError: st.error !== null,
    setParam: st.setParam,
    setLearningRate: st.setLearningRate,
    setTrainOptions: st.setTrainOptions,
    takeStep: st.takeStep,
    train: st.train,
    clearHistory: st.clearHistory,
  }));
  const { analysis, training, history, phase } = s;
  const params = paramsOf(training, analysis);
  const paramSet = new Set(params);
  const canTrain = analysis !== null && !s.hasError && params.length > 0;
  const lrId = useId();
  const stepsId = useId();
  const epsId = useId();
  const update = phase === 'update' ? training.lastUpdate : null;
  // Open by itself for a program with parameters to train; the person's choice stands otherwise.
  const trainable = params.length > 0;
  const [open, setOpen] = useState(trainable);
  const { example, caughtUp } = useApp((st) => ({
    example: st.example,
    caughtUp: st.analysis !== null && st.analysis.source === st.source,
  }));
  // A newly chosen example re-decides, once its graph has been analysed (a large one is laid out
  // off the main thread first); typing must not fold the panel under the person's cursor.
  const decidedFor = useRef<string | null>(null);
  useEffect(() => {
    if (example === null || !caughtUp || decidedFor.current === example) return;
    decidedFor.current = example;
    setOpen(trainable);
  }, [example, caughtUp, trainable]);

  return (
    <section className="panel lesson-panel training" aria-labelledby={`${lrId}-title`}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="panel-title lesson-summary" id={`${lrId}-title`}>
          {t('train.title')}
        </summary>

        <ol className="phase-track" aria-label={t('train.phases')}>
          {(['forward', 'backward', 'update'] as const).map((p) => (
            <li
              key={p}
              className={`phase-step phase-${p}${phase === p ? ' current' : ''}`}
              aria-current={phase === p ? 'step' : undefined}
            >
              {t(
                p === 'forward'
                  ? 'train.phaseForward'
                  : p === 'backward'
                    ? 'train.phaseBackward'
                    : 'train.phaseUpdate',
              )}
            </li>
          ))}
        </ol>

        {analysis && inputNames(analysis).length > 0 && (
          <fieldset className="param-roles">
            <legend>{t('train.roles')}</legend>
            <p className="hint">{t('train.rolesHint')}</p>
            <div className="param-list">
              {inputNames(analysis).map((name) => (
                <label key={name} className="param-toggle">
                  <input
                    type="checkbox"
                    checked={paramSet.has(name)}
                    aria-label={t('train.paramLabel', { name })}
                    onChange={(e) => s.setParam(name, e.target.checked)}
                  />
                  <span className="mono">{name}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}

        <div className="train-fields">
          <label htmlFor={lrId}>{t('train.lr')}</label>
          <NumberField
            id={lrId}
            value={training.learningRate}
            min={0}
            onCommit={(v) => v !== null && s.setLearningRate(v)}
            problem={(v) =>
              v > 0
                ? null
                : t(v < 0 ? 'train.lrNegative' : 'train.lrZero', {
                    lr: String(training.learningRate),
                  })
            }
          />
          <label htmlFor={stepsId}>{t('train.steps')}</label>
          <NumberField
            id={stepsId}
            value={training.steps}
            min={1}
            step={1}
            onCommit={(v) => v !== null && s.setTrainOptions({ steps: v })}
          />
          <label htmlFor={epsId}>{t('train.until')}</label>
          <NumberField
            id={epsId}
            value={training.lossBelow}
            onCommit={(v) => s.setTrainOptions({ lossBelow: v })}
            allowEmpty
          />
        </div>
        <div className="button-row train-buttons">
          <button
            type="button"
            className="button primary"
            disabled={!canTrain}
            onClick={s.takeStep}
          >
            {t('train.step')}
          </button>
          <button type="button" className="button" disabled={!canTrain} onClick={s.train}>
            {t('train.train')}
          </button>
          {history.length > 0 && (
            <button type="button" className="link-button" onClick={s.clearHistory}>
              {t('train.clear')}
            </button>
          )}
        </div>
        {analysis && params.length === 0 && <p className="muted">{t('train.noParams')}</p>}
        <Stopped training={training} t={t} />

        {update && analysis?.tensor && 'kind' in update && (
          <TensorUpdateFormulas tensor={analysis.tensor} update={update} t={t} />
        )}
        {update && analysis && !('kind' in update) && (
          <UpdateFormulas analysis={analysis} update={update} t={t} />
        )}

        {history.length > 0 ? (
          <Suspense fallback={null}>
            <LossCurve history={history} />
          </Suspense>
        ) : (
          <p className="muted">{t('train.curveEmpty')}</p>
        )}
        {history.length > 0 && <HistoryTable history={history} t={t} />}
      </details>
    </section>
  );
}

/** Why the last run of "Train" ended. */
function Stopped({ training, t }: { training: TrainingState; t: Translate }) {
  const { stopped } = training;
  if (!stopped) return null;
  const text =
    stopped.reason === 'loss'
      ? t('train.stoppedLoss', { steps: stopped.steps, eps: String(training.lossBelow) })
      : stopped.reason === 'diverged'
        ? t('train.diverged')
        : t('train.stoppedSteps', { steps: stopped.steps });
  return (
    <p
      className={stopped.reason === 'diverged' ? 'train-status error-text' : 'train-status'}
      role="status"
    >
      {text}
    </p>
  );
}

/** old − lr × gradient = new, for each parameter of the last update. */
function UpdateFormulas({
  analysis,
  update,
  t,
}: {
  analysis: Analysis;
  update: DescentStep;
  t: Translate;
}) {
  const g = analysis.compiled;
  const loss = g.symbol(g.output);
  const symbolOf = (name: string) => {
    const input = analysis.inputs.find((i) => i.name === name);
    return input ? g.symbol(input.node) : { tex: name, text: name };
  };
  const lr = numberTex(update.lr);
  return (
    <div className="update-formulas" aria-live="polite">
      <p className="formula-caption">
        <span className="phase-chip phase-update">{t('train.phaseUpdate')}</span>{' '}
        {t('train.update')}
      </p>
      <ul className="update-list">
        {update.updates.slice(0, UPDATE_ROWS).map((u) => {
          const sym = symbolOf(u.name);
          // Two pieces, so that in a narrow sidebar the result wraps as a whole below the formula.
          const tex = `${sym.tex} \\leftarrow ${numberTex(u.old)} - ${lr} \\cdot ${numberTex(u.grad, { atom: true })}`;
          const text = `${sym.text} ← ${formatNumber(u.old)} − ${formatNumber(update.lr)} · ${formatNumber(u.grad)}`;
          return (
            <li key={u.name} data-param={u.name}>
              <Tex tex={tex} text={text} />
              <Tex tex={`= ${numberTex(u.next)}`} text={`= ${formatNumber(u.next)}`} />
            </li>
          );
        })}
      </ul>
      <LossChange loss={loss} before={update.loss} after={update.lossAfter} />
    </div>
  );
}

/**
 * A tensor program's update (issue 15): W ← W − lr · ∂L/∂W for each parameter, every entry at
 * once, with its shape; the numbers are on the graph's grids.
 */
function TensorUpdateFormulas({
  tensor,
  update,
  t,
}: {
  tensor: TensorAnalysis;
  update: TensorUpdate;
  t: Translate;
}) {
  const lr = numberTex(update.lr);
  const g = tensor.graph;
  const loss = g.symbol(g.output);
  const symbolOf = (name: string) => {
    const input = tensor.inputs.find((i) => i.name === name);
    return input ? g.symbol(input.node) : { tex: name, text: name };
  };
  return (
    <div className="update-formulas" aria-live="polite">
      <p className="formula-caption">
        <span className="phase-chip phase-update">{t('train.phaseUpdate')}</span>{' '}
        {t('train.updateTensor')}
      </p>
      {/* A wide formula scrolls sideways in a narrow sidebar: the keyboard can scroll it too. */}
      <ul className="update-list" tabIndex={0}>
        {update.params.slice(0, UPDATE_ROWS).map((p) => {
          const shape = p.shape.length === 0 ? '' : ` \\quad (${p.shape.join('{\\times}')})`;
          const x = symbolOf(p.name);
          return (
            <li key={p.name} data-param={p.name}>
              <Tex
                tex={`${x.tex} \\leftarrow ${x.tex} - ${lr} \\cdot \\frac{\\partial ${loss.tex}}{\\partial ${x.tex}}${shape}`}
                text={`${x.text} ← ${x.text} − ${formatNumber(update.lr)} · ∂${loss.text}/∂${x.text}${
                  p.shape.length === 0 ? '' : ` (${p.shape.join('×')})`
                }`}
              />
            </li>
          );
        })}
      </ul>
      <LossChange loss={loss} before={update.loss} after={update.lossAfter} />
    </div>
  );
}

/** The loss before and after the update: the step's effect in one line. */
function LossChange({
  loss,
  before,
  after,
}: {
  loss: { tex: string; text: string };
  before: number;
  after: number;
}) {
  return (
    <p className="hint">
      <Tex
        tex={`${loss.tex}: ${numberTex(before)} \\;\\to\\; ${numberTex(after)}`}
        text={`${loss.text}: ${formatNumber(before)} → ${formatNumber(after)}`}
      />
    </p>
  );
}

function HistoryTable({ history, t }: { history: readonly TrainPoint[]; t: Translate }) {
  const names = Object.keys(history[0].params);
  const rows = history.slice(-HISTORY_ROWS);
  return (
    <details className="history">
      <summary>{t('train.history')}</summary>
      <div className="lesson-table-wrap history-wrap" tabIndex={0}>
        <table className="lesson-table">
          <thead>
            <tr>
              <th scope="col">{t('train.iteration')}</th>
              <th scope="col">{t('train.loss')}</th>
              {names.map((n) => (
                <th scope="col" key={n} className="mono">
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.iteration}>
                <th scope="row">{r.iteration}</th>
                <td className="num">{formatNumber(r.loss)}</td>
                {names.map((n) => (
                  <td key={n} className="num">
                    {formatNumber(r.params[n])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * A number field that keeps what is being typed and commits only numbers: "0." on the way to
 * "0.05" must not be thrown away. `allowEmpty` commits an empty field as null (no threshold).
 */
function NumberField({
  id,
  value,
  onCommit,
  min,
  step = 'any',
  allowEmpty = false,
  problem,
}: {
  id: string;
  value: number | null;
  onCommit(v: number | null): void;
  min?: number;
  step?: number | 'any';
  allowEmpty?: boolean;
  /** Why a number cannot be used (said under the field, the typed text kept), or null. */
  problem?(v: number): string | null;
}) {
  const shown = value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!editing && error === null) setText(shown);
  }, [shown, editing, error]);
  const errorId = `${id}-problem`;
  return (
    <>
      <input
        id={id}
        className="number-field"
        type="number"
        inputMode="decimal"
        step={step}
        min={min}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false);
          // A refused number stays as typed, with its reason, so the person sees what happened.
          if (error === null) setText(shown);
        }}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          setError(null);
          if (raw.trim() === '') {
            if (allowEmpty) onCommit(null);
            return;
          }
          const v = Number(raw);
          if (!Number.isFinite(v)) return;
          const why = problem?.(v) ?? null;
          if (why !== null) setError(why);
          else onCommit(v);
        }}
      />
      {error !== null && (
        <p id={errorId} className="field-problem" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
