import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/findChromium';

const PORT = Number(process.env.E2E_PORT ?? 4179);
// CHROME_PATH, else Debian's /usr/bin/chromium or another found on the machine (see the script).
const chromium = findChromium().path ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
// Separate build folders and ports let several checkouts' test runs share one machine.
const DIST = process.env.E2E_DIST ?? 'dist';

/**
 * Browser tests drive a Chromium already on the machine through playwright-core (Debian's here and
 * in CI): no browser is ever downloaded.
 * The app is served from the production build (`vite build` runs first in `npm run test:e2e`).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUT ?? 'test-results',
  // Axe over a page of matrices takes seconds on a loaded 2-core machine: room for it.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1280, height: 800 },
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    // Axe over a page of matrices takes seconds on a loaded 2-core machine: room for it.
    timeout: 60_000,
  },
});
