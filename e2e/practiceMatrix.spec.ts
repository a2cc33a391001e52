import { expect, test, type Page } from '@playwright/test';
import { formatNumber } from '../src/engine/format';
import '../src/engine/tensor/install';
import { analyzeTensor, tensorQuestions, type EntryQuestion } from '../src/engine/tensor';
import { appReady, consoleErrors, expectNoSeriousViolations, screenshot } from './helpers';

/**
 * Practice on a matrix program (issue 16): the issue's ∂L/∂W1 of Z1 = X @ W1, X 4×3, W1 3×5.
 * Steps: 1 Z1, 2 tanh, 3 L, 4 the seed, 5 L → a₁, 6 a₁ → Z1, 7 Z1 → X, 8 Z1 → W1.
 */
const PROGRAM = 'X = randn(4, 3)\nW1 = randn(3, 5)\nZ1 = X @ W1\nL = sum(tanh(Z1))';
const link = (step: number) => `./?expr=${encodeURIComponent(PROGRAM)}&practice=1&step=${step}`;

/** The entry the last step asks for, as the engine has it (the page must agree). */
function entryAsked() {
  const t = analyzeTensor(PROGRAM);
  const q = tensorQuestions(t, t.steps[7]).find((x) => x.kind === 'entry') as EntryQuestion;
  return q;
}

const answer = (page: Page) => page.getByRole('textbox', { name: 'Your answer' });
const check = (page: Page) => page.getByRole('button', { name: 'Check', exact: true });
const panel = (page: Page) => page.locator('section.practice');
const score = (page: Page) => page.getByTestId('practice-score');
const piece = (page: Page, name: string) =>
  panel(page).getByRole('group', { name: 'Pieces' }).getByRole('button', { name });
const narration = (page: Page) => page.getByTestId('narration');
const gradGrid = (page: Page, name: string) =>
  page.locator(`.tensor-node[aria-label^="${name},"] .grad-grid`);

async function open(page: Page, step: number) {
  await page.goto(link(step));
  await appReady(page);
  await expect(page.locator('svg.tensor-graph')).toBeVisible();
}

test.describe('practice on a matrix program', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('∂L/∂W1 start to finish: shape, a product explained by its shapes, the product, an entry, the score', async ({
    page,
  }) => {
    await open(page, 8);
    await expect(score(page)).toHaveText('0 of 0 right on the first try');

    // 1. The shape. The gradient is not drawn while it is asked for.
    await expect(panel(page)).toContainText('Question 1 of 3 on this step: What shape is ∂L/∂W₁?');
    await expect(gradGrid(page, 'W₁')).toHaveCount(0);
    await expect(page.locator('section.formula')).toContainText('= ?');
    await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
    await expectNoSeriousViolations(page, 'shape asked');
    await answer(page).fill('(3, 5)');
    await answer(page).press('Enter');
    await expect(panel(page)).toContainText('Correct ∂L/∂W₁ is 3×5');
    await expect(score(page)).toHaveText('1 of 1 right on the first try');

    // 2. The formula from pieces: X · ∂L/∂Z1 does not multiply, and the shapes say why.
    await expect(panel(page)).toContainText('Build ∂L/∂W₁ from the pieces');
    await expect(piece(page, 'X, 4×3')).toBeFocused();
    await piece(page, 'X, 4×3').click();
    await piece(page, '∂L/∂Z₁, 4×5').click();
    await expect(panel(page).locator('output')).toHaveText('X · ∂L/∂Z₁');
    await check(page).click();
    const verdict = panel(page).locator('.verdict');
    await expect(verdict).toContainText('Not quite');
    await expect(verdict).toContainText(
      '(4×3)(4×5): the inner sizes 3 and 4 differ, so X · ∂L/∂Z₁ cannot be multiplied.',
    );
    await expect(narration(page)).toContainText('the inner sizes 3 and 4 differ');
    await expectNoSeriousViolations(page, 'product refused');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(panel(page).locator('output')).toHaveText('X');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(panel(page).locator('output')).toHaveText('nothing picked yet');
    // Keyboard: the pieces are buttons reached with Tab.
    await piece(page, 'Xᵀ, 3×4').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(panel(page).locator('output')).toHaveText('Xᵀ · ∂L/∂Z₁');
    await check(page).click();
    await expect(panel(page)).toContainText('Correct ∂L/∂W₁ = Xᵀ · ∂L/∂Z₁ (3×5 = 3×4 · 4×5)');
    await expect(score(page)).toHaveText('1 of 2 right on the first try');

    // 3. One entry: a wrong try gets the index form as a hint, then the right value.
    const q = entryAsked();
    const at = `[${q.index.map((i) => i + 1).join(', ')}]`;
    await expect(panel(page)).toContainText(`What is ∂L/∂W₁${at}?`);
    await expect(gradGrid(page, 'W₁')).toHaveCount(0);
    await answer(page).fill('0');
    await answer(page).press('Enter');
    await expect(verdict).toContainText('Not quite');
    await expect(verdict).toContainText(
      `∂L/∂W₁[${q.index[0] + 1},${q.index[1] + 1}] = Σ_b X[b,${q.index[0] + 1}] · ∂L/∂Z₁[b,${q.index[1] + 1}]`,
    );
    await expect(answer(page)).toHaveValue('0');
    await expectNoSeriousViolations(page, 'entry wrong');
    await answer(page).fill(formatNumber(q.expected));
    await answer(page).press('Enter');
    await expect(panel(page)).toContainText(`Correct ∂L/∂W₁${at} =`);
    await expect(score(page)).toHaveText('1 of 3 right on the first try');
    // Answered: the gradient is drawn, and the whole rule is in the chain-rule panel.
    await expect(gradGrid(page, 'W₁')).toHaveCount(1);
    await expect(page.locator('section.formula')).toContainText('3×5 = 3×4 · 4×5');
    await screenshot(page, 'practice-matrix-done');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('a forward step: shape typed several ways, a bad one located, Show answer, entry', async ({
    page,
  }) => {
    await open(page, 1);
    await expect(panel(page)).toContainText('What shape is Z₁?');
    // The shape asked is not written on its node meanwhile.
    await expect(page.locator('.tensor-node[aria-label="Z₁, ?"]')).toHaveCount(1);
    // Nor on the nodes after it (tanh of Z1 has its shape).
    await expect(page.locator('.tensor-node[aria-label="a₁, ?"]')).toHaveCount(1);
    await expect(page.locator('.tensor-node[aria-label="X, 4×3 matrix"]')).toHaveCount(1);
    // The arrows do not step past an open question.
    await page.locator('section.practice .practice-question').click();
    await page.keyboard.press('ArrowRight');
    await expect(panel(page)).toContainText('What shape is Z₁?');
    await answer(page).fill('4 x 5 x');
    await check(page).click();
    await expect(panel(page)).toContainText('That answer could not be read');
    await expect(panel(page)).toContainText('A size is missing after this sign');
    await expect(answer(page)).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousViolations(page, 'shape not read');
    await answer(page).fill('5x4');
    await check(page).click();
    await expect(panel(page)).toContainText(
      'A product (m×k)(k×n) is m×n: here X is 4×3 and W₁ is 3×5.',
    );
    await answer(page).fill('4×5');
    await check(page).click();
    await expect(panel(page)).toContainText('Correct Z₁ is 4×5');
    await page.getByRole('button', { name: 'Show answer' }).click();
    await expect(panel(page)).toContainText('The answer: Z₁[2, 3] =');
    await expect(panel(page)).toContainText('row 2 of X times column 3 of W₁');
    await expect(score(page)).toHaveText('0 of 2 right on the first try');
    await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
    await expectNoSeriousViolations(page, 'answer shown');
    // Answered: the arrow steps on, to the next step's question.
    await page.keyboard.press('ArrowRight');
    await expect(panel(page)).toContainText('What shape is a₁?');
  });

  test('Vietnamese, dark: every word of a matrix question, its verdicts, axe', async ({ page }) => {
    test.slow();
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await page.goto(`${link(8)}&lang=vi`);
    await appReady(page);
    const field = page.getByRole('textbox', { name: 'Câu trả lời của bạn' });
    await expect(panel(page)).toContainText('∂L/∂W₁ có kích thước nào?');
    await expect(panel(page)).toContainText('Gõ số hàng x số cột');
    await field.fill('5x3');
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await expect(panel(page)).toContainText(
      'Gradient có cùng kích thước với thứ mà ta lấy đạo hàm',
    );
    await expect(narration(page)).toContainText('Chưa đúng. Gợi ý:');
    await page.getByRole('button', { name: 'Xem đáp án' }).click();
    await expect(panel(page)).toContainText('Đáp án: ∂L/∂W₁ có kích thước 3×5');
    const pieces = panel(page).getByRole('group', { name: 'Các mảnh' });
    await pieces.getByRole('button', { name: '(∂L/∂Z₁)ᵀ, 5×4' }).click();
    await pieces.getByRole('button', { name: 'X, 4×3' }).click();
    await expect(panel(page).locator('output')).toHaveText('(∂L/∂Z₁)ᵀ · X');
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await expect(panel(page)).toContainText(
      '(∂L/∂Z₁)ᵀ · X có kích thước 5×3, nhưng ∂L/∂W₁ có kích thước 3×5.',
    );
    await expectNoSeriousViolations(page, 'vi dark: product of another shape');
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByRole('button', { name: 'Xóa hết' }).click();
    await page.getByRole('button', { name: 'Xem đáp án' }).click();
    await expect(panel(page)).toContainText('Các kích thước nối được: (3×4)(4×5) cho 3×5');
    await expect(panel(page)).toContainText('∂L/∂W₁[2, 3] bằng bao nhiêu?');
    await page.getByRole('button', { name: 'Xem đáp án' }).click();
    await expect(panel(page)).toContainText('= Σ_b X[b,2] · ∂L/∂Z₁[b,3] =');
    await expect(panel(page)).toContainText('Đúng ngay lần đầu 0 trên 3 câu');
    // No English left in the panel.
    await expect(panel(page)).not.toContainText(/\b(What|shape|Pieces|Undo|Clear|Check|answer)\b/);
    await expectNoSeriousViolations(page, 'vi dark: answers shown');
    await screenshot(page, 'practice-matrix-vi-dark');
  });

  for (const screen of [
    { width: 375, height: 812, mode: '' },
    { width: 1280, height: 800, mode: '&mode=present' },
  ]) {
    test(`the pieces and the verdict on screen at ${screen.width} px${screen.mode ? ', presenting' : ''}`, async ({
      page,
    }) => {
      await page.setViewportSize(screen);
      await page.goto(`${link(8)}${screen.mode}`);
      await appReady(page);
      await answer(page).fill('3x5');
      await answer(page).press('Enter');
      await piece(page, 'X, 4×3').click();
      await piece(page, '∂L/∂Z₁, 4×5').click();
      await check(page).click();
      const verdict = panel(page).locator('.verdict');
      await expect(verdict).toContainText('the inner sizes 3 and 4 differ');
      const inView = async (sel: ReturnType<Page['locator']>, what: string) => {
        await sel.scrollIntoViewIfNeeded();
        const box = (await sel.boundingBox())!;
        expect(box.x, what).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, what).toBeLessThanOrEqual(screen.width + 0.5);
        if (screen.mode) expect(box.y + box.height, what).toBeLessThanOrEqual(screen.height);
      };
      for (let i = 0; i < 5; i++)
        await inView(panel(page).locator('.practice-piece').nth(i), `piece ${i}`);
      await inView(verdict, 'verdict');
      // Nothing scrolls sideways.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide).toBeLessThanOrEqual(screen.width);
      if (screen.mode) {
        // Presenting, the chain-rule panel stays clear of the step controls.
        const f = (await page.locator('section.formula').boundingBox())!;
        const c = (await page.locator('.step-controls').boundingBox())!;
        expect(f.y + f.height).toBeLessThanOrEqual(c.y + 1);
      }
      await screenshot(page, `practice-matrix-${screen.width}${screen.mode ? '-present' : ''}`);
    });
  }
});
