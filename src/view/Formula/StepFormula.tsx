import { useMemo } from 'react';
import {
  formatNumber,
  numberTex,
  pathFactors,
  TEX,
  TEXT,
  type Analysis,
  type LensStep,
  type Step,
  type TangentTrace,
  scalarGradient,
} from '../../engine';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { GateCallout } from '../Lessons/GateCallout';
import { TangentExplained, TangentSummary } from '../Modes/TangentFormula';
import { leadOf, leftSide } from './links';
import { TroubleNote } from './TroubleNote';
import { Tex } from './Tex';

/**
 * The step just played, explained, and at the end every input's gradient (or forward mode's one
 * answer). Loaded on demand by the formula panel.
 */
export function StepFormula({
  analysis,
  step,
  done,
  tangent,
}: {
  analysis: Analysis;
  step: LensStep;
  done: boolean;
  tangent: TangentTrace | undefined;
}) {
  const t = useT();
  return (
    <>
      {step.phase === 'tangent' ? (
        <TangentExplained analysis={analysis} step={step} />
      ) : (
        <StepExplained analysis={analysis} step={step} t={t} />
      )}
      {done &&
        (tangent ? (
          <TangentSummary analysis={analysis} tangent={tangent} />
        ) : (
          <Summary analysis={analysis} t={t} />
        ))}
    </>
  );
}

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
      {/* At a fork, ∂f/∂x itself first (said once: `= 2 + 3 = 5`), then this path's share. */}
      {step.kind === 'backward-edge' && <ForkSum analysis={analysis} step={step} t={t} />}
      {step.kind === 'backward-edge' ? (
        <BackwardHeadline analysis={analysis} step={step} t={t} />
      ) : (
        <div className="formula-main">
          <Tex tex={step.tex} text={step.text} display wrap lead={leadOf(step)} />
        </div>
      )}
      <TroubleNote analysis={analysis} step={step} t={t} />
      <GateCallout analysis={analysis} step={step} />
      {step.kind === 'backward-edge' && <BackwardDetails analysis={analysis} step={step} t={t} />}
    </div>
  );
}

type BackwardStep = Extract<Step, { kind: 'backward-edge' }>;

/**
 * The chain-rule factor, each symbol linked to its node. Into a fork this is one share of the
 * sum, so it is written without `∂f/∂x +=` in front and labelled as a share: the sum above it
 * states ∂f/∂x once.
 */
function BackwardHeadline({
  analysis,
  step,
  t,
}: {
  analysis: Analysis;
  step: BackwardStep;
  t: Translate;
}) {
  const g = analysis.compiled;
  const chain = useMemo(() => {
    const full = step.chain(TEX);
    const text = step.chain(TEXT);
    // Each linked piece is read out as its plain-text twin: `∂f/∂q`.
    const segments = full.segments.map((seg, i) =>
      seg.map((p, j) => ({ ...p, label: text.segments[i][j].tex })),
    );
    return step.arrivals > 1 ? { segments: segments.slice(1), rel: '=' } : { ...full, segments };
  }, [step]);
  const shareText = useMemo(() => {
    const parts = step.chain(TEXT).segments.slice(1);
    return parts.map((seg) => seg.map((p) => p.tex).join('')).join(' = ');
  }, [step]);
  if (step.arrivals < 2) {
    return (
      <div className="formula-main">
        <Tex tex={step.tex} text={step.text} display chain={chain} />
      </div>
    );
  }
  const f = g.symbol(g.output).text;
  const x = g.symbol(step.to).text;
  return (
    <div className="formula-main formula-share">
      <span className="share-label">
        {t('formula.shareOf', {
          partial: `∂${f}/∂${x}`,
          arrived: step.arrival,
          count: step.arrivals,
        })}
      </span>
      <Tex tex={step.tex} text={shareText} display chain={chain} />
    </div>
  );
}

/** At a fork, ∂f/∂x as the sum of the shares: complete (`= 2 + 3 = 5`) or so far (`= 2 + ⋯`). */
function ForkSum({ analysis, step, t }: { analysis: Analysis; step: BackwardStep; t: Translate }) {
  const sum = step.sumFormula(TEX);
  if (!sum) return null;
  const name = analysis.compiled.symbol(step.to).text;
  const complete = step.arrival === step.arrivals;
  return (
    <div className={`formula-fork${complete ? ' complete' : ' so-far'}`}>
      <Tex
        tex={sum}
        text={step.sumFormula(TEXT) ?? ''}
        display
        wrap
        lead={{ node: step.to, label: leftSide(step.sumFormula(TEXT) ?? '') }}
      />
      <p>
        {t('formula.fork', { name, count: step.arrivals })}{' '}
        {!complete && t('formula.forkProgress', { arrived: step.arrival, count: step.arrivals })}
      </p>
    </div>
  );
}

function BackwardDetails({
  analysis,
  step,
  t,
}: {
  analysis: Analysis;
  step: BackwardStep;
  t: Translate;
}) {
  const path = pathFactors(analysis, step.edge, TEX);
  return (
    <>
      <p className="formula-note">{t('formula.upstreamTimesLocal')}</p>
      <div className="formula-sub">
        <span className="sub-label">{t('formula.local')}</span>
        <Tex
          tex={step.localFormula(TEX)}
          text={step.localFormula(TEXT)}
          wrap
          lead={{ node: step.from, label: leftSide(step.localFormula(TEXT)) }}
        />
      </div>
      {path && (
        <div className="formula-sub">
          <span className="sub-label">
            {t(step.arrivals > 1 ? 'formula.pathShare' : 'formula.path')}
          </span>
          <Tex tex={path} text={pathFactors(analysis, step.edge, TEXT) ?? ''} wrap />
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
          const grad = scalarGradient(analysis, input.name) ?? NaN;
          return (
            <li key={input.name}>
              <Tex
                tex={`${TEX.partial(f.tex, s.tex)} = ${numberTex(grad)}`}
                text={`∂${f.text}/∂${s.text} = ${formatNumber(grad)}`}
                wrap
              />
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('formula.summaryHint')}</p>
    </div>
  );
}
