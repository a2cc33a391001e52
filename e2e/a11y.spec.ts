import { expect, test } from '@playwright/test';
import { editor, expectNoSeriousViolations, nodeNamed, openApp, typeProgram } from './helpers';

const CIRCUIT = '?expr=(x%2By)*z&x=-2&y=5&z=-4';

test.describe('accessibility (axe): no serious or critical violations', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  for (const theme of ['light', 'dark'] as const) {
    // 11 steps: 5 forward, the seed, 5 backward.
    for (const [name, step] of [
      ['start', 0],
      ['mid-forward', 3],
      ['mid-backward', 8],
      ['end', 11],
    ] as const) {
      test(`${theme} theme, ${name} of the trace`, async ({ page }) => {
        await openApp(page, `${CIRCUIT}&step=${step}&theme=${theme}`);
        await expectNoSeriousViolations(page);
      });
    }
  }

  test('an error in the editor', async ({ page }) => {
    await openApp(page, CIRCUIT);
    await typeProgram(page, '(x + y');
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the syntax help dialog', async ({ page }) => {
    await openApp(page, CIRCUIT);
    await page.getByRole('button', { name: 'Syntax help' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the keyboard shortcut list', async ({ page }) => {
    await openApp(page, `${CIRCUIT}&theme=dark`);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`presentation mode, ${theme}`, async ({ page }) => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await openApp(page, `${CIRCUIT}&step=8&theme=${theme}`);
      await page.getByRole('button', { name: 'Presentation mode' }).click();
      await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
      await expectNoSeriousViolations(page);
    });
  }

  test('embed mode', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 520 });
    await openApp(page, `${CIRCUIT}&step=9&embed=1`);
    await expectNoSeriousViolations(page);
  });

  test('phone width 375', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await openApp(page, `${CIRCUIT}&step=4`);
    await expectNoSeriousViolations(page);
  });

  test('Vietnamese', async ({ page }) => {
    await openApp(page, `${CIRCUIT}&step=8&lang=vi`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('button', { name: 'Chế độ trình chiếu' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

test.describe('keyboard alone', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`every control is reached by Tab and shows a focus ring (${theme})`, async ({ page }) => {
      await openApp(page, `${CIRCUIT}&step=2&theme=${theme}`);
      await page.locator('body').focus();
      const seen = new Set<string>();
      const tags = new Map<string, string>();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | SVGElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const body = el.querySelector?.('.node-body');
          return {
            id:
              el.getAttribute('aria-label') ||
              el.getAttribute('title') ||
              el.textContent?.trim().slice(0, 30) ||
              el.id ||
              el.tagName,
            tag: el.tagName.toLowerCase(),
            outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0,
            // Graph nodes show focus with a thick outline on their shape instead.
            nodeStroke: body ? parseFloat(getComputedStyle(body).strokeWidth) : 0,
          };
        });
        if (!info) continue;
        if (info.tag === 'g') expect(info.nodeStroke, info.id).toBeGreaterThanOrEqual(4);
        else expect(info.outline, `${info.tag} ${info.id}`).toBeGreaterThanOrEqual(2);
        seen.add(info.id);
        tags.set(info.id, info.tag);
      }
      // The header, the editor, the inputs, the graph's nodes and the step controls are all reached.
      for (const name of [
        'Presentation mode',
        'Keyboard shortcuts',
        'Syntax help',
        'Next step',
        'Fit to screen',
      ]) {
        expect(
          [...seen].some((s) => s.startsWith(name)),
          name,
        ).toBe(true);
      }
      // The graph is one Tab stop (arrow keys move inside it): exactly one node is reached.
      expect([...tags.entries()].filter(([, tag]) => tag === 'g').length, 'graph nodes').toBe(1);
    });
  }

  test('a graph node can be chosen for the inspector with Tab and Enter', async ({ page }) => {
    await openApp(page, `${CIRCUIT}&step=11`);
    await editor(page).focus();
    // Tab forward to the graph's one stop, then walk to node x with the arrow keys.
    const inGraph = () =>
      page.evaluate(() => document.activeElement?.matches('svg.graph g.node') ?? false);
    for (let i = 0; i < 40 && !(await inGraph()); i++) await page.keyboard.press('Tab');
    // Each press heads for x: the arrow along the larger of the two distances to it.
    const toward = () =>
      nodeNamed(page, 'x').evaluate((x) => {
        const from = document.activeElement!.getBoundingClientRect();
        const to = x.getBoundingClientRect();
        if (x === document.activeElement) return null;
        const dx = to.x + to.width / 2 - (from.x + from.width / 2);
        const dy = to.y + to.height / 2 - (from.y + from.height / 2);
        if (Math.abs(dx) > 4) return dx < 0 ? 'ArrowLeft' : 'ArrowRight';
        return dy < 0 ? 'ArrowUp' : 'ArrowDown';
      });
    for (let i = 0, key = await toward(); key && i < 8; i++, key = await toward()) {
      await page.keyboard.press(key);
    }
    await expect(nodeNamed(page, 'x')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(nodeNamed(page, 'x')).toHaveAttribute('aria-pressed', 'true');
    const inspector = page.locator('.inspector');
    await expect(inspector).toContainText('-4');
    // Moving the focus away keeps the chosen node in the inspector.
    await page.keyboard.press('Tab');
    await expect(nodeNamed(page, 'x')).toHaveAttribute('aria-pressed', 'true');
    await expect(inspector.getByRole('button', { name: 'Clear selection' })).toBeVisible();
  });
});
