/**
 * The page's entry: opens the state the visit asks for and draws its graph, then loads React and
 * the panels. The first graph needs only the engine, the layout and the D3 renderer; React and
 * the panels are most of the JavaScript, so they arrive (and are compiled) while the graph is
 * drawn, and take over the page when they are ready.
 */
import { loadTable } from './i18n';
import { preferredLang } from './i18n/langPreference';
import { appStore, preloadLayout, rememberLayout } from './state/appStore';
import type { LayoutResult } from './layout/types';
import { hasLzParam, loadLz } from './state/url';
import { startUrlSync } from './state/urlSync';
import { registerServiceWorker } from './serviceWorker';
import { drawFirstGraph } from './view/renderer/firstGraph';
import { resolveTheme } from './view/hooks/useTheme';
import { shellKey } from './view/shell';

// A compressed link needs lz-string to be read (only long programs are written that way).
if (hasLzParam(window.location.search)) void loadLz().then(open, open);
else open();

/** Opens the visit's state, draws its graph, then brings React in. */
function open(): void {
  readFirstLayout();
  // Open what the link says (else the last program, else the built-in example).
  // The remembered or browser language first; a link's `lang=` then overrides it.
  appStore.getState().setSettings({ lang: preferredLang(window) });
  startUrlSync(appStore);

  const state = appStore.getState();
  const html = document.documentElement;
  // index.html has set the theme from the plain link already; each change here restyles the page.
  const theme = resolveTheme(
    state.settings.theme,
    window.matchMedia('(prefers-color-scheme: dark)').matches,
  );
  if (html.dataset.theme !== theme) html.dataset.theme = theme;
  if (html.lang !== state.settings.lang) html.lang = state.settings.lang;

  const root = document.getElementById('root')!;
  const shell = root.dataset.shell !== undefined ? root.querySelector(':scope > .app') : null;
  const area = state.settings.mode === 'normal' ? shell?.querySelector('.graph-area') : null;
  // A graph still being laid out (the layout code, or the worker, has yet to answer) is drawn
  // when it lands; only an error has nothing to draw.
  if (area && (state.analysis || state.layingOut)) {
    // Not the state the shell was rendered in: show only the graph until React has the rest.
    // (index.html's script guessed already, from the link and what is remembered.)
    if (root.dataset.shell !== shellKey(state)) root.dataset.boot = 'partial';
    else delete root.dataset.boot;
    drawFirstGraph(area, appStore);
  } else {
    // Presentation and embed views frame the graph differently; an error has no graph.
    root.replaceChildren();
  }

  // The chosen language's table (Vietnamese loads on demand), fetched alongside React so the first
  // render is already in that language; if it cannot load, the interface stays English.
  const table = loadTable(state.settings.lang).catch(() => undefined);
  // React's chunk takes ~100 ms to evaluate and render: started now, it would hold back the frame
  // that puts the graph on screen. So it starts in the task after that frame.
  requestAnimationFrame(() =>
    setTimeout(() => {
      void Promise.all([import('./main'), table]).then(([{ mount }]) =>
        mount(root, () => {
          delete root.dataset.boot;
          delete root.dataset.shell;
          // For benchmarks: from here on, keys and clicks work.
          performance.mark('app-ready');
          // Not needed until the graph changes; a first edit then lays out in its own task.
          void preloadLayout().catch(() => undefined);
        }),
      );
    }),
  );
}

/** The built-in example's layout, written into the page at build time (`src/prerender.tsx`). */
function readFirstLayout(): void {
  const text = document.getElementById('first-layout')?.textContent;
  if (!text) return;
  try {
    const { input, result } = JSON.parse(text) as { input: string; result: LayoutResult };
    rememberLayout(input, result);
  } catch {
    // Without it the example is laid out like any other graph.
  }
}

// Offline after the first visit, registered a moment after the first graph is on screen (or
// after the page loaded, for a link that opens on an error), so its caching never competes.
let registered = false;
const registerSoon = (delay: number) => () =>
  setTimeout(() => {
    if (!registered) registerServiceWorker();
    registered = true;
  }, delay);
window.addEventListener('lens:drawn', registerSoon(1000), { once: true });
window.addEventListener('load', registerSoon(4000), { once: true });
