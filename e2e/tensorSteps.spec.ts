import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  appReady,
  consoleErrors,
  editor,
  expectNoSeriousViolations,
  gradCells,
  pasteProgram,
  screenshot,
  tensorNode,
  valueCells,
} from './helpers';
import { SMALL_LAYER } from '../test/fixtures/networks';

/**
 * Tensor mode, issue 15 points 4–6: a matrix step in the chain-rule panel with its shapes and
 * numbers, one gradient entry drilled into as a sum of products (its source cells lit up), and
 * a small op expanded into its scalar program and back.
 */

const node = tensorNode;
const panel = (page: Page) => page.getByRole('region', { name: 'Chain rule' });
/** A line of the step's explanation, by kind, as a screen reader reads it. */
const line = (page: Page, kind: string) =>
  panel(page).locator(`.tensor-line[data-kind="${kind}"] .tex > .visually-hidden`);

/**
 * Every formula in the panel fits its box: nothing wider than its line (a matrix too wide at the
 * readable minimum, 70 %, is written with fewer rows and columns), and no box scrolls sideways.
 */
async function expectFormulasFit(box: Locator): Promise<void> {
  const chains = box.locator('.tex-chain');
  await expect(chains.first()).toBeVisible();
  // Fitted (the scale is written when done) with the fonts KaTeX measures in.
  await expect(chains.first()).toHaveAttribute('data-scale', /\d/);
  await box.evaluate(() => document.fonts.ready);
  const report = await box.evaluate((root) => {
    const bad: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('.tex-chain, .formula-main')) {
      if (el.scrollWidth > el.clientWidth + 1)
        bad.push(`${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
      const scale = Number(el.dataset.scale ?? '1');
      if (scale < 0.7) bad.push(`${el.className}: scaled to ${scale}`);
    }
    return bad;
  });
  expect(report).toEqual([]);
}

async function open(page: Page, program: string, step?: number): Promise<void> {
  await page.goto(`./?expr=${encodeURIComponent(program)}${step ? `&step=${step}` : ''}`);
  await appReady(page);
  await expect(page.locator('svg.tensor-graph')).toBeVisible();
}

/** Steps forward until the chain-rule panel's rule line starts with `prefix`. */
async function stepTo(page: Page, prefix: string): Promise<void> {
  const next = page.getByRole('button', { name: 'Next step' });
  const shown = panel(page).locator('.tensor-step');
  for (let k = 0; k < 30; k++) {
    const rule = line(page, 'rule');
    if ((await rule.count()) > 0 && ((await rule.textContent()) ?? '').startsWith(prefix)) return;
    const at = (await shown.count()) > 0 ? Number(await shown.getAttribute('data-step')) : 0;
    await next.click();
    // The panel typesets a step in the task after the graph's frame: read it once it has.
    await expect(shown).toHaveAttribute('data-step', String(at + 1));
  }
  throw new Error(`no step starting ${prefix}`);
}

const num = (s: string) => Number(s.replace('−', '-'));

test.describe('tensor steps with their numbers', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('a matmul backward step shows the rule, the shapes and the matrices', async ({ page }) => {
    await open(page, SMALL_LAYER);
    // Forward: the product as one block, its operands' matrices and the result.
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(line(page, 'numbers')).toHaveText(
      'a₁ = [[1, 2, 3], [4, 5, 6]] @ [[0.5, -1], [2, 0], [-0.5, 1]] = [[3, 2], [9, 2]]',
    );
    await expectFormulasFit(panel(page));

    // Backward into W: ∂L/∂W = Xᵀ · ∂L/∂a₁, (3×2) = (3×2)(2×2), then the numbers.
    await stepTo(page, '∂L/∂W =');
    await expect(line(page, 'rule')).toHaveText('∂L/∂W = Xᵀ · ∂L/∂a₁');
    await expect(line(page, 'shapes')).toHaveText('(3×2 = 3×2 · 2×2)');
    // Each factor's shape is typeset under it.
    const under = panel(page).locator('.tensor-line[data-kind="rule"] .tex-rendered');
    await expect(under).toContainText('3×2');
    await expect(under).toContainText('2×3');
    await expect(under).toContainText('2×2');
    const numbers = (await line(page, 'numbers').textContent()) ?? '';
    // ∂L/∂a₁ = 1 − tanh(Z)², Z = XW + b; dW = Xᵀ · ∂L/∂a₁, worked out here, not read from the app.
    const Z = [
      [3.1, 1.8],
      [9.1, 1.8],
    ];
    const G = Z.map((r) => r.map((z) => 1 - Math.tanh(z) ** 2));
    const X = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const dW = [0, 1, 2].map((i) => [0, 1].map((j) => X[0][i] * G[0][j] + X[1][i] * G[1][j]));
    expect(numbers.startsWith('∂L/∂W = [[1, 2, 3], [4, 5, 6]]ᵀ · [[')).toBe(true);
    const result = /= \[\[([^\]]+)\], \[([^\]]+)\], \[([^\]]+)\]\]$/.exec(numbers);
    expect(result).not.toBeNull();
    const shown = result!.slice(1).map((row) => row.split(', ').map(num));
    shown.forEach((row, i) =>
      row.forEach((v, j) => expect(Math.abs(v - dW[i][j])).toBeLessThan(5e-3 * (1 + dW[i][j]))),
    );
    await expectFormulasFit(panel(page));
    await expectNoSeriousViolations(page);

    // The bias, fed by broadcasting: its gradient is the sum over the batch rows.
    await page.getByRole('button', { name: 'Jump to backward pass' }).click();
    await stepTo(page, '∂L/∂b =');
    await expect(line(page, 'rows')).toHaveText(
      /^∂L\/∂b = Σ_b \(∂L\/∂Z\)\[b\] = \[[^\]]+\] \(b=1\) \+ \[[^\]]+\] \(b=2\) = \[[^\]]+\]$/,
    );
    expect(consoleErrors(page)).toEqual([]);
  });

  test('at a fork the two matrices add', async ({ page }) => {
    await open(page, 'A = [[1,2],[3,4]]\nL = sum(A * A)');
    await stepTo(page, '∂L/∂A +=');
    // ∂L/∂A = A + A: the first share, the second, their sum.
    await expect(line(page, 'fork')).toHaveText(
      '∂L/∂A = [[1, 2], [3, 4]] + [[1, 2], [3, 4]] = [[2, 4], [6, 8]]',
    );
    await expectNoSeriousViolations(page);
  });

  test('clicking a gradient cell writes its index form and lights up its sources', async ({
    page,
  }) => {
    await open(page, SMALL_LAYER);
    await page.getByRole('button', { name: 'Jump to end' }).click();
    // W[3,2]: row 3, column 2, the sixth cell.
    const cell = gradCells(page, 'W').nth(5);
    const title = (await cell.locator('title').textContent()) ?? '';
    const gradient = /∂L\/∂W\[3, 2\] = (\S+)$/.exec(title)![1];
    await cell.click();
    const entry = panel(page).getByRole('group', { name: 'One entry, index form' });
    const text = (await entry.locator('.tex > .visually-hidden').textContent()) ?? '';
    expect(text).toMatch(/^∂L\/∂W\[3,2\] = Σ_b X\[b,3\] · ∂L\/∂a₁\[b,2\] = 3·\S+ \+ 6·\S+ = \S+$/);
    // The sum of the terms is the cell's value.
    const [, t1, t2, total] = /= 3·(\S+) \+ 6·(\S+) = (\S+)$/.exec(text)!;
    expect(total).toBe(gradient);
    expect(Math.abs(3 * num(t1) + 6 * num(t2) - num(total))).toBeLessThan(1e-3);
    // Lit up: X's column 3 (cells 3 and 6) and ∂L/∂a₁'s column 2 (cells 2 and 4), nothing else.
    await expect(valueCells(page, 'X').and(page.locator('.lit'))).toHaveCount(2);
    await expect(valueCells(page, 'X').nth(2)).toHaveClass(/\blit\b/);
    await expect(valueCells(page, 'X').nth(5)).toHaveClass(/\blit\b/);
    await expect(gradCells(page, 'a₁').and(page.locator('.lit'))).toHaveCount(2);
    await expect(gradCells(page, 'a₁').nth(1)).toHaveClass(/\blit\b/);
    await expect(gradCells(page, 'a₁').nth(3)).toHaveClass(/\blit\b/);
    await expect(page.locator('svg.tensor-graph .lit')).toHaveCount(4);
    await expect(cell).toHaveClass(/\bdrilled\b/);
    await expectFormulasFit(entry);
    await expectNoSeriousViolations(page);

    // The inspector (W was selected by the click): Enter on a gradient entry drills into it.
    const button = page
      .locator('.inspector table.grad-table')
      .getByRole('button', { name: /^∂L\/∂W\[1,1\] = \S+: write in index form$/ });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(entry.locator('.tex > .visually-hidden')).toHaveText(
      /^∂L\/∂W\[1,1\] = Σ_b X\[b,1\] · ∂L\/∂a₁\[b,1\] = 1·\S+ \+ 4·\S+ = \S+$/,
    );
    await expect(valueCells(page, 'X').nth(0)).toHaveClass(/\blit\b/);
    await expect(valueCells(page, 'X').nth(3)).toHaveClass(/\blit\b/);
    await expectNoSeriousViolations(page);
    await entry.getByRole('button', { name: 'Close entry' }).click();
    await expect(page.locator('svg.tensor-graph .lit')).toHaveCount(0);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('a 2×2 product expands to scalars, steps, and goes back', async ({ page }) => {
    const program = 'X = [[1,2],[3,4]]\nW = [[0.5,-1],[2,0]]\nZ = X @ W\nL = sum(Z * Z)';
    await open(page, program, 9);
    await expect(page.locator('.counter')).toContainText('Step 9 of');
    await node(page, 'Z').click();
    const expand = page.locator('.inspector').getByRole('button', { name: 'Expand to scalars' });
    await expect(expand).toBeEnabled();
    await expand.click();
    // The scalar program: every multiply and add, the matrix program's numbers.
    await expect(editor(page)).toHaveValue(/^X_11 = 1; X_12 = 2\n/);
    await expect(editor(page)).toHaveValue(/\nZ_12 = X_11\*W_12 \+ X_12\*W_22\n/);
    await expect(page.locator('svg.graph')).toBeVisible();
    await expect(page.locator('svg.tensor-graph')).toHaveCount(0);
    const back = page.getByRole('button', { name: 'Back to the matrix program' });
    await expect(back).toBeVisible();
    // Stepped as a scalar program: to the end, where ∂L/∂W₁₁ is the matrix program's ∂L/∂W[1,1].
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.locator('.counter')).toContainText('Step 1 of');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    // Z = [[4.5, -1], [9.5, -3]], ∂L/∂Z = 2Z, ∂L/∂W = Xᵀ · 2Z: [1,1] is 1·9 + 3·19 = 66.
    await expect(page.locator('.formula .formula-summary')).toContainText('∂L/∂W₁₁ = 66');
    await expectNoSeriousViolations(page);

    await back.click();
    await expect(editor(page)).toHaveValue(program);
    await expect(page.locator('svg.tensor-graph')).toBeVisible();
    await expect(page.locator('.counter')).toContainText('Step 9 of');
    await expect(back).toHaveCount(0);
    // Z, the op expanded, is selected again (its inspector back) and has the focus Back had.
    const z = node(page, 'Z').locator('.tensor-card-button');
    await expect(z).toHaveAttribute('aria-pressed', 'true');
    await expect(z).toBeFocused();
    await expect(expand).toBeVisible();

    // A larger op: the button says why it is off.
    await pasteProgram(page, 'A = randn(4, 3)\nB = randn(3, 2)\nZ = A @ B\nL = sum(Z)');
    await expect(node(page, 'A')).toBeVisible();
    await node(page, 'Z').click();
    await expect(expand).toBeDisabled();
    await expect(page.locator('.inspector')).toContainText(
      'Only an op whose operands and result are at most 3×3 expands: A is 4×3.',
    );
    await expectNoSeriousViolations(page);
    expect(consoleErrors(page)).toEqual([]);
  });

  for (const look of [
    { name: 'laptop', width: 1280, height: 800, query: '' },
    { name: 'present', width: 1920, height: 1080, query: '&mode=present' },
    { name: 'phone', width: 375, height: 800, query: '' },
  ])
    for (const scheme of ['light', 'dark'] as const)
      test(`the step and the entry fit their box: ${look.name}, ${scheme}`, async ({ page }) => {
        await page.setViewportSize({ width: look.width, height: look.height });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`./?expr=${encodeURIComponent(SMALL_LAYER)}${look.query}`);
        await appReady(page);
        await stepTo(page, '∂L/∂W =');
        await gradCells(page, 'W').nth(5).click();
        const entry = panel(page).getByRole('group', { name: 'One entry, index form' });
        await expect(entry).toBeVisible();
        await expectFormulasFit(panel(page));
        // Nothing runs off the page sideways (the phone's panel scrolls inside itself).
        const overflow = await page.evaluate(
          () => document.scrollingElement!.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `tensor-steps-${look.name}-${scheme}`);
        await panel(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
        await screenshot(page, `tensor-steps-${look.name}-${scheme}-scrolled`);
        await expectNoSeriousViolations(page);
      });
});
