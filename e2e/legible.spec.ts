import { expect, test, type Page } from '@playwright/test';
import { analyze } from '../src/engine';
import { EXAMPLES, SCALAR_EXAMPLES } from '../src/examples';
import { counter, expectNoSeriousViolations, formulaSettled, openApp } from './helpers';

/** The built-in examples a class sees whole: up to 25 nodes (the sigmoid neuron included). */
const SMALL = SCALAR_EXAMPLES.filter((e) => analyze(e.source, {}).graph.nodes.length <= 25);

const link = (source: string, extra = '') => `?expr=${encodeURIComponent(source)}${extra}`;

/**
 * The smallest rendered size, in CSS px, of any graph text in view: font size × the SVG's screen
 * scale, for every text and tspan that is displayed and lies inside the graph's box.
 */
async function smallestLabelPx(page: Page): Promise<{ px: number; what: string; count: number }> {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.graph') as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    let px = Infinity;
    let what = '';
    let count = 0;
    for (const el of svg.querySelectorAll<SVGTextContentElement>(
      '.viewport text, .viewport tspan',
    )) {
      if (!el.textContent?.trim()) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right < box.left || r.left > box.right) continue;
      if (r.bottom < box.top || r.top > box.bottom) continue;
      if (getComputedStyle(el).display === 'none' || el.closest('[display="none"]')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize) * (el.getScreenCTM()?.a ?? 1);
      count++;
      if (size < px) {
        px = size;
        what = el.textContent;
      }
    }
    return { px, what, count };
  });
}

const SIZES = [
  { name: 'a 1280×800 laptop', width: 1280, height: 800, mode: '', min: 11 },
  {
    name: 'a 1280×800 projector, presenting',
    width: 1280,
    height: 800,
    mode: '&mode=present',
    min: 14,
  },
  {
    name: 'a 1920×1080 projector, presenting',
    width: 1920,
    height: 1080,
    mode: '&mode=present',
    min: 20,
  },
  { name: 'a 375×812 phone', width: 375, height: 812, mode: '', min: 10 },
];

test.describe('labels are readable at every size', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  for (const size of SIZES) {
    test(`every example up to 25 nodes on ${size.name}`, async ({ page }) => {
      test.slow();
      await page.setViewportSize({ width: size.width, height: size.height });
      const seen: string[] = [];
      for (const ex of SMALL) {
        for (const step of ['', '&step=999']) {
          await openApp(page, link(ex.source, `${size.mode}${step}`));
          // A step past the end is clamped and noted; the end of the trace is what we want.
          await expect
            .poll(async () => (await smallestLabelPx(page)).count, { message: ex.id })
            .toBeGreaterThan(0);
          const { px, what } = await smallestLabelPx(page);
          seen.push(`${ex.id}${step}: ${px.toFixed(1)} px (${what})`);
          expect(px, `${ex.id}${step}: "${what}" at ${px.toFixed(1)} px`).toBeGreaterThanOrEqual(
            size.min - 0.05,
          );
        }
      }
      test.info().annotations.push({ type: 'sizes', description: seen.join('; ') });
    });
  }
});

test.describe('the camera follows the step', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  /**
   * The current step's nodes (aria-current) that lie outside the graph's box. When the two ends
   * of a step's edge are too far apart to share the view at a readable zoom, the one the step
   * arrives at must be in view: the other is reported only if both are out.
   */
  async function currentInView(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const svg = document.querySelector('svg.graph') as SVGSVGElement;
      const box = svg.getBoundingClientRect();
      const out: string[] = [];
      const nodes = [...svg.querySelectorAll('g.node[aria-current="step"]')];
      const rects = nodes.map((n) => n.getBoundingClientRect());
      // The view keeps a margin and room for the value and badge rows around each node.
      const spread =
        Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top)) >
          box.height - 160 ||
        Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left)) >
          box.width - 160;
      nodes.forEach((n, i) => {
        const r = rects[i];
        const inside =
          r.left >= box.left - 1 &&
          r.right <= box.right + 1 &&
          r.top >= box.top - 1 &&
          r.bottom <= box.bottom + 1;
        if (!inside) out.push(n.getAttribute('data-name') ?? '?');
      });
      return spread && out.length < nodes.length ? [] : out;
    });
  }

  test('zoomed in on a 30-term sum, every step keeps its edge and nodes in view', async ({
    page,
  }) => {
    test.slow();
    const terms = Array.from({ length: 30 }, (_, i) => `w${i}*x${i}`).join(' + ');
    await openApp(page, link(`f = ${terms}`));
    // Zoom in well past the default, as a student reading the labels would.
    for (let i = 0; i < 4; i++) await page.keyboard.press('+');
    const n = Number((await counter(page).textContent())!.match(/(\d+) steps?/)![1]);
    for (let k = 1; k <= n; k++) {
      await page.keyboard.press('ArrowRight');
      await expect(counter(page)).toContainText(`Step ${k} of`);
      await expect(page.locator('svg.graph g.node[aria-current="step"]').first()).toBeAttached();
      expect(await currentInView(page), `step ${k}`).toEqual([]);
    }
  });

  test('a link to any step opens with that step in view, on a phone too', async ({ page }) => {
    test.slow();
    // staged's long edges (den → sigx) cannot show both ends at a readable zoom on a phone: the
    // view opened by a link must then hold the node the step arrives at, as stepping does.
    await page.setViewportSize({ width: 375, height: 812 });
    const source = EXAMPLES.find((e) => e.id === 'staged')!.source;
    const n = analyze(source, {}).steps.length;
    for (let k = 1; k <= n; k++) {
      await openApp(page, link(source, `&step=${k}`));
      await expect(counter(page)).toContainText(`Step ${k} of`);
      await expect(page.locator('svg.graph g.node[aria-current="step"]').first()).toBeAttached();
      expect(await currentInView(page), `step ${k}`).toEqual([]);
    }
  });

  test('stepping while zoomed out brings the zoom back to readable', async ({ page }) => {
    await openApp(page, link(EXAMPLES.find((e) => e.id === 'neuron')!.source));
    await page.keyboard.press('0'); // the whole graph, however small
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const { px } = await smallestLabelPx(page);
    expect(px).toBeGreaterThanOrEqual(10.95);
    expect(await currentInView(page)).toEqual([]);
  });

  test('the two nodes of the current step carry aria-current="step"', async ({ page }) => {
    await openApp(page, link('x = -2; y = 5; z = -4; q = x + y; f = q * z', '&step=2'));
    const current = page.locator('svg.graph g.node[aria-current="step"]');
    await expect(current).toHaveCount(2);
    expect(await current.evaluateAll((ns) => ns.map((n) => n.getAttribute('data-name')))).toEqual(
      expect.arrayContaining(['y', 'q']),
    );
  });

  test('a graph larger than its view shows a minimap; a small one does not', async ({ page }) => {
    await openApp(page, link('(x+y)*z'));
    await expect(page.locator('.minimap')).toBeHidden();
    const terms = Array.from({ length: 30 }, (_, i) => `w${i}*x${i}`).join(' + ');
    await openApp(page, link(`f = ${terms}`, '&step=5'));
    await expect(page.locator('.minimap')).toBeVisible();
    // Clicking the overview's far end moves the view there.
    const before = await page.locator('svg.graph .viewport').getAttribute('transform');
    const map = await page.locator('.minimap').boundingBox();
    await page.mouse.click(map!.x + map!.width - 3, map!.y + map!.height / 2);
    await expect
      .poll(() => page.locator('svg.graph .viewport').getAttribute('transform'))
      .not.toBe(before);
  });
});

test.describe('every symbol a formula uses is on the graph', () => {
  test('generated names (a₁, a₇) are drawn on their nodes', async ({ page }) => {
    await openApp(page, link(EXAMPLES.find((e) => e.id === 'neuron')!.source, '&step=25'));
    await expect(page.locator('.formula .katex').first()).toBeVisible();
    await formulaSettled(page);
    const formula = await page.locator('.formula').innerText();
    const names = [...new Set(formula.match(/a\s*\d+/g) ?? [])].map((s) => s.replace(/\s+/g, ''));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const node = page.locator(`svg.graph g.node[data-name="${name}"]`);
      await expect(node).toHaveCount(1);
      const drawn = (await node.locator('text.node-above').textContent())!.replace(/\s+/g, '');
      expect(drawn.startsWith(name), `${name} drawn as ${drawn}`).toBe(true);
    }
  });
});

test.describe('keyboard', () => {
  test('the graph is one Tab stop; arrows move between nodes; Enter selects', async ({ page }) => {
    await openApp(page, link('x = -2; y = 5; z = -4; q = x + y; f = q * z'));
    const stops = await page.locator('svg.graph g.node[tabindex="0"]').count();
    expect(stops).toBe(1);
    await page.locator('svg.graph g.node[tabindex="0"]').focus();
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-name'));
    await page.keyboard.press('ArrowLeft');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-name'));
    expect(second).not.toBe(first);
    expect(await page.locator('svg.graph g.node[tabindex="0"]').getAttribute('data-name')).toBe(
      second,
    );
    // Arrows inside the graph move focus, never the step.
    await expect(counter(page)).toContainText('Start');
    // The focus ring is drawn, and thick.
    const ring = await page.evaluate(() => {
      const r = document.activeElement?.querySelector('.focus-ring');
      return r ? [getComputedStyle(r).display, getComputedStyle(r).strokeWidth] : null;
    });
    expect(ring).not.toBeNull();
    expect(ring![0]).not.toBe('none');
    expect(parseFloat(ring![1])).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Enter');
    await expect(page.locator(`svg.graph g.node[data-name="${second}"]`)).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('a skip link leads past the editor to the graph', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the graph' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.locator('svg.graph g.node[tabindex="0"]')).toBeFocused();
  });

  test('+, - and 0 zoom in, out and fit', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page, link('(x+y)*z'));
    const scale = async () =>
      page.evaluate(
        () => (document.querySelector('svg.graph .viewport') as SVGGElement).getCTM()!.a,
      );
    const k0 = await scale();
    await page.keyboard.press('+');
    await expect.poll(scale).toBeGreaterThan(k0 * 1.1);
    await page.keyboard.press('0');
    await expect.poll(scale).toBeCloseTo(k0, 2);
    await page.keyboard.press('-');
    await expect.poll(scale).toBeLessThan(k0 * 0.9);
    // Typed into the editor, they are text.
    await page.getByRole('textbox', { name: 'Expression' }).press('End');
    await page.getByRole('textbox', { name: 'Expression' }).press('-');
    await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue('(x+y)*z-');
  });
});

test.describe('room for the graph', () => {
  test('the side panel folds away and the graph takes its width', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page, link(EXAMPLES.find((e) => e.id === 'neuron')!.source));
    const width = () => page.locator('svg.graph').evaluate((s) => s.getBoundingClientRect().width);
    const before = await width();
    const toggle = page.getByRole('button', { name: 'Side panel' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('textbox', { name: 'Expression' })).toBeHidden();
    await expect.poll(width).toBeGreaterThan(before + 250);
    await toggle.click();
    await expect(page.getByRole('textbox', { name: 'Expression' })).toBeVisible();
  });

  test('phone: the graph comes first, with the formula right under it', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await openApp(page, link('x = -2; y = 5; z = -4; q = x + y; f = q * z', '&step=8'));
    const graph = await page.locator('svg.graph').boundingBox();
    expect(graph!.y).toBeLessThan(812 / 2);
    const formula = await page.locator('.stage > .formula').boundingBox();
    expect(formula!.y).toBeGreaterThan(graph!.y + graph!.height - 1);
    // Scrolled to the graph, the graph and the formula's top are on screen together.
    expect(formula!.y - graph!.y).toBeLessThan(812 - 80);
    // Play and Next step do not share an icon.
    const icons = await page
      .locator('.step-controls .button-row .button path')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    expect(new Set(icons).size).toBe(icons.length);
  });

  for (const lang of ['en', 'vi'] as const) {
    test(`phone (${lang}): a three-row header, and the graph's footer inside its panel`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await openApp(page, link(EXAMPLES.find((e) => e.id === 'neuron')!.source, `&lang=${lang}`));
      const box = (sel: string) => page.locator(sel).first().boundingBox();
      // Brand with Present and the shortcuts; the example menu; theme, language and sharing
      // (Vietnamese's "Sao chép liên kết" may take a fourth row): never the five of before.
      const brand = (await box('.brand'))!;
      const present = (await box('.present-button'))!;
      expect(Math.abs(present.y + present.height / 2 - (brand.y + brand.height / 2))).toBeLessThan(
        6,
      );
      await expect(page.getByRole('button', { name: /present|trình chiếu/i })).toBeVisible();
      const tools = (await box('.share-menu'))!;
      expect(tools.y + tools.height).toBeLessThan(lang === 'en' ? 180 : 200);
      // The footer's legend, minimap and tools stay inside the graph's panel, not under the
      // formula, and leave the drawing most of the panel.
      const panel = (await box('.graph-panel'))!;
      const footer = (await box('.graph-footer'))!;
      expect(footer.y + footer.height).toBeLessThanOrEqual(panel.y + panel.height + 0.5);
      expect(footer.height).toBeLessThan(110);
      const graph = (await box('svg.graph'))!;
      expect(graph.height).toBeGreaterThan(0.6 * panel.height);
      await expectNoSeriousViolations(page);
    });
  }

  test("a narrow phone: the graph's bar wraps to two rows above the drawing, never on it", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    for (const lang of ['en', 'vi']) {
      await openApp(page, link(EXAMPLES.find((e) => e.id === 'staged')!.source, `&lang=${lang}`));
      const field = page.locator('.find-node input');
      await expect(field).toBeVisible();
      const bar = (await page.locator('.graph-bar').boundingBox())!;
      const area = (await page.locator('.graph-area').boundingBox())!;
      // Every control of the bar lies inside it, and the bar ends where the drawing begins.
      for (const control of await page.locator('.graph-bar .button, .graph-bar input').all()) {
        const b = (await control.boundingBox())!;
        expect(b.y + b.height, lang).toBeLessThanOrEqual(bar.y + bar.height + 0.5);
        expect(b.x + b.width, lang).toBeLessThanOrEqual(bar.x + bar.width + 0.5);
      }
      expect(bar.y + bar.height).toBeLessThanOrEqual(area.y + 0.5);
      // The placeholder is read whole, not cut by its field.
      const fits = await field.evaluate((el: HTMLInputElement) => {
        const cs = getComputedStyle(el);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = cs.font;
        const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        return ctx.measureText(el.placeholder).width <= room;
      });
      expect(fits, lang).toBe(true);
    }
  });

  test('presenting, the resting controls keep the step counter and give their room to the graph', async ({
    page,
  }) => {
    await openApp(page, link('(x+y)*z', '&mode=present&step=3'));
    const height = () =>
      page.locator('svg.graph').evaluate((s) => s.getBoundingClientRect().height);
    const before = await height();
    await page.mouse.move(5, 5);
    await expect(page.locator('.app[data-idle]')).toBeAttached({ timeout: 10_000 });
    await expect(counter(page)).toBeVisible();
    await expect(counter(page)).toContainText('Step 3');
    await expect.poll(height).toBeGreaterThan(before + 30);
  });
});
