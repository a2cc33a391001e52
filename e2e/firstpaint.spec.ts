import { expect, test, type Page } from '@playwright/test';

/**
 * The first screen is HTML rendered at build time (src/prerender.tsx): the frame of the app and
 * the built-in example's graph paint before any script has run, then React takes the page over.
 */

const noScripts = (page: Page) => page.route(/\/assets\/.*\.js$/, (route) => route.abort());

/** Where each node sits on screen, by its accessible-name-free id. */
const nodeBoxes = (page: Page) =>
  page.locator('svg.graph g.node').evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
    }),
  );

test('the page paints the example graph before any script has loaded, and it cannot be used yet', async ({
  page,
}) => {
  await noScripts(page);
  await page.goto('./');
  await expect(page.locator('svg.graph g.node')).toHaveCount(5);
  await expect(page.locator('svg.graph')).toBeVisible();
  // Fitted into its box by the inline script, like the app would.
  const box = (await page.locator('svg.graph').boundingBox())!;
  for (const [x, y, w, h] of await nodeBoxes(page)) {
    expect(x).toBeGreaterThanOrEqual(box.x);
    expect(y).toBeGreaterThanOrEqual(box.y);
    expect(x + w).toBeLessThanOrEqual(box.x + box.width);
    expect(y + h).toBeLessThanOrEqual(box.y + box.height);
  }
  // Inert and hidden from assistive technology until React has rendered: nothing can be typed
  // into, pressed or announced yet.
  await expect(page.locator('#root > .app')).toHaveAttribute('inert', '');
  await expect(page.locator('#root > .app')).toHaveAttribute('aria-hidden', 'true');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next step' })).toHaveCount(0);
});

test('React takes over without moving the graph, and the page then works', async ({ browser }) => {
  const before = await browser.newPage();
  await noScripts(before);
  await before.goto('./');
  await expect(before.locator('svg.graph g.node')).toHaveCount(5);
  const painted = await nodeBoxes(before);
  await before.close();

  const page = await browser.newPage();
  await page.goto('./');
  await expect(page.locator('#root')).not.toHaveAttribute('data-shell');
  await expect(page.locator('#root > .app')).not.toHaveAttribute('inert');
  await expect(page.locator('svg.graph')).toHaveCount(1);
  expect(await nodeBoxes(page)).toEqual(painted);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByText('Step 1 of 11')).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Expression' });
  await editor.fill('a * b');
  await expect(page.locator('svg.graph g.node')).toHaveCount(3);
  await page.close();
});

test('a shared link never shows the built-in example first', async ({ page }) => {
  await noScripts(page);
  await page.goto('./?expr=a*b');
  await expect(page.locator('#root > .app')).toBeAttached();
  await expect(page.locator('svg.graph')).toHaveCount(0);

  await page.unroute(/\/assets\/.*\.js$/);
  await page.goto('./?expr=a*b');
  await expect(page.locator('svg.graph g.node')).toHaveCount(3);
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue('a*b');
});

test('a remembered program never shows the built-in example first', async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem(
      'backprop-lens:last-program',
      JSON.stringify({ source: 'u = 3\nf = u * u', values: {} }),
    ),
  );
  await noScripts(page);
  await page.goto('./');
  await expect(page.locator('svg.graph')).toHaveCount(0);

  await page.unroute(/\/assets\/.*\.js$/);
  await page.goto('./');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue('u = 3\nf = u * u');
  await expect(page.locator('svg.graph g.node')).toHaveCount(2);
});

test('a dark system theme is dark from the first paint', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await noScripts(page);
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).not.toBe('rgb(255, 255, 255)');
  await context.close();
});

test('until React arrives, a shared link shows its own graph and none of the example around it', async ({
  page,
}) => {
  // Hold React back so the moment before it can be looked at.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/main-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?expr=a*b');
  await expect(page.locator('svg.graph g.node')).toHaveCount(3);
  await expect(page.locator('svg.graph')).toBeVisible();
  await expect(page.locator('#root')).toHaveAttribute('data-boot', 'partial');
  // The prerendered editor still holds the example's text: it must not be seen.
  await expect(page.locator('#root > .app textarea')).toBeHidden();
  await expect(page.getByText('cs231n', { exact: false }).first()).toBeHidden();
  release();
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue('a*b');
  await expect(page.locator('#root')).not.toHaveAttribute('data-boot');
  await expect(page.locator('svg.graph g.node')).toHaveCount(3);
});

test('a first visit is interactive without the layout code, which arrives in time for the first edit', async ({
  page,
}) => {
  // The example's layout is in the page; d3-dag (~40 KB gzip) is fetched only after app-ready.
  await page.goto('./');
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
  const early = await page.evaluate(() => {
    const ready = performance.getEntriesByName('app-ready')[0].startTime;
    return performance
      .getEntriesByType('resource')
      .filter((r) => /\/assets\/layoutGraph-/.test(r.name) && r.startTime < ready)
      .map((r) => r.name);
  });
  expect(early).toEqual([]);
  await expect(page.locator('svg.graph g.node')).toHaveCount(5);
  await page.getByRole('textbox', { name: 'Expression' }).fill('(a + b) * c - a');
  await expect(page.locator('svg.graph g.node')).toHaveCount(6);
});

test('a graph that needs the layout code waits for it, then draws', async ({ page }) => {
  // Held back until released: the page shows its own state (no stale example) meanwhile.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/layoutGraph-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?expr=' + encodeURIComponent('u * v + w'));
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue('u * v + w');
  await expect(page.locator('svg.graph g.node')).toHaveCount(0);
  release();
  await expect(page.locator('svg.graph g.node')).toHaveCount(5);
});
