import { expect, test, type Page } from '@playwright/test';
import { EXAMPLES } from '../src/examples';
import { openApp, screenshot } from './helpers';

/**
 * A matrix program's cards are as readable as the scalar graph's labels (issue 15, "a 4×3
 * matrix's grid is readable on a projector"): the same floors as legible.spec.ts, for the names,
 * shapes and scalar numbers on the cards of seed 002's and seed 000's networks.
 */
const TENSOR = EXAMPLES.filter((e) => e.id === 'softmaxNet' || e.id === 'vectorized');

const SIZES = [
  { name: 'a 1280×800 laptop', width: 1280, height: 800, mode: '', min: 11 },
  { name: 'a 1280×800 projector', width: 1280, height: 800, mode: '&mode=present', min: 14 },
  { name: 'a 1920×1080 projector', width: 1920, height: 1080, mode: '&mode=present', min: 20 },
  { name: 'a 375×812 phone', width: 375, height: 812, mode: '', min: 10 },
];

/**
 * The smallest rendered size, in CSS px (font size × the SVG's screen scale), of any card text
 * in view, and how large a grid cell is drawn.
 */
async function smallestCardText(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.tensor-graph') as SVGSVGElement;
    const box = svg.parentElement!.getBoundingClientRect();
    let px = Infinity;
    let what = '';
    let count = 0;
    for (const el of svg.querySelectorAll<SVGTextContentElement>('text, tspan')) {
      if (!el.textContent?.trim()) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right < box.left || r.left > box.right) continue;
      if (r.bottom < box.top || r.top > box.bottom) continue;
      const size = parseFloat(getComputedStyle(el).fontSize) * (el.getScreenCTM()?.a ?? 1);
      count++;
      if (size < px) {
        px = size;
        what = el.textContent;
      }
    }
    let cell = Infinity;
    for (const c of svg.querySelectorAll('.tensor-cell'))
      cell = Math.min(cell, c.getBoundingClientRect().width);
    return { px, what, count, cell };
  });
}

test.describe('matrix cards are readable at every size', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  for (const size of SIZES)
    test(`seed 002's and seed 000's networks on ${size.name}`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      const seen: string[] = [];
      for (const ex of TENSOR)
        for (const step of ['', '&step=999']) {
          await openApp(page, `?expr=${encodeURIComponent(ex.source)}${size.mode}${step}`);
          await expect
            .poll(async () => (await smallestCardText(page)).count, { message: ex.id })
            .toBeGreaterThan(0);
          const { px, what, cell } = await smallestCardText(page);
          seen.push(`${ex.id}${step}: ${px.toFixed(1)} px (${what}), cells ${cell.toFixed(1)} px`);
          expect(px, `${ex.id}${step}: "${what}" at ${px.toFixed(1)} px`).toBeGreaterThanOrEqual(
            size.min - 0.05,
          );
          // A cell is never drawn smaller than the text beside it.
          expect(cell).toBeGreaterThanOrEqual(size.min - 0.05);
          if (step) await screenshot(page, `tensor-legible-${ex.id}-${size.width}${size.mode}`);
        }
      test.info().annotations.push({ type: 'sizes', description: seen.join('; ') });
    });
});
