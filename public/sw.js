/*
 * Backprop Lens service worker: the app keeps working offline once it has been opened.
 *
 * - The page (a navigation): network first, so a new deploy shows up at once; the cached copy
 *   when the network fails. Every URL in scope is the same index.html whatever its query
 *   (?expr=…), so it is kept under one key, the scope itself.
 * - Everything else of ours (JS, CSS, KaTeX fonts, lazy chunks, the layout worker): cache first.
 *   Vite names built files by content hash, so a cached file never goes stale.
 * - On install the page and the files it names are cached; the page then sends the files it has
 *   already loaded (it loads them before this worker controls it), so the first visit is enough.
 *
 * Bump VERSION when this file's caching rules change: old caches are deleted on activate.
 */
const VERSION = 'backprop-lens-v1';
const PREFIX = 'backprop-lens-';
/** Hashed files pile up across deploys; keep the newest this many. */
const MAX_ENTRIES = 120;

const scope = new URL(self.registration.scope);
const pageKey = scope.href;

self.addEventListener('install', (event) => {
  event.waitUntil(precachePage().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith(PREFIX) && n !== VERSION).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'precache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter(
    (u) => typeof u === 'string' && URL.canParse(u, scope) && ours(new URL(u, scope)),
  );
  event.waitUntil(
    caches.open(VERSION).then((cache) => Promise.all(urls.map((u) => keep(cache, u)))),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (!ours(url)) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request));
  else event.respondWith(cacheFirst(request));
});

/** Same origin, inside this app's folder, and not this worker's own script. */
function ours(url) {
  return (
    url.origin === scope.origin &&
    url.pathname.startsWith(scope.pathname) &&
    !url.pathname.endsWith('/sw.js')
  );
}

async function networkFirst(request) {
  const cache = await caches.open(VERSION);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(pageKey, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(pageKey);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(VERSION);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    await cache.put(request, response.clone());
    await trim(cache);
  }
  return response;
}

/** Caches the page and the scripts, styles and icons its HTML names. */
async function precachePage() {
  const cache = await caches.open(VERSION);
  const response = await fetch(pageKey, { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(pageKey, response);
  const named = [...html.matchAll(/(?:src|href)="([^"#?]+)"/g)].map((m) => m[1]);
  await Promise.all(named.filter((u) => ours(new URL(u, scope))).map((u) => keep(cache, u)));
}

/** Fetches and stores one file unless it is already there; a failure only means "not cached". */
async function keep(cache, href) {
  const url = new URL(href, scope).href;
  if (await cache.match(url)) return;
  try {
    const response = await fetch(url);
    if (response.ok && response.type === 'basic') await cache.put(url, response);
  } catch {
    // Offline or gone: it will be cached the next time it is fetched.
  }
}

async function trim(cache) {
  const keys = await cache.keys();
  const extra = keys.length - MAX_ENTRIES;
  for (let i = 0; i < extra; i++) if (keys[i].url !== pageKey) await cache.delete(keys[i]);
}
