import { expect, test, type Page } from '@playwright/test';
import {
  appReady,
  consoleErrors,
  counter,
  expectNoSeriousViolations,
  gradCells,
  tensorNode,
  valueCells,
} from './helpers';
import { SMALL_LAYER } from '../test/fixtures/networks';

/**
 * The keyboard on a matrix card's cells (issue 15): one Tab stop per card; Enter goes into its
 * grid, the arrows move from cell to cell (down from the values into the gradient), each cell
 * says its indices and numbers, Enter on a gradient cell writes its index form as a click does,
 * Escape goes back to the card. None of these keys steps the program.
 */
const cardButton = (page: Page, name: string) =>
  tensorNode(page, name).locator('.tensor-card-button');
const focused = (page: Page) => page.locator(':focus');
const panel = (page: Page) => page.getByRole('region', { name: 'Chain rule' });

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`./?expr=${encodeURIComponent(SMALL_LAYER)}${query}`);
  await appReady(page);
  await expect(page.locator('svg.tensor-graph')).toBeVisible();
  // The end of the trace: every value and gradient known.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('End');
  await expect(gradCells(page, 'W')).toHaveCount(6);
}

test.describe('matrix cells by keyboard', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('Enter goes into a card, arrows move, Enter on a gradient cell drills, Escape returns', async ({
    page,
  }) => {
    await open(page);
    const at = await counter(page).textContent();
    // One Tab stop per card: Tab from X's card goes to another card, never into X's cells.
    await cardButton(page, 'X').focus();
    await page.keyboard.press('Tab');
    await expect(focused(page)).toHaveClass(/\btensor-card-button\b/);
    await expect(page.locator('svg.tensor-graph .tensor-cell[tabindex="0"]')).toHaveCount(0);

    const w = cardButton(page, 'W');
    await w.focus();
    await expect(w).toHaveAccessibleName('W, 3×2 matrix, has a gradient');
    await expect(w).toHaveAccessibleDescription(
      'Enter goes into its cells: the arrow keys move between them, Escape comes back.',
    );
    await page.keyboard.press('Enter');
    // Selected as a click would, and the focus is on the first value cell.
    await expect(w).toHaveAttribute('aria-pressed', 'true');
    await expect(valueCells(page, 'W').nth(0)).toBeFocused();
    await expect(focused(page)).toHaveAccessibleName(
      /^W, row 1, column 1: value 0\.5, gradient \S+/,
    );
    await expect(page.locator('.tensor-tip [aria-hidden="true"]')).toHaveText(
      /^W\[1, 1\] = 0\.5, ∂L\/∂W\[1, 1\] = \S+$/,
    );
    await page.keyboard.press('ArrowRight');
    await expect(valueCells(page, 'W').nth(1)).toBeFocused();
    await expect(focused(page)).toHaveAccessibleName(/^W, row 1, column 2: value/);
    // At the right edge the focus stays; ← goes back.
    await page.keyboard.press('ArrowRight');
    await expect(valueCells(page, 'W').nth(1)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(valueCells(page, 'W').nth(0)).toBeFocused();
    await page.keyboard.press('End');
    await expect(valueCells(page, 'W').nth(1)).toBeFocused();
    // Down the values' three rows, on into the gradient grid under them.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(valueCells(page, 'W').nth(5)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(gradCells(page, 'W').nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(valueCells(page, 'W').nth(5)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const cell = gradCells(page, 'W').nth(5);
    await expect(cell).toBeFocused();
    await expect(cell).toHaveAccessibleName(/^W, row 3, column 2: value 1, gradient \S+/);
    await expect(cell).toHaveAccessibleDescription('Enter writes this entry in index form.');
    // None of the keys stepped the program (← → Home End step it elsewhere).
    await expect(counter(page)).toHaveText(at!);
    await expectNoSeriousViolations(page, 'a gradient cell focused');

    // Enter: the same index form as a click on W[3,2], its sources lit.
    await page.keyboard.press('Enter');
    const entry = panel(page).getByRole('group', { name: 'One entry, index form' });
    await expect(entry.locator('.tex > .visually-hidden')).toHaveText(
      /^∂L\/∂W\[3,2\] = Σ_b X\[b,3\] · ∂L\/∂a₁\[b,2\] = 3·\S+ \+ 6·\S+ = \S+$/,
    );
    await expect(cell).toHaveClass(/\bdrilled\b/);
    await expect(cell).toHaveAttribute('aria-selected', 'true');
    await expect(valueCells(page, 'X').and(page.locator('.lit'))).toHaveCount(2);
    await expect(cell).toBeFocused();
    await expectNoSeriousViolations(page, 'an entry drilled by keyboard');

    // Escape: back to the card, still in the normal page (not a presentation's exit).
    await page.keyboard.press('Escape');
    await expect(w).toBeFocused();
    await expect(counter(page)).toHaveText(at!);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('in presentation mode Escape in a grid goes back to the card, not out of the mode', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await open(page, '&mode=present');
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
    await cardButton(page, 'X').focus();
    await page.keyboard.press('Enter');
    await expect(valueCells(page, 'X').nth(0)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(cardButton(page, 'X')).toBeFocused();
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
  });

  test('in Vietnamese a cell says hàng, cột, giá trị and gradient', async ({ page }) => {
    await open(page, '&lang=vi');
    const w = cardButton(page, 'W');
    await expect(w).toHaveAccessibleName('W, ma trận 3×2, đã có gradient');
    await expect(w).toHaveAccessibleDescription(
      'Enter để vào các ô: phím mũi tên để di chuyển giữa các ô, Escape để quay lại.',
    );
    await w.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await expect(valueCells(page, 'W').nth(2)).toBeFocused();
    await expect(focused(page)).toHaveAccessibleName(/^W, hàng 2, cột 1: giá trị 2, gradient \S+/);
    await expect(tensorNode(page, 'W').getByRole('grid', { name: 'Giá trị của W' })).toHaveCount(1);
    await expectNoSeriousViolations(page, 'vi');
  });
});

test('on a phone, an entry drilled from the inspector scrolls the graph to the cells it read', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  const host = page.locator('.tensor-host');
  /** Whether the card `name` lies inside the graph's box. */
  const inBox = (name: string) =>
    host.evaluate((h, label) => {
      const card = h.querySelector(`g.tensor-node[aria-label^="${label}, "]`)!;
      const box = h.getBoundingClientRect();
      const r = card.getBoundingClientRect();
      return (
        r.left >= box.left - 1 &&
        r.right <= box.left + h.clientWidth + 1 &&
        r.top >= box.top - 1 &&
        r.bottom <= box.top + h.clientHeight + 1
      );
    }, name);
  await cardButton(page, 'W').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(cardButton(page, 'W')).toHaveAttribute('aria-pressed', 'true');
  const at = await counter(page).textContent();
  // The graph's box scrolled away from X, whose cells the entry reads.
  await host.evaluate((h) => h.scrollTo(h.scrollWidth, h.scrollHeight));
  expect(await inBox('X')).toBe(false);
  const button = page
    .locator('.inspector table.grad-table')
    .getByRole('button', { name: /^∂L\/∂W\[3,2\] = \S+: write in index form$/ });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(valueCells(page, 'X').and(page.locator('.lit'))).toHaveCount(2);
  await expect.poll(() => inBox('X')).toBe(true);
  await expect(counter(page)).toHaveText(at!);
});

test('an entry drilled from the graph brings its pressed cell into view in the side panel, not the page', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  const sidebar = page.locator('aside.sidebar');
  // The inspector starts below the side panel's fold (the editor and the inputs come first).
  const below = await sidebar.evaluate((s) => {
    const i = s.querySelector('.inspector')!.getBoundingClientRect();
    return s.scrollTop === 0 && i.bottom > s.getBoundingClientRect().top + s.clientHeight;
  });
  expect(below).toBe(true);
  await gradCells(page, 'W').nth(5).click();
  const pressed = page
    .locator('.inspector table.grad-table')
    .getByRole('button', { name: /^∂L\/∂W\[3,2\] = \S+: write in index form$/ });
  await expect(pressed).toHaveAttribute('aria-pressed', 'true');
  const inView = () =>
    pressed.evaluate((b) => {
      const s = b.closest('aside.sidebar')!;
      const r = b.getBoundingClientRect();
      const box = s.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.top + s.clientHeight + 1;
    });
  await expect.poll(inView).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
