import { expect, test, type Page } from '@playwright/test';
import { en as enCore } from '../src/i18n/en';
import { enLater } from '../src/i18n/enLater';
import { vi } from '../src/i18n/vi';
import { consoleErrors, nodeNamed, openApp, pressKey } from './helpers';

/** The whole English table: the first screen's and what loads later. */
const en = { ...enCore, ...enLater };

/** Words of a text: runs of letters, so `Bước` is one word and never matches an English one. */
const wordsOf = (text: string): string[] => text.match(/\p{L}+/gu) ?? [];

/**
 * English UI words: every word of the English table (slots removed) that no Vietnamese string
 * uses. Words both tables share (Backprop Lens, gradient, sigmoid, Softmax, English, Enter, QR…)
 * are legitimately on a Vietnamese screen; any other English word there is a leak.
 */
const ENGLISH_ONLY: ReadonlySet<string> = (() => {
  const strip = (s: string) => s.replace(/\{\w+\}|\{\w+, plural,|\b(one|other) \{/g, ' ');
  // Only strings actually translated count as Vietnamese, so an English value left in vi.ts (or
  // on screen) is still caught; names kept on purpose are listed.
  const kept = new Set(['app.title', 'lang.en', 'lang.vi']);
  const viWords = new Set(
    Object.entries(vi)
      .filter(([k, v]) => kept.has(k) || v !== en[k as keyof typeof en])
      .flatMap(([, v]) => wordsOf(strip(v).toLowerCase())),
  );
  return new Set(
    Object.values(en)
      .flatMap((v) => wordsOf(strip(v).toLowerCase()))
      .filter((w) => w.length >= 3 && !viWords.has(w)),
  );
})();

/**
 * Text a person reads on the main screen, minus what is not UI language: the program (editor and
 * its mirror), typeset or plain formulas, the graph's labels (names and numbers), input names,
 * the syntax examples, and menus' unselected options (only the chosen one shows).
 */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skip = [
      'textarea',
      '.code-mirror',
      '.tex',
      '.katex',
      'svg',
      '.input-label',
      'pre',
      'code',
      'select',
      '[data-testid="narration"]',
    ].join(',');
    const parts: string[] = [];
    // Selects show one option: read just that, so menus are checked too.
    document.querySelectorAll('select').forEach((s) => {
      const box = s.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) parts.push(s.selectedOptions[0]?.text ?? '');
    });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip)) continue;
      const visible = el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      if (visible && el.getClientRects().length > 0) parts.push(n.textContent ?? '');
    }
    // Accessible names and tooltips are read by screen readers and shown on hover.
    document.querySelectorAll('[aria-label], [title]').forEach((el) => {
      if (el.closest('[data-testid="narration"]')) return;
      parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
    });
    return parts.join('\n');
  });
}

/** English UI words found in the page's visible text. */
async function englishLeft(page: Page): Promise<string[]> {
  const words = wordsOf(await visibleText(page)).map((w) => w.toLowerCase());
  return [...new Set(words.filter((w) => ENGLISH_ONLY.has(w)))];
}

const narration = (page: Page) => page.getByTestId('narration');

test.describe('Vietnamese and English', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('switching to Tiếng Việt leaves no English UI word, at any step', async ({ page }) => {
    await openApp(page);
    // The word list works: the English screen is full of its words.
    expect((await englishLeft(page)).length).toBeGreaterThan(20);

    await page.getByLabel('Language').selectOption('vi');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('button', { name: 'Bước tiếp' })).toBeVisible();
    expect(await englishLeft(page)).toEqual([]);

    // Forward steps, the seed, backward steps (with a fork's sum on colah), the end, and back.
    const next = page.getByRole('button', { name: 'Bước tiếp' });
    for (let i = 0; i < 3; i++) {
      await next.click();
      expect(await englishLeft(page), `forward step ${i + 1}`).toEqual([]);
    }
    await page.getByRole('button', { name: 'Nhảy tới lan truyền ngược' }).click();
    for (let i = 0; i < 3; i++) {
      await next.click();
      expect(await englishLeft(page), `backward step ${i + 1}`).toEqual([]);
    }
    await page.getByRole('button', { name: 'Nhảy tới cuối' }).click();
    expect(await englishLeft(page), 'end').toEqual([]);
    await page.getByRole('button', { name: 'Bước trước' }).click();
    expect(await englishLeft(page), 'one back').toEqual([]);

    // The inspector on a clicked node, then an example with a fork.
    await nodeNamed(page, 'q').click();
    await expect(page.locator('.inspector')).toContainText('Giá trị');
    expect(await englishLeft(page), 'inspector').toEqual([]);
    await page.getByLabel('Ví dụ').selectOption('colah');
    await page.getByRole('button', { name: 'Nhảy tới cuối' }).click();
    await page.getByRole('button', { name: 'Bước trước' }).click();
    expect(await englishLeft(page), 'colah near the end').toEqual([]);

    // The syntax help card.
    await page.getByRole('button', { name: 'Hướng dẫn cú pháp' }).click();
    await expect(page.getByRole('dialog', { name: 'Những gì bạn có thể gõ' })).toBeVisible();
    expect(await englishLeft(page), 'syntax help').toEqual([]);
    await page.getByRole('button', { name: 'Đóng' }).click();

    // And back: English again everywhere.
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('?lang=vi opens in Vietnamese, node labels included', async ({ page }) => {
    await openApp(page, '?lang=vi');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByLabel('Ngôn ngữ')).toHaveValue('vi');
    await expect(page.locator('.counter')).toHaveText('Bắt đầu · 11 bước');
    await expect(nodeNamed(page, 'q')).toHaveAttribute('aria-label', 'q, chưa được tính');
    await pressKey(page, 'End');
    await expect(nodeNamed(page, 'x')).toHaveAttribute('aria-label', 'x = -2, gradient bằng -4');
    await expect(page.getByRole('group', { name: 'Đồ thị tính toán' })).toBeVisible();
  });

  test('the choice survives a reload and a fresh visit; a link’s lang= wins', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Language').selectOption('vi');
    await expect(page.getByRole('button', { name: 'Bước tiếp' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Ngôn ngữ')).toHaveValue('vi');
    // No lang= in the address: the remembered choice decides.
    await page.goto('./');
    await expect(page.getByLabel('Ngôn ngữ')).toHaveValue('vi');
    expect(await page.evaluate(() => localStorage.getItem('backprop-lens:lang'))).toBe('vi');
    // A shared English link opens in English, and does not overwrite the remembered choice.
    await page.goto('./?lang=en');
    await expect(page.getByLabel('Language')).toHaveValue('en');
    expect(await page.evaluate(() => localStorage.getItem('backprop-lens:lang'))).toBe('vi');
  });

  test('a bad program’s error is worded in Vietnamese, with the underline in place', async ({
    page,
  }) => {
    await openApp(page, '?lang=vi');
    const box = page.getByRole('textbox', { name: 'Biểu thức' });
    await box.fill('(x + y) * z +');
    const message = page.locator('.error-message');
    await expect(message).toContainText('Dòng 1, cột 13');
    await expect(message).toContainText('`+` cần một giá trị ở bên phải.');
    await expect(message).toContainText('Đồ thị đang hiển thị chương trình hợp lệ gần nhất.');
    await expect(page.locator('.code-mirror mark.error-span')).toHaveText('+');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    // The same error follows the language when it changes.
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await expect(message).toContainText('Line 1, column 13');
    await expect(message).toContainText('`+` needs something on its right.');

    // An unclosed parenthesis: a caret where the `)` is missing.
    await page.getByLabel('Language').selectOption('vi');
    await box.fill('(x + y');
    await expect(message).toContainText('Thiếu `)` để đóng dấu `(` ở cột 1.');
    await expect(
      page.locator('.code-mirror mark.error-span, .code-mirror mark.error-caret'),
    ).toHaveCount(1);
  });

  test('the live region says each step in words, in each language', async ({ page }) => {
    await openApp(page);
    const live = narration(page);
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(live).toHaveText('');
    await pressKey(page, 'ArrowRight');
    await expect(live).toHaveText('x = −2 travels to q.');
    await pressKey(page, 'ArrowRight', 2);
    await expect(live).toHaveText('q is computed: q = x + y = −2 + 5 = 3.');
    // Step 10 of 11 sends the gradient from q to x.
    await pressKey(page, 'End');
    await pressKey(page, 'ArrowLeft');
    await expect(live).toHaveText(
      'Gradient flows from q to x: ∂f/∂q = −4 times ∂q/∂x = 1 gives −4.',
    );

    await page.getByLabel('Language').selectOption('vi');
    await expect(live).toHaveText('Gradient chảy từ q về x: ∂f/∂q = −4 nhân ∂q/∂x = 1 được −4.');
    await pressKey(page, 'Home');
    await pressKey(page, 'ArrowRight');
    await expect(live).toHaveText('x = −2 đi tới q.');
    await pressKey(page, 'End');
    await expect(live).toContainText('Xong: đã biết mọi gradient.');
  });
});

test.describe('a browser set to Vietnamese', () => {
  test.use({ locale: 'vi-VN' });

  test('opens in Vietnamese when nothing else says otherwise', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByLabel('Ngôn ngữ')).toHaveValue('vi');
    // A link that asks for English still gets English.
    await page.goto('./?lang=en');
    await expect(page.getByLabel('Language')).toHaveValue('en');
  });
});
