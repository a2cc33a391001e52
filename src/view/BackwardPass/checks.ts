import { formatNumber, identifierSymbol, type Analysis } from '../../engine';
// By path, not through the engine's index: see the note there.
import { agrees, checkBackwardPass, type HandWrittenCheck } from '../../engine/backwardCheck';
import type { Translate } from '../../i18n';

const cache = new WeakMap<Analysis, readonly HandWrittenCheck[]>();

/** The checks of an analysis's hand-written gradients, computed once for the panel and the gutter. */
export function checksOf(analysis: Analysis): readonly HandWrittenCheck[] {
  let checks = cache.get(analysis);
  if (!checks) cache.set(analysis, (checks = checkBackwardPass(analysis)));
  return checks;
}

/** ∂f/∂x as formulas write it (`w0` as w₀). */
export const partial = (of: string, wrt: string) =>
  `∂${identifierSymbol(of).text}/∂${identifierSymbol(wrt).text}`;

/** A number as read, with a true minus sign. */
const show = (v: number, digits?: number) => formatNumber(v, digits).replace(/-/g, '−');

/**
 * The value and the true value, with digits enough to tell them apart: `0.2350` beside `0.2350`
 * would hide the mistake.
 */
function pair(value: number, expected: number): [string, string] {
  for (let digits = 4; digits < 16; digits++) {
    const [a, b] = [show(value, digits), show(expected, digits)];
    if (a !== b) return [a, b];
  }
  return [show(value, 16), show(expected, 16)];
}

/** ✓ or ✗ in words: "matches ∂f/∂z = 3", "is 1, but ∂f/∂x is −4", or why it is not checked. */
export function verdict(c: HandWrittenCheck, t: Translate): string {
  const grad = partial(c.of, c.gradient.wrt);
  // `dx = …` before `dx += …`: a share of the gradient so far, not the whole of it.
  if (c.partial && c.status === 'ok' && !agrees(c.value!, c.expected!)) {
    return t('bp.share', { grad, value: show(c.value!), wrt: c.gradient.wrt });
  }
  if (c.status === 'ok') return t('bp.ok', { grad, value: show(c.expected!) });
  if (c.status === 'wrong') {
    const [value, expected] = pair(c.value!, c.expected!);
    return t('bp.wrong', { grad, value, expected });
  }
  switch (c.reason) {
    case 'list':
      return t('bp.list');
    case 'readsList':
      return t('bp.readsList', { name: c.culprit! });
    case 'blank':
      return t('bp.blank', { grad });
    case 'readsBlank':
      return t('bp.readsBlank', { name: c.culprit! });
    case 'partial':
      return t('bp.partial', { grad, value: show(c.value!), name: c.gradient.name });
    case 'undefinedName':
      return t('bp.undefinedName', { name: c.culprit! });
    default:
      return t('bp.constant', { name: c.gradient.wrt });
  }
}

/** The mark beside a line: its meaning is always in words too. */
export const MARK = { ok: '✓', wrong: '✗', unchecked: '–' } as const;
