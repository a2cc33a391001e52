import { expect, test, type Page } from '@playwright/test';
import { SMALL_LAYER } from '../test/fixtures/networks';
import { appReady, consoleErrors, editor, expectNoSeriousViolations, screenshot } from './helpers';

/**
 * Issue 15, point 3: a tensor program's inputs as grids of number fields in the Inputs panel.
 * Editing a cell rewrites the input's declaration in the program and runs it again at once; the
 * link (which carries the program) keeps the numbers.
 */
// By class: the region's name is 'Inputs' or 'Đầu vào'.
const inputs = (page: Page) => page.locator('section.inputs');
const field = (page: Page, name: string) =>
  inputs(page).getByRole('textbox', { name, exact: true });
const node = (page: Page, name: string) =>
  page.locator(`svg.tensor-graph g.tensor-node[aria-label^="${name}, "]`);
/** The numbers a grid cell's title reads: `W[1, 2] = …, ∂L/∂W[1, 2] = …`. */
const cellTitle = (page: Page, name: string, k: number) =>
  node(page, name).locator('.value-grid rect.tensor-cell title').nth(k).textContent();

async function open(page: Page, query: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./${query}`);
  await appReady(page);
}

test.describe('matrix inputs in the Inputs panel', () => {
  // Two cores shared by several test runs: each test opens the page more than once.
  test.slow();
  test('each entry is a labelled field; typing one re-runs the program, and the link keeps it', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page, `?expr=${encodeURIComponent(SMALL_LAYER)}`);
    await expect(field(page, 'W row 1 column 2')).toHaveValue('-1');
    await expect(field(page, 'X row 2 column 3')).toHaveValue('6');
    await expect(field(page, 'b entry 2')).toHaveValue('-0.2');
    // 6 + 6 + 2 fields, and no "no inputs" line.
    await expect(inputs(page).getByRole('textbox')).toHaveCount(14);
    await expect(inputs(page)).toContainText('3×2 matrix');
    await expect(inputs(page)).toContainText('vector of 2');

    await page.getByRole('button', { name: 'Jump to end' }).click();
    const counter = await page.locator('.counter').innerText();
    const wBefore = await cellTitle(page, 'W', 0);
    expect(wBefore).toMatch(/^W\[1, 1\] = 0\.5, ∂L\/∂W\[1, 1\] = /);
    await expectNoSeriousViolations(page, 'grid of fields');

    // X row 1 column 1 from 1 to -2.5: X's value, and W's gradient (∂L/∂W = Xᵀ · ∂L/∂Z), change.
    const cell = field(page, 'X row 1 column 1');
    await cell.fill('-2.5');
    await expect(editor(page)).toHaveValue(
      SMALL_LAYER.replace('X = [[1,2,3],[4,5,6]]', 'X = [[-2.5, 2, 3], [4, 5, 6]]'),
    );
    await expect.poll(() => cellTitle(page, 'X', 0)).toMatch(/^X\[1, 1\] = -2\.5, /);
    await expect.poll(() => cellTitle(page, 'W', 0)).not.toBe(wBefore);
    const wAfter = (await cellTitle(page, 'W', 0))!;
    // Still at the end of the trace: an edit is the same program with another number.
    await expect(page.locator('.counter')).toHaveText(counter);
    await expect(cell).toBeFocused();

    // The link carries the program, and so the number: a reload shows the same picture.
    await expect
      .poll(() => new URL(page.url()).searchParams.get('expr'))
      .toContain('[[-2.5, 2, 3]');
    await page.reload();
    await appReady(page);
    await expect(field(page, 'X row 1 column 1')).toHaveValue('-2.5');
    // The link's step too: still the end of the trace.
    await expect(page.locator('.counter')).toHaveText(counter);
    await expect.poll(() => cellTitle(page, 'W', 0)).toBe(wAfter);
    expect(errors).toEqual([]);
  });

  test('arrow keys move between cells; text that is not a number waits, with a message', async ({
    page,
  }) => {
    await open(page, `?expr=${encodeURIComponent(SMALL_LAYER)}`);
    // The program's trace has landed (4 forward steps, the seed, 6 backward edges).
    const start = 'Start · 11 steps';
    await expect(page.locator('.counter')).toHaveText(start);
    await field(page, 'W row 1 column 1').focus();
    await page.keyboard.press('ArrowDown');
    await expect(field(page, 'W row 2 column 1')).toBeFocused();
    // ← and → move the caret inside a number first, then to the next field.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await expect(field(page, 'W row 2 column 2')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(field(page, 'W row 1 column 2')).toBeFocused();
    // The step keys do not fire while a field has the focus.
    await expect(page.locator('.counter')).toHaveText(start);

    const before = await editor(page).inputValue();
    const cell = field(page, 'W row 1 column 2');
    await cell.fill('-');
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    await expect(inputs(page)).toContainText('W row 1 column 2: not a number yet.');
    await expect(cell).toHaveValue('-');
    await expect(editor(page)).toHaveValue(before);
    await expectNoSeriousViolations(page, 'half-typed cell');
    await cell.pressSequentially('3');
    await expect(cell).not.toHaveAttribute('aria-invalid', 'true');
    await expect(editor(page)).toHaveValue(
      before.replace('W = [[0.5,-1],[2,0],[-0.5,1]]', 'W = [[0.5, -3], [2, 0], [-0.5, 1]]'),
    );
    expect(consoleErrors(page)).toEqual([]);
  });

  test('randn inputs: new random values beside them; an edit writes the numbers; big ones are summarised', async ({
    page,
  }) => {
    const program = 'W = randn(3, 4); A = randn(20, 30)\nL = sum(W * W) + sum(A * A)';
    await open(page, `?expr=${encodeURIComponent(program)}`);
    const button = inputs(page).getByRole('button', { name: 'New random values' });
    await expect(button).toBeVisible();
    await expect(inputs(page).getByText('Drawn by randn.')).toHaveCount(2);
    // A 20×30 matrix is a summary, not 600 fields.
    await expect(inputs(page).getByRole('textbox')).toHaveCount(12);
    await expect(inputs(page)).toContainText(/Shape 20×30; min -?\d.*, max \d.*, mean .*, norm \d/);
    await expect(inputs(page)).toContainText('More than 12 rows or columns');

    const drawn = await field(page, 'W row 2 column 3').inputValue();
    await button.click();
    await expect(field(page, 'W row 2 column 3')).not.toHaveValue(drawn);
    await expectNoSeriousViolations(page, 'randn inputs');

    await field(page, 'W row 3 column 4').fill('7');
    await expect(editor(page)).toHaveValue(
      /^W = \[\[[^\]]+\], \[[^\]]+\], \[[^\]]+, 7\]\]; A = randn\(20, 30\)\n/,
    );
    // W is numbers now; A still draws from randn.
    await expect(inputs(page).getByText('Drawn by randn.')).toHaveCount(1);
    await expect(button).toBeVisible();
    expect(consoleErrors(page)).toEqual([]);
  });

  test('on a 375 px phone a 12×12 grid scrolls in its own box; Vietnamese labels', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    const program = 'W = randn(12, 12)\nb = zeros(12)\nL = sum(tanh(W + b))';
    await open(page, `?expr=${encodeURIComponent(program)}&lang=vi`);
    const cell = inputs(page).getByRole('textbox', { name: 'W hàng 12 cột 12', exact: true });
    await expect(cell).toBeAttached();
    await expect(
      inputs(page).getByRole('textbox', { name: 'b phần tử 3', exact: true }),
    ).toHaveValue('0');
    await expect(inputs(page)).toContainText('ma trận 12×12');
    const widths = await page.evaluate(() => {
      const box = document.querySelector('.tensor-input-scroll')!;
      return {
        page: document.documentElement.scrollWidth,
        view: window.innerWidth,
        box: box.clientWidth,
        content: box.scrollWidth,
        right: box.getBoundingClientRect().right,
      };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    expect(widths.right).toBeLessThanOrEqual(widths.view);
    expect(widths.content).toBeGreaterThan(widths.box);
    // Every number is whole in its field: none is clipped.
    const clipped = await inputs(page)
      .locator('input.tensor-cell-field')
      .evaluateAll((els) =>
        els
          .filter(
            (el) => (el as HTMLInputElement).scrollWidth > (el as HTMLInputElement).clientWidth,
          )
          .map((el) => `${el.getAttribute('aria-label')}: ${(el as HTMLInputElement).value}`),
      );
    expect(clipped).toEqual([]);
    // The last cell scrolls into its box when focused, and can be edited there.
    await cell.scrollIntoViewIfNeeded();
    await cell.fill('2');
    await expect(page.locator('textarea.code-input')).toHaveValue(/, 2\]\]\nb = zeros\(12\)/);
    await screenshot(page, 'tensor-inputs-phone-vi');
    await expectNoSeriousViolations(page, 'phone, Vietnamese');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(page, 'phone, Vietnamese, dark');
  });
});
