import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { consoleErrors, counter, openApp, pressKey } from './helpers';

// Pictures for a person to look at, with E2E_SHOTS=1 (see `screenshot` in helpers.ts). The
// element screenshots are taken either way: they fail when the exported image does not render.
const SHOTS = process.env.E2E_SHOTS ? `${process.env.E2E_OUT ?? 'test-results'}/screens` : null;
const shotPath = (name: string) => (SHOTS ? `${SHOTS}/${name}.png` : undefined);

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function downloadFrom(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  const path = await download.path();
  return { file: download.suggestedFilename(), bytes: await readFile(path) };
}

/** The cs231n circuit (the app's first program) played to the end. */
async function atEnd(page: Page) {
  await openApp(page);
  await pressKey(page, 'End');
  await expect(counter(page)).toHaveText(/^Step 11 of 11/);
}

/**
 * Parses XML in a blank page (the app's own refuses DOMParser on plain strings: Trusted Types):
 * the error text of a `<parsererror>`, the root's name, and its text.
 */
async function parseSvg(page: Page, svg: string) {
  const blank = await page.context().newPage();
  const parsed = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    return {
      error: error ? (error.textContent ?? 'parsererror') : null,
      root: doc.documentElement.localName,
      viewBox: doc.documentElement.getAttribute('viewBox'),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      title: doc.querySelector('title')?.textContent ?? '',
      scripts: doc.querySelectorAll('script, foreignObject').length,
    };
  }, svg);
  await blank.close();
  return parsed;
}

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Opens an exported SVG on its own (as a slide tool would) and screenshots it. */
async function lookAt(page: Page, svg: string, shot: string) {
  // Away from the app first: its policy refuses markup from strings (setContent writes some).
  await page.goto('about:blank');
  await page.setContent(
    `<!doctype html><body style="margin:0;background:#888">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`,
  );
  await page.locator('body > svg').screenshot({ path: shotPath(shot) });
}

test.describe('export', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('Export SVG downloads a well-formed picture of the current frame', async ({ page }) => {
    await atEnd(page);
    const { file, bytes } = await downloadFrom(page, 'Export SVG');
    expect(file).toBe('backprop-lens-step-11.svg');
    const svg = bytes.toString('utf8');
    const parsed = await parseSvg(page, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.scripts).toBe(0);
    const text = parsed.texts.join('\n');
    // The numbers on the graph and in the formula: f = -12, ∂f/∂x = ∂f/∂y = -4, ∂f/∂z = 3.
    for (const n of ['-12', '-4', '3']) expect(text).toContain(n);
    expect(parsed.texts).toContain('∂f/∂x = -4\u2003\u2003∂f/∂y = -4\u2003\u2003∂f/∂z = 3');
    expect(parsed.texts).toContain('Step 11 of 11 · Backward pass');
    for (const name of ['x', 'y', 'z']) expect(parsed.texts).toContain(name);
    // The named intermediate is written above its node; its value 3 rides on its edge out.
    expect(parsed.texts).toContain('q');
    expect(parsed.title).toBe('Backprop Lens: Step 11 of 11');
    // Styles are inlined and the theme's variables resolved: no class or var() is left to a
    // stylesheet the file does not carry.
    expect(svg).not.toContain('var(--');
    expect(svg).not.toContain(' class=');
    // Zoom and pan are left out: the picture is the graph at its own size.
    expect(svg).not.toMatch(/scale\(/);
    expect(svg).toMatch(/fill: ?rgb\(/);
    // The viewBox holds the whole graph, not the zoomed viewport.
    const [, , w, h] = parsed.viewBox!.split(' ').map(Number);
    expect(w).toBeGreaterThan(300);
    expect(h).toBeGreaterThan(150);
    expect(consoleErrors(page)).toEqual([]);
    await lookAt(page, svg, 'export-svg-light');
  });

  test('the SVG follows the dark theme and shows the step it was taken at', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await atEnd(page);
    const { bytes } = await downloadFrom(page, 'Export SVG');
    const svg = bytes.toString('utf8');
    // The dark theme's panel colour (#151b24) is the background.
    expect(svg).toContain('fill="rgb(21, 27, 36)"');
    await lookAt(page, svg, 'export-svg-dark');

    // A forward step midway: the picture says which step and shows that step's formula.
    await atEnd(page);
    await pressKey(page, 'Home');
    await pressKey(page, 'ArrowRight', 3);
    const mid = await downloadFrom(page, 'Export SVG');
    expect(mid.file).toBe('backprop-lens-step-3.svg');
    const parsed = await parseSvg(page, mid.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.texts).toContain('Step 3 of 11 · Forward pass');
    expect(parsed.texts).toContain('q = x + y = (-2) + 5 = 3');
  });

  test('Export PNG downloads a PNG at twice the size', async ({ page }) => {
    await atEnd(page);
    const svg = (await downloadFrom(page, 'Export SVG')).bytes.toString('utf8');
    const { file, bytes } = await downloadFrom(page, 'Export PNG');
    expect(file).toBe('backprop-lens-step-11.png');
    const { width, height } = pngSize(bytes);
    const svgWidth = Number(/ width="(\d+)"/.exec(svg)![1]);
    const svgHeight = Number(/ height="(\d+)"/.exec(svg)![1]);
    expect(width).toBe(svgWidth * 2);
    expect(height).toBe(svgHeight * 2);
    // Not a blank canvas: the encoded image carries real content.
    expect(bytes.length).toBeGreaterThan(10_000);
    await page.goto('about:blank');
    await page.setContent(
      `<img style="width:${width / 2}px" src="data:image/png;base64,${bytes.toString('base64')}">`,
    );
    await page.locator('img').screenshot({ path: shotPath('export-png') });
  });

  test('Copy LaTeX puts the derivation on the clipboard and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await atEnd(page);
    await page.getByRole('button', { name: 'Copy LaTeX', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const tex = await page.evaluate(() => navigator.clipboard.readText());
    expect(tex).toContain('\\frac{\\partial f}{\\partial x}');
    expect(tex).toContain('q &= x + y = (-2) + 5 = 3');
    expect(tex).toContain('f &= q \\cdot z = 3 \\cdot (-4) = -12');
    expect(tex).toContain(
      '\\frac{\\partial f}{\\partial x} &= \\frac{\\partial f}{\\partial q} \\cdot ' +
        '\\frac{\\partial q}{\\partial x} = (-4) \\cdot 1 = -4',
    );
    expect(tex).toContain('\\frac{\\partial f}{\\partial z} &= 3');
    expect(tex.match(/\\begin\{align\*\}/g)).toHaveLength(4);
    expect(tex.match(/\\end\{align\*\}/g)).toHaveLength(4);
    // The confirmation goes away by itself.
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(0, {
      timeout: 5_000,
    });
  });

  test('Copy LaTeX stops where the graph is', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await pressKey(page, 'ArrowRight', 3);
    await page.getByRole('button', { name: 'Copy LaTeX', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const tex = await page.evaluate(() => navigator.clipboard.readText());
    expect(tex).toContain('q &= x + y = (-2) + 5 = 3');
    expect(tex).not.toContain('-12');
    expect(tex).not.toContain('Backward pass');
  });
});
