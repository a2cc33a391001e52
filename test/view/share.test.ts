import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import type { LayoutInput, LayoutResult } from '../../src/layout/types';
import { createAppStore } from '../../src/state/store';
import { decodeUrl } from '../../src/state/url';
import { KEY_CHARS, noticeItems, shortKey } from '../../src/view/Share/noticeItems';
import { qrPicture } from '../../src/view/Share/qr';

describe('noticeItems', () => {
  it('lists each ignored part once, in the order the link had them', () => {
    const { ignored } = decodeUrl('?expr=x*y&x=NaN&foo-bar=1&x=2&step=-5');
    const { items, more } = noticeItems(ignored);
    expect(items).toEqual([
      { key: 'x', reason: 'badNumber' },
      { key: 'foo-bar', reason: 'unknown' },
      { key: 'x', reason: 'duplicate' },
      { key: 'step', reason: 'badNumber' },
    ]);
    expect(more).toBe(0);
  });

  it('counts what does not fit instead of listing 10,000 keys', () => {
    const query = Array.from({ length: 10_000 }, (_, i) => `k-${i}=1`).join('&');
    const { items, more } = noticeItems(decodeUrl(`?${query}`).ignored);
    expect(items).toHaveLength(6);
    expect(more).toBe(10_000 - 6);
  });

  it('cuts long keys and removes bidi overrides and control characters', () => {
    expect(shortKey('a'.repeat(500))).toHaveLength(KEY_CHARS);
    expect(shortKey('a'.repeat(500)).endsWith('…')).toBe(true);
    expect(shortKey('\u202eevil')).toBe('\ufffdevil');
    expect(shortKey('a\u0000b')).toBe('a\ufffdb');
    expect(shortKey('')).toBe('""');
    // Cut by code point: an astral character is never split into a lone surrogate.
    const emoji = shortKey('😀'.repeat(100));
    expect(Array.from(emoji)).toHaveLength(KEY_CHARS);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('qrPicture', () => {
  it('draws a code whose runs cover exactly the dark modules', () => {
    const url = 'https://example.org/lens/?expr=(x%2By)*z&x=-2&y=5&z=-4&step=9';
    const pic = qrPicture(qrcode, url)!;
    const code = qrcode(0, 'M');
    code.addData(url, 'Byte');
    code.make();
    expect(pic.size).toBe(code.getModuleCount());
    const dark = new Set<string>();
    for (const r of pic.runs) for (let x = r.x; x < r.x + r.w; x++) dark.add(`${x},${r.y}`);
    for (let y = 0; y < pic.size; y++) {
      for (let x = 0; x < pic.size; x++) expect(dark.has(`${x},${y}`)).toBe(code.isDark(y, x));
    }
  });

  it('falls back to low error correction for a long link, and gives up past version 40', () => {
    const longish = `https://example.org/?lz=${'A'.repeat(2500)}`; // fits L (2953 bytes), not M (2331)
    const atM = qrcode(0, 'M');
    atM.addData(longish, 'Byte');
    expect(() => atM.make()).toThrow();
    const atL = qrcode(0, 'L');
    atL.addData(longish, 'Byte');
    atL.make();
    expect(qrPicture(qrcode, longish)?.size).toBe(atL.getModuleCount());
    expect(qrPicture(qrcode, `https://example.org/?lz=${'A'.repeat(4000)}`)).toBeNull();
  });
});

/** A stand-in for the layout worker: answers later, as large graphs do. */
async function laterLayout(input: LayoutInput): Promise<LayoutResult> {
  await Promise.resolve();
  return {
    nodes: input.nodes.map((n, i) => ({ id: n.id, x: i * 100, y: 0, layer: i })),
    edges: input.edges.map((e) => ({ id: e.id, path: 'M0,0', points: [], label: { x: 0, y: 0 } })),
    width: 100,
    height: 100,
    engine: 'fake',
    ms: 0,
  };
}

describe('hydrate from a link', () => {
  it('judges the step against the new program even while its layout is pending', async () => {
    const store = createAppStore({
      layout: laterLayout,
      sizeOf: () => ({ width: 40, height: 40 }),
    });
    store.getState().hydrate({ source: 'x*y', step: 0 });
    await new Promise((r) => setTimeout(r, 0));
    // (x+y)*z has 11 steps, x*y only 5: step 9 fits the new program, not the old one.
    store.getState().hydrate({ source: '(x+y)*z', step: 9 });
    expect(store.getState().ignored).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().stepIndex).toBe(9);
    store.getState().hydrate({ source: 'x*y', step: 9 });
    expect(store.getState().ignored).toEqual([{ key: 'step', reason: 'outOfRange' }]);
  });
});
