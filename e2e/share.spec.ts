import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  consoleErrors,
  counter,
  edgeGrad,
  edgeValue,
  editor,
  nodeNamed,
  openApp,
  picture,
  typeProgram,
} from './helpers';

// lz-string is CommonJS without named ESM exports; the app's bundler copes, Node's loader does not.
const { compressToEncodedURIComponent } = createRequire(import.meta.url)('lz-string') as {
  compressToEncodedURIComponent(text: string): string;
};
const DIST = process.env.E2E_DIST ?? 'dist';
const notice = (page: Page) => page.locator('.url-notice');
const graphOrError = (page: Page) =>
  page.locator('svg.graph g.node').first().or(page.getByRole('alert'));

test.describe('shared links', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('a shared expression opens with its values and step', async ({ page }) => {
    await openApp(page, '?expr=(x%2By)*z&x=-2&y=5&z=-4&step=9');
    await expect(editor(page)).toHaveValue('(x+y)*z');
    await expect(page.getByLabel('x', { exact: true })).toHaveValue('-2');
    await expect(page.getByLabel('y', { exact: true })).toHaveValue('5');
    await expect(page.getByLabel('z', { exact: true })).toHaveValue('-4');
    await expect(counter(page)).toHaveText('Step 9 of 11 · backward');
    await expect.poll(() => edgeValue(page, 'x', 'a1')).toBe('-2');
    await expect.poll(() => edgeValue(page, 'a1', 'f')).toBe('3');
    expect(await edgeGrad(page, 'a1', 'f')).toBe('-4');
    expect(await edgeGrad(page, 'z', 'f')).toBe('3');
    // Step 9 is before x's gradient arrives: its badge is still hidden.
    expect(await edgeGrad(page, 'x', 'a1')).toBe('');
    await expect(notice(page)).toHaveCount(0);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('a shared program keeps its named intermediate', async ({ page }) => {
    // What Copy link writes for it: the program readable, newlines and all.
    const query = `?expr=${encodeURIComponent('x = -2; y = 5\nq = x + y\nf = q * z')}&z=3&step=9`;
    await openApp(page, query);
    await expect(editor(page)).toHaveValue('x = -2; y = 5\nq = x + y\nf = q * z');
    await expect(nodeNamed(page, 'q')).toHaveCount(1);
    await expect(page.getByLabel('z', { exact: true })).toHaveValue('3');
    await expect(counter(page)).toHaveText('Step 9 of 11 · backward');
    await expect.poll(() => edgeValue(page, 'q', 'f')).toBe('3');
    await expect.poll(() => edgeGrad(page, 'q', 'f')).toBe('3');
    await expect.poll(() => edgeValue(page, 'z', 'f')).toBe('3');
  });

  test('a long program travels compressed under lz=', async ({ page }) => {
    const lines = Array.from(
      { length: 30 },
      (_, i) => `h${i} = ${i === 0 ? 'x' : `h${i - 1}`} * w${i} + 0.5`,
    );
    const source = `x = 0.25\n${lines.join('\n')}\nloss = h29 ^ 2`;
    expect(source.length).toBeGreaterThan(300); // past what the app writes readably
    const query = `?lz=${compressToEncodedURIComponent(source)}&w3=2&step=7`;
    await openApp(page, query);
    await expect(editor(page)).toHaveValue(source);
    await expect(nodeNamed(page, 'loss')).toHaveCount(1);
    await expect(nodeNamed(page, 'h29')).toHaveCount(1);
    await expect(page.getByLabel('w3', { exact: true })).toHaveValue('2');
    await expect(counter(page)).toHaveText(/^Step 7 of \d+ · forward$/);
    await expect.poll(() => edgeValue(page, 'x', 'a1')).toBe('0.25');
    await expect(notice(page)).toHaveCount(0);
  });

  test('Copy link copies a link that reopens the same picture', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await page.getByLabel('Examples').selectOption('colah');
    await expect(nodeNamed(page, 'e')).toHaveCount(1);
    await page.getByLabel('a', { exact: true }).fill('3');
    await expect(editor(page)).toHaveValue(/a = 3/);
    await page.getByRole('button', { name: 'Jump to backward pass' }).click();
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.getByRole('button', { name: 'Next step' }).click();
    const want = {
      counter: await counter(page).textContent(),
      source: await editor(page).inputValue(),
    };
    const wantPicture = await picture(page);

    await page.getByRole('button', { name: 'Copy link' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Link copied' });
    await expect(status).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?expr=/);
    // The confirmation goes away by itself.
    await expect(status).toBeHidden({ timeout: 4000 });

    const other = await context.newPage();
    await other.emulateMedia({ reducedMotion: 'reduce' });
    await other.goto(link);
    await expect(other.locator('svg.graph g.node').first()).toBeVisible();
    await expect(counter(other)).toHaveText(want.counter!);
    await expect(editor(other)).toHaveValue(want.source);
    await expect(other.getByLabel('b', { exact: true })).toHaveValue('1');
    await expect.poll(() => picture(other)).toEqual(wantPicture);
    await expect(notice(other)).toHaveCount(0);
  });

  test('without a clipboard, Copy link shows the link selected in a field', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    });
    await openApp(page, '?expr=x*y&x=3&step=2');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('textbox', { name: 'Link to this graph' });
    await expect(field).toBeVisible();
    await expect(field).toHaveValue(/\/\?expr=x\*y&x=3&step=2$/);
    await expect(field).toBeFocused();
    const selected = await field.evaluate((el: HTMLInputElement) => [
      el.selectionStart,
      el.selectionEnd,
      el.value.length,
    ]);
    expect(selected).toEqual([0, selected[2], selected[2]]);
    await expect(page.getByRole('status').filter({ hasText: 'Press Ctrl+C' })).toBeVisible();
  });

  test('Back and Forward move between examples', async ({ page }) => {
    await openApp(page);
    const examples = page.getByLabel('Examples');
    await examples.selectOption('colah');
    await expect(nodeNamed(page, 'e')).toHaveCount(1);
    await examples.selectOption('multiply');
    await expect(editor(page)).toHaveValue('x = 4; y = -3\nf = x * y');
    await expect(nodeNamed(page, 'e')).toHaveCount(0);

    await page.goBack();
    await expect(editor(page)).toHaveValue('a = 2; b = 1\nc = a + b\nd = b + 1\ne = c * d');
    await expect(nodeNamed(page, 'e')).toHaveCount(1);
    await expect(examples).toHaveValue('colah');
    await page.goForward();
    await expect(editor(page)).toHaveValue('x = 4; y = -3\nf = x * y');
    await expect(nodeNamed(page, 'e')).toHaveCount(0);
    await expect(nodeNamed(page, 'f')).toHaveCount(1);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('reload keeps the program, and a link wins over the kept one', async ({ page }) => {
    await openApp(page);
    await typeProgram(page, 'p = a*b\nout = p + c');
    await expect(nodeNamed(page, 'out')).toHaveCount(1);
    await page.waitForTimeout(400); // the URL and local storage follow typing after a pause
    await page.goto('./'); // no query at all
    await expect(editor(page)).toHaveValue('p = a*b\nout = p + c');
    await expect(nodeNamed(page, 'out')).toHaveCount(1);
    await page.reload();
    await expect(editor(page)).toHaveValue('p = a*b\nout = p + c');

    await page.goto('./?expr=m*n');
    await expect(editor(page)).toHaveValue('m*n');
    await expect(nodeNamed(page, 'm')).toHaveCount(1);
    await expect(nodeNamed(page, 'out')).toHaveCount(0);
  });

  test('the notice says what was ignored, stays clear of the graph and can be dismissed', async ({
    page,
  }) => {
    await openApp(page, '?expr=(x%2By)*z&x=-2&y=5&z=-4&step=99&foo=1&w=NaN');
    const box = notice(page);
    await expect(box).toHaveRole('status');
    await expect(box).toContainText('Some parts of the link could not be used:');
    await expect(box).toContainText('step (out of range)');
    await expect(box).toContainText('foo (unknown)');
    await expect(box).toContainText('w (not a number)');
    // What could be used was used.
    await expect(page.getByLabel('x', { exact: true })).toHaveValue('-2');
    await expect(counter(page)).toHaveText('Step 11 of 11 · backward');
    // Above the graph, not on it.
    const noticeBox = (await box.boundingBox())!;
    const graphBox = (await page.locator('svg.graph').boundingBox())!;
    expect(noticeBox.y + noticeBox.height).toBeLessThanOrEqual(graphBox.y);
    await page.screenshot({ path: `${test.info().outputDir}/notice.png` });
    await box.getByRole('button', { name: 'Dismiss' }).click();
    await expect(box).toHaveCount(0);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('the QR code dialog shows the link, scannable, and closes with Esc or Close', async ({
    page,
  }) => {
    await openApp(page, '?expr=(x%2By)*z&x=-2&y=5&z=-4&step=9');
    const open = page.getByRole('button', { name: 'QR code' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'QR code' });
    await expect(dialog).toBeVisible();
    const svg = dialog.locator('svg.qr-code');
    await expect(svg).toBeVisible();
    expect(await svg.locator('rect').count()).toBeGreaterThan(100);
    // Large enough to scan when projected.
    expect((await svg.boundingBox())!.width).toBeGreaterThanOrEqual(300);
    await expect(dialog.locator('.qr-url')).toHaveText(
      /^http:\/\/127\.0\.0\.1:\d+\/\?expr=\(x%2By\)\*z&x=-2&y=5&z=-4&step=9$/,
    );
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();

    await open.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
    expect(consoleErrors(page)).toEqual([]);
  });

  test('a link too long for any QR code says so and still shows the link', async ({ page }) => {
    // A comment of letters that do not repeat: lz-string cannot shrink it below QR's 2,953 bytes.
    let seed = 7;
    const noise = Array.from({ length: 9000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return 'abcdefghijklmnopqrstuvwxyz0123456789'[seed % 36];
    }).join('');
    const source = `# ${noise}\nf = x * y`;
    await openApp(page, `?lz=${compressToEncodedURIComponent(source)}`);
    await expect(nodeNamed(page, 'f')).toHaveCount(1);
    await page.getByRole('button', { name: 'QR code' }).click();
    const dialog = page.getByRole('dialog', { name: 'QR code' });
    await expect(dialog).toContainText(
      'This link is too long for a QR code. Use Copy link instead.',
    );
    await expect(dialog.locator('svg.qr-code')).toHaveCount(0);
    await expect(dialog.locator('.qr-url')).toHaveText(/\?lz=[A-Za-z0-9+$-]{3000,}/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test("a link's program never leaves the page in a Referer header", async ({ page }) => {
    const leaked: string[] = [];
    page.on('request', (r) => {
      const referer = r.headers()['referer'];
      if (referer && /secret/.test(referer)) leaked.push(`${r.url()} ← ${referer}`);
    });
    await openApp(page, '?expr=secret*y&y=3');
    // KaTeX, its fonts and the lazy panels are all requested by now.
    await expect(page.locator('.formula .katex').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(leaked).toEqual([]);
    expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
  });

  test('the QR encoder is not part of the first load', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await openApp(page);
    await page.waitForLoadState('networkidle');
    expect(scripts.some((u) => /qrcode/.test(u))).toBe(false);
    await page.getByRole('button', { name: 'QR code' }).click();
    await expect(
      page.getByRole('dialog', { name: 'QR code' }).locator('svg.qr-code'),
    ).toBeVisible();
    expect(scripts.some((u) => /qrcode/.test(u))).toBe(true);
  });
});

/** A query this long is past a server's header limit: such pages are served by a route instead. */
const HEADER_SAFE = 8000;

interface Hostile {
  name: string;
  query: string;
  /** What the notice must say, or null when nothing in the link was ignored. */
  notice: RegExp | null;
}

const enc = encodeURIComponent;
const PWN = 'window.__pwned=1';
const HOSTILE: Hostile[] = [
  { name: 'script tag in expr', query: `?expr=${enc(`<script>${PWN}</script>`)}`, notice: null },
  {
    name: 'img onerror in expr',
    query: `?expr=${enc(`<img src=x onerror="${PWN}">`)}`,
    notice: null,
  },
  { name: 'raw img onerror in expr', query: `?expr=<img src=x onerror=alert(1)>`, notice: null },
  { name: 'javascript: text', query: `?expr=${enc('javascript:alert(1)')}`, notice: null },
  { name: 'step=-5', query: '?expr=x*y&step=-5', notice: /step \(not a number\)/ },
  { name: 'step=1e99', query: '?expr=x*y&step=1e99', notice: /step \(not a number\)/ },
  { name: 'step=NaN', query: '?expr=x*y&step=NaN', notice: /step \(not a number\)/ },
  { name: 'step past the end', query: '?expr=x*y&step=999999', notice: /step \(out of range\)/ },
  { name: 'x=NaN', query: '?expr=x*y&x=NaN', notice: /x \(not a number\)/ },
  { name: 'x=Infinity', query: '?expr=x*y&x=Infinity', notice: /x \(not a number\)/ },
  { name: 'x=1e400', query: '?expr=x*y&x=1e400', notice: /x \(not a number\)/ },
  { name: 'x=0x10', query: '?expr=x*y&x=0x10', notice: /x \(not a number\)/ },
  { name: 'x with a null byte', query: '?expr=x*y&x=1%00', notice: /x \(not a number\)/ },
  { name: 'a 1 MB expr', query: `?expr=${'x%2B'.repeat(350_000)}x`, notice: /expr \(too long\)/ },
  {
    name: '10,000 unknown keys',
    query: `?expr=x*y&${Array.from({ length: 10_000 }, (_, i) => `k-${i}=1`).join('&')}`,
    notice: /and 9994 more/,
  },
  {
    name: 'duplicate keys',
    query: '?expr=x*y&x=1&x=2&expr=a*b',
    notice: /x \(repeated\).*expr \(repeated\)/,
  },
  { name: 'duplicate theme', query: '?theme=dark&theme=light', notice: /theme \(repeated\)/ },
  { name: 'lz= garbage', query: '?lz=%%%!!!***garbage', notice: /lz \(could not be unpacked\)/ },
  {
    name: 'lz= that unpacks to 5 MB',
    query: `?lz=${compressToEncodedURIComponent('a'.repeat(5_000_000))}`,
    notice: /lz \(too long\)/,
  },
  {
    name: 'lz= that unpacks to markup',
    query: `?lz=${compressToEncodedURIComponent(`<img src=x onerror="${PWN}">`)}`,
    notice: null,
  },
  { name: 'unbalanced parens', query: '?expr=(x%2By', notice: null },
  { name: 'empty expr', query: '?expr=', notice: null },
  { name: 'lang=xx', query: '?expr=x*y&lang=xx', notice: /lang \(not a valid value\)/ },
  {
    name: 'theme=<script>',
    query: `?theme=${enc(`<script>${PWN}</script>`)}`,
    notice: /theme \(not a valid value\)/,
  },
  { name: 'mode=evil', query: '?expr=x*y&mode=evil', notice: /mode \(not a valid value\)/ },
  {
    name: 'embed=<svg onload>',
    query: `?embed=${enc(`<svg onload="${PWN}">`)}`,
    notice: /embed \(not a valid value\)/,
  },
  { name: 'speed=1e9', query: '?speed=1e9', notice: /speed \(not a valid value\)/ },
  { name: 'formula=<b>', query: '?formula=%3Cb%3E', notice: /formula \(not a valid value\)/ },
  { name: 'bad percent-encoding', query: '?expr=%E0%A4%A&x=%', notice: /x \(not a number\)/ },
  { name: '__proto__=1', query: '?expr=x*y&__proto__=1', notice: /__proto__ \(unknown\)/ },
  {
    name: 'constructor=2',
    query: '?expr=x*y&constructor=2&v.__proto__=3',
    notice: /constructor \(unknown\)/,
  },
  {
    name: 'v.step for a missing input',
    query: '?expr=x*y&v.step=3',
    notice: /: step \(unknown\)/,
  },
  { name: 'bidi override in expr', query: '?expr=%E2%80%AEx*y', notice: null },
  {
    name: 'bidi override in a key',
    query: '?expr=x*y&%E2%80%AEevil=1',
    notice: /\ufffdevil \(unknown\)/,
  },
  {
    name: 'markup as a key',
    query: `?${enc(`<img src=x onerror="${PWN}">`)}=1`,
    notice: /<img src=x onerror=/,
  },
  { name: 'a 5,000-character key', query: `?${'k'.repeat(5000)}=1`, notice: /k{39}… \(unknown\)/ },
  { name: 'KaTeX \\href', query: `?expr=${enc('\\href{javascript:alert(1)}{x}')}`, notice: null },
  { name: 'KaTeX \\htmlClass', query: `?expr=${enc('\\htmlClass{x}{y}*z')}`, notice: null },
  {
    name: 'parens 9,999 deep',
    query: `?expr=${'('.repeat(9999)}x${')'.repeat(9999)}`,
    notice: null,
  },
  {
    name: 'parens 10,000 deep',
    query: `?expr=${'('.repeat(10_000)}x${')'.repeat(10_000)}`,
    notice: /expr \(too long\)/,
  },
  { name: 'overflowing values', query: '?expr=exp(exp(exp(x)))/0&x=1000', notice: null },
  { name: 'seed=-1', query: '?expr=x*y&seed=-1', notice: /seed \(not a number\)/ },
  { name: 'seed=1e99', query: '?expr=x*y&seed=1e99', notice: /seed \(not a number\)/ },
  {
    name: 'seed=<script>',
    query: `?expr=x*y&seed=${enc(`<script>${PWN}</script>`)}`,
    notice: /seed \(not a number\)/,
  },
];

test.describe('hostile links open inert', () => {
  test('there are at least 30 of them', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
  });

  for (const h of HOSTILE) {
    test(h.name, async ({ page }) => {
      const problems: string[] = [];
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      if (h.query.length > HEADER_SAFE) {
        // Too long for the preview server's request line; the app only ever reads it in the page.
        const html = readFileSync(join(DIST, 'index.html'), 'utf8');
        await page.route(
          (url) => url.pathname === '/' && url.search.length > HEADER_SAFE,
          (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }),
        );
      }
      await page.goto(`./${h.query}`);
      await expect(graphOrError(page)).toBeVisible({ timeout: 15_000 });
      if (h.notice) await expect(notice(page)).toContainText(h.notice);
      else await expect(notice(page)).toHaveCount(0);
      // The page stays usable: stepping works wherever there is something to step.
      const toEnd = page.getByRole('button', { name: 'Jump to end' });
      if (await toEnd.isEnabled()) {
        await toEnd.click();
        await expect(toEnd).toBeDisabled();
      }

      // The page's own inline scripts (theme, prerendered graph) and data, and nothing else.
      const shipped = new Set(
        [
          ...readFileSync(join(DIST, 'index.html'), 'utf8').matchAll(
            // Its inline scripts and its data block (the example's layout, never run).
            /<script(?: type="application\/json" id="[\w-]+")?>([\s\S]*?)<\/script>/g,
          ),
        ].map((m) => m[1]),
      );
      const dom = await page.evaluate(
        (own) => ({
          pwned: (window as { __pwned?: unknown }).__pwned ?? null,
          scripts: [...document.scripts].filter(
            (s) => !/\/assets\//.test(s.src) && !own.includes(s.text),
          ).length,
          imgs: [...document.images].filter((i) => !i.src.endsWith('/favicon.svg')).length,
          handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
          foreignSvg: document.querySelectorAll('svg foreignObject, iframe, object, embed').length,
          jsLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
            /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
          ).length,
        }),
        [...shipped],
      );
      expect(dom).toEqual({
        pwned: null,
        scripts: 0,
        imgs: 0,
        handlers: 0,
        foreignSvg: 0,
        jsLinks: 0,
      });
      expect(problems).toEqual([]);
    });
  }

  test('an unbalanced program from a link is kept in the editor with its error', async ({
    page,
  }) => {
    await page.goto('./?expr=(x%2By');
    await expect(page.getByRole('alert')).toContainText('Expected `)`');
    await expect(editor(page)).toHaveValue('(x+y');
    await typeProgram(page, '(x+y)');
    await expect(nodeNamed(page, 'x')).toHaveCount(1);
  });
});

test.describe('offline', () => {
  test('offline after first load', async ({ page, context }) => {
    await openApp(page, '?expr=(x%2By)*z&x=-2&y=5&z=-4&step=9');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The worker takes over this page (clients.claim) or the next load; reload once to be sure.
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    await expect(page.locator('svg.graph g.node').first()).toBeVisible();
    // Let the formula panel fetch KaTeX (a lazy chunk and fonts) while online, so it is cached.
    await expect(page.locator('.formula .katex').first()).toBeVisible();
    await page.waitForLoadState('networkidle');

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('svg.graph g.node').first()).toBeVisible();
    await expect(counter(page)).toHaveText('Step 9 of 11 · backward');
    await expect(page.locator('.formula .katex').first()).toBeVisible();
    // Another link to the same app opens offline too: the page is cached whatever its query.
    await page.goto('./?expr=a*b');
    await expect(nodeNamed(page, 'a')).toHaveCount(1);
    await context.setOffline(false);
    expect(consoleErrors(page)).toEqual([]);
  });
});
