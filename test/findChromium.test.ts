import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../scripts/findChromium';

const dir = mkdtempSync(join(tmpdir(), 'find-chromium-'));
const file = (name: string, executable: boolean) => {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, executable ? 0o755 : 0o644);
  return path;
};
const debian = file('chromium', true);
const chrome = file('google-chrome', true);
const notRunnable = file('not-runnable', false);
const own = file('playwright-chromium', true);
const missing = join(dir, 'missing');

describe('which Chromium the browser tests drive', () => {
  it('takes CHROME_PATH when it is set, before any other', () => {
    expect(findChromium({ CHROME_PATH: chrome }, [debian], own)).toEqual({
      path: chrome,
      from: 'CHROME_PATH',
    });
  });

  it('does not replace a CHROME_PATH that is not there with another browser', () => {
    for (const asked of [missing, notRunnable]) {
      const found = findChromium({ CHROME_PATH: asked }, [debian], own);
      expect(found.path).toBeUndefined();
      expect(found).toHaveProperty('why', expect.stringContaining(asked));
    }
  });

  it('else takes the first browser installed in a usual place', () => {
    expect(findChromium({}, [missing, notRunnable, debian, chrome], own).path).toBe(debian);
  });

  it("else Playwright's own, where one was installed", () => {
    expect(findChromium({}, [missing], own)).toEqual({
      path: own,
      from: "Playwright's own Chromium",
    });
  });

  it('else says where it looked', () => {
    const found = findChromium({}, [missing], undefined);
    expect(found.path).toBeUndefined();
    expect(found).toHaveProperty('why', expect.stringContaining(missing));
  });
});
