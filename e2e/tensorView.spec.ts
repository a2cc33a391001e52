import { expect, test } from '@playwright/test';
import {
  appReady,
  consoleErrors,
  expectNoSeriousViolations,
  gradCells,
  openApp,
  tensorNode,
  typeProgram,
  valueCells,
} from './helpers';
import { SMALL_LAYER } from '../test/fixtures/networks';
import { EXAMPLES } from '../src/examples';

/**
 * Tensor mode on screen (issue 15, points 1 and 2): a matrix program is drawn with every node's
 * shape and heat grids, stepped value by value then gradient by gradient, each cell's numbers
 * readable on hover, and the inspector lists a clicked node's whole matrix.
 */
const PROGRAM = SMALL_LAYER;

const node = tensorNode;

test.describe('tensor mode on screen', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('a matrix program is drawn with shapes and grids, and steps values then gradients', async ({
    page,
  }) => {
    await openApp(page, '?expr=(x%2By)*z&x=-2&y=5&z=-4');
    await typeProgram(page, PROGRAM);
    // Drawn, not a message: every tensor node with its name and shape.
    await expect(node(page, 'X')).toHaveAttribute('aria-label', 'X, 2×3 matrix');
    await expect(node(page, 'W')).toHaveAttribute('aria-label', 'W, 3×2 matrix');
    await expect(node(page, 'b')).toHaveAttribute('aria-label', 'b, vector of 2');
    await expect(node(page, 'Z')).toHaveAttribute('aria-label', 'Z, 2×2 matrix');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(node(page, 'W').locator('.tensor-shape')).toHaveText('3×2');
    // The legend explains grids, not the scalar graph's edge labels.
    const legend = page.getByRole('note', { name: 'Legend' });
    await expect(legend).toContainText('value: red below 0, blue above');
    await expect(legend).toContainText('gradient (framed): purple below 0, orange above');
    await expect(legend).not.toContainText('above an edge');
    await expect(page.locator('svg.graph')).toBeHidden();
    // Export takes the tensor picture (issue 15's lessons); zoom is the scalar picture's only.
    await expect(page.getByRole('button', { name: 'Export SVG' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Fit to screen' })).toHaveCount(0);

    // At the start: the inputs' values are there, nothing computed, no gradient.
    await expect(valueCells(page, 'X')).toHaveCount(6);
    await expect(valueCells(page, 'W')).toHaveCount(6);
    await expect(valueCells(page, 'Z')).toHaveCount(0);
    await expect(node(page, 'Z').locator('.tensor-pending')).toHaveCount(1);
    await expect(page.locator('svg.tensor-graph .grad-grid')).toHaveCount(0);
    await expectNoSeriousViolations(page);

    // Forward: values appear node by node. The trace has @, +, tanh, sum, then the gradients.
    const next = page.getByRole('button', { name: 'Next step' });
    await next.click();
    await next.click();
    await expect(valueCells(page, 'Z')).toHaveCount(4);
    await expect(page.locator('svg.tensor-graph .grad-grid')).toHaveCount(0);
    await expect(page.locator('.counter')).toContainText('Step 2 of');
    await next.click();
    await next.click();
    // The seed, then the backward edges: gradients appear as each edge is passed.
    await next.click();
    await expect(page.locator('.counter')).toContainText('backward');
    await expect(node(page, 'W')).toHaveAttribute('aria-label', 'W, 3×2 matrix');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(node(page, 'W')).toHaveAttribute('aria-label', 'W, 3×2 matrix, has a gradient');
    await expect(gradCells(page, 'W')).toHaveCount(6);
    await expect(gradCells(page, 'Z')).toHaveCount(4);
    // The gradient grid is framed in the gradient's colours, unlike the value grid.
    await expect(node(page, 'W').locator('.grad-grid rect.grad-frame')).toHaveCount(1);
    // The chain-rule panel writes the step in matrix form, with its shapes.
    await expect(page.getByRole('region', { name: 'Chain rule' })).toContainText('3×2');
    // Every symbol the formula uses is on a card: the unnamed product is a₁, the sum L.
    await expect(page.getByRole('region', { name: 'Chain rule' })).toContainText('a₁');
    await expect(node(page, 'a₁').locator('.tensor-title')).toHaveText('a₁ @');
    await expect(
      page.locator('svg.tensor-graph g.tensor-node .tensor-title', { hasText: 'L Σ' }),
    ).toHaveCount(1);
    await expectNoSeriousViolations(page);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('hovering a cell shows its numbers; the inspector lists the whole matrix', async ({
    page,
  }) => {
    // Two axe runs over a page with grids and a matrix table: slow on a loaded machine.
    test.slow();
    await page.goto(`./?expr=${encodeURIComponent(PROGRAM)}`);
    await appReady(page);
    await page.getByRole('button', { name: 'Jump to end' }).click();
    const tip = page.locator('.tensor-tip');
    // Row 2, column 1 of W (the third cell, row-major) is 2; its gradient 0.01617….
    await valueCells(page, 'W').nth(2).hover();
    await expect(tip).toHaveText(/^W\[2, 1\] = 2, ∂L\/∂W\[2, 1\] = 0\.0161/);
    await gradCells(page, 'b').nth(1).hover();
    await expect(tip).toHaveText(/^b\[2\] = -0\.2, ∂L\/∂b\[2\] = 0\.207/);
    await expectNoSeriousViolations(page);

    await node(page, 'W').click();
    const inspector = page.locator('.inspector');
    const values = inspector.locator('table.value-table');
    const grads = inspector.locator('table.grad-table');
    await expect(values.locator('caption')).toHaveText('Value of W');
    await expect(grads.locator('caption')).toHaveText('Gradient of W');
    await expect(values.getByRole('rowheader')).toHaveText(['1', '2', '3']);
    await expect(values.getByRole('columnheader')).toHaveText(['1', '2']);
    await expect(values.locator('tbody tr').nth(1).locator('td')).toHaveText(['2', '0']);
    await expect(grads.locator('tbody tr').nth(2).locator('td').nth(1)).toHaveText(/^0\.932/);
    await expectNoSeriousViolations(page);

    // A large tensor is summarised (the whole trace was on show, so the new one is too).
    await typeProgram(page, 'A = randn(20, 30)\nL = sum(A * A)');
    await expect(node(page, 'A')).toHaveAttribute('aria-label', 'A, 20×30 matrix, has a gradient');
    await node(page, 'A').click();
    await expect(inspector).toContainText('Too large to list (20×30)');
    await expect(inspector.locator('.tensor-summary').first()).toContainText(
      /Shape 20×30; min -?\d.*, max \d.*, mean .*, norm \d/,
    );
    await expectNoSeriousViolations(page);
  });
});

test('on a phone, stepping keeps both cards of the step’s edge in the graph’s box', async ({
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const seed002 = EXAMPLES.find((e) => e.id === 'softmaxNet')!.source;
  await openApp(page, `?expr=${encodeURIComponent(seed002)}`);
  const total = Number((await page.locator('.counter').textContent())!.match(/(\d+) steps/)![1]);
  expect(total).toBeGreaterThan(10);
  const host = page.locator('.tensor-host');
  for (let k = 1; k <= total; k++) {
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.locator('.counter')).toContainText(`${k} of ${total}`);
    // The box scrolls to the step in the frame after it is drawn: polled, not read once.
    const outside = () =>
      host.evaluate((h) => {
        const box = h.getBoundingClientRect();
        const inside = (el: Element | null) => {
          if (!el) return true;
          const r = el.getBoundingClientRect();
          return (
            r.left >= box.left - 1 &&
            r.right <= box.left + h.clientWidth + 1 &&
            r.top >= box.top - 1 &&
            r.bottom <= box.top + h.clientHeight + 1
          );
        };
        const bad: string[] = [];
        for (const edge of h.querySelectorAll('path[class*="tensor-active-"]')) {
          const ends = ['from', 'to'].map((end) =>
            h.querySelector(`[data-node="${edge.getAttribute(`data-${end}`)}"]`),
          );
          // Both ends when they fit the box together; a long edge keeps at least the active card.
          const [a, b] = ends.map((el) => el!.getBoundingClientRect());
          const fits =
            Math.max(a.right, b.right) - Math.min(a.left, b.left) <= h.clientWidth &&
            Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top) <= h.clientHeight;
          const must = fits ? ends : [h.querySelector('.tensor-node.active')];
          for (const el of must) if (!inside(el)) bad.push(el?.getAttribute('aria-label') ?? '?');
        }
        return bad;
      });
    await expect.poll(outside, { message: `step ${k}`, timeout: 3000 }).toEqual([]);
  }
});
