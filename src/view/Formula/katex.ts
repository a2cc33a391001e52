// Loaded on demand: KaTeX and its stylesheet stay out of the first JavaScript the page needs.
import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * KaTeX's fonts, fetched before the first formula is typeset: a formula measured in fallback
 * glyphs is fitted to the wrong width (theirs are narrower). Never waits more than 3 s.
 */
export const fontsReady: Promise<void> =
  typeof document === 'undefined' || !document.fonts
    ? Promise.resolve()
    : Promise.race([
        Promise.all(
          [
            '1em KaTeX_Main',
            'italic 1em KaTeX_Math',
            'bold 1em KaTeX_Main',
            '1em KaTeX_AMS',
            '1em KaTeX_Size1',
            '1em KaTeX_Size2',
            '1em KaTeX_Size3',
            '1em KaTeX_Size4',
          ].map((f) => document.fonts.load(f)),
        ).then(
          () => undefined,
          () => undefined,
        ),
        new Promise<void>((done) => setTimeout(done, 3000)),
      ]);

const OPTIONS = {
  // Errors are drawn by renderTex itself: KaTeX's own error output sets a style attribute.
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  output: 'html',
  maxSize: 50,
  maxExpand: 200,
} as const;

/** Typesets `tex` into `el`. Untrusted names never reach here unescaped (the engine rebuilds them). */
export function renderTex(tex: string, el: HTMLElement, displayMode: boolean): void {
  el.classList.remove('katex-error');
  el.removeAttribute('title');
  el.style.removeProperty('color');
  try {
    katex.render(tex, el, { ...OPTIONS, displayMode });
  } catch (error) {
    if (!(error instanceof katex.ParseError)) throw error;
    // What KaTeX shows for TeX it cannot parse (the source, in the error colour), written here:
    // KaTeX's own version sets a style attribute, which the page's policy (style-src-attr)
    // refuses. A style set through the CSSOM is allowed.
    el.textContent = tex;
    el.classList.add('katex-error');
    el.title = error.message;
    el.style.color = 'var(--error)';
  }
}

/** One piece of a formula typeset on its own; `node` links it to a graph node (a hover target). */
export interface ChainPiece {
  readonly tex: string;
  readonly node?: number;
  /** What a screen reader says for a linked piece: `∂f/∂q`. */
  readonly label?: string;
}

export interface ChainInput {
  readonly segments: readonly (readonly ChainPiece[])[];
  /** The relation after the first segment (`=` or `\mathrel{+}=`); `=` after the others. */
  readonly rel: string;
}

/**
 * A display formula that never runs out of its box: split at its top-level relations (`=`, `+=`,
 * the forward arrow), each `= …` part typeset as its own inline block, so lines break between
 * them ("= (−0.5344) · …" goes to the next line, indented). Inside a part that is still wider
 * than the box, KaTeX's inline mode may break after an operator. If even that is not enough,
 * the type is scaled down to fit, never below `MIN_SCALE`.
 */
export function renderChain(
  input: ChainInput | string,
  el: HTMLElement,
  lead?: { readonly node: number; readonly label: string },
): void {
  let chain = typeof input === 'string' ? splitChain(input) : input;
  // The left side names a node (`q = …`, `∂f/∂b = …`): it links to that node.
  if (lead && chain.segments.length > 1 && chain.segments[0].length === 1) {
    const [first, ...rest] = chain.segments;
    chain = { ...chain, segments: [[{ ...first[0], ...lead }], ...rest] };
  }
  chains.set(el, chain);
  build(el, chain, false);
  refit(el);
}

const chains = new WeakMap<HTMLElement, ChainInput>();

/**
 * Typesets the chain into `el`. `loose` swaps stretchy `\left( … \right)` for fixed `\bigl( … \bigr)`,
 * whose inside KaTeX can break after an operator: a last resort for a part wider than the box.
 */
function build(el: HTMLElement, chain: ChainInput, loose: boolean): void {
  el.replaceChildren();
  el.classList.add('tex-chain');
  el.dataset.loose = loose ? '1' : '0';
  const fix = loose ? loosen : (tex: string) => tex;
  chain.segments.forEach((seg, i) => {
    const span = document.createElement('span');
    span.className = 'tex-seg';
    // The relation and the first piece after it stay on one line: no `=` left alone at a break.
    const lead = document.createElement('span');
    lead.className = 'tex-lead';
    if (i > 0) lead.append(piece({ tex: i === 1 ? chain.rel : '=' }, true));
    span.append(lead);
    const leadSize = i > 0 ? 2 : 1;
    const add = (el: HTMLElement) => (lead.childElementCount < leadSize ? lead : span).append(el);
    // A run of unlinked pieces is typeset as one, so KaTeX spaces its operators itself.
    let run = '';
    const flush = () => {
      if (run !== '') add(piece({ tex: fix(run) }, false));
      run = '';
    };
    for (const p of seg) {
      if (p.node === undefined) {
        run += p.tex;
        continue;
      }
      flush();
      add(piece({ ...p, tex: fix(p.tex) }, false));
    }
    flush();
    el.append(span);
  });
}

const loosen = (tex: string): string =>
  tex
    .replace(/\\left\(/g, '\\bigl(')
    .replace(/\\right\)/g, '\\bigr)')
    .replace(/\\left\[/g, '\\bigl[')
    .replace(/\\right\]/g, '\\bigr]');

function piece(p: ChainPiece, relation: boolean): HTMLElement {
  const span = document.createElement('span');
  const tex = p.tex.trim();
  // A product cut into pieces: an operator at either end of a piece is spaced as a binary one
  // (beside an empty group), as it would be in the whole formula.
  const times = /^(\\cdot|\\times)\b/;
  const body = relation
    ? `{}${tex}{}`
    : `${times.test(tex) ? '{}' : ''}${tex}${/(\\cdot|\\times)$/.test(tex) ? '{}' : ''}`;
  span.className = relation ? 'tex-piece tex-rel' : 'tex-piece';
  renderTex(`\\displaystyle ${body}`, span, false);
  if (p.node !== undefined) {
    span.classList.add('tex-factor');
    span.dataset.node = String(p.node);
    span.tabIndex = 0;
    span.setAttribute('role', 'img');
    span.setAttribute('aria-label', p.label ?? tex);
  }
  return span;
}

/** Splits LaTeX at relations outside braces and `\left…\right`: `a = b = c` → [a], [b], [c]. */
export function splitChain(tex: string): ChainInput {
  const segments: ChainPiece[][] = [];
  let rel = '=';
  let depth = 0;
  let start = 0;
  const RELS = [' = ', ' \\mathrel{+}= ', ' \\;\\longrightarrow\\; '];
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\' && tex.startsWith('\\left', i) && !/[a-zA-Z]/.test(tex[i + 5] ?? '')) depth++;
    else if (c === '\\' && tex.startsWith('\\right', i) && !/[a-zA-Z]/.test(tex[i + 6] ?? ''))
      depth--;
    else if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && c === ' ') {
      const found = RELS.find((r) => tex.startsWith(r, i));
      // Lines break at every `=`; another relation is only a break point when it comes first
      // (`+=`), else it stays inside its part (KaTeX may still break after it).
      if (!found || (segments.length > 0 && found !== ' = ')) continue;
      if (segments.length === 0) rel = found.trim();
      segments.push([{ tex: tex.slice(start, i) }]);
      start = i + found.length;
      i = start - 1;
    }
  }
  segments.push([{ tex: tex.slice(start) }]);
  return { segments, rel };
}

/** The smallest the type may get to fit its box: below this a projected formula is unreadable. */
const MIN_SCALE = 0.7;

/**
 * Makes the formula fit its box: as typeset if it does; else with breakable parentheses (see
 * `build`); else scaled down in steps, never below `MIN_SCALE`.
 */
function fit(el: HTMLElement): void {
  if (!el.isConnected || el.clientWidth === 0) return;
  const chain = chains.get(el);
  const over = () => el.scrollWidth > el.clientWidth + 1;
  el.style.fontSize = '';
  if (chain && el.dataset.loose === '1') build(el, chain, false);
  if (chain && over()) build(el, chain, true);
  let scale = 1;
  while (over() && scale > MIN_SCALE) {
    scale = Math.max(MIN_SCALE, scale - 0.075);
    el.style.fontSize = `${scale}em`;
  }
  el.dataset.scale = String(Math.round(scale * 1000) / 1000);
}

/**
 * Fits a formula in the next animation frame, before it is painted: measuring right away, in
 * the task that changed the page, would make the browser lay the whole page out there and then,
 * the graph's SVG with it (tens of milliseconds per step at 2,000 nodes), before the graph's own
 * changes of that step are even done. In the frame, the one layout serves both.
 */
const pending = new Set<HTMLElement>();
let frame = 0;
function refit(el: HTMLElement): void {
  if (typeof requestAnimationFrame === 'undefined') {
    fit(el);
    watch(el);
    return;
  }
  pending.add(el);
  frame ||= requestAnimationFrame(() => {
    frame = 0;
    const els = [...pending];
    pending.clear();
    for (const e of els) {
      fit(e);
      watch(e);
    }
  });
}

/** Re-fits a formula when its box changes (presentation mode, the sidebar, a window resize). */
let observer: ResizeObserver | undefined;
const widths = new WeakMap<Element, number>();
/**
 * Formulas on the page, fitted again when a font arrives: KaTeX's fonts load when first used
 * (the tall brackets of a first matrix), and a formula measured with the fallback font is
 * narrower than it is drawn a moment later, while its box, which the observer watches, stays.
 */
const live = new Set<HTMLElement>();
let fontsWatched = false;
function watchFonts(): void {
  if (fontsWatched || typeof document === 'undefined' || !document.fonts) return;
  fontsWatched = true;
  document.fonts.addEventListener('loadingdone', () => {
    for (const el of live) {
      if (el.isConnected) refit(el);
      else live.delete(el);
    }
  });
}
function watch(el: HTMLElement): void {
  live.add(el);
  watchFonts();
  if (typeof ResizeObserver === 'undefined' || !el.isConnected) return;
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      const w = Math.round(entry.contentRect.width);
      if (widths.get(entry.target) === w) continue;
      widths.set(entry.target, w);
      fit(entry.target as HTMLElement);
    }
  });
  widths.set(el, Math.round(el.clientWidth));
  observer.observe(el);
}

/** Stops watching a formula that has left the page. */
export function releaseTex(el: HTMLElement): void {
  pending.delete(el);
  live.delete(el);
  observer?.unobserve(el);
}
