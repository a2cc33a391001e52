import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './scripts/csp.ts';

/**
 * Writes the app's first screen into dist/index.html (`src/prerender.tsx`, rendered by the same
 * components at build time): the page paints its frame before any script has run, and the first
 * graph is drawn into it before React has loaded (`src/boot.ts`). The shell is `inert` (and
 * hidden from assistive technology) until React replaces it, so nothing can be clicked, typed
 * into or announced before it would work.
 */
function prerenderShell(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  let layoutChunk: string | undefined;
  return {
    name: 'prerender-shell',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = config.build.outDir;
    },
    generateBundle(_options, bundle) {
      // The layout chunk's file, for the page to fetch it early when it opens on another graph.
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith('src/layout/layoutGraph.ts'))
          layoutChunk = `./${chunk.fileName}`;
      }
    },
    async closeBundle() {
      const { module } = await runnerImport<typeof import('./src/prerender')>(
        join(root, 'src/prerender.tsx'),
        { configFile: false, root, logLevel: 'error', plugins: [react()] },
      );
      const { html, key, script, layout } = await module.prerender(layoutChunk);
      const file = resolve(root, outDir, 'index.html');
      const page = await readFile(file, 'utf8');
      const marker = '<div id="root"></div>';
      if (!page.includes(marker)) throw new Error(`prerender: no ${marker} in ${file}`);
      // Nothing is painted before the parser has reached the end of the first screen (and run its
      // script): no frame shows part of it, or its graph before the graph is fitted.
      const hold = '<link rel="expect" href="#first-screen-end" blocking="render" />';
      // React's server renderer puts a preload link for the logo first: the page links it already.
      const shell = html
        .replace(/^(<link [^>]*>)+/, '')
        .replace(/^<div class="app"/, '<div inert="" aria-hidden="true" class="app"');
      if (!shell.startsWith('<div inert=""')) throw new Error('prerender: unexpected shell');
      await writeFile(
        file,
        page.replace('</title>', `</title>\n    ${hold}`).replace(
          marker,
          `<div id="root" data-shell="${module.escapeAttribute(key)}">${shell}</div>` +
            `<script>${script}</script><template id="first-screen-end"></template>` +
            // Data, never run: the example's layout, so the first visit needs no layout code.
            `<script type="application/json" id="first-layout">${layout}</script>`,
        ),
      );
    },
  };
}

/**
 * The page's own style sheet (linked from index.html, not imported by a module, so no lazy chunk
 * lists it among what to preload with it) goes inline: the prerendered shell can then be laid out and painted
 * while the scripts are still loading, instead of waiting for one more request (the first layout
 * of the page is the largest single cost before the first graph).
 */
function inlineStyles(): Plugin {
  const inlined = new Map<string, string>();
  return {
    name: 'inline-styles',
    apply: 'build',
    // Before Vite writes its link into the page and the preload lists of lazy chunks: taken out
    // of both, since lazy chunks that share modules with the entry would otherwise fetch the
    // style sheet again when they load, and restyle the page for nothing.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        for (const file of chunk.viteMetadata?.importedCss ?? []) {
          const asset = bundle[file];
          if (asset?.type === 'asset' && typeof asset.source === 'string') {
            inlined.set(file, asset.source);
          }
        }
      }
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const file of inlined.keys()) chunk.viteMetadata?.importedCss.delete(file);
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        return [...inlined.values()].map((css) => ({
          tag: 'style',
          children: css,
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

// `base: './'` makes every asset URL relative, so the built dist/ works from any sub-path
// (a course site's folder) as well as from a domain's root.
export default defineConfig({
  base: './',
  // The policy last: it hashes the inline code the two plugins before it write into the page.
  plugins: [react(), inlineStyles(), prerenderShell(), cspPlugin()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Fonts stay files (KaTeX's smallest would become a data: URL): the page's policy then
    // allows fonts from its own folder only.
    assetsInlineLimit: (file) => (/\.(?:woff2?|ttf|otf)$/.test(file) ? false : undefined),
  },
  worker: { format: 'es' },
});
