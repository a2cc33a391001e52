import type { Ignored } from '../../state/url';

/** One line of the "parts of the link could not be used" notice. */
export interface NoticeItem {
  /** The parameter's name, made safe to show: at most KEY_CHARS characters, no control marks. */
  key: string;
  reason: Ignored['reason'];
}

/** Longest parameter name shown; a link can carry names thousands of characters long. */
export const KEY_CHARS = 40;
/** How many items the notice lists before it says "and N more". */
export const NOTICE_ITEMS = 6;

// Control characters and bidirectional overrides (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C):
// a key like "\u202eevil" must not flip the notice's own words around.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * What the notice lists: each distinct (key, reason) once, in the order the link had them, keys
 * cut to KEY_CHARS characters, at most `max` items; `more` counts the rest.
 *
 * @example
 * noticeItems([{ key: 'step', reason: 'outOfRange' }, { key: 'foo', reason: 'unknown' }])
 * // { items: [{ key: 'step', reason: 'outOfRange' }, { key: 'foo', reason: 'unknown' }], more: 0 }
 */
export function noticeItems(
  ignored: readonly Ignored[],
  max = NOTICE_ITEMS,
): { items: NoticeItem[]; more: number } {
  const seen = new Set<string>();
  const items: NoticeItem[] = [];
  let more = 0;
  for (const { key, reason } of ignored) {
    const shown = shortKey(key);
    const id = `${reason}\u0000${shown}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (items.length < max) items.push({ key: shown, reason });
    else more++;
  }
  return { items, more };
}

/** A parameter name as the notice shows it: visible characters only, cut with an ellipsis. */
export function shortKey(key: string): string {
  const clean = key.replace(INVISIBLE, '\ufffd');
  const chars = Array.from(clean); // by code point, so an emoji is never cut in half
  const cut = chars.length > KEY_CHARS ? `${chars.slice(0, KEY_CHARS - 1).join('')}…` : clean;
  return cut.length > 0 ? cut : '""';
}
