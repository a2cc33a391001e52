import { expect, test, type Page } from '@playwright/test';
import { analyzeTensor } from '../src/engine/tensor';
import { exampleById } from '../src/examples';
import { appReady, expectNoSeriousViolations, screenshot } from './helpers';

/**
 * Issue 15, point 7: seeds 000 and 002 as matrix examples. Each opens from the Examples list, is
 * drawn and stepped, and its backward steps carry the seed note's labels (B1–B7 for seed 002,
 * dZ2 … db1 for seed 000), B2 and B3 with the numbers of the chosen row.
 */
const notes = (page: Page) => page.locator('.formula .step-note');
const note = (page: Page, label: string) =>
  page.locator(`.formula .step-note[data-label="${label}"]`);
const counter = (page: Page) => page.locator('.counter');

/**
 * The step (1-based) that completes the gradient of the node named `name`: where its label is
 * expected. Read off the engine's trace here, by node name, so the test does not hard-code indices.
 */
function stepOf(source: string, name: string): number {
  const t = analyzeTensor(source);
  const id = t.nodes.find((n) => n.name === name)!.id;
  const last = t.steps.filter((s) => s.kind === 'backward-edge' && s.from === id).pop()!;
  return last.index + 1;
}

/** Steps with → from where the counter is to step k, and waits for it to land and typeset. */
async function stepTo(page: Page, k: number) {
  const text = (await counter(page).innerText()).match(/^Step (\d+) /);
  const now = text ? Number(text[1]) : 0;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = now; i < k; i++) await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toContainText(`Step ${k} of`);
  await expect(page.locator('.formula .tex-fallback')).toHaveCount(0);
}

/** The numbers of the last row vector `[[a, b, c]]` in a line of a note's plain text. */
function lastVector(line: string): number[] {
  const at = line.lastIndexOf('[[');
  expect(at, line).toBeGreaterThanOrEqual(0);
  return line
    .slice(at + 2, line.indexOf(']]', at))
    .split(',')
    .map(Number);
}

/** The plain-text lines of a note's worked numbers (what a screen reader reads). */
const workedLines = (page: Page, label: string) =>
  note(page, label).locator('.step-note-numbers .visually-hidden').allInnerTexts();

/** Console and page errors from the moment this is called. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

async function openExample(
  page: Page,
  title: string,
  id: 'softmaxNet' | 'vectorized',
): Promise<string[]> {
  const errors = watchErrors(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await appReady(page);
  await page.getByLabel('Examples').selectOption({ label: title });
  await expect(page.locator('svg.tensor-graph')).toBeVisible();
  // This example's trace has landed (the page may have reopened the last one, also a matrix
  // program): a step pressed before that would be undone when it lands.
  const steps = analyzeTensor(exampleById(id)!.source).steps.length;
  await expect(counter(page)).toHaveText(`Start · ${steps} steps`);
  await expect(page.getByRole('alert')).toHaveCount(0);
  return errors;
}

test.describe('the seeds as matrix examples', () => {
  test.slow();

  test('seed 002 opens from the list; its backward steps are B1 to B7, B2 and B3 with numbers', async ({
    page,
  }) => {
    const errors = await openExample(page, 'Softmax network B1–B7 (matrices)', 'softmaxNet');
    const source = exampleById('softmaxNet')!.source;
    await expect(page.locator('.example-lesson')).toContainText('B1 to B7');
    await expect(
      page.locator('svg.tensor-graph g.tensor-node[aria-label="μ, 4×3 matrix"]'),
    ).toBeVisible();
    await expect(
      page.locator('svg.tensor-graph g.tensor-node[aria-label="X, 4×3 matrix"]'),
    ).toBeVisible();

    // Forward: the note's notation on the values it names.
    await stepTo(page, 4);
    await expect(notes(page)).toHaveCount(1);
    await expect(note(page, 'μ')).toContainText('Seed 002');

    // B1 on ∂ℓ/∂μ; no label on the steps in between (the seed, the sum, the product).
    const b1 = stepOf(source, 'mu');
    await stepTo(page, b1 - 1);
    await expect(notes(page)).toHaveCount(0);
    await stepTo(page, b1);
    await expect(note(page, 'B1')).toContainText('−y/μ');
    await expect(note(page, 'B1')).toContainText('Only the target class');

    // B2 and B3 on ∂ℓ/∂a⁽ᴸ⁾: the softmax Jacobian of row 1, and why the product is μ − y.
    await stepTo(page, stepOf(source, 'a2'));
    await expect(notes(page)).toHaveCount(2);
    const b2 = note(page, 'B2');
    const b3 = note(page, 'B3');
    await expect(b2).toContainText('∂μ_1/∂a_1 = [[');
    await expect(b3).toContainText('μ_1 − y_1 = ');
    await expectNoSeriousViolations(page, 'B2 and B3');
    await screenshot(page, 'seed002-b2-b3');
    // The product of B3's row and Jacobian is μ_1 − y_1, entry by entry, as computed in the page.
    const check = async (j: number) => {
      const [, productLine, diffLine] = await workedLines(page, 'B3');
      expect(productLine).toContain(`∂ℓ/∂μ_${j} · ∂μ_${j}/∂a_${j} = [[`);
      expect(diffLine).toContain(`μ_${j} − y_${j} = [[`);
      const product = lastVector(productLine);
      const diff = lastVector(diffLine);
      expect(product.length).toBe(3);
      for (let k = 0; k < 3; k++) expect(product[k]).toBeCloseTo(diff[k], 3);
      return diff;
    };
    const row1 = await check(1);
    // Another row: other numbers, the same simplification.
    const before = await workedLines(page, 'B2');
    await b3.getByLabel('Row j =').selectOption('3');
    await expect(b3).toContainText('μ_3 − y_3 = ');
    expect(await check(3)).not.toEqual(row1);
    await b2.getByLabel('Row j =').selectOption('2');
    await expect(b2).toContainText('∂μ_2/∂a_2 = [[');
    expect(await workedLines(page, 'B2')).not.toEqual(before);
    await expectNoSeriousViolations(page, 'row 3');

    // B4 to B7, the step the note leaves blank, in the order the gradients arrive.
    const expected: [string, string][] = [
      ['a1', 'B6 · B7'],
      ['W2', 'B5 · B7'],
      ['z1', 'B4 · B7'],
      ['X', 'B6 · B7'],
      ['W1', 'B5 · B7'],
    ];
    for (const [name, label] of expected) {
      await stepTo(page, stepOf(source, name));
      await expect(notes(page)).toHaveCount(1);
      await expect(notes(page)).toHaveAttribute('data-label', label);
    }
    await expect(note(page, 'B5 · B7')).toContainText('∂ℓ/∂W⁽¹⁾ = a⁽⁰⁾ᵀ ∂ℓ/∂z⁽¹⁾');
    await screenshot(page, 'seed002-w1');
    expect(errors).toEqual([]);
  });

  test("seed 000 opens from the list; its steps are the note's six formulas, dZ2 with numbers", async ({
    page,
  }) => {
    const errors = await openExample(page, 'Two-layer net, vectorized (matrices)', 'vectorized');
    const source = exampleById('vectorized')!.source;
    await expect(
      page.locator('svg.tensor-graph g.tensor-node[aria-label="b₁, 3×1 matrix"]'),
    ).toBeVisible();
    // Unnamed steps are u₁, u₂…: a₁ beside the program's A1 would read as the same matrix.
    await expect(page.locator('svg.tensor-graph g.tensor-node[aria-label^="u₁, "]')).toHaveCount(1);
    await expect(page.locator('svg.tensor-graph g.tensor-node[aria-label^="a₁, "]')).toHaveCount(0);
    const expected: [string, string][] = [
      ['Z2', 'dZ2'],
      ['b2', 'db2'],
      ['W2', 'dW2'],
      ['A1', 'dZ1 (1)'],
      ['Z1', 'dZ1'],
      ['b1', 'db1'],
      ['W1', 'dW1'],
    ];
    for (const [name, label] of expected) {
      await stepTo(page, stepOf(source, name));
      await expect(notes(page)).toHaveCount(1);
      await expect(notes(page)).toHaveAttribute('data-label', label);
      await expect(notes(page)).toContainText('Seed 000');
      if (label === 'dZ2') {
        await expect(notes(page)).toContainText('m = 4 examples');
        await expect(notes(page)).toContainText('(1/m) dZ2 = (1/4) dZ2 = [[');
        await expectNoSeriousViolations(page, 'dZ2');
        await screenshot(page, 'seed000-dz2');
      }
    }
    await expect(note(page, 'dW1')).toContainText('dW1 = (1/m) dZ1 Xᵀ');
    // The step after the last formula (∂L/∂X) is not one of the note's.
    await stepTo(page, stepOf(source, 'W1') + 1);
    await expect(notes(page)).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('in Vietnamese; and still labelled once a number is edited, through a reload', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('./?lang=vi');
    await appReady(page);
    const menu = page.locator('.examples-field select');
    await menu.selectOption({ label: 'Mạng softmax B1–B7 (ma trận)' });
    await expect(page.locator('svg.tensor-graph')).toBeVisible();
    const source = exampleById('softmaxNet')!.source;
    const k = stepOf(source, 'a2');
    // Edited: X row 1 column 1 becomes 3. The program is the same network with another number.
    await page
      .locator('section.inputs')
      .getByRole('textbox', { name: 'X hàng 1 cột 1', exact: true })
      .fill('3');
    await expect(page.locator('textarea.code-input')).toHaveValue(/^X = \[\[3, -1, 2\]/);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < k; i++) await page.keyboard.press('ArrowRight');
    await expect(notes(page)).toHaveCount(2);
    await expect(note(page, 'B3')).toContainText('y one-hot có tổng bằng 1');
    await expect(note(page, 'B3')).toContainText('Seed 002, lan truyền ngược qua softmax');
    await expectNoSeriousViolations(page, 'Vietnamese');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(page, 'Vietnamese, dark');
    await screenshot(page, 'seed002-vi-dark');
    const numbers = await workedLines(page, 'B2');
    // The link carries the edited program and the step: the same notes with the same numbers.
    await page.reload();
    await appReady(page);
    await expect(note(page, 'B2')).toBeVisible();
    await expect(note(page, 'B2').locator('.step-note-numbers .visually-hidden')).toHaveText(
      numbers,
    );
    await expect(note(page, 'B3')).toContainText('Hàng j =');
    expect(errors).toEqual([]);
  });

  test('on a 375 px phone the titles and the notes fit the screen', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    for (const [title, id, name, label] of [
      ['Softmax network B1–B7 (matrices)', 'softmaxNet', 'a2', 'B3'],
      ['Two-layer net, vectorized (matrices)', 'vectorized', 'Z2', 'dZ2'],
    ] as const) {
      const errors = await openExample(page, title, id);
      expect(await pageWidth()).toBeLessThanOrEqual(375);
      await stepTo(page, stepOf(exampleById(id)!.source, name));
      await expect(note(page, label).locator('.step-note-numbers .katex').first()).toBeVisible();
      expect(await pageWidth()).toBeLessThanOrEqual(375);
      // Every typeset formula of the notes lies inside the panel.
      const outside = await page.locator('.formula').evaluate((panel) => {
        const right = panel.getBoundingClientRect().right;
        return [...panel.querySelectorAll('.step-note .katex')].filter(
          (k) => k.getBoundingClientRect().right > right + 1,
        ).length;
      });
      expect(outside, title).toBe(0);
      await screenshot(page, `seed-${id}-phone`);
      expect(errors).toEqual([]);
    }
  });

  test('presenting at 1280×800 and 1920×1080, the widest notes (B2, B3, dZ2) fit the panel', async ({
    page,
  }) => {
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      for (const [id, name, label] of [
        ['softmaxNet', 'a2', 'B3'],
        ['vectorized', 'Z2', 'dZ2'],
      ] as const) {
        const source = exampleById(id)!.source;
        const errors = watchErrors(page);
        await page.goto(
          `./?expr=${encodeURIComponent(source)}&mode=present&step=${stepOf(source, name)}`,
        );
        await appReady(page);
        await expect(note(page, label).locator('.step-note-numbers .katex').first()).toBeVisible();
        const outside = await page.locator('.formula').evaluate((panel) => {
          const right = panel.getBoundingClientRect().right;
          return [...panel.querySelectorAll('.step-note .katex')]
            .filter((k) => k.getBoundingClientRect().right > right + 1)
            .map((k) => (k.textContent ?? '').slice(0, 40));
        });
        expect(outside, `${id} at ${size.width}`).toEqual([]);
        await screenshot(page, `seed-${id}-present-${size.width}`);
        expect(errors).toEqual([]);
      }
    }
  });

  test('B2 and B3 follow the row of the gradient entry drilled into, until a row is picked', async ({
    page,
  }) => {
    const source = exampleById('softmaxNet')!.source;
    const errors = watchErrors(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`./?expr=${encodeURIComponent(source)}&step=${stepOf(source, 'a2')}`);
    await appReady(page);
    await expect(note(page, 'B3')).toContainText('μ_1 − y_1 = ');
    // ∂ℓ/∂a⁽ᴸ⁾ at row 3, column 2, opened from the inspector's gradient table.
    await page.locator('svg.tensor-graph g.tensor-node[aria-label^="a₂, 4×3 matrix"]').click();
    await page
      .locator('.inspector table.grad-table tbody tr')
      .nth(2)
      .getByRole('button')
      .nth(1)
      .click();
    await expect(note(page, 'B2')).toContainText('∂μ_3/∂a_3 = [[');
    await expect(note(page, 'B3')).toContainText('μ_3 − y_3 = ');
    await expect(note(page, 'B3').getByLabel('Row j =')).toHaveValue('2');
    await expectNoSeriousViolations(page, 'focused row');
    // A row picked in the note wins over the focus.
    await note(page, 'B3').getByLabel('Row j =').selectOption('1');
    await expect(note(page, 'B3')).toContainText('μ_1 − y_1 = ');
    await expect(note(page, 'B2')).toContainText('∂μ_3/∂a_3 = [[');
    expect(errors).toEqual([]);
  });
});
