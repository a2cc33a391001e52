import { accessSync, constants } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Which Chromium the browser tests drive, in this order:
 * 1. `CHROME_PATH`, if set: it is used or the tests stop, never silently replaced by another;
 * 2. Debian's `/usr/bin/chromium` (what CI installs), then other usual places of a Chromium or
 *    Chrome on Linux and macOS;
 * 3. Playwright's own Chromium, if `npx playwright install chromium` has put one on this machine.
 * Nothing here downloads a browser.
 */
export const SYSTEM_BROWSERS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export type Found = { path: string; from: string } | { path?: undefined; why: string };

const runnable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Playwright's own build's path (which may not be installed), or undefined on a platform without one. */
function playwrightsOwn(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export function findChromium(
  env: Readonly<Record<string, string | undefined>> = process.env,
  candidates: readonly string[] = SYSTEM_BROWSERS,
  own: string | undefined = playwrightsOwn(),
): Found {
  const asked = env.CHROME_PATH;
  if (asked) {
    return runnable(asked)
      ? { path: asked, from: 'CHROME_PATH' }
      : { why: `CHROME_PATH=${asked} is not an executable file.` };
  }
  const system = candidates.find(runnable);
  if (system) return { path: system, from: 'this machine' };
  if (own && runnable(own)) return { path: own, from: "Playwright's own Chromium" };
  return {
    why: `No Chromium found (looked at ${candidates.join(', ')}${own ? ` and ${own}` : ''}).`,
  };
}

// `npx tsx scripts/findChromium.ts` prints the path, or why there is none (exit 1).
if (process.argv[1] && /findChromium\.[cm]?[jt]s$/.test(process.argv[1])) {
  const found = findChromium();
  if (found.path !== undefined) {
    process.stdout.write(`${found.path}\n`);
    process.stderr.write(`Browser tests use ${found.path} (${found.from}).\n`);
  } else {
    process.stderr.write(`${found.why}\n`);
    process.exitCode = 1;
  }
}
