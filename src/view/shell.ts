import { encodeUrl } from '../state/url';
import { urlStateOf } from '../state/urlSync';
import type { AppState } from '../state/types';

/**
 * What the prerendered page (`index.html`'s shell, rendered at build time from the same
 * components) showed: the page compares it with the state a visit opens in. Equal, and the shell
 * is exactly what React will render; different (a shared link, a remembered program, another
 * language), and only its frame and the graph are shown until React has rendered the rest.
 */
export function shellKey(s: AppState): string {
  return JSON.stringify([encodeUrl(urlStateOf(s)), s.example, s.ignored.length, s.error !== null]);
}

/** `shellKey` as an HTML attribute value. */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
