import { useEffect, useMemo } from 'react';
import type { TensorAnalysis, TensorStep } from '../../engine/tensor/run';
import { stepLines, type StepLine } from '../../engine/tensor/stepNumbers';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { preloadKatex, Tex } from '../Formula/Tex';
import { entryView } from './entryView';
import './tensor.css';
import '../../i18n/enLater';

/**
 * The chain-rule panel for a matrix program (issue 15, points 4 and 5): the step's rule with
 * the shape under every factor, the shapes' arithmetic, the rule with its matrices and the
 * result, a broadcast bias's sum over the rows, a fork's addition; above it, the gradient entry
 * drilled into, written as a sum of products of entries.
 */
export function TensorStepFormula({
  tensor,
  stepIndex,
}: {
  tensor: TensorAnalysis;
  stepIndex: number;
}) {
  const t = useT();
  // A matrix program's page opens on formulas (a link to a step): the typesetter starts now
  // rather than after the scalar graph's first drawing, which a tensor program never has.
  useEffect(() => void preloadKatex(), []);
  const step = stepIndex > 0 ? tensor.steps[stepIndex - 1] : undefined;
  const lines = useMemo(() => (step ? stepLines(tensor, step) : []), [tensor, step]);
  return (
    <>
      <EntryFormula tensor={tensor} stepIndex={stepIndex} t={t} />
      {step ? (
        <div className={`formula-body phase-${step.phase} tensor-step`}>
          <p className="formula-caption">
            <span className={`phase-chip phase-${step.phase}`}>
              {t(step.phase === 'forward' ? 'phase.forwardPass' : 'phase.backwardPass')}
            </span>{' '}
            {caption(tensor, step, t)}
          </p>
          {lines.map((line) => (
            <Line key={`${line.kind}:${line.tex}`} line={line} t={t} />
          ))}
          {step.kind === 'backward-edge' && step.note && (
            <p className="formula-note">{step.note}</p>
          )}
        </div>
      ) : (
        <p className="hint">{t('formula.startHint')}</p>
      )}
    </>
  );
}

function caption(tensor: TensorAnalysis, step: TensorStep, t: Translate): string {
  const name = (node: number) => tensor.graph.symbol(node).text;
  if (step.kind === 'forward-node') return t('formula.forwardNode', { node: name(step.node) });
  if (step.kind === 'seed') return t('formula.seed');
  return t('formula.backwardEdge', { from: name(step.to), to: name(step.from) });
}

const LABEL = {
  rule: 'tensorStep.rule',
  shapes: 'tensorStep.shapes',
  numbers: 'tensorStep.numbers',
  rows: 'tensorStep.rows',
  columns: 'tensorStep.columns',
  fork: 'tensorStep.fork',
} as const;

function Line({ line, t }: { line: StepLine; t: Translate }) {
  return (
    <div className={`formula-main tensor-line tensor-line-${line.kind}`} data-kind={line.kind}>
      <span className="sub-label">{t(LABEL[line.kind])}</span>
      <Tex tex={line.tex} text={line.text} display wrap />
    </div>
  );
}

/** The gradient entry clicked in a grid, in index form with its numbers. */
function EntryFormula({
  tensor,
  stepIndex,
  t,
}: {
  tensor: TensorAnalysis;
  stepIndex: number;
  t: Translate;
}) {
  const { entry, setEntry } = useApp((s) => ({
    entry: s.tensorEntry,
    setEntry: s.setTensorEntry,
  }));
  const view = useMemo(
    () => (entry ? entryView(tensor, entry, stepIndex) : null),
    [tensor, entry, stepIndex],
  );
  if (!entry) return null;
  const sym = tensor.graph.symbol(entry.node);
  const names = view?.sources.map((n) => tensor.graph.symbol(n).text).join(', ');
  return (
    <div className="tensor-entry" role="group" aria-label={t('tensorEntry.title')}>
      <div className="tensor-entry-head">
        <span className="sub-label">{t('tensorEntry.title')}</span>
        <button type="button" className="link-button" onClick={() => setEntry(null)}>
          {t('tensorEntry.close')}
        </button>
      </div>
      {view ? (
        <>
          <div className="formula-main">
            <Tex tex={view.tex} text={view.text} display wrap />
          </div>
          <p className="formula-note">
            {names ? t('tensorEntry.sources', { names }) : null}{' '}
            {view.count > 1 &&
              (view.arrived < view.count
                ? t('tensorEntry.soFar', { arrived: view.arrived, count: view.count })
                : t('tensorEntry.fork', { count: view.count }))}
          </p>
        </>
      ) : (
        <p className="muted">{t('tensorEntry.notYet', { name: sym.text })}</p>
      )}
    </div>
  );
}
