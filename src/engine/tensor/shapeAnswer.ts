import { ExpressionError } from '../errors';
import type { Shape } from './types';

/**
 * A shape as a student types it in practice mode (issue 16), read and checked: `3x5`, `(3, 5)`,
 * `4`, `()`. Bad text gets a located `ExpressionError`, as a program's does.
 */

/** What "Check" says of a typed shape. */
export type ShapeCheck =
  | { readonly kind: 'correct' | 'wrong'; readonly shape: Shape }
  | { readonly kind: 'invalid'; readonly error: ExpressionError };

/** The words a scalar's shape may be typed as (English and Vietnamese), besides `()`. */
const SCALAR_WORDS = new Set(['scalar', 'vô hướng', 'vo huong', 'số']);

/**
 * Reads a shape as a student types it: `3x5`, `3×5`, `3 X 5`, `3*5`, `(3, 5)`, `[3, 5]`; a
 * vector `4`, `(4,)`; a scalar `()` or `scalar`. Throws a located `ExpressionError` otherwise.
 *
 * @example
 * parseShape('(3, 5)') // [3, 5]
 * parseShape('4')      // [4]
 * parseShape('()')     // []
 */
export function parseShape(raw: string): Shape {
  const text = raw.normalize('NFC');
  const lower = text.trim().toLowerCase();
  if (lower === '') throw new ExpressionError('shape.empty', { start: 0, end: 0 });
  if (SCALAR_WORDS.has(lower)) return [];
  const bad = (start: number, end = start + 1): never => {
    throw new ExpressionError('shape.bad', { start, end }, { text: text.slice(start, end) });
  };
  let from = text.search(/\S/);
  let to = text.length;
  while (to > from && /\s/.test(text[to - 1])) to--;
  const opens = text[from] === '(' || text[from] === '[';
  const closes = text[to - 1] === ')' || text[to - 1] === ']';
  if (opens && (!closes || to - 1 === from)) {
    throw new ExpressionError('shape.unclosed', { start: from, end: from + 1 });
  }
  if (closes && !opens) bad(to - 1);
  if (opens) {
    from++;
    to--;
  }
  const sizes: number[] = [];
  // After a size comes a separator (x, ×, *, a comma); after a separator, a size. numpy's
  // `(4,)` ends on a comma.
  let wantSize = true;
  let lastSep = -1;
  for (let k = from; k < to;) {
    const c = text[k];
    if (/\s/.test(c)) {
      k++;
    } else if (/\d/.test(c)) {
      let e = k;
      while (e < to && /\d/.test(text[e])) e++;
      if (!wantSize) bad(k, e);
      const n = Number(text.slice(k, e));
      if (n < 1 || n > 1e6) {
        throw new ExpressionError('shape.size', { start: k, end: e }, { text: text.slice(k, e) });
      }
      sizes.push(n);
      wantSize = false;
      k = e;
    } else if ('xX×*,'.includes(c)) {
      if (wantSize) bad(k);
      wantSize = true;
      lastSep = k;
      k++;
    } else {
      bad(k);
    }
  }
  if (wantSize && sizes.length > 0 && text[lastSep] !== ',') {
    throw new ExpressionError('shape.missingSize', { start: lastSep, end: lastSep + 1 });
  }
  if (sizes.length > 2) throw new ExpressionError('shape.rank', { start: from, end: to });
  return sizes;
}

/**
 * Checks a typed shape against the expected one.
 *
 * @example
 * checkShape('3x5', [3, 5]).kind // 'correct'
 * checkShape('5x3', [3, 5]).kind // 'wrong'
 */
export function checkShape(text: string, expected: Shape): ShapeCheck {
  let shape: Shape;
  try {
    shape = parseShape(text);
  } catch (e) {
    if (e instanceof ExpressionError) return { kind: 'invalid', error: e };
    throw e;
  }
  const same = shape.length === expected.length && shape.every((d, k) => d === expected[k]);
  return { kind: same ? 'correct' : 'wrong', shape };
}
