/**
 * The built page's Content Security Policy, computed from the finished dist/index.html so the
 * hashes of its inline code can never drift from the code itself. Static hosts (GitHub Pages, a
 * course site's folder) cannot send headers, so the policy travels in the page as a
 * `<meta http-equiv="Content-Security-Policy">`, placed before anything it governs.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { POLICY_NAME } from '../src/trustedTypes.ts';

/** `'sha256-…'` of `text` as the browser hashes it (UTF-8). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute's value as the browser parses it (the only entities a renderer writes). */
function decodeAttribute(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
      return String.fromCodePoint(code);
    }
    const char = ENTITIES[name];
    if (char === undefined) throw new Error(`csp: unexpected entity ${whole} in a style attribute`);
    return char;
  });
}

/** The page's inline code: classic and module scripts without src, style elements, style attributes. */
export function inlineCode(html: string): { scripts: string[]; styles: string[]; attrs: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  // The browser hashes what it parsed, and its parser turns every CR LF or CR into LF (a page
  // checked out on Windows has CR LF).
  const rest = html
    .replace(/\r\n?/g, '\n')
    .replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (_m, attrs: string, body: string) => {
      if (!/\ssrc\s*=/i.test(` ${attrs}`)) scripts.push(body);
      return '';
    })
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style>/gi, (_m, body: string) => {
      styles.push(body);
      return '';
    });
  const attrs = [...rest.matchAll(/<[^>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) =>
    decodeAttribute(m[1] ?? m[2]),
  );
  return { scripts, styles, attrs };
}

const unique = (xs: string[]) => [...new Set(xs)];

/**
 * The policy for `html`. What each directive is for:
 * - scripts: our own files, and the inline scripts by hash (the theme before first paint, the
 *   prerendered graph's fit); never 'unsafe-inline' or 'unsafe-eval'.
 * - styles: our own files (the lazy KaTeX sheet) and the inline page sheet by hash. Style
 *   attributes written in the HTML (the prerendered step bar's `--split`) by hash only; styles the
 *   app sets from script (React's style prop, D3's .style(), KaTeX's sizes and offsets) go
 *   through the CSSOM, which CSP does not restrict, so no 'unsafe-inline' anywhere.
 * - img-src blob: for the PNG export, which draws the SVG picture through an object URL.
 * - workers: the layout worker and the service worker are our own files.
 * - Trusted Types: no HTML is built from strings anywhere; the one policy signs the two worker
 *   URLs (src/trustedTypes.ts).
 */
export function contentSecurityPolicy(html: string): string {
  const { scripts, styles, attrs } = inlineCode(html);
  const directives: string[][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...unique(scripts.map(cspHash))],
    ['style-src', "'self'", ...unique(styles.map(cspHash))],
    [
      'style-src-attr',
      ...(attrs.length ? ["'unsafe-hashes'", ...unique(attrs.map(cspHash))] : ["'none'"]),
    ],
    ['img-src', "'self'", 'blob:'],
    ['font-src', "'self'"],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['require-trusted-types-for', "'script'"],
    ['trusted-types', POLICY_NAME],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** `html` with its policy as the first thing after `<meta charset>`, ahead of all it governs. */
export function withPolicy(html: string): string {
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (!charset) throw new Error('csp: no <meta charset> in index.html');
  const at = charset.index + charset[0].length;
  if (/<(script|style|link)\b/i.test(html.slice(0, at)))
    throw new Error('csp: code before the policy');
  const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}" />`;
  return html.slice(0, at) + meta + html.slice(at);
}

/**
 * Build only: runs after the prerender has written the first screen and its script into the page
 * (closeBundle hooks run one after another, in plugin order). `npm run dev` has no policy: Vite's
 * dev client injects inline scripts and styles of its own.
 */
export function cspPlugin(): Plugin {
  let file = '';
  return {
    name: 'content-security-policy',
    apply: 'build',
    configResolved(config) {
      file = resolve(config.root, config.build.outDir, 'index.html');
    },
    closeBundle: {
      order: 'post',
      async handler() {
        const page = await readFile(file, 'utf8');
        if (page.includes('http-equiv="Content-Security-Policy"')) return;
        await writeFile(file, withPolicy(page));
      },
    },
  };
}
