import { expect, test, type Page } from '@playwright/test';
import {
  consoleErrors,
  counter,
  chooseExample,
  edgeGrad,
  edgeValue,
  editor,
  hoverEdge,
  nodeNamed,
  openApp,
  pasteProgram,
  picture,
  pressKey,
  screenshot,
  typeProgram,
} from './helpers';
import { analyze, formatNumber, scalarGradient } from '../src/engine';
import { OP_LIST, OPS, type OpSpec } from '../src/engine/ops';
import { FUNCTION_CALLS, OP_WORDS } from '../src/engine/opWords';
import { exampleById } from '../src/examples';
import { vi } from '../src/i18n/vi';

const next = (page: Page) => page.getByRole('button', { name: 'Next step' });
const previous = (page: Page) => page.getByRole('button', { name: 'Previous step' });

test.describe('the visualizer', () => {
  test.beforeEach(async ({ page }) => {
    // Deterministic pictures: steps land at once (the animation has its own test below).
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('first load shows the built-in example graph', async ({ page }) => {
    await openApp(page);
    await expect(editor(page)).toHaveValue(/q = x \+ y/);
    for (const name of ['x', 'y', 'z', 'q', 'f'])
      await expect(nodeNamed(page, name)).toHaveCount(1);
    await expect(nodeNamed(page, 'x')).toHaveAttribute('aria-label', /^x = -2/);
    await expect(counter(page)).toHaveText('Start · 11 steps');
    await expect(page.locator('.formula')).toContainText('q = x + y');
    await expect(page.getByLabel('x', { exact: true })).toHaveValue('-2');
    await screenshot(page, 'first-load');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('typing a new program redraws the graph', async ({ page }) => {
    await openApp(page);
    await typeProgram(page, 'a*b + c');
    await expect(nodeNamed(page, 'a')).toHaveCount(1);
    await expect(nodeNamed(page, 'c')).toHaveCount(1);
    await expect(nodeNamed(page, 'q')).toHaveCount(0);
    await expect(page.getByLabel('a', { exact: true })).toHaveValue('1');
    await expect(counter(page)).toHaveText('Start · 11 steps');
  });

  test('a bad program shows the message, underlines the problem and keeps the last graph', async ({
    page,
  }) => {
    await openApp(page);
    await pasteProgram(page, 'f = (x+y*z');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Expected `)` to close the `(` at column 5');
    await expect(alert).toContainText('Line 1, column 5');
    await expect(page.locator('mark.error-span')).toHaveText('(');
    await expect(editor(page)).toHaveValue('f = (x+y*z');
    await expect(editor(page)).toHaveAttribute('aria-invalid', 'true');
    // The last good graph stays, dimmed.
    await expect(page.locator('svg.graph')).toHaveClass(/stale/);
    await expect(nodeNamed(page, 'q')).toHaveCount(1);
    await screenshot(page, 'bad-input');
    // Fixing it brings the graph back to life.
    await editor(page).press('End');
    await editor(page).pressSequentially(')');
    await expect(alert).toHaveCount(0);
    await expect(page.locator('svg.graph')).not.toHaveClass(/stale/);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('other bad inputs point at the offending characters', async ({ page }) => {
    await openApp(page);
    const cases: [string, string, string][] = [
      ['2x + 1', '2x', 'write `2*x`'],
      ['foo(x)', 'foo', 'not a function I know'],
      ['sigmod(x)', 'sigmod', 'did you mean `sigmoid`'],
      ['x + ', '+', 'needs something on its right'],
      ['max(x)', 'max(x)', 'two arguments'],
    ];
    for (const [program, underlined, message] of cases) {
      await typeProgram(page, program);
      await expect(page.getByRole('alert')).toContainText(message);
      await expect(page.locator('mark.error-span')).toHaveText(underlined);
    }
  });

  test('stepping through cs231n (x+y)*z shows -12 and the gradients -4, -4, 3 where they belong', async ({
    page,
  }) => {
    await openApp(page);
    // Nothing computed yet at the start.
    expect(await edgeValue(page, 'x', 'q')).toBe('');
    await next(page).click();
    await expect(counter(page)).toHaveText('Step 1 of 11 · forward');
    expect(await edgeValue(page, 'x', 'q')).toBe('-2');
    expect(await edgeValue(page, 'y', 'q')).toBe('');
    for (let i = 1; i < 11; i++) await next(page).click();
    await expect(counter(page)).toHaveText('Step 11 of 11 · backward');
    await expect(page.locator('svg.graph .output-value')).toHaveText('-12');
    expect(await edgeValue(page, 'q', 'f')).toBe('3');
    expect(await edgeGrad(page, 'x', 'q')).toBe('-4');
    expect(await edgeGrad(page, 'y', 'q')).toBe('-4');
    expect(await edgeGrad(page, 'z', 'f')).toBe('3');
    expect(await edgeGrad(page, 'q', 'f')).toBe('-4');
    await expect(page.getByRole('button', { name: 'x = -2, gradient -4' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'y = 5, gradient -4' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'z = -4, gradient 3' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'f = -12, gradient 1' })).toHaveCount(1);
    await expect(next(page)).toBeDisabled();
    const summary = page.locator('.formula-summary');
    await expect(summary).toContainText('∂f/∂x = -4');
    await expect(summary).toContainText('∂f/∂y = -4');
    await expect(summary).toContainText('∂f/∂z = 3');
    await screenshot(page, 'circuit-end');
  });

  test('the formula panel writes each chain-rule factor', async ({ page }) => {
    await openApp(page);
    const formula = page.locator('.formula');
    await pressKey(page, 'ArrowRight', 3);
    await expect(formula).toContainText('q = x + y = (-2) + 5 = 3');
    await pressKey(page, 'ArrowRight', 7);
    await expect(counter(page)).toHaveText('Step 10 of 11 · backward');
    await expect(formula).toContainText('∂f/∂x = ∂f/∂q · ∂q/∂x = (-4) · 1 = -4');
    await expect(formula).toContainText('∂q/∂x = 1');
    // KaTeX typesets it once loaded.
    await expect(formula.locator('.katex').first()).toBeVisible();
    await screenshot(page, 'formula-backward');
  });

  test('stepping back restores exactly the previous picture', async ({ page }) => {
    await openApp(page);
    const pictures: string[][] = [await picture(page)];
    for (let k = 1; k <= 11; k++) {
      await next(page).click();
      await expect(counter(page)).toContainText(`Step ${k} of 11`);
      pictures.push(await picture(page));
    }
    for (let k = 10; k >= 0; k--) {
      await previous(page).click();
      await expect(counter(page)).toContainText(k === 0 ? 'Start' : `Step ${k} of 11`);
      expect(await picture(page)).toEqual(pictures[k]);
    }
  });

  test('the keyboard steps, plays and jumps', async ({ page }) => {
    await openApp(page);
    await pressKey(page, 'ArrowRight');
    await expect(counter(page)).toHaveText('Step 1 of 11 · forward');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(counter(page)).toHaveText('Step 1 of 11 · forward');
    await page.keyboard.press('End');
    await expect(counter(page)).toHaveText('Step 11 of 11 · backward');
    await page.keyboard.press('Home');
    await expect(counter(page)).toHaveText('Start · 11 steps');
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(counter(page)).not.toHaveText('Start · 11 steps');
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // Arrow keys inside the editor move the caret, not the step.
    const before = await counter(page).textContent();
    await editor(page).click();
    await editor(page).press('ArrowLeft');
    await expect(counter(page)).toHaveText(before ?? '');
  });

  test('play runs to the end and jump buttons go where they say', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Speed').selectOption('4');
    await page.getByRole('button', { name: 'Jump to backward pass' }).click();
    await expect(counter(page)).toHaveText('Step 6 of 11 · forward');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(counter(page)).toHaveText('Step 11 of 11 · backward', { timeout: 10_000 });
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(counter(page)).toHaveText('Start · 11 steps');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(counter(page)).toHaveText('Step 11 of 11 · backward');
    await page.getByLabel('Step', { exact: true }).fill('3');
    await expect(counter(page)).toHaveText('Step 3 of 11 · forward');
  });

  test("colah's fork shows the sum 2 + 3 = 5", async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Examples').selectOption('colah');
    await expect(nodeNamed(page, 'e')).toHaveCount(1);
    await expect(page.locator('.example-lesson')).toContainText('2 + 3 = 5');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(page.getByRole('button', { name: 'b = 1, gradient 5' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'a = 2, gradient 2' })).toHaveCount(1);
    const formula = page.locator('.formula');
    await expect(formula).toContainText('∂e/∂b = 2 + 3 = 5');
    await expect(formula).toContainText('b feeds 2 nodes, so its gradient is the sum');
    await pressKey(page, 'ArrowLeft');
    await expect(formula).toContainText('∂e/∂b = 2 + …');
    await expect(formula).toContainText('1 of 2 shares has arrived');
    await screenshot(page, 'colah-fork');
  });

  test('changing an input recomputes everything and keeps the step', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Jump to end' }).click();
    const z = page.getByLabel('z', { exact: true });
    await z.fill('2');
    await expect(page.locator('svg.graph .output-value')).toHaveText('6');
    expect(await edgeGrad(page, 'x', 'q')).toBe('2');
    await expect(counter(page)).toHaveText('Step 11 of 11 · backward');
    // A declared input's value is written back into the program text.
    await expect(editor(page)).toHaveValue(/z = 2/);
  });

  test('hovering a node or an edge shows its numbers in the inspector', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await nodeNamed(page, 'q').hover();
    const inspector = page.locator('.inspector');
    await expect(inspector).toContainText('q = x + y');
    await expect(inspector).toContainText('3');
    await expect(inspector).toContainText('-4');
    await nodeNamed(page, 'q').click();
    await page.mouse.move(5, 5);
    await expect(inspector).toContainText('q = x + y');
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await expect(inspector).toContainText('Hover or click');
    await hoverEdge(page, 'z', 'f');
    await expect(inspector).toContainText('Edge z → f');
    await expect(inspector).toContainText('∂f/∂z = q = 3');
  });

  test('a domain problem is explained on the node', async ({ page }) => {
    await openApp(page);
    await typeProgram(page, 'x = -1\nf = log(x)');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await nodeNamed(page, 'f').click();
    await expect(page.locator('.inspector')).toContainText(
      'log of a negative number is undefined here',
    );
    await expect(nodeNamed(page, 'f')).toHaveClass(/has-note/);
  });

  test('every example draws and runs to its gradient summary without errors', async ({ page }) => {
    await openApp(page);
    const ids = await page
      .getByLabel('Examples')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) {
      await chooseExample(page, id);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await page.getByRole('button', { name: 'Jump to end' }).click();
      // A matrix example (issue 15) is drawn as heat grids, its last step's rule in the panel.
      if (exampleById(id)?.tensor) {
        await expect(page.locator('svg.tensor-graph .grad-grid').first()).toBeVisible();
        await expect(page.locator('.formula .formula-body')).toContainText('∂');
      } else await expect(page.locator('.formula-summary')).toBeVisible();
    }
    expect(consoleErrors(page)).toEqual([]);
  });

  test('syntax help is one click away', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Syntax help' }).click();
    const dialog = page.getByRole('dialog', { name: 'What you can type' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('# starts a comment');
    // Every function of the op registry, called with its arity and described in words.
    const items = dialog.locator('.help-functions li');
    const functions = OP_LIST.filter((op) => op.callNames?.length);
    await expect(items).toHaveCount(functions.length);
    for (const op of functions) {
      const [name] = op.callNames!;
      const call = op.arity === 2 ? `${name}(a, b)` : `${name}(x)`;
      await expect(items.filter({ hasText: call })).toContainText(OP_WORDS[op.name].en);
    }
    await expect(dialog).toContainText('log(x), ln(x)');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test('every function of the op registry can be typed, drawn and stepped to its gradients', async ({
    page,
  }) => {
    await openApp(page);
    for (const { op } of FUNCTION_CALLS) {
      const spec: OpSpec = OPS[op];
      // Inside the op's smooth region, off its kink (operands at different places of it).
      const at = (k: number, t: number) => {
        const [lo, hi] = spec.smoothOn[k];
        return Math.round((lo + t * (hi - lo)) * 100) / 100;
      };
      const program =
        spec.arity === 2
          ? `a = ${at(0, 0.7)}; b = ${at(1, 0.35)}\nf = ${spec.callNames![0]}(a, b)`
          : `x = ${at(0, 0.7)}\nf = ${spec.callNames![0]}(x)`;
      await editor(page).fill(program);
      await expect(nodeNamed(page, 'f'), program).toHaveCount(1);
      // From the start (a program of the same shape as the last one stays at its end) to the end.
      await pressKey(page, 'Home');
      await expect(counter(page)).toHaveText(/^Start/);
      await pressKey(page, 'End');
      await expect(counter(page)).toHaveText(/^Step (\d+) of \1 /);
      const expected = analyze(program);
      const summary = page.locator('.formula-summary');
      for (const input of expected.inputs) {
        await expect(summary, program).toContainText(
          `∂f/∂${input.name} = ${formatNumber(scalarGradient(expected, input.name)!)}`,
        );
      }
    }
    expect(consoleErrors(page)).toEqual([]);
  });

  test('the syntax card names the functions in Vietnamese too', async ({ page }) => {
    await openApp(page, '?lang=vi');
    await page.getByRole('button', { name: vi['editor.help'] }).click();
    const dialog = page.getByRole('dialog', { name: vi['help.title'] });
    await expect(dialog.locator('.help-functions li').filter({ hasText: 'sigmoid(x)' })).toHaveText(
      `sigmoid(x) ${OP_WORDS.sigmoid.vi}`,
    );
  });
});

test('each step animates a pulse along its edge unless reduced motion is asked for', async ({
  page,
}) => {
  await openApp(page);
  await next(page).click();
  await expect(page.locator('svg.graph g.pulse')).toHaveCount(1);
  await expect(page.locator('svg.graph g.pulse')).toHaveCount(0, { timeout: 3000 });
  expect(await edgeValue(page, 'x', 'q')).toBe('-2');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await next(page).click();
  await expect(counter(page)).toHaveText('Step 2 of 11 · forward');
  await expect(page.locator('svg.graph g.pulse')).toHaveCount(0);
  expect(await edgeValue(page, 'y', 'q')).toBe('5');
});
