import { expect, test, type Page } from '@playwright/test';
import { exampleById } from '../src/examples';
import { counter, expectNoSeriousViolations, openApp, screenshot } from './helpers';

/**
 * Issue 9: "lay out for the screen's aspect ratio". A portrait graph box (a monitor turned
 * upright, a tall narrow window) draws a scalar graph top to bottom; a landscape one left to
 * right. The box decides, nothing else: a link opens the same graph either way.
 */

const link = (id: string, extra = '') =>
  `?expr=${encodeURIComponent(exampleById(id)!.source)}${extra}`;

/** A 1080×1920 monitor turned upright: the graph's box is about 680×1350. */
const UPRIGHT = { width: 1080, height: 1920 };
/** The same width, landscape: the graph's box is about 680×460. */
const WIDE = { width: 1080, height: 1000 };

/** Where the inputs and the output are drawn: their screen boxes' centres. */
async function ends(
  page: Page,
): Promise<{ inputs: { x: number; y: number }[]; out: { x: number; y: number } }> {
  return page.evaluate(() => {
    const centre = (g: Element) => {
      const r = g.querySelector('.node-body')!.getBoundingClientRect();
      return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
    };
    const svg = document.querySelector('svg.graph')!;
    return {
      inputs: [...svg.querySelectorAll('g.node.node-input')].map(centre),
      out: centre(svg.querySelector('g.node.output')!),
    };
  });
}

/** Every input drawn above the output (top to bottom), or left of it (left to right). */
async function direction(page: Page): Promise<'TB' | 'LR' | '?'> {
  const { inputs, out } = await ends(page);
  if (inputs.every((p) => p.y < out.y - 40)) return 'TB';
  if (inputs.every((p) => p.x < out.x - 40)) return 'LR';
  return '?';
}

/** The smallest graph text in view, in CSS px: font size × the SVG's screen scale. */
async function smallestLabelPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.graph') as SVGSVGElement;
    let px = Infinity;
    for (const el of svg.querySelectorAll<SVGTextContentElement>(
      '.viewport text, .viewport tspan',
    )) {
      if (!el.textContent?.trim()) continue;
      if (getComputedStyle(el).display === 'none' || el.closest('[display="none"]')) continue;
      if (el.getBoundingClientRect().width === 0) continue;
      px = Math.min(px, parseFloat(getComputedStyle(el).fontSize) * (el.getScreenCTM()?.a ?? 1));
    }
    return px;
  });
}

/** Node positions in the drawing's own units: they change only with a new layout. */
const places = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('svg.graph g.node')].map((g) => g.getAttribute('transform')),
  );

test.describe('the drawing follows its box (issue 9)', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('a portrait box draws the neuron top to bottom, with larger labels at fit than left to right', async ({
    page,
  }) => {
    const seen: string[] = [];
    for (const id of ['neuron', 'staged']) {
      await page.setViewportSize(WIDE);
      await openApp(page, link(id, '&step=999'));
      await expect.poll(() => direction(page)).toBe('LR');
      await page.keyboard.press('0'); // the whole graph
      const wide = await smallestLabelPx(page);
      // Turned upright: the box is as wide as before and twice as tall. Left to right, the
      // drawing fitted by its width, so the height alone gave its labels nothing.
      await page.setViewportSize(UPRIGHT);
      await expect.poll(() => direction(page)).toBe('TB');
      // The legend says where the numbers are now.
      await expect(page.locator('.legend')).toContainText('forward value (beside an edge)');
      await page.keyboard.press('0');
      await expect.poll(() => smallestLabelPx(page)).toBeGreaterThan(wide * 1.3);
      const upright = await smallestLabelPx(page);
      seen.push(`${id}: ${wide.toFixed(1)} → ${upright.toFixed(1)} px`);
      await screenshot(page, `portrait-${id}`);
    }
    test.info().annotations.push({ type: 'fit label px', description: seen.join('; ') });
  });

  test('a laptop box stays left to right', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, link('neuron'));
    // The layout code arrives after the first screen, and with it any relayout: wait for it.
    await page.waitForTimeout(500);
    expect(await direction(page)).toBe('LR');
    await expect(page.locator('.legend')).toContainText('forward value (above an edge)');
  });

  test('a resize that keeps the box portrait lays nothing out again; a landscape box turns it back', async ({
    page,
  }) => {
    await page.setViewportSize(UPRIGHT);
    await openApp(page, link('neuron'));
    await expect.poll(() => direction(page)).toBe('TB');
    const before = await places(page);
    await page.setViewportSize({ width: 1000, height: 1700 });
    await page.setViewportSize({ width: 1080, height: 1500 });
    await page.waitForTimeout(300);
    expect(await places(page)).toEqual(before);
    await page.setViewportSize(WIDE);
    await expect.poll(() => direction(page)).toBe('LR');
  });

  test('top to bottom, every step keeps its two nodes in view, and the page passes axe', async ({
    page,
  }) => {
    test.slow();
    await page.setViewportSize(UPRIGHT);
    await openApp(page, link('neuron'));
    await expect.poll(() => direction(page)).toBe('TB');
    const total = Number((await counter(page).textContent())!.match(/(\d+) steps?/)![1]);
    const out: string[] = [];
    for (let k = 1; k <= total; k++) {
      await page.keyboard.press('ArrowRight');
      await expect(counter(page)).toContainText(`Step ${k} of`);
      const outside = await page.evaluate(() => {
        const svg = document.querySelector('svg.graph')!;
        const box = svg.getBoundingClientRect();
        const current = [...svg.querySelectorAll('g.node[aria-current="step"]')];
        return current
          .filter((n) => {
            const r = n.getBoundingClientRect();
            return (
              r.left < box.left - 1 ||
              r.right > box.right + 1 ||
              r.top < box.top - 1 ||
              r.bottom > box.bottom + 1
            );
          })
          .map((n) => n.getAttribute('data-name'))
          .concat(current.length === 0 ? ['none current'] : []);
      });
      for (const name of outside) out.push(`step ${k}: ${name}`);
    }
    expect(out).toEqual([]);
    await expectNoSeriousViolations(page, 'graph drawn top to bottom');
  });

  test('top to bottom in the dark theme, forward mode and with a group collapsed', async ({
    page,
  }) => {
    await page.setViewportSize(UPRIGHT);
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await openApp(page, link('twoLayer', '&ad=forward&step=999'));
    await expect.poll(() => direction(page)).toBe('TB');
    await expectNoSeriousViolations(page, 'dark, forward mode, top to bottom');
    // A statement group's control sits between its node and its name, left of the node.
    const toggle = page.locator('svg.graph g.group-toggle[aria-expanded="true"]').first();
    await expect(toggle).toBeAttached();
    const name = await toggle.getAttribute('data-group');
    await toggle.dispatchEvent('click');
    const box = page.locator(`svg.graph g.group-toggle[data-group="${name}"]`);
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect.poll(() => direction(page)).toBe('TB');
    await screenshot(page, 'portrait-twoLayer-dark');

    // Zoomed to a readable size, the drawing is larger than its view: the minimap shows, and
    // Find a node centres the one asked for.
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect(page.locator('.minimap')).toBeVisible();
    const find = page.getByRole('searchbox', { name: 'Find a node' });
    await find.fill('L');
    await find.press('Enter');
    const node = page.locator('svg.graph g.node[data-name="L"]');
    await expect(node).toHaveAttribute('aria-pressed', 'true');
    const svg = (await page.locator('svg.graph').boundingBox())!;
    await expect
      .poll(async () => {
        const b = (await node.locator('.node-body').boundingBox())!;
        const dx = b.x + b.width / 2 - (svg.x + svg.width / 2);
        const dy = b.y + b.height / 2 - (svg.y + svg.height / 2);
        return Math.round(Math.hypot(dx, dy));
      })
      .toBeLessThan(40);
  });
});
