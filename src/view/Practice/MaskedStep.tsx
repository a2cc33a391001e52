import { practiceQuestions, type Analysis, type LensStep, type QuestionKind } from '../../engine';
import { useT } from '../../i18n/useT';
import { Tex } from '../Formula/Tex';
import { questionFormulas } from './words';

/**
 * The formula panel while practice mode asks for this step's numbers: what is answered so far in
 * full, the question being asked with `?` for its answer, nothing of the questions after it, and
 * none of the step's usual explanation (the gate callout would give the answer away).
 */
export function MaskedStep({
  analysis,
  step,
  hidden,
}: {
  analysis: Analysis;
  step: LensStep;
  hidden: readonly QuestionKind[];
}) {
  const t = useT();
  const g = analysis.compiled;
  const name = (node: number) => g.symbol(node).text;
  const backward = step.kind === 'backward-edge';
  const caption =
    step.kind === 'forward-node'
      ? t('formula.forwardNode', { node: name(step.node) })
      : step.kind === 'backward-edge'
        ? t('formula.backwardEdge', { from: name(step.from), to: name(step.to) })
        : '';
  const asked = hidden[0];
  const shown = practiceQuestions(analysis, step).filter(
    (q) => !hidden.includes(q.kind) || q.kind === asked,
  );
  return (
    <div className={`formula-body phase-${step.phase} practice-masked`}>
      <p className="formula-caption">
        <span className={`phase-chip phase-${step.phase}`}>
          {t(backward ? 'phase.backwardPass' : 'phase.forwardPass')}
        </span>{' '}
        {caption}
      </p>
      {shown.map((q) => (
        <div key={q.kind} className="formula-main">
          <Tex {...questionFormulas(analysis, step, q.kind, q.kind !== asked)} display wrap />
        </div>
      ))}
    </div>
  );
}
