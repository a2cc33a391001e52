import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { TensorAnalysis, TensorStep } from '../../engine/tensor/run';
import { stepLines, type Detail, type StepLine } from '../../engine/tensor/stepNumbers';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { preloadKatex, Tex } from '../Formula/Tex';
import { useAfterPaint } from '../hooks/useAfterPaint';
import { entryView } from './entryView';
import { localizeRule } from './localizeRule';
import './tensor.css';
import '../../i18n/enLater';

// Presenting, there is no side panel: the spiral lesson's plot comes into this panel instead.
const SpiralPanel = lazy(() =>
  import('../Lessons/SpiralPanel').then((m) => ({ default: m.SpiralPanel })),
);

/**
 * The chain-rule panel for a matrix program (issue 15, points 4 and 5): the step's rule with
 * the shape under every factor, the shapes' arithmetic, the rule with its matrices and the
 * result, a broadcast bias's sum over the rows, a fork's addition; above it, the gradient entry
 * drilled into, written as a sum of products of entries.
 */
export function TensorStepFormula(props: { tensor: TensorAnalysis; stepIndex: number }) {
  const t = useT();
  // The graph's cards show a step first; its formulas are typeset in the task after that frame.
  const now = useMemo(
    () => ({ tensor: props.tensor, stepIndex: props.stepIndex }),
    [props.tensor, props.stepIndex],
  );
  const { tensor, stepIndex } = useAfterPaint(now);
  // A matrix program's page opens on formulas (a link to a step): the typesetter starts now
  // rather than after the scalar graph's first drawing, which a tensor program never has.
  useEffect(() => void preloadKatex(), []);
  const step = stepIndex > 0 ? tensor.steps[stepIndex - 1] : undefined;
  const lines = useMemo(() => (step ? stepLines(tensor, step) : []), [tensor, step]);
  const presentSpiral = useApp(
    (s) => s.settings.mode === 'present' && /\bspiral_points\s*\(/.test(s.source),
  );
  return (
    <>
      {presentSpiral && (
        <Suspense fallback={null}>
          <SpiralPanel />
        </Suspense>
      )}
      <EntryFormula tensor={tensor} stepIndex={stepIndex} t={t} />
      {step ? (
        // `data-step`: the step it shows, which follows the graph's by a frame (`useAfterPaint`).
        <div className={`formula-body phase-${step.phase} tensor-step`} data-step={stepIndex}>
          <p className="formula-caption">
            <span className={`phase-chip phase-${step.phase}`}>
              {t(step.phase === 'forward' ? 'phase.forwardPass' : 'phase.backwardPass')}
            </span>{' '}
            {caption(tensor, step, t)}
          </p>
          {lines.map((line, i) => (
            // Keyed by step and place: a line that asks for less detail keeps its state.
            <Line
              key={`${step.index}:${line.kind}`}
              tensor={tensor}
              step={step}
              index={i}
              full={line}
              t={t}
            />
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

/** Lines of matrices: a group of their own, reachable with Tab (see `Line`). */
const MATRICES = new Set<StepLine['kind']>(['numbers', 'rows', 'columns', 'fork']);

/** The readable minimum a formula is scaled to (as `katex.ts` fits it) before it asks for less. */
const MIN_SCALE = 0.7;

/**
 * One line of the step. Typeset, and fitted to the panel by `katex.ts` (broken at its `=` and
 * operators, then scaled down to 70 %); a matrix wider than that even so is written with fewer
 * rows and columns, then as its shape: the panel never clips a line or scrolls it sideways.
 */
function Line({
  tensor,
  step,
  index,
  full,
  t,
}: {
  tensor: TensorAnalysis;
  step: TensorStep;
  index: number;
  /** The line in full detail, as the panel has already written it. */
  full: StepLine;
  t: Translate;
}) {
  const [detail, setDetail] = useState<Detail>(0);
  const line = useMemo(
    () => (detail === 0 ? full : stepLines(tensor, step, detail)[index]),
    [tensor, step, detail, index, full],
  );
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root || detail >= 2) return;
    // The fit writes its scale on the chain when done: then it is known whether the line fits.
    const check = () => {
      const chain = root.querySelector<HTMLElement>('.tex-chain[data-scale]');
      if (!chain || Number(chain.dataset.scale) > MIN_SCALE) return;
      if (chain.scrollWidth > chain.clientWidth + 1)
        setDetail((d) => (d < 2 ? ((d + 1) as Detail) : d));
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { attributes: true, attributeFilter: ['data-scale'], subtree: true });
    check();
    return () => observer.disconnect();
  }, [line, detail]);
  if (!line) return null;
  return (
    <div
      ref={ref}
      className={`formula-main tensor-line tensor-line-${line.kind}`}
      data-kind={line.kind}
      data-detail={detail}
      // A line of matrices is a Tab stop: were it ever wider than the panel (a matrix already
      // written as its shape), a keyboard user could still scroll it.
      {...(MATRICES.has(line.kind)
        ? { tabIndex: 0, role: 'group', 'aria-label': t(LABEL[line.kind]) }
        : {})}
    >
      <span className="sub-label">{t(LABEL[line.kind])}</span>
      <Tex tex={localizeRule(line.tex, t)} text={localizeRule(line.text, t)} display wrap />
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
