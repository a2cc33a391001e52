/**
 * Numbers as people read them: rounded to a few significant digits, integers exact, very large or
 * very small values in scientific form, and no `-0`. One function for text, one for LaTeX, so the
 * graph, the formula panel and the CLI agree.
 */

/** Significant digits shown unless a caller asks for others. */
export const DEFAULT_DIGITS = 4;

/**
 * @example
 * formatNumber(0.7310585786) // '0.7311'
 * formatNumber(-12)          // '-12'
 * formatNumber(1234567)      // '1.235e+6'
 */
export function formatNumber(v: number, digits = DEFAULT_DIGITS): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '-∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-4) {
    const [mantissa, exponent] = v.toExponential(digits - 1).split('e');
    return `${trimZeros(mantissa)}e${exponent}`;
  }
  const magnitude = Math.floor(Math.log10(abs)) + 1;
  const decimals = Math.max(0, Math.min(20, digits - magnitude));
  const text = trimZeros(v.toFixed(decimals));
  return text === '-0' ? '0' : text;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * LaTeX of a number. With `atom`, a negative or scientific number is put in parentheses so it
 * can stand as a factor or a base: `(-4) \cdot 1`.
 *
 * @example
 * numberTex(-4, { atom: true }) // '(-4)'
 */
export function numberTex(v: number, { atom = false, digits = DEFAULT_DIGITS } = {}): string {
  if (Number.isNaN(v)) return '\\text{NaN}';
  if (v === Infinity) return '\\infty';
  if (v === -Infinity) return atom ? '(-\\infty)' : '-\\infty';
  const text = formatNumber(v, digits);
  const e = text.indexOf('e');
  const tex = e < 0 ? text : `${text.slice(0, e)} \\times 10^{${Number(text.slice(e + 1))}}`;
  return atom && (tex.startsWith('-') || e >= 0) ? `(${tex})` : tex;
}
