import { formatNumber } from '../../engine/format';
import type { TensorAnalysis } from '../../engine/tensor/run';
import type { Shape } from '../../engine/tensor/types';
import type { Translate } from '../../i18n';
// The words below are panels' English, loaded with the sentence builder.
import '../../i18n/enLater';

/**
 * A tensor program's step in words (issue 15), for the narration's live region: which node,
 * its shape as a reader says it ("a 3 by 5 matrix"), and the step's rule read out, e.g.
 * "Backward: the gradient of W1, a 3 by 5 matrix, is X transposed times the gradient of Z1."
 * Built from the step's plain-text formula, its symbols turned into words of the current
 * language, so no English leaks into another.
 */

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** `W₁` as `W1`: screen readers say subscript digits unevenly. */
export const spokenName = (text: string): string =>
  text.replace(/[₀-₉]/g, (d) => String(SUBSCRIPTS.indexOf(d)));

const spoken = (v: number) => formatNumber(v).replace(/^-/, '−');

/** "a 3 by 5 matrix", "a vector of 4", "a number". */
export function shapeWords(shape: Shape, t: Translate): string {
  if (shape.length === 2) return t('narrate.matrixShape', { rows: shape[0], cols: shape[1] });
  if (shape.length === 1) return t('narrate.vectorShape', { n: shape[0] });
  return t('narrate.scalarShape');
}

/** A formula's plain text (`Xᵀ · ∂L/∂a₁`) in words of the current language. */
export function spokenFormula(text: string, t: Translate): string {
  return spokenName(
    text
      .replace(/1\((\d+(?:×\d+)?)\)/g, (_, s: string) =>
        t('narrate.onesOf', { shape: s.replace('×', ' × ') }),
      )
      .replace(/∂(sum\([^)]*\)|[^\s/]+)\/∂([^\s·⊙()/,]+)/g, (_, _l, x: string) =>
        t('narrate.gradientOf', { name: x }),
      )
      .replace(/([\p{L}\p{N}_₀-₉]+)ᵀ/gu, (_, x: string) => t('narrate.transposed', { name: x }))
      .replace(/sum over rows of/g, t('narrate.sumRows'))
      .replace(/sum over columns of/g, t('narrate.sumColumns'))
      .replace(/sum over all of/g, t('narrate.sumAll'))
      .replace(/rowsum\(/g, `${t('narrate.rowsum')} (`)
      .replace(/ @ /g, ` ${t('narrate.matmul')} `)
      .replace(/ · /g, ` ${t('narrate.times')} `)
      .replace(/ ⊙ /g, ` ${t('narrate.entrywise')} `)
      .replace(/(^|[\s(])-/g, '$1−'),
  );
}

/** What step `k` (1-based: the step just played) of a tensor program did, in one sentence. */
export function narrateTensor(a: TensorAnalysis, k: number, t: Translate): string {
  const step = a.steps[k - 1];
  if (!step) return '';
  const name = (id: number) => spokenName(a.graph.symbol(id).text);
  const shapeOf = (id: number) => shapeWords(a.graph.nodes[id].shape, t);
  let sentence: string;
  switch (step.kind) {
    case 'forward-node':
      sentence = t('narrate.tensorForward', {
        node: name(step.node),
        shape: shapeOf(step.node),
        formula: spokenFormula(step.text.slice(step.text.indexOf('=') + 1).trim(), t),
      });
      break;
    case 'seed':
      sentence = t('narrate.tensorSeed', { node: name(step.node) });
      break;
    case 'backward-edge':
      sentence = t(step.adds ? 'narrate.tensorBackwardAdd' : 'narrate.tensorBackward', {
        node: name(step.from),
        shape: shapeOf(step.from),
        rule: spokenFormula(step.ruleText, t),
      });
      break;
  }
  return k === a.steps.length ? `${sentence} ${t('narrate.tensorDone')}` : sentence;
}

/**
 * One cell of a tensor by its indices (counted from 1), with its value and, once known, its
 * gradient: "W1, row 2, column 3: value 0.5, gradient −0.12".
 */
export function cellSentence(
  name: string,
  shape: Shape,
  row: number,
  col: number,
  value: number,
  grad: number | undefined,
  t: Translate,
): string {
  const who = spokenName(name);
  const base =
    shape.length === 2
      ? t('narrate.cell', { name: who, row: row + 1, col: col + 1, value: spoken(value) })
      : t('narrate.cellVector', { name: who, col: col + 1, value: spoken(value) });
  return grad === undefined ? base : base + t('narrate.cellGradient', { grad: spoken(grad) });
}
