import { expect, test, type Page } from '@playwright/test';
import {
  consoleErrors,
  counter,
  edgeGrad,
  edgeLabel,
  nodeNamed,
  openApp,
  pressKey,
  screenshot,
  typeProgram,
} from './helpers';

const outputBadge = (page: Page) => page.locator('svg.graph g.output-grad text.grad-value');
const modeGroup = (page: Page) => page.getByRole('radiogroup', { name: 'Mode' });

async function openColah(page: Page) {
  await openApp(page);
  await page.getByLabel('Examples').selectOption('colah');
  await expect(nodeNamed(page, 'e')).toBeVisible();
}

test.describe('forward mode vs reverse mode', () => {
  test('forward mode w.r.t. b on colah: tangents flow forward, the output shows 5', async ({
    page,
  }) => {
    await openColah(page);
    await modeGroup(page).getByRole('radio', { name: 'Forward mode' }).check();
    const wrt = page.getByLabel('With respect to', { exact: true });
    await wrt.selectOption('b');
    await expect(page).toHaveURL(/ad=forward&wrt=b/);

    // The value pass is the same 9 steps; the tangent pass follows it (seed, 4 edges, 2 sums).
    await expect(counter(page)).toContainText('Start · 16 steps');
    await page.getByRole('button', { name: 'Jump to tangent pass' }).click();
    await expect(counter(page)).toContainText('Step 9 of 16');
    await pressKey(page, 'ArrowRight');
    await expect(page.locator('.formula .phase-chip.phase-tangent')).toHaveText('Tangent pass');
    await expect(nodeNamed(page, 'b').locator('g.node-grad text.grad-value')).toHaveText('1');
    await expect(nodeNamed(page, 'b').locator('g.node-grad text.grad-mark')).toHaveText('∂/∂b');
    // ḃ = 1, in KaTeX: the formula panel's accessible text says ∂b/∂b.
    await expect(page.locator('.formula .katex').first()).toBeVisible();
    await expect(page.locator('.formula .formula-main')).toContainText('∂b/∂b = 1');

    await pressKey(page, 'End');
    await expect(counter(page)).toContainText('Step 16 of 16');
    await expect(outputBadge(page)).toHaveText('5');
    await expect(page.locator('svg.graph g.output-grad')).toHaveClass(/tangent/);
    await expect(await edgeGrad(page, 'c', 'e')).toBe('2');
    await expect(await edgeGrad(page, 'd', 'e')).toBe('3');
    // The last step is the sum rule at e, and the summary gives ∂e/∂b.
    await expect(page.locator('.formula .formula-main')).toContainText(
      '∂e/∂c · ∂c/∂b + ∂e/∂d · ∂d/∂b = 2 · 1 + 3 · 1 = 5',
    );
    await expect(page.locator('.formula .formula-summary')).toContainText('∂e/∂b = 5');
    await expect(page.locator('.legend')).toContainText('tangent ∂/∂b (forward mode)');
    // The legend's sample badge carries the graph's mark whole, inside its drawing.
    const sample = page.locator('.legend svg.tangent');
    await expect(sample.locator('text.grad-mark')).toHaveText('∂/∂b');
    const [svgBox, markBox] = await Promise.all([
      sample.boundingBox(),
      sample.locator('text.grad-mark').boundingBox(),
    ]);
    expect(markBox!.x).toBeGreaterThanOrEqual(svgBox!.x);
    await screenshot(page, 'fwd-forward-b');

    // With respect to a: the output's tangent is 2, and b gets no badge.
    await wrt.selectOption('a');
    await expect(counter(page)).toContainText('Step 14 of 14');
    await expect(outputBadge(page)).toHaveText('2');
    await expect(nodeNamed(page, 'b').locator('g.node-grad')).toHaveAttribute('display', 'none');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('the comparison counts edge operations of both modes, and reverse mode comes back', async ({
    page,
  }) => {
    await openColah(page);
    const compare = page.getByRole('group', {
      name: 'Cost of the derivative with respect to all 2 inputs',
    });
    await expect(compare.getByTestId('forward-ops')).toHaveText('6 edge operations');
    await expect(compare.getByTestId('reverse-ops')).toHaveText('5 edge operations');
    await expect(compare).toContainText('2 passes (one per input)');
    await expect(compare).toContainText('2 + 4 = 6');
    await expect(compare).toContainText('1 pass');

    await modeGroup(page).getByRole('radio', { name: 'Forward mode' }).check();
    await pressKey(page, 'End');
    await expect(outputBadge(page)).toHaveText('2'); // w.r.t. a, the first input
    await modeGroup(page).getByRole('radio', { name: 'Reverse mode' }).check();
    await expect(page.getByLabel('With respect to', { exact: true })).toHaveCount(0);
    // At the end it stays at the end: the usual trace, 9 value steps, the seed, 5 gradient steps.
    await expect(counter(page)).toContainText('Step 15 of 15');
    await expect(page.getByRole('button', { name: 'Jump to backward pass' })).toBeVisible();
    await expect(nodeNamed(page, 'b').locator('g.node-grad text.grad-value')).toHaveText('5');
    await expect(nodeNamed(page, 'b').locator('g.node-grad text.grad-mark')).toHaveText('∂');
    await expect(page.locator('.formula .formula-summary')).toContainText('∂e/∂b = 5');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('a link with ad=forward&wrt=b opens in forward mode', async ({ page }) => {
    await openApp(
      page,
      '?expr=a%20%3D%202%3B%20b%20%3D%201%3B%20e%20%3D%20(a%2Bb)*(b%2B1)&ad=forward&wrt=b&step=99',
    );
    await expect(modeGroup(page).getByRole('radio', { name: 'Forward mode' })).toBeChecked();
    await expect(page.getByLabel('With respect to', { exact: true })).toHaveValue('b');
    await expect(outputBadge(page)).toHaveText('5');
  });
});

test.describe('sums over paths', () => {
  test('Show paths for b on colah highlights 2 paths whose products add up to 5', async ({
    page,
  }) => {
    await openColah(page);
    await page.getByLabel('Paths from').selectOption('b');
    const show = page.getByRole('button', { name: 'Show paths' });
    await show.click();
    await expect(show).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('svg.graph g.edge.on-path')).toHaveCount(4);
    await expect(page.locator('svg.graph g.edge.off-path')).toHaveCount(2);
    await expect(edgeLabel(page, 'a', 'c')).toHaveClass(/off-path/);
    const panel = page.locator('.paths-body');
    await expect(panel.locator('.paths-count')).toHaveText('2 paths');
    await expect(panel.locator('.path-item')).toHaveCount(2);
    await expect(panel.locator('.path-item').nth(0)).toContainText('1 · 2 = 2');
    await expect(panel.locator('.path-item').nth(1)).toContainText('1 · 3 = 3');
    await expect(panel.locator('.paths-sum')).toContainText('∂e/∂b = 1 · 2 + 1 · 3 = 5');
    await expect(panel.locator('.paths-sum .katex').first()).toBeVisible();
    await screenshot(page, 'fwd-paths-colah');

    await show.click();
    await expect(page.locator('svg.graph g.edge.off-path')).toHaveCount(0);
    await expect(page.locator('.paths-body')).toHaveCount(0);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('where paths explode, the count is exact and the factored form stays short', async ({
    page,
  }) => {
    await openApp(page);
    // Ten squarings: every x * x is two edges into one node, so 2^10 paths from x.
    const lines = ['x = 1.001', 'a1 = x * x'];
    for (let i = 2; i <= 10; i++) lines.push(`a${i} = a${i - 1} * a${i - 1}`);
    await typeProgram(page, lines.join('\n'));
    await expect(nodeNamed(page, 'a10')).toBeVisible();
    await page.getByRole('button', { name: 'Show paths' }).click();
    const panel = page.locator('.paths-body');
    await expect(panel.locator('.paths-count')).toHaveText('1,024 paths; showing the first 8');
    await expect(panel.locator('.path-item')).toHaveCount(8);
    await expect(panel.locator('.paths-factored .katex').first()).toBeVisible();
    // Written out: 1024 paths of 10 edges, 9 products each, and 1023 additions.
    await expect(panel.locator('.paths-why')).toContainText('10,239 multiplications and additions');
    await expect(panel.locator('.paths-why')).toContainText(
      'factored (what reverse mode computes), 19',
    );
    await screenshot(page, 'fwd-paths-explode');
    expect(consoleErrors(page)).toEqual([]);
  });
});
