import {
  formatNumber,
  tangentResultTex,
  type Analysis,
  type TangentStep,
  type TangentTrace,
} from '../../engine';
import { useT } from '../../i18n/useT';
import { Tex } from '../Formula/Tex';
import { leadOf } from '../Formula/links';
import { TroubleNote } from '../Formula/TroubleNote';

/** A step of forward mode's tangent pass in the formula panel: the rule, then the numbers. */
export function TangentExplained({ analysis, step }: { analysis: Analysis; step: TangentStep }) {
  const t = useT();
  const g = analysis.compiled;
  const name = (node: number) => g.symbol(node).text;
  let caption: string;
  switch (step.kind) {
    case 'tangent-seed':
      caption = t('formula.tangentSeed', { x: name(step.node) });
      break;
    case 'tangent-edge':
      caption = t('formula.tangentEdge', { from: name(step.from), to: name(step.to) });
      break;
    case 'tangent-node':
      caption = t('formula.tangentNode', { node: name(step.node) });
      break;
  }
  return (
    <div className="formula-body phase-tangent">
      <p className="formula-caption">
        <span className="phase-chip phase-tangent">{t('phase.tangentPass')}</span> {caption}
      </p>
      <div className="formula-main">
        <Tex tex={step.tex} text={step.text} display wrap lead={leadOf(step)} />
      </div>
      <TroubleNote analysis={analysis} step={step} t={t} />
      {step.kind === 'tangent-edge' && step.arrivals > 1 && (
        <p className="formula-note">
          {t('formula.tangentTerms', {
            name: name(step.to),
            arrived: step.arrival,
            count: step.arrivals,
            sum: formatNumber(step.sumAfter),
          })}
        </p>
      )}
    </div>
  );
}

/** The end of forward mode: the answer for one input, and what the other inputs would cost. */
export function TangentSummary({
  analysis,
  tangent,
}: {
  analysis: Analysis;
  tangent: TangentTrace;
}) {
  const t = useT();
  const g = analysis.compiled;
  const x = g.symbol(tangent.wrt).text;
  const f = g.symbol(g.output);
  const value = tangent.tangent[g.output];
  return (
    <div className="formula-summary">
      <h3 className="summary-title">{t('formula.tangentSummary', { x })}</h3>
      <Tex
        tex={tangentResultTex(analysis, tangent)}
        text={`∂${f.text}/∂${x} = ${formatNumber(value)}`}
        display
        wrap
      />
      <p className="hint">{t('formula.tangentSummaryHint', { x, n: analysis.inputs.length })}</p>
    </div>
  );
}
