import { expect, test, type Page } from '@playwright/test';
import { consoleErrors, counter, nodeNamed, openApp, pressKey, typeProgram } from './helpers';

/** Issue 10: what a Vietnamese class types and reads. */

const chooseLanguage = (page: Page, lang: 'en' | 'vi') =>
  page.getByLabel(/^(Language|Ngôn ngữ)$/).selectOption(lang);
const message = (page: Page) => page.locator('.error-message');
/** The program's text box, whatever the language names it ("Expression", "Biểu thức"). */
const box = (page: Page) => page.getByRole('textbox', { name: /^(Expression|Biểu thức)$/ });
/** Replaces the program as a person would, in either language. */
async function retype(page: Page, text: string) {
  await box(page).click();
  await box(page).press('ControlOrMeta+a');
  await box(page).press('Delete');
  await box(page).pressSequentially(text);
}

test.describe('Vietnamese in the classroom', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('an example’s comments follow the language while it is unedited, and only then', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByLabel('Examples').selectOption('neuron');
    await expect(box(page)).toHaveValue(/# weight and input 0\n/);

    await chooseLanguage(page, 'vi');
    await expect(box(page)).toHaveValue(/# trọng số và đầu vào 0\n/);
    await expect(box(page)).toHaveValue(/w2 = -3 +# độ lệch \(bias\)\n/);
    // The link carries the program as it now reads.
    await expect.poll(() => page.evaluate(() => location.search)).toContain('%C4%91%E1%BB%99');
    // Chosen in Vietnamese: another example comes with Vietnamese comments.
    await page.getByLabel('Ví dụ').selectOption('twoLayer');
    await expect(box(page)).toHaveValue(/# nơ-ron ẩn 1\n/);
    await chooseLanguage(page, 'en');
    await expect(box(page)).toHaveValue(/# hidden unit 1\n/);

    // Edited (here only a comment): never rewritten, in either direction.
    await box(page).click();
    await box(page).press('ControlOrMeta+End');
    await box(page).pressSequentially(' # my note');
    const edited = await box(page).inputValue();
    await chooseLanguage(page, 'vi');
    await expect(page.getByRole('button', { name: 'Bước tiếp' })).toBeVisible();
    // Give a rewrite, if there were one, the time to land.
    await page.waitForTimeout(300);
    await expect(box(page)).toHaveValue(edited);
    await expect(box(page)).toHaveValue(/# hidden unit 1\n/);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('a name with diacritics works in the editor, in the formulas and in a link', async ({
    page,
  }) => {
    await openApp(page);
    await typeProgram(page, 'tốc_độ = 2; f = tốc_độ * tốc_độ');
    await expect(nodeNamed(page, 'tốc_độ')).toBeVisible();
    await expect(counter(page)).toHaveText(/^Start/);
    await pressKey(page, 'End');
    await expect(nodeNamed(page, 'tốc_độ')).toHaveAttribute('aria-label', 'tốc_độ = 2, gradient 4');
    // KaTeX set the formulas with the name in them, and did not fall back to an error.
    const formula = page.locator('.panel.formula');
    await expect(formula.locator('.katex').first()).toBeVisible();
    await expect(formula).toContainText('tốc_độ');
    await expect(page.locator('.katex-error')).toHaveCount(0);

    // The link made from it opens the same program, with a value for a name with diacritics.
    const expr = encodeURIComponent('f = tốc_độ * tốc_độ + độ_2');
    await page.goto(`./?expr=${expr}&${encodeURIComponent('tốc_độ')}=3&step=11`);
    await expect(page.locator('.url-notice')).toHaveCount(0);
    await expect(page.getByLabel('tốc_độ', { exact: true })).toHaveValue('3');
    await pressKey(page, 'End');
    await expect(nodeNamed(page, 'tốc_độ')).toHaveAttribute('aria-label', 'tốc_độ = 3, gradient 6');
    await expect(page.locator('.katex-error')).toHaveCount(0);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('a decimal comma is answered with the point, the caret on the comma, in both languages', async ({
    page,
  }) => {
    await openApp(page);
    await typeProgram(page, 'x = 0,5; f = x * x');
    await expect(message(page)).toContainText(
      'Decimals are written with a point, not a comma: write `0.5`, not `0,5`.',
    );
    await expect(message(page)).toContainText('Line 1, column 6');
    await expect(page.locator('.code-mirror mark.error-span')).toHaveText(',');
    await chooseLanguage(page, 'vi');
    await expect(message(page)).toContainText(
      'Số thập phân viết bằng dấu chấm, không dùng dấu phẩy: hãy viết `0.5` thay cho `0,5`.',
    );
    // In a call the comma separates arguments: max(0,5) is a program that runs.
    await retype(page, 'f = max(0,5)');
    await expect(message(page)).toHaveCount(0);
    await expect(box(page)).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('English says one thing in the singular: 1 step, the only input, 1 edge operation', async ({
    page,
  }) => {
    await openApp(page);
    await typeProgram(page, 'x = 2');
    await expect(counter(page)).toHaveText('Start · 1 step');
    await typeProgram(page, 'x = 2; f = sin(x)');
    await expect(counter(page)).toHaveText('Start · 4 steps');
    const compare = page.getByRole('group', {
      name: 'Cost of the derivative with respect to the only input',
    });
    await expect(compare.getByTestId('forward-ops')).toHaveText('1 edge operation');
    await expect(compare.getByTestId('reverse-ops')).toHaveText('1 edge operation');

    // One step of training.
    await page.getByLabel('Examples').selectOption('neuronMse');
    await page.getByLabel('Steps', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Ran 1 step.' })).toBeVisible();
    await expect(
      page.getByRole('img', { name: /^Loss from \S+ to \S+ after 1 step$/ }),
    ).toBeVisible();
    expect(consoleErrors(page)).toEqual([]);
  });
});
