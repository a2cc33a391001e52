import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, inlineCode, withPolicy } from '../scripts/csp';
import { checkScriptUrl, POLICY_NAME, scriptUrl } from '../src/trustedTypes';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>t</title>
    <script>document.documentElement.dataset.theme = 'dark';</script>
    <script type="module" crossorigin src="./assets/index.js"></script>
    <style>body { margin: 0 }</style>
  </head>
  <body>
    <div id="root"><div class="bar" style="--split:50%;content:&quot;a&amp;b&quot;"></div></div>
    <script>(function () { var s = '<style>'; })();</script>
  </body>
</html>`;

describe('the built page’s Content Security Policy (scripts/csp.ts)', () => {
  it('finds the inline scripts (not those with src), style elements and style attributes', () => {
    const found = inlineCode(PAGE);
    expect(found.scripts).toEqual([
      "document.documentElement.dataset.theme = 'dark';",
      "(function () { var s = '<style>'; })();",
    ]);
    expect(found.styles).toEqual(['body { margin: 0 }']);
    // Hashed as the browser sees the attribute: entities decoded.
    expect(found.attrs).toEqual(['--split:50%;content:"a&b"']);
  });

  it('allows exactly those by hash, and nothing inline or evaluated', () => {
    const policy = contentSecurityPolicy(PAGE);
    const found = inlineCode(PAGE);
    expect(policy).toContain(`script-src 'self' ${found.scripts.map(sha).join(' ')};`);
    expect(policy).toContain(`style-src 'self' ${sha('body { margin: 0 }')};`);
    expect(policy).toContain(`style-src-attr 'unsafe-hashes' ${sha('--split:50%;content:"a&b"')};`);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(policy).toContain(`require-trusted-types-for 'script'; trusted-types ${POLICY_NAME}`);
    // With no style attribute in the page, none is allowed.
    expect(contentSecurityPolicy('<p>x</p>')).toContain("style-src-attr 'none'");
  });

  it('puts the policy right after <meta charset>, before all it governs', () => {
    const out = withPolicy(PAGE);
    const meta = out.indexOf('<meta http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(out.indexOf('<meta charset'));
    expect(meta).toBeLessThan(out.indexOf('<script'));
    expect(() => withPolicy('<script></script><meta charset="UTF-8" />')).toThrow(/before/);
    expect(() => withPolicy('<p>no charset</p>')).toThrow(/charset/);
  });

  it('hashes line ends as the browser parses them (LF), whatever the file has', () => {
    expect(inlineCode(PAGE.replace(/\n/g, '\r\n'))).toEqual(inlineCode(PAGE));
    expect(inlineCode('<script>a\r\nb\rc</script>').scripts).toEqual(['a\nb\nc']);
  });

  it('refuses an entity it does not know rather than hash the wrong text', () => {
    expect(() => inlineCode('<p style="a:&nbsp;"></p>')).toThrow(/entity/);
  });
});

describe('the Trusted Types policy (src/trustedTypes.ts)', () => {
  const page = 'https://example.edu/ml101/lens/?expr=x';

  it('vouches for this app’s scripts only', () => {
    expect(checkScriptUrl('./sw.js', page)).toBe('https://example.edu/ml101/lens/sw.js');
    expect(checkScriptUrl('/assets/layout.worker-x1.js', page)).toBe(
      'https://example.edu/assets/layout.worker-x1.js',
    );
    for (const bad of [
      'https://evil.test/sw.js',
      '//evil.test/a.js',
      'data:text/javascript,alert(1)',
      'blob:https://example.edu/1234',
      'javascript:alert(1)',
      './page.html',
    ]) {
      expect(() => checkScriptUrl(bad, page), bad).toThrow(TypeError);
    }
  });

  it('creates its one policy once, and passes URLs through it', () => {
    const createScriptURL = vi.fn((u: string) => ({ trusted: u }));
    const createPolicy = vi.fn((_name: string, rules: { createScriptURL(u: string): string }) => ({
      createScriptURL: (u: string) => createScriptURL(rules.createScriptURL(u)),
    }));
    const win = {
      document: { baseURI: page },
      trustedTypes: { createPolicy },
    } as unknown as Window;
    expect(scriptUrl('./sw.js', win)).toEqual({ trusted: 'https://example.edu/ml101/lens/sw.js' });
    expect(() => scriptUrl('https://evil.test/x.js', win)).toThrow(TypeError);
    expect(createPolicy).toHaveBeenCalledTimes(1);
    expect(createPolicy.mock.calls[0][0]).toBe(POLICY_NAME);
  });

  it('returns the checked string where the browser has no Trusted Types', () => {
    const win = { document: { baseURI: page } } as unknown as Window;
    expect(scriptUrl('./sw.js', win)).toBe('https://example.edu/ml101/lens/sw.js');
    expect(() => scriptUrl('data:text/javascript,1', win)).toThrow(TypeError);
  });
});
