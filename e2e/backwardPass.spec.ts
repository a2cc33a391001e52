import { expect, test, type Page } from '@playwright/test';
import {
  consoleErrors,
  counter,
  editor,
  expectNoSeriousViolations,
  openApp,
  screenshot,
} from './helpers';
// cs231n's snippet and its staged computation, as the notes print them (shared with the unit tests).
import { CS231N, STAGED } from '../test/fixtures/cs231n';

/** Replaces the program the way a paste does: select all, then the whole text in one input. */
async function paste(page: Page, text: string): Promise<void> {
  // Named "Expression" or, in Vietnamese, "Biểu thức".
  const box = page.getByRole('textbox', { name: /^(Expression|Biểu thức)$/ });
  await box.click();
  await box.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

const panel = (page: Page) => page.getByRole('region', { name: 'Your backward pass' });
const line = (page: Page, name: string) => panel(page).locator(`li[data-name="${name}"]`);

test.describe('your backward pass', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test("cs231n's snippet: four ✓, a broken line's ✗, and its link to the step", async ({
    page,
  }) => {
    await openApp(page);
    // The first screen's program has no gradient lines: no panel, no marks.
    await expect(page.getByRole('heading', { name: 'Your backward pass' })).toHaveCount(0);

    await paste(page, CS231N);
    await expect(page.getByRole('heading', { name: 'Your backward pass' })).toBeVisible();
    // The graph is the forward program's: f is the output, the gradient lines are no nodes.
    await expect(page.locator('svg.graph g.node')).toHaveCount(5);
    await expect(page.locator('svg.graph g.node[data-name="dfdy"]')).toHaveCount(0);
    await expect(page.locator('svg.graph g.node[data-name="f"]')).toBeVisible();

    const items = panel(page).locator('li.bp-line');
    await expect(items).toHaveCount(4);
    await expect(items.locator('.bp-name')).toHaveText(['dfdz', 'dfdq', 'dfdx', 'dfdy']);
    await expect(items.locator('.bp-verdict')).toHaveText([
      '✓ matches ∂f/∂z = 3',
      '✓ matches ∂f/∂q = −4',
      '✓ matches ∂f/∂x = −4',
      '✓ matches ∂f/∂y = −4',
    ]);
    // Gutter marks, with their words for screen readers.
    const gutter = page.getByRole('list', { name: 'Checks of your backward pass, by line' });
    // What a screen reader reads: the words (the glyph beside them is hidden from it).
    await expect(gutter.locator('li .visually-hidden')).toHaveText([
      'Line 4: dfdz matches ∂f/∂z = 3',
      'Line 5: dfdq matches ∂f/∂q = −4',
      'Line 6: dfdx matches ∂f/∂x = −4',
      'Line 7: dfdy matches ∂f/∂y = −4',
    ]);
    await expectNoSeriousViolations(page);

    // Drop the chain rule's factor from one line.
    await paste(page, CS231N.replace('dfdx = 1.0 * dfdq', 'dfdx = 1.0'));
    await expect(line(page, 'dfdx')).toHaveAttribute('data-status', 'wrong');
    await expect(line(page, 'dfdx').locator('.bp-verdict')).toHaveText('✗ is 1, but ∂f/∂x is −4');
    await expect(panel(page).locator('li[data-status="ok"]')).toHaveCount(3);
    await expect(gutter.locator('li[data-line="6"] .visually-hidden')).toHaveText(
      'Line 6: dfdx is 1, but ∂f/∂x is −4',
    );
    await expect(gutter.locator('li[data-line="6"]')).toHaveAttribute('data-status', 'wrong');
    // The mark sits beside line 6 of the text.
    const box = await editor(page).boundingBox();
    const mark = await gutter.locator('li[data-line="6"]').boundingBox();
    expect(mark!.x).toBeLessThan(box!.x + 30);
    expect(mark!.y).toBeGreaterThan(box!.y + 5 * 20);
    await screenshot(page, 'backward-pass-wrong');
    await expectNoSeriousViolations(page);

    // The link goes to the step that computes ∂f/∂x, with its chain-rule factors.
    await line(page, 'dfdx')
      .getByRole('button', { name: 'Show the step that computes ∂f/∂x' })
      .click();
    await expect(counter(page)).toContainText('10');
    await expect(page.locator('.formula')).toContainText('∂f/∂x = ∂f/∂q · ∂q/∂x = (-4) · 1 = -4');
    await expectNoSeriousViolations(page);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('cs231n’s shorthand dx as the last line: the reading is said, and can be switched', async ({
    page,
  }) => {
    await openApp(page);
    await paste(page, 'x = 3\nf = x * x\ndx = 2 * x');
    const dx = line(page, 'dx');
    await expect(dx.locator('.bp-verdict')).toHaveText('✓ matches ∂f/∂x = 6');
    await expect(dx).toContainText(
      'Read as ∂f/∂x: dx is cs231n’s shorthand for the gradient of the output, f, on x.',
    );
    await expect(dx).toContainText('It could also be forward code, a value named dx');
    await dx.getByRole('button', { name: 'Read dx as forward code' }).click();
    // Now dx is the output, a node of the graph, and the panel says so and offers the way back.
    await expect(page.locator('svg.graph g.node[data-name="dx"]')).toBeVisible();
    await expect(panel(page)).toContainText(
      'dx (line 3) is read as forward code, because you chose it.',
    );
    await expect(panel(page).locator('li.bp-line')).toHaveCount(0);
    await expectNoSeriousViolations(page);
    await panel(page).getByRole('button', { name: 'Read dx as a gradient' }).click();
    await expect(page.locator('svg.graph g.node[data-name="dx"]')).toHaveCount(0);
    await expect(line(page, 'dx')).toHaveAttribute('data-status', 'ok');
  });

  test('a name with two readings: the other one is a click away, and so is the rule’s', async ({
    page,
  }) => {
    await openApp(page);
    await paste(page, 'x = 3; fdx = x + 1\nf = fdx * x\ndfdx = 2 * x + 1');
    const dfdx = line(page, 'dfdx');
    await expect(dfdx.locator('.bp-verdict')).toHaveText('✓ matches ∂f/∂x = 7');
    await expect(dfdx).toContainText('Read as ∂f/∂x. It could also be ∂f/∂fdx.');
    await dfdx.getByRole('button', { name: 'Read dfdx as ∂f/∂fdx' }).click();
    await expect(dfdx.locator('.bp-verdict')).toHaveText('✗ is 7, but ∂f/∂fdx is 3');
    await expect(dfdx).toContainText('Read this way because you chose it.');
    await dfdx.getByRole('button', { name: 'Read dfdx as the rule does' }).click();
    await expect(dfdx.locator('.bp-verdict')).toHaveText('✓ matches ∂f/∂x = 7');
  });

  test('a list gradient is a clear message, not a wrong check', async ({ page }) => {
    await openApp(page);
    await paste(page, 'x = 3; w = 2\nf = x * w\ndw = [x, 2 * x]\ndx = w');
    await expect(line(page, 'dw').locator('.bp-verdict')).toHaveText(
      '– a list: checked element by element once tensor values exist',
    );
    await expect(line(page, 'dw')).toHaveAttribute('data-status', 'unchecked');
    await expect(page.locator('.error-message')).toHaveCount(0);
  });

  test('a phone in the dark theme: the panel fits, marks sit in the gutter, axe passes', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openApp(page, '?theme=dark');
    await paste(page, CS231N.replace('dfdx = 1.0 * dfdq', 'dfdx = 1.0'));
    await expect(line(page, 'dfdx')).toHaveAttribute('data-status', 'wrong');
    await line(page, 'dfdx').scrollIntoViewIfNeeded();
    const region = await panel(page).boundingBox();
    expect(region!.x).toBeGreaterThanOrEqual(0);
    expect(region!.x + region!.width).toBeLessThanOrEqual(375);
    // Each mark is level with its line: line k's mark is k − 1 lines below line 1's.
    const marks = page.locator('.bp-gutter-mark');
    const first = await marks.nth(0).boundingBox();
    const last = await marks.nth(3).boundingBox();
    expect(Math.abs(last!.y - first!.y - 3 * first!.height)).toBeLessThan(1);
    await screenshot(page, 'backward-pass-375-dark');
    await expectNoSeriousViolations(page);
  });

  test('the marks scroll with the text', async ({ page }) => {
    await openApp(page);
    const forward = Array.from({ length: 14 }, (_, i) => `a${i + 1} = a${i} * 1`).join('\n');
    await paste(page, `a0 = 2\n${forward}\nda0 = 1`);
    const mark = page.locator('.bp-gutter-mark[data-line="16"]');
    await expect(mark).toHaveAttribute('data-status', 'ok');
    const box = editor(page);
    await box.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await box.dispatchEvent('scroll');
    // Scrolled to the end, line 16 is the last line in view, and its mark is beside it.
    await expect
      .poll(async () => {
        const b = (await box.boundingBox())!;
        const m = (await mark.boundingBox())!;
        return m.y > b.y && m.y + m.height < b.y + b.height;
      })
      .toBe(true);
  });

  test('a link to a program with a backward pass opens on its forward graph', async ({ page }) => {
    // The reader of gradient lines loads after the page: the first graph must wait for it, not
    // show dfdy as the output.
    await openApp(page, `?expr=${encodeURIComponent(CS231N)}&step=10`);
    await expect(page.locator('svg.graph g.node')).toHaveCount(5);
    await expect(panel(page).locator('li[data-status="ok"]')).toHaveCount(4);
    await expect(page.locator('.formula')).toContainText('∂f/∂x = ∂f/∂q · ∂q/∂x = (-4) · 1 = -4');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('Vietnamese labels', async ({ page }) => {
    await openApp(page, '?lang=vi');
    await paste(page, CS231N.replace('dfdx = 1.0 * dfdq', 'dfdx = 1.0'));
    const vi = page.getByRole('region', { name: 'Lan truyền ngược của bạn' });
    await expect(vi).toBeVisible();
    await expect(vi.locator('li[data-name="dfdz"] .bp-verdict')).toHaveText('✓ khớp với ∂f/∂z = 3');
    await expect(vi.locator('li[data-name="dfdx"] .bp-verdict')).toHaveText(
      '✗ bằng 1, nhưng ∂f/∂x là −4',
    );
    await expect(vi.getByRole('button', { name: 'Xem bước tính ∂f/∂x' })).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Kết quả kiểm tra lan truyền ngược của bạn, theo dòng' }),
    ).toContainText('Dòng 6: dfdx bằng 1, nhưng ∂f/∂x là −4');
    await expectNoSeriousViolations(page);
  });

  test("cs231n's staged code with += pastes as printed, every line ✓", async ({ page }) => {
    await openApp(page);
    await paste(page, STAGED);
    const items = panel(page).locator('li.bp-line');
    await expect(items).toHaveCount(12);
    await expect(items.locator('.bp-mark')).toHaveText(Array(12).fill('✓'));
    await expect(page.locator('.error-message')).toHaveCount(0);
    // The graph is the forward pass: f is the output.
    await expect(page.locator('svg.graph g.node[data-name="f"]')).toBeVisible();
    await expect(page.locator('svg.graph g.node[data-name="dx"]')).toHaveCount(0);
    // x's first two lines are shares so far; its last one is the whole gradient.
    const dx = items.filter({ has: page.locator('.bp-name', { hasText: /^dx$/ }) });
    await expect(dx.locator('.bp-verdict')).toHaveText([
      /^✓ a share of ∂f\/∂x so far, 1\.583/,
      /^✓ a share of ∂f\/∂x so far, 1\.547/,
      '✓ matches ∂f/∂x = 2.06',
    ]);
    const gutter = page.getByRole('list', { name: 'Checks of your backward pass, by line' });
    await expect(gutter.locator('li[data-status="ok"]')).toHaveCount(12);
    await expect(gutter.locator('li:not([data-status="ok"])')).toHaveCount(0);
    await screenshot(page, 'backward-pass-staged');
    await expectNoSeriousViolations(page);

    // Forgetting the + of one += is named, with a caret, and what was typed stays.
    const forgot = STAGED.replace('dx += (1) * dnum', 'dx = (1) * dnum');
    await paste(page, forgot);
    await expect(page.locator('.error-message')).toContainText(
      '`dx` is already written on line 25: to add this share to it, write `dx +=`.',
    );
    await expect(editor(page)).toHaveValue(forgot);
    // A forward statement never takes +=.
    await paste(page, 'x = 2\nq = x\nq += x\nf = q * x');
    await expect(page.locator('.error-message')).toContainText(
      '`=` can only follow a name at the start of a statement',
    );
    expect(consoleErrors(page)).toEqual([]);
  });

  test('the reading you switch to is kept in the link', async ({ page }) => {
    await openApp(page);
    await paste(page, 'x = 3\nf = x * x\ndx = 2 * x');
    await line(page, 'dx').getByRole('button', { name: 'Read dx as forward code' }).click();
    await expect(page).toHaveURL(/[?&]read=dx:forward(&|$)/);
    await page.reload();
    await expect(page.locator('svg.graph g.node[data-name="dx"]')).toBeVisible();
    await expect(panel(page)).toContainText('dx (line 3) is read as forward code');
  });

  test('a link to a gradient program whose step is out of range says so', async ({ page }) => {
    await openApp(page, `?expr=${encodeURIComponent(CS231N)}&step=999`);
    await expect(panel(page).locator('li[data-status="ok"]')).toHaveCount(4);
    await expect(page.getByRole('status').filter({ hasText: 'step (out of range)' })).toBeVisible();
  });
});

test.describe("practice: 'check my backward pass'", () => {
  const CIRCUIT = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';
  const practiceBox = (page: Page) => page.getByRole('region', { name: 'Practice' });
  const start = (page: Page) => page.getByRole('button', { name: 'Check my backward pass' });

  /** Puts the caret right after `before` in the editor and types `text` there. */
  async function typeAfter(page: Page, before: string, text: string) {
    const box = editor(page);
    await box.evaluate((el, at) => {
      const area = el as HTMLTextAreaElement;
      const i = area.value.indexOf(at) + at.length;
      area.focus();
      area.setSelectionRange(i, i);
    }, before);
    await page.keyboard.type(text);
  }

  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('the button writes empty d… lines, each checked as it is filled in', async ({ page }) => {
    await openApp(page, `?expr=${encodeURIComponent(CIRCUIT)}&practice=1`);
    await start(page).click();
    await expect(editor(page)).toHaveValue(`${CIRCUIT}\ndfdq = \ndfdz = \ndfdy = \ndfdx = `);
    await expect(panel(page).locator('li.bp-line .bp-verdict')).toHaveText([
      '– not written yet: write ∂f/∂q after the =',
      '– not written yet: write ∂f/∂z after the =',
      '– not written yet: write ∂f/∂y after the =',
      '– not written yet: write ∂f/∂x after the =',
    ]);
    await expect(page.getByTestId('practice-bp-progress')).toHaveText(
      'Your backward pass: 0 of 4 lines right',
    );
    await expectNoSeriousViolations(page);

    await typeAfter(page, 'dfdq = ', 'z');
    await expect(line(page, 'dfdq').locator('.bp-verdict')).toHaveText('✓ matches ∂f/∂q = −4');
    await typeAfter(page, 'dfdy = ', 'dfdq');
    await expect(line(page, 'dfdy')).toHaveAttribute('data-status', 'ok');
    // A wrong line: ✗ in words, and the link to the step that computes it.
    await typeAfter(page, 'dfdx = ', '1');
    await expect(line(page, 'dfdx').locator('.bp-verdict')).toHaveText('✗ is 1, but ∂f/∂x is −4');
    await expect(page.getByTestId('practice-bp-progress')).toHaveText(
      'Your backward pass: 2 of 4 lines right',
    );
    await expect(
      page
        .getByRole('list', { name: 'Checks of your backward pass, by line' })
        .locator('li[data-line="7"]'),
    ).toHaveAttribute('data-status', 'wrong');
    await screenshot(page, 'backward-exercise');
    await expectNoSeriousViolations(page);
    await line(page, 'dfdx')
      .getByRole('button', { name: 'Show the step that computes ∂f/∂x' })
      .click();
    // Practice is on: the step is one of its questions, its factor asked before it is shown.
    await expect(page.locator('.formula')).toContainText('The gradient flows from q back to x');
    await expect(page.locator('.formula')).toContainText('∂q/∂x = ?');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('exercise=backward opens any example as the exercise; the link then keeps what is typed', async ({
    page,
  }) => {
    const colah = 'a = 2; b = 1\nc = a + b\nd = b + 1\ne = c * d';
    await openApp(page, `?expr=${encodeURIComponent(colah)}&exercise=backward`);
    await expect(editor(page)).toHaveValue(`${colah}\ndedd = \ndedc = \ndedb = \ndeda = `);
    await expect(practiceBox(page)).toBeVisible();
    await expect(page).toHaveURL(/practice=1/);
    await expect(page).not.toHaveURL(/exercise=/);
    await typeAfter(page, 'dedb = ', 'c + d');
    await expect(line(page, 'dedb').locator('.bp-verdict')).toHaveText('✓ matches ∂e/∂b = 5');
    await expect(page).toHaveURL(/dedb%20%3D%20c%20%2B%20d|dedb\+%3D\+c|dedb%20=%20c/);
    await page.reload();
    await expect(line(page, 'dedb')).toHaveAttribute('data-status', 'ok');
    // No button over a program whose lines are being written: the progress instead.
    await expect(start(page)).toHaveCount(0);
  });

  test('an expression without names: cs231n’s dx, in Vietnamese', async ({ page }) => {
    await openApp(page, `?expr=${encodeURIComponent('(x+y)*z')}&practice=1&lang=vi`);
    await page.getByRole('button', { name: 'Kiểm tra lan truyền ngược của tôi' }).click();
    await expect(page.getByRole('textbox', { name: 'Biểu thức' })).toHaveValue(
      '(x+y)*z\ndz = \ndy = \ndx = ',
    );
    const vi = page.getByRole('region', { name: 'Lan truyền ngược của bạn' });
    await expect(vi.locator('li[data-name="dz"] .bp-verdict')).toHaveText(
      '– chưa viết: hãy viết ∂f/∂z sau dấu =',
    );
    await expect(page.getByTestId('practice-bp-progress')).toHaveText(
      'Lan truyền ngược của bạn: đúng 0 trên 3 dòng',
    );
    await expectNoSeriousViolations(page);
  });

  test('a phone in the dark theme: the exercise fits and passes axe', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openApp(page, `?expr=${encodeURIComponent(CIRCUIT)}&exercise=backward&theme=dark`);
    await expect(panel(page).locator('li.bp-line')).toHaveCount(4);
    await typeAfter(page, 'dfdz = ', 'q');
    await expect(line(page, 'dfdz')).toHaveAttribute('data-status', 'ok');
    const box = await practiceBox(page).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await screenshot(page, 'backward-exercise-375-dark');
    await expectNoSeriousViolations(page);
  });
});
