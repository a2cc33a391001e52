import { formatNumber, type Analysis, type LensStep, type MessageKey } from '../../engine';
import type { Translate } from '../../i18n';

/** A number as written in a sentence: the engine's rounding, with a real minus sign. */
const word = (v: number): string => formatNumber(v).replace(/^-/, '−');

/**
 * Where a step meets a value outside a function's domain (log of −1, 1/0, sqrt at 0), what the
 * chain-rule panel says about it in words, in the reader's language, at the step where it happens:
 * the evaluation of the node, the backward (or tangent) step through its local derivative, and a
 * gradient that arrives already broken. Formulas never carry false arithmetic instead (the engine
 * leaves out numbers a slope cannot have): this sentence is the explanation.
 *
 * Returns undefined for an ordinary step.
 *
 * @example
 * stepTrouble(analyze('x = -1; f = log(x)'), forwardNodeStep, t)
 * // 'log is undefined for −1: the value is NaN, and so is every gradient through it.'
 */
export function stepTrouble(a: Analysis, step: LensStep, t: Translate): string | undefined {
  const g = a.compiled;
  const name = (node: number) => g.symbol(node).text;
  switch (step.kind) {
    case 'forward-node': {
      const origin = originSentence(a, step.node, t);
      if (origin) return origin;
      const v = a.value[step.node];
      if (Number.isFinite(v)) return undefined;
      return t('truth.propagates', { node: name(step.node), value: word(v) });
    }
    case 'backward-edge':
    case 'tangent-edge': {
      // In both steps `from` → `to` runs along the edge; the op whose slope is used is the
      // consumer: `from` going back, `to` going forward.
      const e = step.edge;
      const consumer = g.edgeTo[e];
      const operand = g.edgeFrom[e];
      const local = a.backward.local[e];
      const localName = `∂${name(consumer)}/∂${name(operand)}`;
      if (!Number.isFinite(local)) {
        const origin = originSentence(a, consumer, t) ?? noteSentence(a, consumer, t);
        const slope = t(Number.isNaN(local) ? 'truth.slopeNaN' : 'truth.slopeInfinite', {
          local: localName,
        });
        return origin ? `${origin} ${slope}` : slope;
      }
      if (step.kind === 'backward-edge' && !Number.isFinite(step.upstream)) {
        return t('truth.upstream', {
          partial: `∂${name(g.output)}/∂${name(consumer)}`,
          value: word(step.upstream),
        });
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Why the value of `node` itself is not a finite number, if trouble starts there. */
function originSentence(a: Analysis, node: number, t: Translate): string | undefined {
  const n = a.graph.nodes[node];
  const note = n.notes.find((x) => x.kind === 'domain');
  if (!note) return undefined;
  const g = a.compiled;
  const arg = word(a.value[g.edgeFrom[g.inStart[node]]]);
  const special: Partial<Record<MessageKey, 'truth.logNegative' | 'truth.sqrtNegative'>> = {
    'diag.logNegative': 'truth.logNegative',
    'diag.sqrtNegative': 'truth.sqrtNegative',
  };
  const key = special[note.code];
  if (key) return t(key, { arg });
  const v = a.value[node];
  return t(Number.isNaN(v) ? 'truth.nan' : 'truth.infinite', {
    reason: t(note.code),
    node: n.symbol.text,
    value: word(v),
  });
}

/** A slope or kink note on the node, in words (sqrt's infinite slope at 0). */
function noteSentence(a: Analysis, node: number, t: Translate): string | undefined {
  const note = a.graph.nodes[node].notes.find((x) => x.kind === 'slope');
  return note ? t(note.code) : undefined;
}
