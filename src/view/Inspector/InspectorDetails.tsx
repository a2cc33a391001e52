import { formatNumber, formulas, TEX, TEXT, type Analysis } from '../../engine';
import type { Translate, translate } from '../../i18n';
import type { StepState } from '../../state/stepState';
import type { Selection } from '../../state/types';
import { Tex } from '../Formula/Tex';

/** What the inspector says about one node or edge, as far as the steps played have computed. */
export function Details({
  analysis: a,
  item,
  known,
  t,
  note,
}: {
  analysis: Analysis;
  item: NonNullable<Selection>;
  known: StepState;
  t: Translate;
  note(code: Parameters<typeof translate>[1]): string;
}) {
  const g = a.compiled;
  const ctx = { graph: g, value: a.value, backward: a.backward };
  const fmt = (v: number) => formatNumber(v);
  if (item.kind === 'edge') {
    const edge = a.graph.edges[item.id];
    if (!edge) return null;
    const valueKnown = known.edgeValueKnown(edge.id);
    const gradKnown = known.edgeGradKnown(edge.id);
    const tangent = known.tangent;
    return (
      <dl className="facts">
        <dt>{t('inspect.edge', { from: g.symbol(edge.from).text, to: g.symbol(edge.to).text })}</dt>
        <dd />
        <dt>{t('inspect.value')}</dt>
        <dd className="value-text">{valueKnown ? fmt(a.value[edge.from]) : t('inspect.notYet')}</dd>
        <dt>{t('inspect.local')}</dt>
        <dd>
          {/* Practice mode keeps a local derivative hidden until its step has asked for it. */}
          {known.localKnown(edge.id) ? (
            <Tex
              tex={formulas.localTex(ctx, edge.id, TEX)}
              text={formulas.localTex(ctx, edge.id, TEXT)}
              wrap
            />
          ) : (
            t('inspect.notYet')
          )}
        </dd>
        {tangent ? (
          <>
            <dt>{t('inspect.tangentTerm', { x: tangent.wrtName })}</dt>
            <dd className="grad-text">
              {gradKnown ? fmt(tangent.term[edge.id]) : t('inspect.notYet')}
            </dd>
          </>
        ) : (
          <>
            <dt>{t('inspect.contribution')}</dt>
            <dd className="grad-text">
              {edge.contribution === undefined
                ? t('inspect.noGradient')
                : gradKnown
                  ? fmt(edge.contribution)
                  : t('inspect.notYet')}
            </dd>
          </>
        )}
      </dl>
    );
  }
  const node = a.graph.nodes[item.id];
  if (!node) return null;
  const valueKnown = known.valueKnown(node.id);
  const gradKnown = known.gradKnown(node.id);
  const tangent = known.tangent;
  const definition =
    node.kind === 'op' ? (
      <Tex
        tex={`${node.symbol.tex} = ${formulas.definitionTex(ctx, node.id, TEX)}`}
        text={`${node.symbol.text} = ${formulas.definitionTex(ctx, node.id, TEXT)}`}
        wrap
      />
    ) : (
      <span>{node.symbol.text}</span>
    );
  return (
    <dl className="facts">
      <dt className="facts-head">{definition}</dt>
      <dd />
      <dt>{t('inspect.value')}</dt>
      <dd className="value-text">{valueKnown ? fmt(node.value) : t('inspect.notYet')}</dd>
      {tangent ? (
        <>
          <dt>{t('inspect.tangent', { n: node.symbol.text, x: tangent.wrtName })}</dt>
          <dd className="grad-text">
            {gradKnown ? fmt(tangent.tangent[node.id]) : t('inspect.notYet')}
          </dd>
        </>
      ) : (
        <>
          <dt>{t('inspect.gradient')}</dt>
          <dd className="grad-text">
            {node.grad === undefined
              ? t('inspect.noGradient')
              : gradKnown
                ? fmt(node.grad)
                : t('inspect.notYet')}
          </dd>
        </>
      )}
      {!node.reachesOutput && <dd className="note">{t('inspect.deadNode')}</dd>}
      {node.notes.map((n) => (
        <dd key={n.code} className={`note note-${n.kind}`} role="note">
          {note(n.code)}
        </dd>
      ))}
    </dl>
  );
}
