import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Console errors and page errors seen since `openApp`. */
const errorsOf = new WeakMap<Page, string[]>();

/** Opens the app and waits until the first graph is drawn. */
export async function openApp(page: Page, query = ''): Promise<void> {
  const errors: string[] = [];
  errorsOf.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`./${query}`);
  await appReady(page);
  // A scalar graph's nodes, or a matrix program's cards (issue 15).
  await expect(
    page.locator('svg.graph g.node, svg.tensor-graph g.tensor-node').first(),
  ).toBeVisible();
}

/**
 * React has replaced the prerendered first screen (which is inert): keys and clicks now work.
 * The graph alone is no sign of that, since the page's HTML already holds one.
 */
export async function appReady(page: Page): Promise<void> {
  await expect(page.locator('#root > .app:not([inert])')).toBeAttached();
}

export const consoleErrors = (page: Page): string[] => errorsOf.get(page) ?? [];

/** The editor's textarea. */
export const editor = (page: Page) => page.getByRole('textbox', { name: 'Expression' });

/** Replaces the program text the way a person would: select all, type. */
export async function typeProgram(page: Page, text: string): Promise<void> {
  const box = editor(page);
  await box.click();
  await box.press('ControlOrMeta+a');
  await box.press('Delete');
  await box.pressSequentially(text);
}

/**
 * Replaces the program in one input event, as a paste does. Typing key by key passes through
 * every prefix, and a prefix that parses (`f` of `f = (x+y*z`) is drawn if the machine is slow
 * enough that a key lands after the typing pause: a test about "the last good graph" needs this.
 */
export async function pasteProgram(page: Page, text: string): Promise<void> {
  await editor(page).fill(text);
}

/** The drawn node whose formula name is `name` (`x`, `q`, `a1`, `f`). */
export const nodeNamed = (page: Page, name: string) =>
  page.locator(`svg.graph g.node[data-name="${name}"]`);

/** The label group of the edge from `from` into `to`, by formula names. */
export const edgeLabel = (page: Page, from: string, to: string) =>
  page.locator(`svg.graph g.edge-label[data-from="${from}"][data-to="${to}"]`);

/** The forward value written above an edge ('' while hidden). */
export async function edgeValue(page: Page, from: string, to: string): Promise<string> {
  const text = edgeLabel(page, from, to).locator('text.value-label');
  return (await text.getAttribute('opacity')) === '0' ? '' : ((await text.textContent()) ?? '');
}

/** The gradient in the badge below an edge ('' while hidden). */
export async function edgeGrad(page: Page, from: string, to: string): Promise<string> {
  const badge = edgeLabel(page, from, to).locator('g.grad-badge');
  if ((await badge.getAttribute('display')) === 'none') return '';
  return (await badge.locator('text.grad-value').textContent()) ?? '';
}

/** Presses a key with the focus outside any field. */
export async function pressKey(page: Page, key: string, times = 1): Promise<void> {
  await page.locator('.brand').click();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

export const counter = (page: Page) => page.locator('.counter');

/**
 * Chooses a built-in example and waits until its graph is drawn: until then the old program is
 * still the one on screen (a first layout may wait for its code), and a key or button pressed
 * would act on it.
 */
export async function chooseExample(page: Page, id: string): Promise<void> {
  const select = page.getByLabel('Examples');
  const drawn = page.locator('svg.graph g.node, svg.tensor-graph g.tensor-node');
  const picture = () => drawn.evaluateAll((ns) => ns.map((n) => n.textContent).join('|'));
  const already = (await select.inputValue()) === id;
  const before = await picture();
  await select.selectOption(id);
  if (!already) await expect.poll(picture).not.toBe(before);
}

/**
 * Waits until the chain-rule panel shows the step the graph shows: it typesets in the task after
 * the graph's frame, and says `aria-busy` until then. For reads that do not retry.
 */
export async function formulaSettled(page: Page): Promise<void> {
  await expect(page.locator('section.formula')).not.toHaveAttribute('aria-busy', 'true');
}

/**
 * Saves a picture for a person to look at, when asked for with E2E_SHOTS=1 (into
 * `$E2E_OUT/screens/`). It is not an assertion and nothing compares it: pixel snapshots break on
 * every font and anti-aliasing change, so what a test claims about a picture it measures (boxes
 * that do not overlap, sizes, what is inside the screen) before it calls this.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SHOTS) return;
  const out = process.env.E2E_OUT ?? 'test-results';
  await page.screenshot({ path: `${out}/screens/${name}.png`, fullPage: false });
}

/** Moves the mouse onto the middle of an edge's curve (a curve's box centre can be off the line). */
export async function hoverEdge(page: Page, from: string, to: string): Promise<void> {
  const point = await page
    .locator(`svg.graph g.edge[data-from="${from}"][data-to="${to}"] path.edge-line`)
    .evaluate((path: SVGPathElement) => {
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM()!;
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    });
  await page.mouse.move(point.x, point.y);
}

/** Every label on the graph, in a stable order: the picture, as text. */
export async function picture(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    document.querySelectorAll('svg.graph g.edge-label').forEach((g) => {
      const v = g.querySelector('text.value-label');
      const b = g.querySelector('g.grad-badge');
      out.push(
        `${g.getAttribute('data-from')}->${g.getAttribute('data-to')}:` +
          `${v?.getAttribute('opacity') === '0' ? '' : v?.textContent}/` +
          `${b?.getAttribute('display') === 'none' ? '' : b?.querySelector('.grad-value')?.textContent}`,
      );
    });
    document
      .querySelectorAll('svg.graph g.node')
      .forEach((n) => out.push(n.getAttribute('aria-label') ?? ''));
    out.push(document.querySelector('svg.graph .output-value')?.textContent ?? '');
    return out;
  });
}

/**
 * Runs axe on the page as it is and fails on any serious or critical violation, listing each rule
 * with the elements it found, so the failure message says what to fix (prefixed by `state`, the
 * page's state when a test checks several).
 */
export async function expectNoSeriousViolations(page: Page, state = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = serious.map(
    (v) =>
      `${state ? `${state}: ` : ''}${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n'),
  );
  expect(report, report.join('\n')).toEqual([]);
}

/** A matrix program's card (issue 15) by its accessible name's start: `W` finds "W, 3×2 matrix". */
export const tensorNode = (page: Page, name: string) =>
  page.locator(`svg.tensor-graph g.tensor-node[aria-label^="${name}, "]`);
/** The cells of a card's value grid. */
export const valueCells = (page: Page, name: string) =>
  tensorNode(page, name).locator('.value-grid rect.tensor-cell');
/** The cells of a card's gradient grid. */
export const gradCells = (page: Page, name: string) =>
  tensorNode(page, name).locator('.grad-grid rect.tensor-cell');
