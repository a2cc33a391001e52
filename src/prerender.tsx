/**
 * Build time only (`vite.config.ts` runs it after the bundle is written): the app's first screen
 * as HTML, rendered by the same components and the same D3 renderer from the state a first visit
 * opens in, so the page paints its frame and its graph before any script has loaded. Never part
 * of the browser bundle.
 */
import { JSDOM } from 'jsdom';
import { renderToString } from 'react-dom/server';
import { appStore, preloadLayout } from './state/appStore';
import { toLayoutInput } from './layout/fromAnalysis';
import { layoutGraph } from './layout/layoutGraph';
import { layoutSize } from './layout/nodeSize';
import { LANG_STORAGE_KEY } from './i18n/langPreference';
import { STORAGE_KEY } from './state/urlSync';
import { App } from './view/App';
import { createGraphSvg, viewOf } from './view/renderer/firstGraph';
import { fitBox } from './view/renderer/geometry';
import { createGraphRenderer, graphBounds } from './view/renderer/renderer';
import { escapeAttribute, shellKey } from './view/shell';

export interface Prerendered {
  /** The app's markup, for `<div id="root">`. */
  html: string;
  /** `shellKey` of the state it shows. */
  key: string;
  /** A classic script for the end of the body: fits the graph to its box, or drops it. */
  script: string;
  /**
   * JSON `{input, result}` for a data block: the example's layout input (as `JSON.stringify`
   * wrote it) and its layout, `<` escaped so the block cannot end early.
   */
  layout: string;
}

/**
 * `layoutChunk`: the built layout chunk's URL, which a page opening on another graph than the
 * example (a link, a remembered program) fetches at once, alongside the entry's own chunks.
 */
export async function prerender(layoutChunk?: string): Promise<Prerendered> {
  const store = appStore;
  // The store lays small graphs out in the task that asks only once the layout code is loaded.
  await preloadLayout(layoutGraph);
  store.getState().hydrate({}, []);
  // zustand gives React the store's state at creation as the server snapshot; the shell must
  // show the analysed example instead.
  store.getInitialState = store.getState;
  const state = store.getState();
  const html = renderToString(<App />);
  const view = viewOf(state);
  if (!view) throw new Error('prerender: the built-in example has no graph');

  // The graph, drawn by the app's renderer into a DOM that only exists here.
  const { window } = new JSDOM('<!doctype html><body></body>');
  const doc = window.document;
  const svg = createGraphSvg(doc);
  doc.body.append(svg);
  const g = globalThis as { navigator?: unknown };
  const hadNavigator = 'navigator' in g;
  // d3-zoom asks `navigator` whether the screen is touchable; Node 20 has none.
  if (!hadNavigator) g.navigator = window.navigator;
  try {
    createGraphRenderer(svg, { onSelect: () => undefined, onHover: () => undefined }).update(view, {
      duration: 0,
      stale: false,
      minLabelPx: 0,
    });
  } finally {
    if (!hadNavigator) delete g.navigator;
  }
  // Fitted in the page, to the box it really has (the inline script below).
  svg.querySelector('.viewport')?.removeAttribute('transform');
  const { width, height } = graphBounds(view);
  svg.setAttribute('data-fit', `${width} ${height}`);
  // Never painted unfitted: the script shows it once it has its transform.
  svg.setAttribute('visibility', 'hidden');
  const marker = '<div class="graph-area"></div>';
  if (!html.includes(marker)) throw new Error('prerender: no graph area in the shell');
  const shell = html.replace(marker, `<div class="graph-area">${svg.outerHTML}</div>`);

  const saved = JSON.stringify({ source: state.source, values: state.values });
  if (!state.analysis || !state.layout) throw new Error('prerender: the example was not laid out');
  const layout = JSON.stringify({
    input: JSON.stringify(toLayoutInput(state.analysis, layoutSize)),
    result: state.layout,
  }).replace(/</g, '\\u003c');
  return { html: shell, key: shellKey(state), script: fitScript(saved, layoutChunk), layout };
}

/**
 * Runs at the end of the prerendered screen, before its first paint (index.html holds rendering
 * until the parser gets here: `<link rel="expect" blocking="render">`). The prerendered graph is
 * the built-in example's: it stays only for a visit that opens on that (no link state, nothing
 * else remembered), and is then fitted to its box with the renderer's own `fitBox`; otherwise it
 * goes, and src/boot.ts draws the right one. A visit that opens on another program or in
 * Vietnamese shows none of the example's English text either (`data-boot="partial"`; src/boot.ts
 * makes the final decision).
 */
function fitScript(savedDefault: string, layoutChunk?: string): string {
  const literal = (v: string) => JSON.stringify(v).replace(/</g, '\\u003c');
  return `(function () {
  var root = document.getElementById('root');
  var svg = root.querySelector('.graph-area > svg.graph');
  var saved = null;
  var lang = null;
  try {
    saved = localStorage.getItem(${literal(STORAGE_KEY)});
    lang = localStorage.getItem(${literal(LANG_STORAGE_KEY)});
  } catch (e) {}
  var first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  var vi = lang ? lang === 'vi' : /^vi\\b/i.test(first);
  var other = location.search !== '' || (saved !== null && saved !== ${literal(savedDefault)});
  if (other || vi) root.setAttribute('data-boot', 'partial');
  if (other && ${literal(layoutChunk ?? '')}) {
    // Another graph than the example's: its layout needs the layout chunk, fetched now rather
    // than after the entry has loaded and asked for it.
    var preload = document.createElement('link');
    preload.rel = 'modulepreload';
    preload.href = ${literal(layoutChunk ?? '')};
    document.head.appendChild(preload);
  }
  if (!svg) return;
  if (other) {
    svg.remove();
    return;
  }
  var size = svg.getAttribute('data-fit').split(' ');
  var f = (${fitBox.toString()})(svg.clientWidth || 800, svg.clientHeight || 500, +size[0], +size[1]);
  svg.querySelector('.viewport').setAttribute('transform', 'translate(' + f.x + ',' + f.y + ') scale(' + f.k + ')');
  svg.removeAttribute('visibility');
  // Painted in the frame that starts now, the page's first.
  requestAnimationFrame(function () {
    if (!performance.getEntriesByName('graph-drawn').length) performance.mark('graph-drawn');
  });
})();`;
}

export { escapeAttribute };
