// Loaded on demand: KaTeX and its stylesheet stay out of the first JavaScript the page needs.
import katex from 'katex';
import 'katex/dist/katex.min.css';

/** Typesets `tex` into `el`. Untrusted names never reach here unescaped (the engine rebuilds them). */
export function renderTex(tex: string, el: HTMLElement, displayMode: boolean): void {
  el.classList.remove('katex-error');
  el.removeAttribute('title');
  el.style.removeProperty('color');
  try {
    katex.render(tex, el, {
      displayMode,
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      output: 'html',
      maxSize: 50,
      maxExpand: 200,
    });
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
