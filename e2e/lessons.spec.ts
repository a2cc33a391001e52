import { expect, test, type Page } from '@playwright/test';
import {
  chooseExample,
  consoleErrors,
  counter,
  formulaSettled,
  openApp,
  pressKey,
  screenshot,
} from './helpers';

/** Chooses an example and waits for its graph, at its start. */
async function loadExample(page: Page, id: string): Promise<void> {
  await chooseExample(page, id);
  await expect(counter(page)).toHaveText(/^Start/);
}
const callout = (page: Page) => page.getByRole('complementary', { name: 'Gate pattern' });
const note = (page: Page) => page.getByRole('complementary', { name: 'Note', exact: true });
const checkRegion = (page: Page) => page.getByRole('region', { name: 'Gradient check' });

/** Opens the gradient check and returns its numbers for one input. */
async function checkRow(page: Page, input: string) {
  const region = checkRegion(page);
  if (!(await region.locator('details').evaluate((d: HTMLDetailsElement) => d.open)))
    await region.getByText('Gradient check', { exact: true }).click();
  const row = region.locator(`tr[data-input="${input}"]`);
  await expect(row).toBeVisible();
  const cell = async (col: string) =>
    Number((await row.locator(`td[data-col="${col}"]`).textContent())!.replace('−', '-'));
  return {
    analytic: await cell('analytic'),
    numeric: await cell('numeric'),
    status: (await row.locator('.status-chip').textContent())!.trim(),
  };
}

/** The loss curve's first and last loss and step count, read from its text alternative. */
async function curve(page: Page) {
  const label = await page.getByRole('img', { name: /^Loss from / }).getAttribute('aria-label');
  const m = /^Loss from (\S+) to (\S+) (?:over (\d+) steps|after (1) step)$/.exec(label ?? '');
  expect(m, label ?? '').not.toBeNull();
  return { first: Number(m![1]), last: Number(m![2]), steps: Number(m![3] ?? m![4]) };
}

test.describe('lessons: gates, gradient check, gradient descent, presets', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('gate callouts name the pattern on backward steps through +, × and max', async ({
    page,
  }) => {
    await openApp(page);
    // The circuit's last step: the gradient leaves the + node for y.
    await pressKey(page, 'End');
    await expect(callout(page)).toContainText(
      'Add gate: it distributes the gradient unchanged to every input, so y gets -4.',
    );
    // One step back: q → x, the same pattern.
    await pressKey(page, 'ArrowLeft');
    await expect(callout(page)).toContainText('so x gets -4');
    // f → z and f → q through ×: each gets the other input's value.
    await pressKey(page, 'ArrowLeft');
    await expect(callout(page)).toContainText(
      'z gets the upstream gradient times the other input’s value, q = 3.',
    );
    await pressKey(page, 'ArrowLeft');
    await expect(callout(page)).toContainText(
      'Multiply gate: it swaps the inputs. q gets the upstream gradient times the other input’s value, z = -4.',
    );
    // Forward steps have no callout.
    await pressKey(page, 'Home');
    await pressKey(page, 'ArrowRight');
    await expect(callout(page)).toHaveCount(0);

    await loadExample(page, 'max');
    await pressKey(page, 'End');
    await expect(callout(page)).toContainText('y is smaller, so it gets 0');
    await pressKey(page, 'ArrowLeft');
    await expect(callout(page)).toContainText('x is larger, so it gets all of it: 1');

    await loadExample(page, 'neuron');
    await pressKey(page, 'End');
    // Walk back to the step through exp: a unary gate, which shows its local derivative.
    for (let k = 0; k < 12; k++) {
      await formulaSettled(page);
      if ((await callout(page).allTextContents()).join('').includes('Unary gate exp')) break;
      await pressKey(page, 'ArrowLeft');
    }
    await expect(callout(page)).toContainText(
      'Unary gate exp: it multiplies the gradient by its local derivative.',
    );
    await screenshot(page, 'lessons-gate');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('the gradient check lists every input, analytic beside numeric, agreeing', async ({
    page,
  }) => {
    await openApp(page);
    const expected = { x: -4, y: -4, z: 3 };
    for (const [name, grad] of Object.entries(expected)) {
      const row = await checkRow(page, name);
      expect(row.analytic).toBe(grad);
      expect(Math.abs(row.numeric - grad)).toBeLessThan(1e-5);
      expect(row.status).toContain('agrees');
    }
    await expect(checkRegion(page).locator('tbody tr')).toHaveCount(3);
    // At a kink the table says so.
    await loadExample(page, 'max');
    await page.getByLabel('y', { exact: true }).fill('4');
    await expect(checkRegion(page).locator('.kink-cell').first()).toContainText('kink within h');
    await checkRegion(page).scrollIntoViewIfNeeded();
    await screenshot(page, 'lessons-gradcheck');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('one step of gradient descent moves each parameter by −lr × gradient', async ({ page }) => {
    await openApp(page);
    await loadExample(page, 'twoLayer');
    const lr = page.getByLabel('Learning rate');
    await lr.fill('0.25');
    await lr.blur();
    await expect(lr).toHaveValue('0.25');
    // Data are not parameters, weights and biases are.
    await expect(page.getByLabel('x_1 is a parameter')).not.toBeChecked();
    await expect(page.getByLabel('w_11 is a parameter')).toBeChecked();

    const before: Record<string, { value: number; grad: number }> = {};
    for (const name of ['w_11', 'b_o', 'x_1']) {
      before[name] = {
        value: Number(await page.getByLabel(name, { exact: true }).inputValue()),
        grad: (await checkRow(page, name)).analytic,
      };
    }
    await page.getByRole('button', { name: 'Take one step' }).click();
    // Forward and backward have played: the trace is at its end, the phase is Update.
    await expect(counter(page)).toHaveText(/^Step (\d+) of \1/);
    await expect(page.locator('.phase-step.current')).toHaveText('Update');
    await expect(page.locator('.update-list li[data-param="w_11"]')).toContainText('←');
    for (const name of ['w_11', 'b_o']) {
      const want = before[name].value - 0.25 * before[name].grad;
      await expect
        .poll(async () => Number(await page.getByLabel(name, { exact: true }).inputValue()))
        .toBeCloseTo(want, 5);
    }
    // Data stay put.
    expect(Number(await page.getByLabel('x_1', { exact: true }).inputValue())).toBe(
      before.x_1.value,
    );
    const one = await curve(page);
    expect(one.steps).toBe(1);
    expect(one.last).toBeLessThan(one.first);
    await page.locator('.training').scrollIntoViewIfNeeded();
    await screenshot(page, 'lessons-step');

    // Train: many steps until the loss is below ε.
    await page.getByLabel('Steps', { exact: true }).fill('500');
    await page.getByLabel('Stop when loss <').fill('0.02');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'the loss is below 0.02' }),
    ).toBeVisible();
    const run = await curve(page);
    expect(run.first).toBe(one.first);
    expect(run.last).toBeLessThan(0.02);
    expect(run.steps).toBeGreaterThan(10);
    // The history table holds the last iterations.
    await page.getByText('Parameter history').click();
    await expect(page.locator('.history tbody tr').last().locator('th')).toHaveText(
      String(run.steps),
    );
    await page.locator('.training').scrollIntoViewIfNeeded();
    await screenshot(page, 'lessons-train');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('the hidden-layer and softmax presets label E_o, E_h and μ − y in the trace', async ({
    page,
  }) => {
    await openApp(page);
    await loadExample(page, 'hidden');
    await pressKey(page, 'End');
    // The last steps leave Z_h for X and W_h: the hidden layer error is passed on.
    await expect(note(page)).toContainText(
      'This is the hidden layer error E_h = E_o · W_o · R′(Z_h)',
    );
    await expect(note(page)).toContainText('it is reused by every weight below it');
    await loadExample(page, 'softmax');
    await pressKey(page, 'End');
    await expect(note(page)).toContainText(/∂L\/∂a\S+ = μ − y = 0\.\d+ − [01] = -?0\.\d+\./);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('the 10-layer sigmoid chain shows the gradient shrinking layer by layer', async ({
    page,
  }) => {
    await openApp(page);
    await loadExample(page, 'sigmoidChain10');
    const chart = page.getByRole('img', { name: /at the last layer shrinks to/ });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAttribute('aria-label', /^\|∂L\/∂h_10\| = 0\.659 .* \|∂L\/∂h_1\| = /);
    const magnitudes = await chart
      .locator('g[data-layer]')
      .evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-magnitude'))));
    expect(magnitudes).toHaveLength(10);
    for (let k = 0; k < 9; k++) expect(magnitudes[k]).toBeLessThan(magnitudes[k + 1]);
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, 'lessons-chain');
    expect(consoleErrors(page)).toEqual([]);
  });

  for (const [w, h, dark] of [
    [1280, 800, false],
    [1280, 800, true],
    [375, 812, false],
    [375, 812, true],
  ] as const) {
    test(`looks: training panel at ${w}px, ${dark ? 'dark' : 'light'}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light', reducedMotion: 'reduce' });
      await openApp(page);
      await loadExample(page, 'twoLayer');
      await page.getByRole('button', { name: 'Take one step' }).click();
      await page.getByRole('button', { name: 'Train' }).click();
      await page.getByRole('button', { name: 'Take one step' }).click();
      await page.locator('.training').scrollIntoViewIfNeeded();
      // Nothing of the panel runs off the side of the screen.
      const box = await page.locator('.training').boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(w + 1);
      await screenshot(page, `lessons-${w}-${dark ? 'dark' : 'light'}`);
      expect(consoleErrors(page)).toEqual([]);
    });
  }
});
