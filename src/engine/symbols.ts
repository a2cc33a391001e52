/**
 * How a node is named in formulas and on screen. Identifiers only ever contain letters, combining
 * marks, digits and `_` (the lexer's rule); an ASCII one is rebuilt here from those characters,
 * and one with other letters goes whole into `\text{…}` with `_` escaped, so nothing typed
 * reaches LaTeX unescaped (no letter of any script is special to LaTeX).
 */
export interface NodeSymbol {
  /** The name as written in the program, or the generated one (`a1`) for an unnamed step. */
  readonly name: string;
  /** LaTeX: `w_{0}`, `\alpha`, `\hat{y}`, `\mathrm{loss}`. */
  readonly tex: string;
  /** Plain Unicode for text: `w₀`, `α`, `ŷ`, `loss`. */
  readonly text: string;
  /** Base and subscript, for drawing the subscript smaller in SVG. */
  readonly base: string;
  readonly sub?: string;
  /** True when the program did not name this node and the engine made the name up. */
  readonly generated: boolean;
}

const GREEK_LOWER =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'.split(
    ' ',
  );
const GREEK_UPPER_TEX = new Set(
  'Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega'.split(' '),
);
const GREEK_LOWER_CHARS = 'αβγδεζηθικλμνξοπρστυφχψω';
const GREEK_UPPER_CHARS = 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ';
const ACCENTS: Readonly<Record<string, [tex: string, combining: string]>> = {
  hat: ['\\hat', '\u0302'],
  bar: ['\\bar', '\u0304'],
  tilde: ['\\tilde', '\u0303'],
  dot: ['\\dot', '\u0307'],
};
const SUBSCRIPT_CHARS: Readonly<Record<string, string>> = Object.fromEntries(
  [...'0123456789aehijklmnoprstuvx'].map((c, i) => [c, '₀₁₂₃₄₅₆₇₈₉ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'[i]]),
);

function greekIndex(word: string): { lower: boolean; index: number } | undefined {
  const lowerIndex = GREEK_LOWER.indexOf(word);
  if (lowerIndex >= 0) return { lower: true, index: lowerIndex };
  const upperIndex = GREEK_LOWER.indexOf(word.charAt(0).toLowerCase() + word.slice(1));
  if (upperIndex >= 0 && /^[A-Z]/.test(word)) return { lower: false, index: upperIndex };
  return undefined;
}

/** LaTeX and text of one word: a letter, a Greek letter's name, `ell`, or an upright word. */
function wordForms(word: string): { tex: string; text: string } {
  if (word === 'ell') return { tex: '\\ell', text: 'ℓ' };
  const greek = greekIndex(word);
  if (greek) {
    const chars = greek.lower ? GREEK_LOWER_CHARS : GREEK_UPPER_CHARS;
    const text = chars[greek.index];
    if (greek.lower) return { tex: word === 'omicron' ? 'o' : `\\${word}`, text };
    // Upper-case Greek letters that look Latin (A, B, E…) have no LaTeX command of their own.
    return { tex: GREEK_UPPER_TEX.has(word) ? `\\${word}` : `\\mathrm{${text}}`, text };
  }
  // `_` alone is a name too (as in Python), and LaTeX's subscript sign unescaped.
  if (word.length === 1) return { tex: word === '_' ? '\\_' : word, text: word };
  return { tex: `\\mathrm{${word.replace(/_/g, '\\_')}}`, text: word };
}

/**
 * The symbol of a name as written: `w0` → w₀, `x_1` → x₁, `alpha` → α, `y_hat` → ŷ,
 * `E_o` → E with subscript o, `dfdq` → upright dfdq.
 *
 * @example
 * identifierSymbol('w0').tex // 'w_{0}'
 */
export function identifierSymbol(name: string): NodeSymbol {
  if (!/^\w*$/.test(name)) return unicodeSymbol(name);
  let base = name;
  let sub: string | undefined;
  const underscore = /^([A-Za-z][A-Za-z0-9]*?)_([A-Za-z0-9_]+)$/.exec(name);
  const digits = /^([A-Za-z]+?)(\d+)$/.exec(name);
  if (underscore) [, base, sub] = underscore;
  else if (digits) [, base, sub] = digits;

  const accent = sub !== undefined ? ACCENTS[sub] : undefined;
  if (accent && (base.length === 1 || greekIndex(base))) {
    const b = wordForms(base);
    return {
      name,
      tex: `${accent[0]}{${b.tex}}`,
      text: b.text + accent[1],
      base: b.text + accent[1],
      generated: false,
    };
  }
  const b = wordForms(base);
  if (sub === undefined) return { name, tex: b.tex, text: b.text, base: b.text, generated: false };
  const s = /^\d+$/.test(sub) ? { tex: sub, text: sub } : wordForms(sub);
  const subText = [...s.text].every((c) => c in SUBSCRIPT_CHARS)
    ? [...s.text].map((c) => SUBSCRIPT_CHARS[c]).join('')
    : `_${s.text}`;
  return {
    name,
    tex: `${b.tex}_{${s.tex}}`,
    text: b.text + subText,
    base: b.text,
    sub: s.text,
    generated: false,
  };
}

/**
 * A name with letters beyond ASCII, shown as written, with trailing digits as a subscript
 * (`θ1` → θ₁, `độ_2` → độ₂). Otherwise it is one word: in Vietnamese `tốc_độ` is one word of two
 * syllables, not `tốc` with a subscript `độ`. KaTeX's maths fonts have no Vietnamese letters, so
 * the word goes in `\text{}`, which takes any script; Greek and letterlike symbols (ℓ, ℒ) stay
 * maths.
 *
 * @example
 * unicodeSymbol('tốc_độ').tex // '\text{tốc\_độ}'
 */
function unicodeSymbol(name: string): NodeSymbol {
  const [, base, sub] = /^(.+?)_?(\d*)$/u.exec(name)!;
  const text = sub ? base + [...sub].map((c) => SUBSCRIPT_CHARS[c]).join('') : name;
  const tex = sub ? `${textTex(base)}_{${sub}}` : textTex(name);
  return { name, tex, text, base: sub ? base : name, sub: sub || undefined, generated: false };
}

/** Combining marks KaTeX's text mode sets as accents over the letter before them. */
const KATEX_MARKS = '\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030a\u030b\u030c\u0327';

/**
 * A name in LaTeX: `\text{…}` with `_` escaped, Greek and letterlike symbols (ℒ, ℋ) in maths
 * mode (KaTeX sets some of them only there), and a combining mark kept only where KaTeX can set
 * it (on a letter in text, and one it knows); any other would stop the whole formula. Names are
 * NFC by then, so Vietnamese letters arrive precomposed and lose nothing; the plain text keeps
 * every mark.
 */
function textTex(name: string): string {
  let out = '';
  let afterLetter = false;
  for (const c of name) {
    if (/\p{M}/u.test(c)) {
      if (afterLetter && KATEX_MARKS.includes(c)) out += c;
      continue;
    }
    const maths = (c >= '\u0391' && c <= '\u03c9') || (c >= '\u2100' && c <= '\u214f');
    afterLetter = !maths && /\p{L}/u.test(c);
    out += c === '_' ? '\\_' : maths ? `}${c}\\text{` : c;
  }
  return `\\text{${out}}`.replace(/\\text\{\}/g, '');
}

/** A made-up symbol for an unnamed step: base letter and number, `a_{3}`. */
export function generatedSymbol(base: string, index?: number): NodeSymbol {
  if (index === undefined) {
    const word = wordForms(base);
    return { name: base, tex: word.tex, text: word.text, base: word.text, generated: true };
  }
  const sub = String(index);
  return {
    name: `${base}${sub}`,
    tex: `${wordForms(base).tex}_{${sub}}`,
    text: base + [...sub].map((c) => SUBSCRIPT_CHARS[c]).join(''),
    base,
    sub,
    generated: true,
  };
}

/**
 * Picks a base letter for unnamed steps that none of the program's own names can be confused
 * with (`a₁` is taken if the program says `a1` or `a_1`), and a name for an unnamed output.
 */
export function chooseGeneratedNames(userNames: Iterable<string>): {
  step: string;
  output: string;
} {
  // One pass without regular expressions or a set of every name: a large program has tens of
  // thousands of names, and this runs before its first formula is shown.
  const taken = new Set<string>();
  const numbered = new Set<string>();
  for (const n of userNames) {
    if (OUTPUT_NAMES.includes(n)) taken.add(n);
    if (isNumberedLetter(n)) numbered.add(n[0]);
  }
  const step = STEP_LETTERS.find((l) => !numbered.has(l)) ?? 'node';
  const output = OUTPUT_NAMES.find((n) => !taken.has(n)) ?? 'result';
  return { step, output };
}

const STEP_LETTERS = ['a', 'u', 'v', 's', 't', 'h', 'k', 'n', 'm', 'r'];
const OUTPUT_NAMES = ['f', 'g', 'F', 'out', 'output'];

/** `a1`, `a_12`: one letter, an optional underscore, then digits only. */
function isNumberedLetter(n: string): boolean {
  const c = n.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  const from = n.charCodeAt(1) === 95 ? 2 : 1;
  if (from >= n.length) return false;
  for (let i = from; i < n.length; i++) {
    const d = n.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}
