import { expect, test, type Page } from '@playwright/test';
import {
  consoleErrors,
  counter,
  expectNoSeriousViolations,
  hoverEdge,
  nodeNamed,
  openApp,
  screenshot,
} from './helpers';

/**
 * Practice mode (issue 16) on cs231n's circuit x = -2, y = 5, z = -4, q = x + y, f = q * z.
 * Its 11 steps: 1–2 values travel to q, 3 q is computed (asks q = 3), 4–5 to f, 6 f is computed
 * (asks f = -12), 7 the seed, 8 f → q (asks ∂f/∂q = -4), 9 f → z (asks ∂f/∂z = 3), 10 q → x and
 * 11 q → y (each asks the local derivative 1, then the gradient sent back, -4).
 */
const CIRCUIT =
  '?expr=x%20%3D%20-2%3B%20y%20%3D%205%3B%20z%20%3D%20-4%0Aq%20%3D%20x%20%2B%20y%0Af%20%3D%20q%20*%20z';

const toggle = (page: Page) => page.getByRole('button', { name: 'Practice', exact: true });
const answer = (page: Page) => page.getByRole('textbox', { name: 'Your answer' });
// Exact: practice also offers "Check my backward pass" (issue 12).
const check = (page: Page) => page.getByRole('button', { name: 'Check', exact: true });
const showAnswer = (page: Page) => page.getByRole('button', { name: 'Show answer' });
const next = (page: Page) => page.getByRole('button', { name: 'Next step' });
const panel = (page: Page) => page.locator('section.practice');
const score = (page: Page) => page.getByTestId('practice-score');
const formula = (page: Page) => page.locator('section.formula');
const narration = (page: Page) => page.getByTestId('narration');

/** Types an answer and presses Check. */
async function reply(page: Page, text: string) {
  await answer(page).fill(text);
  await check(page).click();
}

/** The graph, the question and the step controls are wholly on screen and none covers another. */
async function expectFitted(page: Page, screen: { width: number; height: number }) {
  // Measured once the panels have loaded and typeset, and the grid has settled.
  await expect(answer(page)).toBeVisible();
  await expect(page.locator('section.practice .katex').first()).toBeVisible();
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
  );
  const boxes = [];
  for (const sel of ['.graph-panel', 'section.practice', '.step-controls']) {
    const box = (await page.locator(sel).boundingBox())!;
    expect(box.x + box.width, sel).toBeLessThanOrEqual(screen.width);
    expect(box.y + box.height, sel).toBeLessThanOrEqual(screen.height);
    boxes.push(box);
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const apart =
        a.x + a.width <= b.x + 1 ||
        b.x + b.width <= a.x + 1 ||
        a.y + a.height <= b.y + 1 ||
        b.y + b.height <= a.y + 1;
      expect(apart, `${i} and ${j} overlap`).toBe(true);
    }
}

test.describe('practice mode', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('a scalar exercise start to finish: right, wrong, hint, show answer, score', async ({
    page,
  }) => {
    await openApp(page, CIRCUIT);
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await toggle(page).click();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/practice=1/);
    await expect(score(page)).toHaveText('0 of 0 right on the first try');

    // Steps 1 and 2 carry known values: nothing is asked, Next goes on.
    await next(page).click();
    await next(page).click();
    await next(page).click();
    await expect(counter(page)).toContainText('Step 3 of 11');
    // q's value is hidden in the graph and in the chain-rule panel, and asked for.
    await expect(panel(page)).toContainText('What is the value of q?');
    await expect(nodeNamed(page, 'q')).toHaveAttribute('aria-label', 'q, not yet computed');
    await expect(formula(page)).toContainText('q = x + y = (-2) + 5 = ?');
    await expect(formula(page)).not.toContainText('= 3');
    await expect(next(page)).toBeDisabled();
    await expect(answer(page)).toBeFocused();

    // Wrong: "Not quite", with a hint; the answer stays to be corrected.
    await reply(page, '2');
    await expect(panel(page)).toContainText('Not quite');
    await expect(panel(page)).toContainText('Apply the gate to its inputs’ values: q = x + y');
    await expect(answer(page)).toHaveValue('2');
    await expect(nodeNamed(page, 'q')).toHaveAttribute('aria-label', 'q, not yet computed');
    // Right after a wrong try: revealed, but not right on the first try.
    await reply(page, '3');
    await expect(panel(page)).toContainText('Correct');
    await expect(score(page)).toHaveText('0 of 1 right on the first try');
    await expect(nodeNamed(page, 'q')).toHaveAttribute('aria-label', 'q = 3');
    await expect(next(page)).toBeEnabled();

    // f = q * z = -12, right on the first try, written as an expression.
    for (let i = 0; i < 3; i++) await next(page).click();
    await expect(panel(page)).toContainText('What is the value of f?');
    await reply(page, '3*-4');
    await expect(panel(page)).toContainText('Correct');
    await expect(score(page)).toHaveText('1 of 2 right on the first try');

    // The seed asks nothing; f → q asks ∂f/∂q. Wrong, then the multiply gate's hint.
    await next(page).click();
    await next(page).click();
    await expect(counter(page)).toContainText('Step 8 of 11');
    await expect(panel(page)).toContainText('What is the local derivative ∂f\u2060/\u2060∂q?');
    await expect(formula(page)).toContainText('∂f/∂q = ?');
    await expect(formula(page)).not.toContainText('Gate pattern');
    await reply(page, '3');
    await expect(panel(page)).toContainText(
      'A multiply gate’s local derivative for one input is the other input’s value: here z = −4',
    );
    // Show answer: the number with its reason.
    await showAnswer(page).click();
    await expect(panel(page)).toContainText('The answer');
    await expect(panel(page)).toContainText('∂f/∂q = z = -4');
    await expect(score(page)).toHaveText('1 of 3 right on the first try');

    // f → z: an answer that cannot be read is explained and costs nothing.
    await next(page).click();
    await reply(page, 'q');
    await expect(panel(page)).toContainText('That answer could not be read');
    await expect(panel(page)).toContainText('`q` has no value here');
    await expect(answer(page)).toHaveValue('q');
    await reply(page, '3.0001');
    await expect(score(page)).toHaveText('2 of 4 right on the first try');

    // q → x: first the local derivative, then the gradient it sends back (upstream × local).
    await next(page).click();
    await expect(panel(page)).toContainText('What is the local derivative ∂q\u2060/\u2060∂x?');
    await expect(
      page.locator('svg.graph g.edge-label[data-from="x"][data-to="q"] g.grad-badge'),
    ).toBeHidden();
    await reply(page, '1');
    await expect(panel(page)).toContainText('What gradient does q send back to x?');
    await expect(formula(page)).toContainText('∂f/∂x = ∂f/∂q · ∂q/∂x = (-4) · 1 = ?');
    await reply(page, '-4*1');
    await expect(panel(page)).toContainText('Correct');
    await expect(score(page)).toHaveText('4 of 6 right on the first try');
    await next(page).click();
    await reply(page, '1');
    await reply(page, '-4');
    await expect(score(page)).toHaveText('6 of 8 right on the first try');
    await expect(counter(page)).toContainText('Step 11 of 11');
    await screenshot(page, 'practice-end');

    // Kept per program in the browser: a reload keeps the score and the answered steps revealed.
    await page.reload();
    await expect(score(page)).toHaveText('6 of 8 right on the first try');
    await expect(answer(page)).toHaveCount(0);
    // Start over forgets them and goes back to the start.
    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(score(page)).toHaveText('0 of 0 right on the first try');
    await expect(counter(page)).toContainText('Start');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('a practice=1 link opens as an exercise, the number asked hidden from the start', async ({
    page,
  }) => {
    await openApp(page, `${CIRCUIT}&practice=1&step=6`);
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(panel(page)).toContainText('What is the value of f?');
    await expect(answer(page)).toBeFocused();
    await expect(nodeNamed(page, 'f')).toHaveAttribute('aria-label', 'f, not yet computed');
    await expect(page.locator('svg.graph text.output-value')).not.toContainText('-12');
    await expect(narration(page)).toContainText('Your turn: What is the value of f?');
    // The inspector does not give it away either: ∂f/∂z = q is shown once its step has asked.
    await hoverEdge(page, 'z', 'f');
    const inspector = page.locator('.inspector');
    await expect(inspector).toContainText('Edge z → f');
    await expect(inspector).not.toContainText('∂f/∂z = q = 3');
    await nodeNamed(page, 'f').hover();
    await expect(inspector).toContainText('not yet computed');
    await expect(inspector).not.toContainText('-12');
    // Switched off, every number is back and the link says so.
    await toggle(page).click();
    await expect(panel(page)).toHaveCount(0);
    await expect(nodeNamed(page, 'f')).toHaveAttribute('aria-label', 'f = -12');
    await hoverEdge(page, 'z', 'f');
    await expect(inspector).toContainText('∂f/∂z = q = 3');
    await expect(page).not.toHaveURL(/practice=/);
  });

  test('a fork: after the share, the accumulated sum is asked, and the badge waits for it', async ({
    page,
  }) => {
    // colah's e = (a+b)*(b+1): step 15 sends b its second share (3) after the first (2).
    const colah =
      '?expr=a%20%3D%202%3B%20b%20%3D%201%0Ac%20%3D%20a%20%2B%20b%0Ad%20%3D%20b%20%2B%201%0Ae%20%3D%20c%20*%20d';
    await openApp(page, `${colah}&practice=1&step=15`);
    const badge = nodeNamed(page, 'b').locator('g.node-grad');
    await expect(badge).toContainText('2 …');
    await reply(page, '1');
    await reply(page, '3*1');
    await expect(panel(page)).toContainText(
      'b feeds several gates: what is its gradient so far, the sum of the shares that have arrived?',
    );
    await expect(formula(page)).toContainText('∂e/∂b = 2 + 3 = ?');
    await expect(badge).toContainText('2 …');
    await reply(page, '2+3');
    await expect(panel(page)).toContainText('Correct');
    await expect(badge).toHaveText('∂5');
    await expect(score(page)).toHaveText('3 of 3 right on the first try');
  });

  test('the keyboard does it all: arrows step where nothing is asked, Enter checks', async ({
    page,
  }) => {
    await openApp(page, `${CIRCUIT}&practice=1`);
    await page.locator('.brand').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toContainText('Step 3 of 11');
    await expect(answer(page)).toBeFocused();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await expect(panel(page)).toContainText('Not quite');
    await expect(narration(page)).toContainText('Not quite. Hint:');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('-2+5');
    await page.keyboard.press('Enter');
    await expect(panel(page)).toContainText('Correct');
    await expect(narration(page)).toContainText('Correct: q = x + y');
    // The field is gone: the arrows step again.
    await expect(answer(page)).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toContainText('Step 4 of 11');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toContainText('Step 6 of 11');
    // Pending: the arrow does not skip the question, even with the focus outside the field.
    await page.locator('.brand').click();
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toContainText('Step 6 of 11');
    // Tab reaches the buttons, and Space presses them (nothing plays while a question is open).
    await showAnswer(page).focus();
    await page.keyboard.press('Space');
    await expect(panel(page)).toContainText('The answer');
    await expect(counter(page)).toContainText('Step 6 of 11');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toContainText('Step 6 of 11');
    await expect(answer(page)).toHaveCount(0);
    await page.keyboard.press('ArrowLeft');
    await expect(counter(page)).toContainText('Step 5 of 11');
  });

  test('presentation mode: the question beside the graph, answered aloud and checked', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, `${CIRCUIT}&practice=1&mode=present&step=3`);
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
    await expect(panel(page)).toBeVisible();
    await expectFitted(page, { width: 1280, height: 800 });
    expect((await page.locator('.graph-panel').boundingBox())!.height).toBeGreaterThan(400);
    // The class answers aloud; the narration reads the question for screen-reader users.
    await expect(narration(page)).toContainText('Your turn: What is the value of q?');
    await reply(page, '3');
    await expect(panel(page)).toContainText('Correct');
    await screenshot(page, 'practice-present');
  });

  test('embedded at 800×520: graph, question and steps fit the frame without covering', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 800, height: 520 });
    await openApp(page, `${CIRCUIT}&practice=1&embed=1&step=3`);
    await expectFitted(page, { width: 800, height: 520 });
    expect((await page.locator('.graph-panel').boundingBox())!.height).toBeGreaterThan(250);
    await reply(page, '3');
    await expect(panel(page)).toContainText('Correct');
  });

  test('Vietnamese: every word of practice', async ({ page }) => {
    await openApp(page, `${CIRCUIT}&practice=1&step=3&lang=vi`);
    await expect(page.getByRole('button', { name: 'Luyện tập', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(panel(page)).toContainText('Giá trị của q là bao nhiêu?');
    await page.getByRole('textbox', { name: 'Câu trả lời của bạn' }).fill('1');
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await expect(panel(page)).toContainText('Chưa đúng');
    await expect(narration(page)).toContainText('Chưa đúng. Gợi ý:');
    await page.getByRole('button', { name: 'Xem đáp án' }).click();
    await expect(panel(page)).toContainText('Đáp án');
    await expect(panel(page)).toContainText('Đúng ngay lần đầu 0 trên 1 câu');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe: no serious violations in the practice states, ${theme}`, async ({ page }) => {
      // Five axe runs in one test: past 30 s once on a loaded machine.
      test.slow();
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await openApp(page, `${CIRCUIT}&practice=1&step=8`);
      await expect(answer(page)).toBeVisible();
      await expectNoSeriousViolations(page, 'asked');
      await reply(page, '7');
      await expect(panel(page)).toContainText('Not quite');
      await expectNoSeriousViolations(page, 'wrong');
      await reply(page, 'x');
      await expect(panel(page)).toContainText('could not be read');
      await expectNoSeriousViolations(page, 'unreadable');
      await showAnswer(page).click();
      await expect(panel(page)).toContainText('The answer');
      await expectNoSeriousViolations(page, 'shown');
      await next(page).click();
      await reply(page, '3');
      await expect(panel(page)).toContainText('Correct');
      await expectNoSeriousViolations(page, 'correct');
    });
  }
});
