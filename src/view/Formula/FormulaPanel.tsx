import { useMemo } from 'react';
import {
  formatNumber,
  formulas,
  numberTex,
  pathFactors,
  TEX,
  TEXT,
  type Analysis,
  type Step,
} from '../../engine';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { GateCallout } from '../Lessons/GateCallout';
import { activeStep, activeStepCount, activeTangent } from '../../state/modes';
import { TangentExplained, TangentSummary } from '../Modes/TangentFormula';
import { Tex } from './Tex';

/** The current step in KaTeX: the chain-rule factor, the local derivative, sums at forks. */
export function FormulaPanel() {
  const t = useT();
  // The active mode's steps: in forward mode the tangent pass follows the value steps.
  const { analysis, stepIndex, step, n, tangent } = useApp((s) => ({
    analysis: s.analysis,
    stepIndex: s.stepIndex,
    step: activeStep(s),
    n: activeStepCount(s),
    tangent: activeTangent(s),
  }));
  if (!analysis) return <section className="panel formula" aria-label={t('formula.title')} />;
  const explain = (st: NonNullable<typeof step>) =>
    st.phase === 'tangent' ? (
      <TangentExplained analysis={analysis} step={st} />
    ) : (
      <StepExplained analysis={analysis} step={st} t={t} />
    );
  return (
    // Focusable: the panel scrolls when a step's explanation is taller than it, and keyboard users
    // must be able to scroll it too (↑/↓; ←/→ stay the step keys).
    <section className="panel formula" aria-labelledby="formula-title" tabIndex={0}>
      <h2 className="panel-title" id="formula-title">
        {t('formula.title')}
      </h2>
      {stepIndex === 0 && <Start analysis={analysis} t={t} />}
      {step && stepIndex < n && explain(step)}
      {stepIndex === n && n > 0 && (
        <>
          {step && explain(step)}
          {tangent ? (
            <TangentSummary analysis={analysis} tangent={tangent} />
          ) : (
            <Summary analysis={analysis} t={t} />
          )}
        </>
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
          <Tex key={l.tex} tex={l.tex} text={l.text} display />
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

function StepExplained({ analysis, step, t }: { analysis: Analysis; step: Step; t: Translate }) {
  const g = analysis.compiled;
  const name = (node: number) => g.symbol(node).text;
  let caption: string;
  switch (step.kind) {
    case 'forward-edge':
      caption = t('formula.forwardEdge', { from: name(step.from), to: name(step.to) });
      break;
    case 'forward-node':
      caption = t('formula.forwardNode', { node: name(step.node) });
      break;
    case 'seed':
      caption = t('formula.seed');
      break;
    case 'backward-edge':
      caption = t('formula.backwardEdge', { from: name(step.from), to: name(step.to) });
      break;
  }
  return (
    <div className={`formula-body phase-${step.phase}`}>
      <p className="formula-caption">
        <span className={`phase-chip phase-${step.phase}`}>
          {t(step.phase === 'forward' ? 'phase.forwardPass' : 'phase.backwardPass')}
        </span>{' '}
        {caption}
      </p>
      <div className="formula-main">
        <Tex tex={step.tex} text={step.text} display />
      </div>
      <GateCallout analysis={analysis} step={step} />
      {step.kind === 'backward-edge' && <BackwardDetails analysis={analysis} step={step} t={t} />}
    </div>
  );
}

function BackwardDetails({
  analysis,
  step,
  t,
}: {
  analysis: Analysis;
  step: Extract<Step, { kind: 'backward-edge' }>;
  t: Translate;
}) {
  const sum = step.sumFormula(TEX);
  const path = pathFactors(analysis, step.edge, TEX);
  const name = analysis.compiled.symbol(step.to).text;
  return (
    <>
      <p className="formula-note">{t('formula.upstreamTimesLocal')}</p>
      <div className="formula-sub">
        <span className="sub-label">{t('formula.local')}</span>
        <Tex tex={step.localFormula(TEX)} text={step.localFormula(TEXT)} />
      </div>
      {sum && (
        <div className="formula-fork">
          <p>
            {t('formula.fork', { name, count: step.arrivals })}{' '}
            {step.arrival < step.arrivals &&
              t('formula.forkProgress', { arrived: step.arrival, count: step.arrivals })}
          </p>
          <Tex tex={sum} text={step.sumFormula(TEXT) ?? ''} display />
        </div>
      )}
      {path && (
        <div className="formula-sub">
          <span className="sub-label">{t('formula.path')}</span>
          <Tex tex={path} text={pathFactors(analysis, step.edge, TEXT) ?? ''} />
        </div>
      )}
    </>
  );
}

function Summary({ analysis, t }: { analysis: Analysis; t: Translate }) {
  const g = analysis.compiled;
  const f = g.symbol(g.output);
  if (analysis.inputs.length === 0) return <p className="muted">{t('formula.noInputs')}</p>;
  return (
    <div className="formula-summary">
      <h3 className="summary-title">{t('formula.summary')}</h3>
      <ul className="summary-list">
        {analysis.inputs.slice(0, 24).map((input) => {
          const s = g.symbol(input.node);
          const grad = analysis.gradients[input.name];
          return (
            <li key={input.name}>
              <Tex
                tex={`${TEX.partial(f.tex, s.tex)} = ${numberTex(grad)}`}
                text={`∂${f.text}/∂${s.text} = ${formatNumber(grad)}`}
              />
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('formula.summaryHint')}</p>
    </div>
  );
}
