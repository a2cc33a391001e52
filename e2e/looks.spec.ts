import { expect, test, type Page } from '@playwright/test';
import { chooseExample, consoleErrors, counter, openApp, screenshot } from './helpers';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Screen boxes of every node shape, every visible label, and of the graph's own area. */
async function boxes(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const hidden = el.closest('[display="none"]') || getComputedStyle(el).display === 'none';
      return !hidden && r.width > 0 && r.height > 0 && (el.textContent ?? 'x') !== '';
    };
    return {
      area: box(document.querySelector('.graph-area')!),
      nodes: [...document.querySelectorAll('svg.graph g.node .node-body')].map(box),
      labels: [
        ...document.querySelectorAll(
          'svg.graph text.value-label, svg.graph g.grad-badge rect, svg.graph text.node-above',
        ),
      ]
        .filter(visible)
        .map(box),
      panels: [...document.querySelectorAll('.panel, .step-controls')].map(box),
    };
  });
}

/**
 * `partial`: a graph too large to show whole at a readable zoom shows the current step's part of
 * it (the rest is clipped by the graph's box, never drawn over a panel): check what is in view.
 */
async function expectCleanPicture(page: Page, { partial = false } = {}) {
  const b = await boxes(page);
  if (partial) {
    const inside = (r: Box) =>
      r.x >= b.area.x - 0.5 &&
      r.y >= b.area.y - 0.5 &&
      r.x + r.width <= b.area.x + b.area.width + 0.5 &&
      r.y + r.height <= b.area.y + b.area.height + 0.5;
    b.nodes = b.nodes.filter(inside);
    b.labels = b.labels.filter(inside);
  }
  expect(b.nodes.length).toBeGreaterThan(0);
  for (const n of b.nodes) {
    // Every node lies inside the graph's area: nothing runs off the edge or hides under a panel.
    expect(n.x).toBeGreaterThanOrEqual(b.area.x - 0.5);
    expect(n.y).toBeGreaterThanOrEqual(b.area.y - 0.5);
    expect(n.x + n.width).toBeLessThanOrEqual(b.area.x + b.area.width + 0.5);
    expect(n.y + n.height).toBeLessThanOrEqual(b.area.y + b.area.height + 0.5);
    for (const p of b.panels) expect(overlap(n, p)).toBe(false);
  }
  for (let i = 0; i < b.nodes.length; i++) {
    for (let j = i + 1; j < b.nodes.length; j++)
      expect(overlap(b.nodes[i], b.nodes[j])).toBe(false);
  }
  for (const l of b.labels) for (const n of b.nodes) expect(overlap(shrink(l), n)).toBe(false);
  for (let i = 0; i < b.labels.length; i++) {
    for (let j = i + 1; j < b.labels.length; j++) {
      expect(overlap(shrink(b.labels[i]), shrink(b.labels[j])), `labels ${i} and ${j}`).toBe(false);
    }
  }
}

/** Text boxes include the font's empty ascent: allow a pixel or two of slack. */
const shrink = (b: Box): Box => ({
  x: b.x + 1.5,
  y: b.y + 1.5,
  width: b.width - 3,
  height: b.height - 3,
});

for (const [name, viewport, scheme] of [
  ['light-1280', { width: 1280, height: 800 }, 'light'],
  ['dark-1280', { width: 1280, height: 800 }, 'dark'],
  ['phone-375', { width: 375, height: 740 }, 'light'],
  ['phone-375-dark', { width: 375, height: 740 }, 'dark'],
  ['projector-1920', { width: 1920, height: 1080 }, 'light'],
] as const) {
  test(`${name}: the finished trace renders without overlaps`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(counter(page)).toContainText('Step 11 of 11');
    await page.locator('.graph').scrollIntoViewIfNeeded();
    // A phone's box is narrower than the circuit drawn at the readable zoom (the layout keeps
    // room for any number a label can show): it shows the current step's part, and that part
    // must be clean and hold both of the step's nodes.
    const phone = viewport.width < 500;
    await expectCleanPicture(page, { partial: phone });
    if (phone) {
      const area = (await page.locator('.graph-area').boundingBox())!;
      for (const n of await page.locator('svg.graph g.node[aria-current="step"]').all()) {
        const b = (await n.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(area.x - 0.5);
        expect(b.x + b.width).toBeLessThanOrEqual(area.x + area.width + 0.5);
      }
      await expect(page.locator('svg.graph g.node[aria-current="step"]')).toHaveCount(2);
    }
    // Nothing wider than the screen: no sideways scrolling on a phone.
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(viewport.width);
    await screenshot(page, `looks-${name}`);
    expect(consoleErrors(page)).toEqual([]);
  });
}

test('the theme can be switched by hand', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(13, 17, 23)');
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the larger examples also render without overlaps', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  for (const id of ['staged', 'softmax', 'neuron', 'hidden']) {
    await chooseExample(page, id);
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expectCleanPicture(page, { partial: true });
    await screenshot(page, `example-${id}`);
  }
});
