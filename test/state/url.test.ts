import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  decodeUrl,
  encodeUrl,
  hasLzParam,
  loadLz,
  URL_LIMITS,
  type UrlState,
} from '../../src/state/url';

// lz-string loads on demand in the app; these tests read and write `lz=` links.
beforeAll(() => loadLz());

describe('decodeUrl', () => {
  it('reads the readable form', () => {
    const { state, ignored } = decodeUrl('?expr=(x%2By)*z&x=-2&y=5&z=-4&step=9');
    expect(state).toEqual({ source: '(x+y)*z', values: { x: -2, y: 5, z: -4 }, step: 9 });
    expect(ignored).toEqual([]);
  });

  it('reads settings and modes', () => {
    const { state } = decodeUrl('?lang=vi&theme=dark&mode=present&formula=0&speed=2');
    expect(state).toEqual({
      lang: 'vi',
      theme: 'dark',
      mode: 'present',
      showFormula: false,
      speed: 2,
    });
    expect(decodeUrl('?embed=1').state.mode).toBe('embed');
  });

  it.each([
    ['?step=-5', 'step', 'badNumber'],
    ['?step=1e99', 'step', 'badNumber'],
    ['?step=3.5', 'step', 'badNumber'],
    ['?x=NaN', 'x', 'badNumber'],
    ['?x=Infinity', 'x', 'badNumber'],
    ['?x=0x10', 'x', 'badNumber'],
    ['?x=', 'x', 'badNumber'],
    ['?lang=fr', 'lang', 'badValue'],
    ['?theme=%3Cscript%3E', 'theme', 'badValue'],
    ['?speed=1000', 'speed', 'badValue'],
    ['?mode=admin', 'mode', 'badValue'],
    ['?lz=notcompressed!!', 'lz', 'badCompressed'],
    ['?%3Cimg%20src=x%3E=1', '<img src', 'unknown'],
    ['?step=1&step=2', 'step', 'duplicate'],
  ])('ignores %s and says why', (search, key, reason) => {
    const { ignored } = decodeUrl(search);
    expect(ignored.some((i) => i.key.startsWith(key) && i.reason === reason)).toBe(true);
  });

  it('refuses a huge program but keeps the rest', () => {
    const big = 'x+'.repeat(URL_LIMITS.source) + 'x';
    const { state, ignored } = decodeUrl(`?expr=${encodeURIComponent(big)}&y=2`);
    expect(state.source).toBeUndefined();
    expect(state.values).toEqual({ y: 2 });
    expect(ignored[0].reason).toBe('tooLong');
  });

  it('keeps script text as program text (the parser will reject it, nothing runs it)', () => {
    const { state } = decodeUrl('?expr=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(state.source).toBe('<script>alert(1)</script>');
  });

  it('cannot reach the prototype through a value named __proto__', () => {
    const { state } = decodeUrl('?__proto__=5&constructor=2');
    expect(Object.getPrototypeOf(state.values)).toBe(Object.prototype);
    expect(Object.keys(state.values!)).toEqual(['__proto__', 'constructor']);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = decodeUrl(s);
        expect(Array.isArray(r.ignored)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('encodeUrl', () => {
  it('writes the readable form with only what differs from the defaults', () => {
    expect(
      encodeUrl({
        source: '(x+y)*z',
        values: { x: -2, y: 5, z: -4 },
        step: 9,
        lang: 'en',
        theme: 'system',
      }),
    ).toBe('?expr=(x%2By)*z&x=-2&y=5&z=-4&step=9');
  });

  it('writes long programs plainly until lz-string has loaded, and says it should load', async () => {
    // A fresh copy of the module, in which lz-string has not loaded yet.
    vi.resetModules();
    const url = await import('../../src/state/url');
    const source = 'x = 1\n' + '#'.repeat(URL_LIMITS.readable) + '\nf = x*x';
    expect(url.needsLz({ source })).toBe(true);
    expect(url.needsLz({ source: 'x*y' })).toBe(false);
    const plain = url.encodeUrl({ source });
    expect(plain.startsWith('?expr=')).toBe(true);
    expect(url.decodeUrl(plain).state.source).toBe(source);
    // An lz= link cannot be read yet: the caller must load first (hasLzParam says when).
    const packed = encodeUrl({ source });
    expect(hasLzParam(packed)).toBe(true);
    await url.loadLz();
    expect(url.needsLz({ source })).toBe(false);
    expect(url.decodeUrl(packed).state.source).toBe(source);
    expect(hasLzParam('?expr=lz')).toBe(false);
  });

  it('compresses long programs', () => {
    const source = Array.from({ length: 60 }, (_, i) => `h${i} = sigmoid(w${i}*x + b${i})`).join(
      '\n',
    );
    const url = encodeUrl({ source });
    expect(url.startsWith('?lz=')).toBe(true);
    expect(url.length).toBeLessThan(source.length);
    expect(decodeUrl(url).state.source).toBe(source);
  });

  it('prefixes values whose names are URL keys', () => {
    const url = encodeUrl({ source: 'step*2', values: { step: 3 } });
    expect(url).toBe('?expr=step*2&v.step=3');
    expect(decodeUrl(url).state.values).toEqual({ step: 3 });
  });

  it('round-trips any state', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/);
    const state = fc.record(
      {
        source: fc.string({ maxLength: 400 }),
        values: fc.dictionary(name, fc.double({ noNaN: true, noDefaultInfinity: true }), {
          maxKeys: 5,
        }),
        step: fc.nat(10_000),
        lang: fc.constantFrom('en' as const, 'vi' as const),
        theme: fc.constantFrom('system' as const, 'light' as const, 'dark' as const),
        mode: fc.constantFrom('present' as const, 'embed' as const),
        showFormula: fc.boolean(),
        speed: fc.constantFrom(0.5, 1, 2, 4),
        practice: fc.boolean(),
        seed: fc.nat(999_999_999),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(state, (s: UrlState) => {
        const { state: back, ignored } = decodeUrl(encodeUrl(s));
        expect(ignored).toEqual([]);
        if (s.source !== undefined && s.source !== '') expect(back.source).toBe(s.source);
        for (const [k, v] of Object.entries(s.values ?? {}))
          expect(back.values?.[k]).toBe(v === 0 ? 0 : v);
        if (s.step) expect(back.step).toBe(s.step);
        if (s.lang === 'vi') expect(back.lang).toBe('vi');
        if (s.mode) expect(back.mode).toBe(s.mode);
        expect(back.practice).toBe(s.practice ? true : undefined);
        expect(back.seed).toBe(s.seed ? s.seed : undefined);
      }),
      { numRuns: 300 },
    );
  });
});

describe('names with diacritics in the link', () => {
  it('round-trip: program, value and wrt= keep tốc_độ as it was typed', () => {
    const state = {
      source: 'f = tốc_độ * tốc_độ + y',
      values: { tốc_độ: 3, y: 0.5 },
      ad: 'forward' as const,
      wrt: 'tốc_độ',
    };
    const query = encodeUrl(state);
    // Everything beyond ASCII is percent-encoded, so the link survives any chat or mail client.
    expect(query).toMatch(/^[\x21-\x7e]+$/);
    expect(query).toContain(`${encodeURIComponent('tốc_độ')}=3`);
    expect(decodeUrl(query)).toEqual({ state, ignored: [] });
    // A browser may hand the query back unencoded; that reads the same.
    expect(decodeUrl(decodeURIComponent(query)).state.values).toEqual(state.values);
  });

  it('reads a value whose name arrives decomposed as the program’s (NFC) name', () => {
    const nfd = 'tốc'.normalize('NFD');
    const { state } = decodeUrl(
      `?expr=f%3Dt%E1%BB%91c*2&${encodeURIComponent(nfd)}=4&wrt=${encodeURIComponent(nfd)}`,
    );
    expect(state.values).toEqual({ tốc: 4 });
    expect(state.wrt).toBe('tốc');
  });

  it('still refuses a key that is not a name', () => {
    expect(decodeUrl('?2x=1&a%20b=2').ignored).toEqual([
      { key: '2x', reason: 'unknown' },
      { key: 'a b', reason: 'unknown' },
    ]);
  });
});

describe('forward mode in the link', () => {
  it('round-trips ad=forward&wrt=b, and writes nothing for reverse mode', () => {
    const search = encodeUrl({ source: 'e = (a+b)*(b+1)', ad: 'forward', wrt: 'b' });
    expect(search).toContain('ad=forward&wrt=b');
    expect(decodeUrl(search)).toEqual({
      state: { source: 'e = (a+b)*(b+1)', ad: 'forward', wrt: 'b' },
      ignored: [],
    });
    expect(encodeUrl({ source: 'x', ad: 'reverse', wrt: 'x' })).toBe('?expr=x');
  });

  it('ignores a bad mode or input name, and lets an input called ad travel as v.ad', () => {
    expect(decodeUrl('?ad=sideways&wrt=1x').ignored).toEqual([
      { key: 'ad', reason: 'badValue' },
      { key: 'wrt', reason: 'badValue' },
    ]);
    const search = encodeUrl({ values: { ad: 2, wrt: 3 } });
    expect(search).toBe('?v.ad=2&v.wrt=3');
    expect(decodeUrl(search).state.values).toEqual({ ad: 2, wrt: 3 });
  });
});

describe('practice mode in the link', () => {
  it('round-trips practice=1, and writes nothing when practice is off', () => {
    const search = encodeUrl({ source: '(x+y)*z', step: 3, practice: true });
    expect(search).toBe('?expr=(x%2By)*z&step=3&practice=1');
    expect(decodeUrl(search)).toEqual({
      state: { source: '(x+y)*z', step: 3, practice: true },
      ignored: [],
    });
    expect(encodeUrl({ source: 'x', practice: false })).toBe('?expr=x');
    expect(decodeUrl('?practice=0').state).toEqual({ practice: false });
  });

  it('ignores a bad practice value, and lets an input called practice travel as v.practice', () => {
    expect(decodeUrl('?practice=yes').ignored).toEqual([{ key: 'practice', reason: 'badValue' }]);
    const search = encodeUrl({ values: { practice: 2 } });
    expect(search).toBe('?v.practice=2');
    expect(decodeUrl(search).state.values).toEqual({ practice: 2 });
  });
});

describe('hand-written backward pass in the link (issue 12)', () => {
  it('round-trips the readings a person chose, readable', () => {
    const reading = { dx: 'forward', dq: 'full:f:q', grad_y: 'grad::y' };
    const search = encodeUrl({ source: 'x', reading });
    expect(search).toBe('?expr=x&read=dx:forward,dq:full:f:q,grad_y:grad::y');
    expect(decodeUrl(search)).toEqual({ state: { source: 'x', reading }, ignored: [] });
    expect(encodeUrl({ source: 'x', reading: {} })).toBe('?expr=x');
  });

  it('ignores a reading it cannot use, and keeps __proto__ a name', () => {
    for (const bad of [
      'dx',
      ':forward',
      'dx:backward',
      'dx:full:f',
      '1x:forward',
      'dx:full:f:q:r',
    ]) {
      expect(decodeUrl(`?read=${bad}`)).toEqual({
        state: {},
        ignored: [{ key: 'read', reason: 'badValue' }],
      });
    }
    const { state } = decodeUrl('?read=__proto__:forward');
    expect(Object.keys(state.reading!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(state.reading)).toBe(Object.prototype);
  });

  it('reads exercise=backward, and nothing else under that key', () => {
    expect(decodeUrl('?expr=x&exercise=backward').state).toEqual({
      source: 'x',
      exercise: 'backward',
    });
    expect(decodeUrl('?exercise=forward').ignored).toEqual([
      { key: 'exercise', reason: 'badValue' },
    ]);
    // An input called `read` or `exercise` travels as v.read.
    expect(encodeUrl({ values: { read: 2 } })).toBe('?v.read=2');
  });
});

describe('the seed of randn in the link (issue 14)', () => {
  it('round-trips seed=…, and writes nothing for the default seed 0', () => {
    const source = 'W = randn(3, 4)\nL = sum(W)';
    const search = encodeUrl({ source, seed: 123456789 });
    expect(search.endsWith('&seed=123456789')).toBe(true);
    expect(decodeUrl(search)).toEqual({ state: { source, seed: 123456789 }, ignored: [] });
    expect(encodeUrl({ source: 'x', seed: 0 })).toBe('?expr=x');
    expect(decodeUrl('?seed=0').state).toEqual({ seed: 0 });
  });

  it('takes 1 to 9 digits only: anything else is ignored as not a number', () => {
    for (const raw of ['-1', '1e3', '0x10', '1.5', '1234567890', '', ' 7', 'NaN', '%3Cb%3E']) {
      const { state, ignored } = decodeUrl(`?seed=${raw}`);
      expect(state.seed, raw).toBeUndefined();
      expect(ignored, raw).toEqual([{ key: 'seed', reason: 'badNumber' }]);
    }
    expect(decodeUrl('?seed=1&seed=2')).toEqual({
      state: { seed: 1 },
      ignored: [{ key: 'seed', reason: 'duplicate' }],
    });
  });

  it('lets an input called seed travel as v.seed', () => {
    const search = encodeUrl({ values: { seed: 2 } });
    expect(search).toBe('?v.seed=2');
    expect(decodeUrl(search).state.values).toEqual({ seed: 2 });
  });
});
