import { scriptUrl } from './trustedTypes';

/**
 * Registers `sw.js` (in public/, copied next to index.html) so the built app works offline after
 * the first visit. Only in production builds (the dev server's modules change on every edit) and
 * only over http(s) (a file:// page cannot have a service worker).
 */
export function registerServiceWorker(win: Window = window): void {
  if (!import.meta.env.PROD) return;
  if (!('serviceWorker' in win.navigator)) return;
  if (win.location.protocol !== 'http:' && win.location.protocol !== 'https:') return;
  const start = () => {
    // Relative to the page, so the worker's scope is whatever folder the app was copied to.
    win.navigator.serviceWorker.register(scriptUrl('./sw.js', win)).then(
      () => void win.navigator.serviceWorker.ready.then((reg) => sendLoaded(win, reg)),
      () => {
        // Blocked (private mode, a host's policy): the app still works online.
      },
    );
  };
  // After the page has loaded, so registering never competes with the first graph.
  if (win.document.readyState === 'complete') start();
  else win.addEventListener('load', start, { once: true });
}

/**
 * The files this page fetched before the worker controlled it (the scripts, the style sheet,
 * KaTeX's fonts if the formula panel has drawn): the worker caches them too.
 */
function sendLoaded(win: Window, reg: ServiceWorkerRegistration): void {
  const urls = win.performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((u) => u.startsWith(win.location.origin));
  reg.active?.postMessage({ type: 'precache', urls });
}
