import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { appReady, counter, nodeNamed, openApp, pressKey, typeProgram } from './helpers';

/**
 * The built page's Content Security Policy and Trusted Types (scripts/csp.ts writes the policy):
 * the app must work under it without one `securitypolicyviolation`, and the policy must say what
 * issue 13 asks of it.
 */

const DIST = process.env.E2E_DIST ?? 'dist';
const CIRCUIT = '?expr=(x%2By)*z&x=-2&y=5&z=-4';

/** A refusal by the page's policy, as the browser reports it. */
const POLICY_WORDS = /Content Security Policy|Trusted ?Type|TrustedHTML|TrustedScript/i;

interface PolicyWatch {
  /** Every refusal so far, as text. */
  readonly seen: string[];
  /** Rejects with the first refusal: race a long wait against it to fail at once. */
  readonly first: Promise<never>;
}

/**
 * Records every policy violation of `page` in every frame and across reloads (an init script
 * hands each `securitypolicyviolation` event to the test), every console error that speaks of
 * the policy, and every uncaught error. Call before the page's first navigation.
 */
async function watchPolicy(page: Page): Promise<PolicyWatch> {
  const seen: string[] = [];
  let fail: (reason: Error) => void = () => undefined;
  const first = new Promise<never>((_, reject) => (fail = reject));
  // Unhandled until someone races it; the list is checked all the same.
  first.catch(() => undefined);
  const record = (text: string) => {
    seen.push(text);
    fail(new Error(`policy violation: ${text}`));
  };
  await page.exposeFunction('__reportViolation', record);
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const where = `${e.sourceFile || location.href}:${e.lineNumber}`;
        const what = `${e.effectiveDirective} refused ${e.blockedURI || 'inline'} at ${where}`;
        (window as unknown as { __reportViolation(t: string): void }).__reportViolation(
          `${what} (${e.sample})`,
        );
      },
      true,
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && POLICY_WORDS.test(m.text())) record(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => record(`page error: ${e.message}`));
  return { seen, first };
}

/** A violation event reaches the test a moment after the refusal: give it two frames to. */
async function noViolations(page: Page, { seen }: PolicyWatch, after: string): Promise<void> {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
  );
  expect(seen, `policy violations after ${after}`).toEqual([]);
}

const formula = (page: Page) => page.locator('.formula .katex').first();

test.describe('Content Security Policy and Trusted Types', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('the built page carries the policy: every directive, inline code only by hash', async () => {
    const html = await readFile(`${DIST}/index.html`, 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta, 'a CSP meta element').not.toBeNull();
    // Ahead of everything it governs.
    const at = html.indexOf(meta![0]);
    expect(html.slice(0, at)).not.toMatch(/<(script|style|link)\b/);
    expect(html).toContain('<meta name="referrer" content="no-referrer" />');

    const policy = new Map(
      meta![1].split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    const sources = (name: string) => policy.get(name) ?? [];
    expect(sources('default-src')).toEqual(["'self'"]);
    expect(sources('object-src')).toEqual(["'none'"]);
    expect(sources('base-uri')).toEqual(["'none'"]);
    expect(sources('form-action')).toEqual(["'none'"]);
    expect(sources('worker-src')).toEqual(["'self'"]);
    expect(sources('img-src')).toEqual(["'self'", 'blob:']);
    expect(sources('font-src')).toEqual(["'self'"]);
    expect(sources('require-trusted-types-for')).toEqual(["'script'"]);
    expect(sources('trusted-types')).toEqual(['backprop-lens']);
    for (const name of ['script-src', 'style-src', 'style-src-attr']) {
      expect(sources(name), name).not.toContain("'unsafe-inline'");
      expect(sources(name), name).not.toContain("'unsafe-eval'");
    }
    // Nothing beyond our own origin and hashes, in any directive.
    for (const [name, values] of policy) {
      for (const v of values) {
        expect(v, name).toMatch(
          /^('self'|'none'|'script'|'unsafe-hashes'|'sha256-[\w+/]+=*'|blob:|backprop-lens)$/,
        );
      }
    }

    // Each inline script and style element is allowed by its own hash, and no other hash is.
    const hash = (text: string) =>
      `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const inline = (tag: string) =>
      [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map(
        (m) => hash(m[1]),
      );
    const scripts = inline('script');
    expect(scripts.length).toBeGreaterThanOrEqual(2); // the theme, the first screen's fit
    expect(sources('script-src').toSorted()).toEqual(["'self'", ...new Set(scripts)].toSorted());
    const styles = inline('style');
    expect(styles.length).toBe(1); // the page's style sheet
    expect(sources('style-src').toSorted()).toEqual(["'self'", ...styles].toSorted());
  });

  test('the watcher sees refusals: an injected inline script, HTML or a worker from a string, a style attribute, another policy', async ({
    page,
  }) => {
    const watch = await watchPolicy(page);
    // The built page with one inline script more, as a host that injects code would serve it.
    const html = await readFile(`${DIST}/index.html`, 'utf8');
    await page.route('**/tampered.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: html.replace('</head>', '<script>window.pwned = 3</script></head>'),
      }),
    );
    await page.goto('./tampered.html');
    // The browser reports it twice: the event, and a console error.
    const refused = () =>
      watch.seen.filter((s) => !s.startsWith('console:')).map((s) => s.split(' ')[0]);
    await expect.poll(refused).toEqual(['script-src-elem']);
    await expect.poll(() => watch.seen.filter((s) => s.startsWith('console:')).length).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
    // The page's own inline scripts still ran: the theme is set before paint.
    await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
    watch.seen.length = 0;

    await openApp(page, CIRCUIT);
    await noViolations(page, watch, 'opening the app');
    const outcome = await page.evaluate(() => {
      const tries: Record<string, string> = {};
      const attempt = (name: string, f: () => void) => {
        try {
          f();
          tries[name] = 'ran';
        } catch (e) {
          tries[name] = (e as Error).name;
        }
      };
      attempt('html', () => {
        document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.pwned = 1">');
      });
      attempt('script', () => {
        const s = document.createElement('script');
        s.textContent = 'window.pwned = 2';
        document.body.append(s);
      });
      attempt('worker', () => void new Worker('data:text/javascript,1'));
      attempt('style', () => document.body.setAttribute('style', 'outline: 1px solid red'));
      // No other code can make a policy of its own to get past Trusted Types.
      attempt('policy', () => {
        const tt = (
          window as unknown as { trustedTypes: { createPolicy(n: string, r: object): void } }
        ).trustedTypes;
        tt.createPolicy('other', { createHTML: (s: string) => s });
      });
      return { tries, pwned: (window as unknown as { pwned?: number }).pwned ?? null };
    });
    // Trusted Types refuse the strings; the policy refuses the inline style.
    expect(outcome.tries.html).toBe('TypeError');
    expect(outcome.tries.script).toBe('TypeError');
    expect(outcome.tries.worker).toBe('TypeError');
    expect(outcome.tries.policy).toBe('TypeError');
    expect(outcome.pwned).toBeNull();
    await expect
      .poll(refused)
      .toEqual(
        expect.arrayContaining(['require-trusted-types-for', 'style-src-attr', 'trusted-types']),
      );
  });

  test('TeX that KaTeX cannot parse is shown as text without a refused style attribute', async ({
    page,
  }) => {
    const watch = await watchPolicy(page);
    await openApp(page, `${CIRCUIT}&step=3`);
    await expect(formula(page)).toBeVisible();
    // The typesetting module the formula panel loaded, called as the panel calls it.
    const shown = await page.evaluate(async () => {
      const url = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((u) => /\/katex-[\w-]+\.js$/.test(u));
      if (!url) return null;
      const { renderTex } = (await import(url)) as {
        renderTex(tex: string, el: HTMLElement, display: boolean): void;
      };
      const el = document.createElement('span');
      document.body.append(el);
      renderTex('\\frac{1}{', el, false);
      const out = {
        text: el.textContent,
        cls: el.className,
        coloured: getComputedStyle(el).color !== getComputedStyle(document.body).color,
      };
      renderTex('x^2', el, false);
      return { ...out, after: el.className, typeset: el.querySelector('.katex') !== null };
    });
    expect(shown).toEqual({
      text: '\\frac{1}{',
      cls: 'katex-error',
      coloured: true,
      after: '',
      typeset: true,
    });
    await noViolations(page, watch, 'a TeX error');
  });

  test('a walk through the app: steps, every example, forward mode, paths, lessons, training', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const watch = await watchPolicy(page);
    await openApp(page, '');
    await pressKey(page, 'ArrowRight', 3);
    await pressKey(page, 'End');
    await expect(counter(page)).toHaveText(/^Step 11 of 11/);
    await expect(formula(page)).toBeVisible();
    await noViolations(page, watch, 'stepping');

    // Every example; the large ones are laid out by the worker.
    const examples = page.getByLabel('Examples');
    const ids = await examples
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) {
      await examples.selectOption(id);
      await expect(counter(page)).toHaveText(/^Start/);
      await pressKey(page, 'End');
      await expect(counter(page)).toHaveText(/^Step (\d+) of \1/);
      await expect(formula(page)).toBeVisible();
      await noViolations(page, watch, `example ${id}`);
    }
    const workers = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => /layout\.worker/.test(u)),
    );
    expect(workers, 'the layout worker ran').toHaveLength(1);

    // Themes.
    const theme = page.getByLabel('Theme');
    await theme.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await theme.selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await noViolations(page, watch, 'the themes');

    // Forward mode and paths on colah.
    await examples.selectOption('colah');
    await expect(nodeNamed(page, 'e')).toBeVisible();
    await page
      .getByRole('radiogroup', { name: 'Mode' })
      .getByRole('radio', { name: 'Forward mode' })
      .check();
    await page.getByLabel('With respect to', { exact: true }).selectOption('b');
    await pressKey(page, 'End');
    await expect(page.locator('.formula .formula-summary')).toContainText('∂e/∂b = 5');
    await page.getByLabel('Paths from').selectOption('b');
    await page.getByRole('button', { name: 'Show paths' }).click();
    await expect(page.locator('.paths-sum .katex').first()).toBeVisible();
    await noViolations(page, watch, 'forward mode and paths');

    // Gradient check and training.
    await examples.selectOption('twoLayer');
    await expect(counter(page)).toHaveText(/^Start/);
    const check = page.getByRole('region', { name: 'Gradient check' });
    await check.getByText('Gradient check', { exact: true }).click();
    await expect(check.locator('tbody tr').first()).toBeVisible();
    await page.getByLabel('Steps', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(page.getByRole('img', { name: /^Loss from .* over 20 steps$/ })).toBeVisible();
    await noViolations(page, watch, 'gradient check and training');

    // An error in the editor, and the syntax help.
    await typeProgram(page, '(x + y');
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByRole('button', { name: 'Syntax help' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await noViolations(page, watch, 'an editor error and the syntax help');

    // Vietnamese, chosen in the page.
    await page.getByLabel('Language').selectOption('vi');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(formula(page)).toBeVisible();
    await noViolations(page, watch, 'switching to Vietnamese');
  });

  test('export, QR code, presentation, a link notice, a Vietnamese link and embed mode', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const watch = await watchPolicy(page);
    // Embedded as a course page would, in an iframe (of a page on the same host: Chromium keeps
    // other sites from framing a loopback address). First, before the app's service worker
    // controls the host and answers for this made-up page.
    await page.route('**/course.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Course</title><iframe src="./${CIRCUIT}&step=9&embed=1" width="800" height="520"></iframe>`,
      }),
    );
    await page.goto('./course.html');
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('#root > .app[data-mode="embed"]:not([inert])')).toBeAttached();
    await frame.getByRole('button', { name: 'Next step' }).click();
    await expect(frame.locator('.counter')).toHaveText(/^Step 10 of 11/);
    await expect(frame.locator('.formula .katex').first()).toBeVisible();
    await noViolations(page, watch, 'embed mode in an iframe');

    await openApp(page, `${CIRCUIT}&step=11`);
    await expect(formula(page)).toBeVisible();
    for (const name of ['Export SVG', 'Export PNG']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name, exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^backprop-lens-step-11\.(svg|png)$/);
    }
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy LaTeX', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    await noViolations(page, watch, 'export');

    await page.getByRole('button', { name: 'QR code' }).click();
    const qr = page.getByRole('dialog', { name: 'QR code' });
    await expect(qr.locator('svg.qr-code')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(qr).toBeHidden();
    await noViolations(page, watch, 'the QR code');

    await page.getByRole('button', { name: 'Presentation mode' }).click();
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toHaveText(/^Step 1 of 11/);
    await page.keyboard.press('Escape');
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'normal');
    await noViolations(page, watch, 'presentation mode');

    await page.goto('./?expr=x*y&bogus=1');
    await appReady(page);
    await expect(page.locator('.url-notice')).toContainText('bogus (unknown)');
    await noViolations(page, watch, 'a link notice');

    await page.goto(`./${CIRCUIT}&step=4&lang=vi&theme=dark`);
    await appReady(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(formula(page)).toBeVisible();
    await noViolations(page, watch, 'a Vietnamese link in the dark theme');

    await page.goto(`./${CIRCUIT}&step=0&embed=1`);
    await appReady(page);
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'embed');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(counter(page)).toHaveText(/^Step 1 of 11/);
    await expect(formula(page)).toBeVisible();
    await noViolations(page, watch, 'embed mode');
  });

  test('the offline reload (service worker) works under the policy', async ({ page, context }) => {
    const watch = await watchPolicy(page);
    await openApp(page, `${CIRCUIT}&step=9`);
    // A refused registration would leave `ready` pending for ever: fail on the refusal instead.
    await Promise.race([
      page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined)),
      watch.first,
    ]);
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    await expect(formula(page)).toBeVisible();
    await page.waitForLoadState('networkidle');
    await noViolations(page, watch, 'registering the service worker');

    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    await expect(counter(page)).toHaveText('Step 9 of 11 · backward');
    await expect(formula(page)).toBeVisible();
    await context.setOffline(false);
    await noViolations(page, watch, 'the offline reload');
  });
});
