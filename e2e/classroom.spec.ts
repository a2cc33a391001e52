import { expect, test, type Page } from '@playwright/test';
import { consoleErrors, counter, editor, nodeNamed, openApp, screenshot } from './helpers';

const CIRCUIT = '?expr=(x%2By)*z&x=-2&y=5&z=-4';
const presentButton = (page: Page) => page.getByRole('button', { name: 'Presentation mode' });
const shortcuts = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });
const app = (page: Page) => page.locator('.app');

/** Computed font size in px of the first element matching `selector`. */
const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** On-screen height of a value written on the graph: the label's type as the room sees it. */
const labelHeight = (page: Page) =>
  page
    .locator('svg.graph g.edge-label text.value-label')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height);

/** Waits two frames so the graph has re-fitted to its new box. */
const settled = (page: Page) =>
  page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
  );

test.describe('classroom modes', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('the Present button enters presentation mode: no header, no sidebar, larger type', async ({
    page,
  }) => {
    await openApp(page, `${CIRCUIT}&step=3`);
    const captionBefore = await fontSize(page, '.formula-caption');
    const labelBefore = await labelHeight(page);

    await presentButton(page).click();
    await expect(app(page)).toHaveAttribute('data-mode', 'present');
    await expect(page.locator('.app-header')).toHaveCount(0);
    await expect(page.locator('.sidebar')).toHaveCount(0);
    await expect(editor(page)).toHaveCount(0);
    await expect(page.locator('.graph-panel')).toBeVisible();
    await expect(page.getByRole('group', { name: 'Step controls' })).toBeVisible();
    await expect(page.locator('.formula')).toBeVisible();
    await settled(page);

    const captionAfter = await fontSize(page, '.formula-caption');
    const labelAfter = await labelHeight(page);
    expect(captionAfter).toBeGreaterThan(captionBefore * 1.15);
    expect(labelAfter).toBeGreaterThan(labelBefore * 1.2);
    // The mode travels in the link, so a reload comes back presenting.
    await expect(page).toHaveURL(/mode=present/);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('P enters and leaves; Esc leaves and gives the focus back to the Present button', async ({
    page,
  }) => {
    await openApp(page, CIRCUIT);
    await page.locator('.brand').click();
    await page.keyboard.press('p');
    await expect(app(page)).toHaveAttribute('data-mode', 'present');
    await page.keyboard.press('p');
    await expect(app(page)).toHaveAttribute('data-mode', 'normal');
    await expect(page.locator('.app-header')).toBeVisible();

    await page.keyboard.press('Shift+P');
    await expect(app(page)).toHaveAttribute('data-mode', 'present');
    // Steps still work with the header gone.
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toHaveText(/^Step 1 of 11/);
    await page.keyboard.press('Escape');
    await expect(app(page)).toHaveAttribute('data-mode', 'normal');
    await expect(page.locator('.sidebar')).toBeVisible();
    await expect(presentButton(page)).toBeFocused();
    // Typing P in the editor types a P.
    await editor(page).click();
    await editor(page).press('End');
    await editor(page).press('p');
    await expect(app(page)).toHaveAttribute('data-mode', 'normal');
  });

  test('controls fade after the pointer rests and come back when it moves or a key is pressed', async ({
    page,
  }) => {
    await openApp(page, CIRCUIT);
    await presentButton(page).click();
    // Resting, the step controls fold down to the counter; the bar fades.
    const buttons = page.locator('.step-controls .button-row');
    const bar = page.locator('.present-bar');
    await page.mouse.move(400, 300);
    await expect(buttons).toBeVisible();
    // About 2.5 s without movement.
    await expect(app(page)).toHaveAttribute('data-idle', '', { timeout: 4500 });
    await expect(buttons).toBeHidden();
    await expect(counter(page)).toBeVisible();
    await expect(bar).toHaveCSS('opacity', '0');
    await page.mouse.move(420, 320);
    await expect(buttons).toBeVisible();
    await expect(bar).toHaveCSS('opacity', '1');

    await expect(app(page)).toHaveAttribute('data-idle', '', { timeout: 4500 });
    await page.keyboard.press('ArrowRight');
    await expect(buttons).toBeVisible();
    await expect(counter(page)).toHaveText(/^Step 1 of 11/);
  });

  test('controls stay while a keyboard user is inside them', async ({ page }) => {
    await openApp(page, CIRCUIT);
    await presentButton(page).click();
    await page.getByRole('button', { name: 'Leave presentation' }).focus();
    // Shift+Tab to the shortcut button: a keyboard move, so its focus ring shows.
    await page.keyboard.press('Shift+Tab');
    const focused = page.locator(':focus');
    await expect(focused).toBeVisible();
    await page.waitForTimeout(3500);
    await expect(app(page)).not.toHaveAttribute('data-idle', '');
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  });

  test('F toggles the formula panel; ? opens the shortcut list and Esc closes only it', async ({
    page,
  }) => {
    await openApp(page, `${CIRCUIT}&step=2`);
    await presentButton(page).click();
    await expect(page.locator('.formula')).toHaveCount(1);
    await page.keyboard.press('f');
    await expect(page.locator('.formula')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Formula panel' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await page.keyboard.press('F');
    await expect(page.locator('.formula')).toBeVisible();

    await page.keyboard.press('?');
    const dialog = shortcuts(page);
    await expect(dialog).toBeVisible();
    for (const key of ['←', '→', 'Space', 'Home', 'End', 'F', '?', 'Esc', 'P']) {
      await expect(dialog.locator('kbd', { hasText: new RegExp(`^${escape(key)}$`) })).toHaveCount(
        1,
      );
    }
    // Keys do not move the graph behind the dialog.
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toHaveText(/^Step 2 of 11/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(app(page)).toHaveAttribute('data-mode', 'present');
    await page.keyboard.press('Escape');
    await expect(app(page)).toHaveAttribute('data-mode', 'normal');
  });

  test('the shortcut list opens in normal mode from its button and from ?', async ({ page }) => {
    await openApp(page, CIRCUIT);
    const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await button.click();
    await expect(shortcuts(page)).toBeVisible();
    await expect(shortcuts(page).getByRole('button', { name: 'Close' })).toBeFocused();
    await shortcuts(page).getByRole('button', { name: 'Close' }).click();
    await expect(shortcuts(page)).toBeHidden();
    await expect(button).toBeFocused();
    await page.keyboard.press('?');
    await expect(shortcuts(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(shortcuts(page)).toBeHidden();
    // Esc in normal mode closes the list and nothing else.
    await expect(page.locator('.app-header')).toBeVisible();
  });

  test('embed mode: graph, steps and formula only; stepping by buttons and keys; a link to the full app', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 800, height: 520 });
    await openApp(page, `${CIRCUIT}&step=0&embed=1`);
    await expect(app(page)).toHaveAttribute('data-mode', 'embed');
    await expect(page.locator('.graph-panel')).toBeVisible();
    await expect(page.getByRole('group', { name: 'Step controls' })).toBeVisible();
    await expect(page.locator('.formula')).toBeVisible();
    await expect(editor(page)).toHaveCount(0);
    await expect(page.locator('.app-header')).toHaveCount(0);
    await expect(page.locator('.sidebar')).toHaveCount(0);
    for (const name of ['x', 'y', 'z', 'f']) await expect(nodeNamed(page, name)).toHaveCount(1);
    // It fills the iframe without a scrollbar.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollHeight - window.innerHeight,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(counter(page)).toHaveText(/^Step 1 of 11/);
    await page.locator('.formula').click();
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toHaveText(/^Step 2 of 11/);
    await page.keyboard.press('End');
    await expect(counter(page)).toHaveText(/^Step 11 of 11/);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // P does nothing inside an embedded copy; F hides and shows its formula.
    await page.keyboard.press('p');
    await expect(app(page)).toHaveAttribute('data-mode', 'embed');
    await page.keyboard.press('f');
    await expect(page.locator('.formula')).toHaveCount(0);
    await page.keyboard.press('f');

    const link = page.getByRole('link', { name: 'Open in Backprop Lens' });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('target', '_blank');
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.searchParams.get('embed')).toBeNull();
    expect(href.searchParams.get('mode')).toBeNull();
    expect(href.searchParams.get('expr')).toBe('(x+y)*z');
    expect(href.searchParams.get('x')).toBe('-2');
    expect(href.searchParams.get('z')).toBe('-4');
    expect(href.searchParams.get('step')).toBe('3');

    // The link opens the same picture in the full app.
    const full = await page.context().newPage();
    await full.emulateMedia({ reducedMotion: 'reduce' });
    await full.goto(href.toString());
    await expect(full.locator('.app')).toHaveAttribute('data-mode', 'normal');
    await expect(full.locator('.counter')).toHaveText(/^Step 3 of 11/);
    await expect(full.getByRole('textbox', { name: 'Expression' })).toHaveValue('(x+y)*z');
    expect(consoleErrors(page)).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`presentation at 1920×1080 fits the projector, ${theme}`, async ({ page }) => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await openApp(page, `${CIRCUIT}&step=10&theme=${theme}`);
      await presentButton(page).click();
      await settled(page);
      await page.mouse.move(960, 500);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectFitted(page, { width: 1920, height: 1080 });
      await screenshot(page, `classroom-present-${theme}`);
    });
  }

  test('embed at 800×520: graph, steps and formula fit the frame side by side', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 800, height: 520 });
    await openApp(page, `${CIRCUIT}&step=9&embed=1`);
    await expect(counter(page)).toHaveText(/^Step 9 of 11/);
    await expect(page.locator('.formula .katex').first()).toBeVisible();
    await expectFitted(page, { width: 800, height: 520 });
    await screenshot(page, 'classroom-embed');
  });
});

/**
 * The graph panel, the step controls and the formula are each wholly on screen, none covers
 * another, every node of the graph is inside the graph's panel, and the page does not scroll.
 */
async function expectFitted(page: Page, screen: { width: number; height: number }) {
  const parts = ['.graph-panel', '.step-controls', '.formula'];
  const boxes = [];
  for (const sel of parts) {
    const box = (await page.locator(sel).boundingBox())!;
    expect(box, sel).not.toBeNull();
    expect(box.x, sel).toBeGreaterThanOrEqual(0);
    expect(box.y, sel).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, sel).toBeLessThanOrEqual(screen.width);
    expect(box.y + box.height, sel).toBeLessThanOrEqual(screen.height);
    boxes.push(box);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const apart =
        a.x + a.width <= b.x + 0.5 ||
        b.x + b.width <= a.x + 0.5 ||
        a.y + a.height <= b.y + 0.5 ||
        b.y + b.height <= a.y + 0.5;
      expect(apart, `${parts[i]} and ${parts[j]} overlap`).toBe(true);
    }
  }
  const panel = boxes[0];
  const nodes = await page.locator('svg.graph g.node .node-body').all();
  expect(nodes.length).toBe(5);
  for (const node of nodes) {
    const n = (await node.boundingBox())!;
    expect(n.x).toBeGreaterThanOrEqual(panel.x - 0.5);
    expect(n.y).toBeGreaterThanOrEqual(panel.y - 0.5);
    expect(n.x + n.width).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
    expect(n.y + n.height).toBeLessThanOrEqual(panel.y + panel.height + 0.5);
  }
  const scroll = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
  expect(scroll).toEqual({ x: 0, y: 0 });
}

/** A key as a literal inside a RegExp. */
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
