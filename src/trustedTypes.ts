/**
 * The page's one Trusted Types policy. The built page's Content Security Policy says
 * `require-trusted-types-for 'script'; trusted-types backprop-lens` (see vite.config.ts): every
 * sink that can run code (innerHTML, a script's src or text, a Worker's or service worker's URL)
 * then refuses plain strings. The app builds no HTML, so the only sinks it uses are the two
 * script URLs it starts itself: the layout worker and the service worker. This policy vouches for
 * those and for nothing else: same origin, a script file, never blob:, data: or another host.
 */
export const POLICY_NAME = 'backprop-lens';

/** The part of the Trusted Types API used here (TypeScript's DOM types do not have it yet). */
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesApi {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

let policy: ScriptUrlPolicy | undefined;

/** `url` resolved against the page, if it is one of this app's scripts; throws otherwise. */
export function checkScriptUrl(url: string, page: string): string {
  const resolved = new URL(url, page);
  if (resolved.origin !== new URL(page).origin || !/\.(?:js|ts)$/.test(resolved.pathname)) {
    throw new TypeError(`Not a script of this app: ${url}`);
  }
  return resolved.href;
}

/**
 * `url` (relative to the page) as a script URL for `new Worker` or `serviceWorker.register`: a
 * TrustedScriptURL where the browser has Trusted Types, else the checked string. Typed as a
 * string because that is what those sinks' TypeScript signatures accept.
 */
export function scriptUrl(url: string, win: Window = window): string {
  const page = win.document.baseURI;
  const tt = (win as Window & { trustedTypes?: TrustedTypesApi }).trustedTypes;
  if (!tt) return checkScriptUrl(url, page);
  // Created on first use, once: the policy allows one policy of this name per page.
  policy ??= tt.createPolicy(POLICY_NAME, {
    createScriptURL: (u) => checkScriptUrl(u, page),
  });
  return policy.createScriptURL(url) as string;
}
