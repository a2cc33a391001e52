import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The layout code is a lazy chunk (large graphs run it in a worker), yet every first graph needs
 * it: a `modulepreload` link fetches it alongside the main script instead of after it has run.
 */
function preloadFirstGraph(): Plugin {
  return {
    name: 'preload-first-graph',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/layout/layoutGraph.ts'),
        );
        if (chunk?.type !== 'chunk') return [];
        // The chunk and what it imports (d3-shape…), or they would load one after the other.
        return [chunk.fileName, ...chunk.imports].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
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
  plugins: [react(), preloadFirstGraph()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  worker: { format: 'es' },
});
