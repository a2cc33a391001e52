import { lazy, Suspense, useMemo, type FocusEvent, type MouseEvent } from 'react';
import { formulas, TEXT, type Analysis } from '../../engine';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { selectStepState } from '../../state/stepState';
import { tensorEngine } from '../../engine/tensor/hook';
import { selectPractice } from '../../state/practice';
import { Tex } from './Tex';
import { useAfterPaint } from '../hooks/useAfterPaint';
import { localizeRule } from '../tensor/localizeRule';

// A step's explanation is not on the first screen (that shows the program): it loads on demand,
// with KaTeX, and the step's plain-text formula stands in meanwhile.
const StepFormula = lazy(() => import('./StepFormula').then((m) => ({ default: m.StepFormula })));
// A matrix program's step with its matrices, and one gradient entry in index form (issue 15).
const TensorStepFormula = lazy(() =>
  import('../tensor/TensorStepFormula').then((m) => ({ default: m.TensorStepFormula })),
);
// Practice mode's question form of a step, with `?` for the number asked (src/view/Practice).
const MaskedStep = lazy(() =>
  import('../Practice/MaskedStep').then((m) => ({ default: m.MaskedStep })),
);
// A matrix example's step labelled as its seed note has it (B1–B7, dZ2…; issue 15, point 7).
const StepNotes = lazy(() => import('../tensor/StepNotes').then((m) => ({ default: m.StepNotes })));

/** The current step in KaTeX: the chain-rule factor, the local derivative, sums at forks. */
export function FormulaPanel() {
  const t = useT();
  // The active mode's step (src/state/stepState.ts): forward mode plays its tangent pass.
  const now = useApp((s) => ({
    analysis: s.analysis,
    known: selectStepState(s),
    hoverFactor: s.hoverFactor,
    stepIndex: s.stepIndex,
    // Practice on a matrix program (issue 16): the kinds of this step's questions still open.
    open: openTensorQuestions(s),
  }));
  const { hoverFactor, stepIndex, open } = now;
  // A scalar step's formula follows the graph's frame (see `useAfterPaint`); a matrix step's
  // components defer their own typesetting.
  const picture = useMemo(
    () => ({ analysis: now.analysis, known: now.known }),
    [now.analysis, now.known],
  );
  const shown = useAfterPaint(picture);
  const { analysis } = now.analysis?.tensor ? picture : shown;
  const known = now.analysis?.tensor ? now.known : shown.known;
  // Until the formula has caught up with the graph, the panel says it is being updated.
  const busy = shown !== picture && !now.analysis?.tensor ? true : undefined;
  if (analysis?.tensor) {
    // A matrix program: each step's rule in matrix form, with the shapes and the numbers.
    const played = stepIndex > 0 ? analysis.tensor.steps[stepIndex - 1] : undefined;
    // Practice (issue 16): what the step's formula would give away while it is asked.
    const masked =
      played && open ? tensorEngine()?.practice?.maskedFormula(played, open) : undefined;
    const step = played && {
      formulaTex: localizeRule(masked?.tex ?? played.formulaTex, t),
      formulaText: localizeRule(masked?.text ?? played.formulaText, t),
    };
    return (
      <section className="panel formula" aria-labelledby="formula-title" tabIndex={0}>
        <h2 className="panel-title" id="formula-title">
          {t('formula.title')}
        </h2>
        {masked && step ? (
          // Practice asks for part of this step: only the rule, its numbers held back.
          <div className="formula-body">
            <Tex tex={step.formulaTex} text={step.formulaText} display wrap />
          </div>
        ) : (
          <Suspense
            fallback={
              step ? (
                <p className="formula-main tex-fallback">{step.formulaText}</p>
              ) : (
                <p className="hint">{t('formula.startHint')}</p>
              )
            }
          >
            <TensorStepFormula tensor={analysis.tensor} stepIndex={stepIndex} />
            {/* The seed notes' label for this step (B1–B7, dZ2 …), with their worked numbers. */}
            {played && <StepNotes tensor={analysis.tensor} step={played} />}
          </Suspense>
        )}
      </section>
    );
  }
  if (!analysis || !known)
    return <section className="panel formula" aria-label={t('formula.title')} />;
  const { current: step, phase, tangent } = known;
  // A factor in a formula (`data-node`) under the pointer or the focus outlines its node.
  const factorOf = (target: EventTarget) =>
    target instanceof Element ? target.closest<HTMLElement>('.tex-factor[data-node]') : null;
  const onOver = (e: MouseEvent | FocusEvent) => {
    const el = factorOf(e.target);
    hoverFactor(el ? Number(el.dataset.node) : null);
  };
  return (
    // Focusable: the panel scrolls when a step's explanation is taller than it, and keyboard users
    // must be able to scroll it too (↑/↓; ←/→ stay the step keys).
    <section
      className="panel formula"
      aria-labelledby="formula-title"
      aria-busy={busy}
      tabIndex={0}
      onMouseOver={onOver}
      onMouseLeave={() => hoverFactor(null)}
      onFocus={onOver}
      onBlur={() => hoverFactor(null)}
    >
      <h2 className="panel-title" id="formula-title">
        {t('formula.title')}
      </h2>
      {phase === 'start' && <Start analysis={analysis} t={t} />}
      {step && known.hidden && (
        <Suspense fallback={null}>
          <MaskedStep analysis={analysis} step={step} hidden={known.hidden.kinds} />
        </Suspense>
      )}
      {step && !known.hidden && (
        <Suspense fallback={<p className="formula-main tex-fallback">{step.text}</p>}>
          <StepFormula analysis={analysis} step={step} done={phase === 'done'} tangent={tangent} />
        </Suspense>
      )}
    </section>
  );
}

/** The program as formulas, with exactly its parentheses: `f = (x + y) \cdot z`. */
function Start({ analysis, t }: { analysis: Analysis; t: Translate }) {
  const lines = useMemo(() => definitions(analysis), [analysis]);
  return (
    <div className="formula-body">
      <p className="formula-caption">{t('formula.start')}</p>
      <div className="formula-lines">
        {lines.map((l) => (
          <Tex key={l.tex} tex={l.tex} text={l.text} display wrap />
        ))}
      </div>
      <p className="hint">{t('formula.startHint')}</p>
    </div>
  );
}

/** Named intermediates and the output, each written down to names: at most a screenful. */
function definitions(a: Analysis): { tex: string; text: string }[] {
  const g = a.compiled;
  const named = a.graph.nodes.filter(
    (node) => node.kind === 'op' && (node.name !== undefined || node.isOutput),
  );
  const shown = named.length > 8 ? [...named.slice(0, 3), ...named.slice(-4)] : named;
  return shown.map((node) => {
    const body = formulas.expressionTex(g, node.id);
    const tex = `${node.symbol.tex} = ${body.length > 400 ? '\\cdots' : body}`;
    return { tex, text: `${node.symbol.text} = ${formulas.definitionTex(ctx(a), node.id, TEXT)}` };
  });
}

const ctx = (a: Analysis) => ({ graph: a.compiled, value: a.value, backward: a.backward });

/** The kinds of a matrix step's practice questions not answered yet, as `shape formula entry`. */
function openTensorQuestions(s: Parameters<typeof selectPractice>[0]): string {
  const p = selectPractice(s);
  if (!p?.tensor || !p.pending) return '';
  return p.tensor.questions
    .slice(p.index)
    .map((q) => q.kind)
    .join(' ');
}
