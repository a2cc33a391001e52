import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { appReady, counter, editor, expectNoSeriousViolations, screenshot } from './helpers';
import { SMALL_LAYER } from '../test/fixtures/networks';

/**
 * The lessons on tensor programs (issue 15, point 8) and cs231n's spiral (point 7): gradient check,
 * gradient descent, narration, export, share link, presentation, forward mode and paths saying
 * they are scalar-only, and the spiral panel training a ReLU network live.
 */

/** A softmax classifier on four points: gradient descent drives its loss below 0.05. */
const CLASSIFIER = [
  'X = [[1, 0], [0, 1], [-1, 0], [0, -1]]',
  'Y = [[1, 0], [1, 0], [0, 1], [0, 1]]',
  'W = [[0.1, -0.1], [0.2, 0.3]]; b = [0, 0]',
  'P = softmax(X @ W + b)',
  'L = crossentropy(P, Y)',
].join('\n');

const tensorNode = (page: Page, label: string) =>
  page.locator(`svg.tensor-graph g.tensor-node[aria-label^="${label}"]`);

async function openProgram(page: Page, program: string, extra = ''): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`./?expr=${encodeURIComponent(program)}${extra}`);
  await appReady(page);
  await expect(page.locator('svg.tensor-graph')).toBeVisible();
  expect(errors).toEqual([]);
}

const checkRegion = (page: Page) => page.getByRole('region', { name: 'Gradient check' });
const training = (page: Page) => page.getByRole('region', { name: 'Gradient descent' });

test.describe('lessons on a tensor program', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('gradient check: a random direction and sampled entries per input, all agreeing', async ({
    page,
  }) => {
    await openProgram(page, SMALL_LAYER);
    await checkRegion(page).getByText('Gradient check', { exact: true }).click();
    for (const name of ['X', 'W', 'b']) {
      const row = checkRegion(page).locator(`tr[data-input="${name}"]`);
      await expect(row).toBeVisible();
      await expect(row.locator('.status-chip')).toHaveText(/agrees/);
    }
    // Three inputs, each with its direction row, and a few sampled entries.
    await expect(checkRegion(page).locator('tr[data-check="direction"]')).toHaveCount(3);
    await expect(checkRegion(page).locator('tr[data-check="entry"]')).toHaveCount(8);
    const direction = checkRegion(page).locator('tr[data-check="direction"]').nth(1);
    const analytic = Number(await direction.locator('[data-col="analytic"]').textContent());
    const numeric = Number(await direction.locator('[data-col="numeric"]').textContent());
    expect(Math.abs(analytic - numeric)).toBeLessThan(1e-6);
    await expect(checkRegion(page).getByText('W[', { exact: false }).first()).toBeVisible();
    await expectNoSeriousViolations(page, 'tensor gradient check');
  });

  test('gradient descent: one step writes new matrices into the program and lowers the loss; Train runs until the loss is small', async ({
    page,
  }) => {
    await openProgram(page, CLASSIFIER);
    const panel = training(page);
    await expect(panel.getByRole('checkbox', { name: 'W is a parameter' })).toBeChecked();
    await expect(panel.getByRole('checkbox', { name: 'b is a parameter' })).toBeChecked();
    await expect(panel.getByRole('checkbox', { name: 'X is a parameter' })).not.toBeChecked();
    await panel.getByLabel('Learning rate').fill('1');
    await panel.getByRole('button', { name: 'Take one step' }).click();
    await expect(panel.locator('li[data-param="W"]')).toContainText('W ← W − 1 · ∂L/∂W (2×2)');
    const loss = await panel.locator('.update-formulas .hint').innerText();
    const [before, after] = loss
      .split('\n')[0]
      .replace('L: ', '')
      .split(' → ')
      .map((v) => Number(v.replace('−', '-')));
    expect(after).toBeLessThan(before);
    // The program holds the new numbers; the data are unchanged.
    await expect(editor(page)).not.toHaveValue(CLASSIFIER);
    await expect(editor(page)).toHaveValue(/^X = \[\[1, 0\], \[0, 1\], \[-1, 0\], \[0, -1\]\]/);
    await expect(editor(page)).toHaveValue(/W = \[\[[-\d.]+, [-\d.]+\], \[[-\d.]+, [-\d.]+\]\]/);
    await expectNoSeriousViolations(page, 'tensor update');

    await panel.getByLabel('Steps').fill('2000');
    await panel.getByLabel('Stop when loss <').fill('0.05');
    await panel.getByRole('button', { name: 'Train' }).click();
    await expect(panel.getByRole('status')).toContainText('the loss is below 0.05');
    const label = await page.getByRole('img', { name: /^Loss from / }).getAttribute('aria-label');
    const m = /^Loss from (\S+) to (\S+)/.exec(label ?? '');
    expect(Number(m![2])).toBeLessThan(0.05);
    expect(Number(m![2])).toBeLessThan(Number(m![1]));
    await screenshot(page, 'tensor-descent');
  });

  test('narration reads a tensor step in words, with its shape; a hovered cell by its indices', async ({
    page,
  }) => {
    await openProgram(page, SMALL_LAYER);
    const said = page.getByTestId('narration');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(said).toHaveText('Forward: a1, a 2 by 2 matrix, is computed: X matrix times W.');
    await page.keyboard.press('End');
    await expect(said).toHaveText(
      'Backward: the gradient of W, a 3 by 2 matrix, is X transposed times the gradient of a1. Done: every gradient is known, each with the shape of its input.',
    );
    // A cell of W's value grid, row 2 column 1: its numbers in words for a screen reader.
    await tensorNode(page, 'W, 3×2 matrix').locator('.value-grid rect.tensor-cell').nth(2).hover();
    await expect(page.locator('.tensor-tip .visually-hidden')).toHaveText(
      /^W, row 2, column 1: value 2, gradient 0\.01617/,
    );
    await page.keyboard.press('ArrowLeft');
    await expect(said).toHaveText(
      'Backward: the gradient of X, a 2 by 3 matrix, is the gradient of a1 times W transposed.',
    );
    await page.keyboard.press('ArrowLeft');
    await expect(said).toHaveText(
      'Backward: the gradient of b, a vector of 2, is the sum over the rows of (the gradient of Z).',
    );
  });

  test('export: SVG shows the grids, Copy LaTeX writes bmatrix', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openProgram(page, SMALL_LAYER);
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Copy LaTeX', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const tex = await page.evaluate(() => navigator.clipboard.readText());
    expect(tex).toContain('W &= \\begin{bmatrix} 0.5 & -1 \\\\ 2 & 0 \\\\ -0.5 & 1 \\end{bmatrix}');
    expect(tex).toContain(
      '\\frac{\\partial L}{\\partial W} &= X^{\\top} \\cdot \\frac{\\partial L}{\\partial a_{1}} = \\begin{bmatrix}',
    );
    expect(tex.match(/\\begin\{bmatrix\}/g)!.length).toBeGreaterThan(10);
    expect(tex.match(/\\begin\{align\*\}/g)).toHaveLength(4);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    const svg = await readFile(await download.path(), 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    // Every cell of the five grids with values (6 + 6 + 2 + 4 + 4 + 4) and of the gradients.
    expect((svg.match(/<rect/g) ?? []).length).toBeGreaterThan(40);
    expect(svg).toContain('∂L/∂W = Xᵀ · ∂L/∂a₁ (3×2 = 3×2 · 2×2)');
    // The zoom buttons act on the scalar picture only: a tensor graph has none.
    await expect(page.getByRole('button', { name: 'Fit to screen' })).toHaveCount(0);
  });

  test('forward mode and paths say they are scalar-only', async ({ page }) => {
    await openProgram(page, SMALL_LAYER);
    const forward = page.getByRole('radio', { name: 'Forward mode' });
    await expect(forward).toBeDisabled();
    await expect(forward).toHaveAccessibleDescription(
      'Forward mode works on scalar programs only: this program has vectors or matrices.',
    );
    await expect(page.getByText('Paths are listed for scalar programs only')).toBeVisible();
    await expectNoSeriousViolations(page, 'scalar-only modes');
  });

  test('a link with a step and a seed reopens exactly; presentation mode draws the grids', async ({
    page,
  }) => {
    const program = 'W = randn(3, 4)\nb = zeros(4)\nL = sum(tanh(W + b))';
    await openProgram(page, program, '&seed=7&step=5');
    await expect(counter(page)).toHaveText(/^Step 5 of \d+/);
    await expect(page.locator('.random-seed')).toContainText('seed 7.');
    const said = await page.getByTestId('narration').textContent();
    await page.reload();
    await appReady(page);
    await expect(counter(page)).toHaveText(/^Step 5 of \d+/);
    await expect(page.locator('.random-seed')).toContainText('seed 7.');
    await expect(tensorNode(page, 'W, 3×4 matrix')).toBeVisible();
    // The same picture: W's value grid cells have the same colours after the reload.
    const fills = () =>
      tensorNode(page, 'W, 3×4 matrix')
        .locator('.value-grid rect.tensor-cell')
        .evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
    const first = await fills();
    await page.goto(page.url());
    await appReady(page);
    await expect(tensorNode(page, 'W, 3×4 matrix')).toBeVisible();
    expect(await fills()).toEqual(first);
    expect(said).toBeTruthy();

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`./?expr=${encodeURIComponent(SMALL_LAYER)}&mode=present&step=11`);
    await appReady(page);
    await expect(page.locator('.app[data-mode="present"] svg.tensor-graph')).toBeVisible();
    await expect(tensorNode(page, 'W, 3×2 matrix, has a gradient')).toBeVisible();
    await expectNoSeriousViolations(page, 'tensor presentation');
    await screenshot(page, 'tensor-present');
  });
});

test.describe('the spiral lesson', () => {
  test('it is an example ending in (matrices); Train grows accuracy above chance; Pause writes the weights; Reset restores them', async ({
    page,
  }) => {
    await page.goto('./');
    await appReady(page);
    const examples = page.getByLabel('Examples');
    await expect(examples.locator('option[value="spiral"]')).toHaveText(/\(matrices\)$/);
    await examples.selectOption('spiral');
    const panel = page.getByRole('region', { name: 'Spiral: decision regions' });
    await expect(panel).toBeVisible();
    const canvas = panel.getByRole('img', { name: /^Decision regions of 3 classes/ });
    await expect(canvas).toBeVisible();
    const shipped = await editor(page).inputValue();
    expect(shipped).toContain('W1 = randn(2, 16)');
    await expectNoSeriousViolations(page, 'spiral at rest');

    // The gradient check of a ReLU network: W1's gradient agrees, or its difference straddled
    // a kink and says so; nothing is called wrong.
    await checkRegion(page).getByText('Gradient check', { exact: true }).click();
    await expect(checkRegion(page).locator('tr[data-input="W1"]')).toBeVisible();
    await expect(checkRegion(page).locator('.status-bad')).toHaveCount(0);
    await checkRegion(page).getByText('Gradient check', { exact: true }).click();
    await expect(canvas).toHaveAttribute('data-accuracy', /^0\.\d+$/);
    const before = Number(await canvas.getAttribute('data-accuracy'));
    expect(before).toBeLessThan(0.6);
    // Keyboard: the Train button is reached and pressed like any other.
    const train = panel.getByRole('button', { name: 'Train' });
    await train.focus();
    await page.keyboard.press('Enter');
    const pause = panel.getByRole('button', { name: 'Pause' });
    await expect(pause).toBeVisible();
    await expect
      .poll(async () => Number(await canvas.getAttribute('data-accuracy')), { timeout: 20_000 })
      .toBeGreaterThan(0.6);
    // Accuracy may pass 60% within a few dozen steps; training goes on until paused.
    await expect
      .poll(async () => Number(await canvas.getAttribute('data-steps')), { timeout: 20_000 })
      .toBeGreaterThan(50);
    await expect(panel.getByTestId('spiral-status')).toContainText('(chance 33%)');
    await expectNoSeriousViolations(page, 'spiral training');
    const linkBefore = page.url();
    // Every accuracy the plot shows from Pause on: never the untrained one, not even briefly
    // while the trained weights are written into the program and it is analysed again.
    await canvas.evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { spiralSeen: string[] }).spiralSeen = seen;
      new MutationObserver(() => seen.push(el.getAttribute('data-accuracy') ?? '')).observe(el, {
        attributes: true,
        attributeFilter: ['data-accuracy'],
      });
    });
    await pause.click();
    await expect(train).toBeVisible();
    // The trained weights are in the program: W1 is a matrix literal now, the data creators stay.
    await expect(editor(page)).toHaveValue(/W1 = \[\[/);
    await expect(editor(page)).toHaveValue(/X = spiral_points\(100, 3\)/);
    await expect(page.locator('svg.tensor-graph')).toBeVisible();
    await expect(panel.getByText('The trained weights are written into the program')).toBeVisible();
    const afterPause = await page.evaluate(
      () => (window as unknown as { spiralSeen: string[] }).spiralSeen,
    );
    for (const a of afterPause) expect(Number(a), afterPause.join(', ')).toBeGreaterThan(0.6);
    await screenshot(page, 'spiral-trained');
    // The link holds the trained program: it reopens with the same weights and accuracy.
    const trained = await editor(page).inputValue();
    // The link follows the program (compressed, `lz=`, a program this long).
    await expect.poll(() => page.url()).not.toBe(linkBefore);
    const other = await page.context().newPage();
    await other.goto(page.url());
    await appReady(other);
    await expect(editor(other)).toHaveValue(trained);
    // Same trained accuracy on both pages. Read together and polled: the first page's plot
    // redraws once the program with the written weights has been analysed.
    const reopened = other.locator('canvas.spiral-canvas');
    await expect
      .poll(async () => {
        const [a, b] = [
          await canvas.getAttribute('data-accuracy'),
          await reopened.getAttribute('data-accuracy'),
        ];
        return a === b && Number(a) > 0.6;
      })
      .toBe(true);
    await other.close();

    await panel.getByRole('button', { name: 'Reset' }).click();
    await expect(editor(page)).toHaveValue(shipped);
  });

  test('presenting, the plot and its Train button are in the chain-rule panel', async ({
    page,
  }) => {
    test.slow();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('./');
    await appReady(page);
    await page.getByLabel('Examples').selectOption('spiral');
    await expect(page.locator('svg.tensor-graph')).toBeVisible();
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
    // No side panel while presenting: the lesson is inside the chain-rule panel, once.
    const chain = page.getByRole('region', { name: 'Chain rule' });
    const panel = chain.getByRole('region', { name: 'Spiral: decision regions' });
    await expect(panel).toBeVisible();
    await expect(page.getByRole('region', { name: 'Spiral: decision regions' })).toHaveCount(1);
    const canvas = panel.getByRole('img', { name: /^Decision regions of 3 classes/ });
    await expect(canvas).toBeVisible();
    await panel.getByRole('button', { name: 'Train' }).click();
    await expect
      .poll(async () => Number(await canvas.getAttribute('data-accuracy')), { timeout: 20_000 })
      .toBeGreaterThan(0.6);
    await panel.getByRole('button', { name: 'Pause' }).click();
    await expect(panel.getByRole('button', { name: 'Train' })).toBeVisible();
    await expectNoSeriousViolations(page, 'spiral presenting');
    await screenshot(page, 'spiral-present-1920');
    // Back in the normal page it is in the side panel again, once.
    await page.keyboard.press('Escape');
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'normal');
    await expect(page.locator('aside.sidebar .spiral-panel')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Spiral: decision regions' })).toHaveCount(1);
  });

  test('at 375 px the plot fits the screen', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('./');
    await appReady(page);
    await page.getByLabel('Examples').selectOption('spiral');
    const canvas = page.getByRole('img', { name: /^Decision regions/ });
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'spiral-375');
  });

  test('in Vietnamese, the panel and the example speak Vietnamese', async ({ page }) => {
    await page.goto('./?lang=vi');
    await appReady(page);
    const examples = page.getByRole('combobox').first();
    await expect(page.locator('option[value="spiral"]')).toHaveText(/\(ma trận\)$/);
    await page.locator('select:has(option[value="spiral"])').selectOption('spiral');
    const panel = page.getByRole('region', { name: 'Xoắn ốc: vùng quyết định' });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Huấn luyện' })).toBeVisible();
    await expect(page.locator('textarea')).toHaveValue(/# 300 điểm trên 3 nhánh, 2 chiều/);
    expect(examples).toBeTruthy();
  });
});
