/**
 * Whether a program may hold a hand-written backward pass: a list, or a statement whose name
 * starts with `d` or `grad_` and goes on with a name the program has (`dfdx`, `dq`, `grad_x`, not
 * `den` or `delta`). Cheap and on the page's first load, so that the reader itself
 * (`backwardPass.ts`) loads only for a program that may need it. It never says no where the
 * reader finds a gradient (a test checks); a wrong yes costs only that load.
 *
 * @example
 * mayHoldGradients('q = x + y; f = q * z') // false
 * mayHoldGradients('f = q * z\ndfdz = q') // true
 */
export function mayHoldGradients(source: string): boolean {
  if (source.includes('[')) return true;
  const targets = [...source.matchAll(TARGET)].map((m) => m[1].normalize('NFC'));
  if (targets.length === 0) return false;
  const names = new Set((source.match(NAME) ?? []).map((n) => n.normalize('NFC')));
  return targets.some((t) => {
    const rest = t.slice(t.startsWith('grad_') ? 5 : 1);
    for (const n of names) if (n !== t && rest.includes(n)) return true;
    return false;
  });
}

const PART = '[\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}]';
// `=`, or `+=` (a gradient accumulated over several lines, cs231n's `dx += …`).
const TARGET = new RegExp(`(?:^|[;\\n])[ \\t]*((?:d|grad_)${PART}+)[ \\t]*\\+?=`, 'gu');
const NAME = new RegExp(`[\\p{L}\\p{Nl}_]${PART}*`, 'gu');
