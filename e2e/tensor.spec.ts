import { expect, test, type Page } from '@playwright/test';
import {
  appReady,
  consoleErrors,
  editor,
  expectNoSeriousViolations,
  nodeNamed,
  openApp,
  pasteProgram,
  typeProgram,
} from './helpers';

/**
 * Tensor programs (issue 14) in the page: since tensor mode (issue 15) they are drawn (see
 * tensorView.spec.ts for the drawing itself); here, that a link, randn's seed, the syntax card and
 * shape errors work, and nothing of the scalar graph is left on show.
 */
const PROGRAM = 'X = [[1, 2], [3, 4]]\nW = [[0.5], [-1]]\nL = sum(X @ W)';
const alert = (page: Page) => page.getByRole('alert');
const tensorNode = (page: Page, label: string) =>
  page.locator(`svg.tensor-graph g.tensor-node[aria-label="${label}"]`);

test.describe('a tensor program in the page', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('a shared link to one draws it with its shapes, and keeps the text', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`./?expr=${encodeURIComponent(PROGRAM)}`);
    await appReady(page);
    await expect(tensorNode(page, 'X, 2×2 matrix')).toBeVisible();
    await expect(tensorNode(page, 'W, 2×1 matrix')).toBeVisible();
    await expect(alert(page)).toHaveCount(0);
    await expect(editor(page)).toHaveValue(PROGRAM);
    // No scalar graph is on show, and its inputs are not said to be none.
    await expect(page.locator('svg.graph')).toBeHidden();
    await expect(page.getByText('This program has no inputs')).toHaveCount(0);
    expect(errors).toEqual([]);
    await expectNoSeriousViolations(page);
  });

  test('New random values draws other randn numbers; the link keeps the seed through a reload', async ({
    page,
  }) => {
    const program = 'W = randn(3, 4)\nL = sum(W * W)';
    await page.goto(`./?expr=${encodeURIComponent(program)}`);
    await appReady(page);
    await expect(tensorNode(page, 'W, 3×4 matrix')).toBeVisible();
    await expect(alert(page)).toHaveCount(0);
    const button = page.getByRole('button', { name: 'New random values' });
    const drawn = page.locator('.random-seed');
    await expect(drawn).toContainText('randn draws from seed 0. Output (summed if not a number):');
    const before = await drawn.innerText();
    expect(page.url()).not.toContain('seed=');

    await button.click();
    await expect(drawn).not.toHaveText(before);
    await expect.poll(() => new URL(page.url()).searchParams.get('seed')).toMatch(/^\d{1,9}$/);
    const seed = new URL(page.url()).searchParams.get('seed')!;
    const after = await drawn.innerText();
    expect(after).toContain(`seed ${seed}.`);
    // The numbers changed, not only the seed's wording: the output (Σ W²) is another number.
    const outputOf = (text: string) => text.split(':').pop()!.trim();
    expect(outputOf(after)).not.toBe(outputOf(before));
    await expectNoSeriousViolations(page);

    // The same link shows the same numbers.
    await page.reload();
    await appReady(page);
    await expect(drawn).toHaveText(after);
    await expect(editor(page)).toHaveValue(program);
    // A visit without a link reopens the last program with its seed (kept beside it).
    await page.goto('./');
    await appReady(page);
    await expect(editor(page)).toHaveValue(program);
    await expect(drawn).toHaveText(after);

    // A tensor program without randn has nothing to redraw; neither has a scalar program.
    await typeProgram(page, PROGRAM);
    await expect(tensorNode(page, 'X, 2×2 matrix')).toBeVisible();
    await expect(button).toHaveCount(0);
    await typeProgram(page, 'a = 2; f = a * b');
    await expect(alert(page)).toHaveCount(0);
    await expect(button).toHaveCount(0);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('the Syntax help card lists the tensor functions and operators', async ({ page }) => {
    await openApp(page, '?expr=(x%2By)*z&x=-2&y=5&z=-4');
    await page.getByRole('button', { name: 'Syntax help' }).click();
    const dialog = page.getByRole('dialog', { name: 'What you can type' });
    await expect(dialog.getByText('Vectors and matrices', { exact: true })).toBeVisible();
    for (const calls of [
      'A @ B, A.dot(B), dot(A, B), matmul(A, B)',
      'A.T, transpose(A)',
      'sum(A), sum(A, axis)',
      'softmax(A)',
      'crossentropy(P, Y)',
      'randn(m, n), randn(n)',
    ]) {
      await expect(dialog.locator('code', { hasText: calls })).toHaveCount(1);
    }
    await expect(dialog).toContainText('np.maximum(A, 0)');
    await expectNoSeriousViolations(page);
  });

  test('typed, it is drawn; a shape error is located; a scalar program draws again', async ({
    page,
  }) => {
    await openApp(page, '?expr=(x%2By)*z&x=-2&y=5&z=-4');
    await typeProgram(page, PROGRAM);
    await expect(tensorNode(page, 'W, 2×1 matrix')).toBeVisible();
    await expect(alert(page)).toHaveCount(0);
    await expect(nodeNamed(page, 'z')).toBeHidden();

    // A shape error: located on `@`, naming both shapes. Pasted: typed key by key, a prefix that
    // reads (`…W = [[0.5], [-1], [2]]\nL`) can be drawn on a slow machine, and would then be the
    // last good graph.
    await pasteProgram(page, 'X = [[1, 2], [3, 4]]\nW = [[0.5], [-1], [2]]\nL = sum(X @ W)');
    await expect(alert(page)).toContainText(
      '`@` needs the columns of X (2×2) to match the rows of W (3×1).',
    );
    await expect(alert(page)).toContainText('Line 3, column 11');
    await expect(page.locator('mark.error-span')).toHaveText('@');
    // The last graph that worked stays, marked as such.
    await expect(alert(page)).toContainText('The graph shows the last program that worked');
    await expect(tensorNode(page, 'W, 2×1 matrix')).toBeVisible();
    await expectNoSeriousViolations(page);

    await typeProgram(page, 'a = 2; f = a * b');
    await expect(alert(page)).toHaveCount(0);
    await expect(nodeNamed(page, 'f')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export SVG' })).toBeVisible();
    await expect(page.locator('svg.tensor-graph')).toHaveCount(0);
    expect(consoleErrors(page)).toEqual([]);
  });
});
