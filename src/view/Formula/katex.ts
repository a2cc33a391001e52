// Loaded on demand: KaTeX and its stylesheet stay out of the first JavaScript the page needs.
import katex from 'katex';
import 'katex/dist/katex.min.css';

/** Typesets `tex` into `el`. Untrusted names never reach here unescaped (the engine rebuilds them). */
export function renderTex(tex: string, el: HTMLElement, displayMode: boolean): void {
  katex.render(tex, el, {
    displayMode,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    output: 'html',
    maxSize: 50,
    maxExpand: 200,
  });
}
