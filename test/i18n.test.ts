import { beforeAll, describe, expect, it } from 'vitest';
import { engineMessages } from '../src/engine';
import {
  hasTable,
  loadTable,
  subscribeTables,
  tablesVersion,
  translate,
  type UiKey,
} from '../src/i18n';
import { en as enCore } from '../src/i18n/en';
import { enLater } from '../src/i18n/enLater';
import { LANG_STORAGE_KEY, preferredLang, rememberLang } from '../src/i18n/langPreference';
import { vi } from '../src/i18n/vi';

/** The whole English table: the first screen's and what loads later. */
const en = { ...enCore, ...enLater };

/** The `{name}` slots of a template (plain, or a plural's `{n, plural, …}`), sorted, once each. */
const slots = (template: string): string[] =>
  [...new Set([...template.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

/**
 * Terms a Vietnamese string may keep in English, because the course notes and Vietnamese lecturers
 * use them as they are: names of functions and products, file formats, and the seeds' sources.
 * A Vietnamese string equal to its English one passes only if nothing but these, slots, single
 * letters (variables) and symbols is left in it.
 */
const KEPT_IN_ENGLISH = [
  'Backprop Lens',
  'gradient',
  'softmax',
  'sigmoid',
  'ReLU',
  'cross-entropy',
  'max',
  'min',
  'exp',
  'LaTeX',
  'SVG',
  'PNG',
  'QR',
  'cs231n',
  'colah',
  'ml-cheatsheet',
  // Each language's name is written in that language, in both tables.
  'English',
  'Tiếng Việt',
];

/** What is left of a string once slots, kept terms and symbols are taken out: its prose words. */
function proseWords(text: string): string[] {
  let rest = text.replace(/\{\w+[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g, ' ');
  for (const term of KEPT_IN_ENGLISH) rest = rest.replaceAll(new RegExp(term, 'giu'), ' ');
  // A word: a letter followed by lower-case letters, so `XW` or `x` (maths) are not words.
  return rest.match(/(?<!\p{L})\p{L}\p{Ll}+(?!\p{L})/gu) ?? [];
}

const enKeys = Object.keys(en).sort();
const viKeys = Object.keys(vi).sort();

describe('language tables', () => {
  it('vi has exactly the keys of en', () => {
    expect(viKeys.filter((k) => !Object.hasOwn(en, k))).toEqual([]);
    expect(enKeys.filter((k) => !Object.hasOwn(vi, k))).toEqual([]);
  });

  it('every engine message has an entry in both tables', () => {
    for (const key of Object.keys(engineMessages)) {
      expect(Object.hasOwn(en, key), key).toBe(true);
      expect(Object.hasOwn(vi, key), key).toBe(true);
    }
  });

  it('every key has the same {param} slots in en and vi', () => {
    const differing = enKeys.filter((k) => {
      const key = k as UiKey;
      return slots(en[key]).join() !== slots(vi[key]).join();
    });
    expect(differing).toEqual([]);
  });

  it('no value is empty or only whitespace', () => {
    const blank = (table: Record<string, string>) =>
      Object.entries(table)
        .filter(([, v]) => v.trim() === '')
        .map(([k]) => k);
    expect(blank(en)).toEqual([]);
    expect(blank(vi)).toEqual([]);
  });

  it('every Vietnamese string is there, not blank, and not the English one', () => {
    const viTable: Record<string, unknown> = vi;
    const missing = enKeys.filter((k) => typeof viTable[k] !== 'string');
    const blank = enKeys.filter((k) => typeof viTable[k] === 'string' && !vi[k as UiKey].trim());
    // Equal to English is allowed only for a string with no prose: names, kept terms, maths.
    const english = enKeys.filter(
      (k) => vi[k as UiKey] === en[k as UiKey] && proseWords(en[k as UiKey]).length > 0,
    );
    expect({ missing, blank, english }).toEqual({ missing: [], blank: [], english: [] });
  });

  it('the check above can fail: it catches an English sentence, not a kept term', () => {
    expect(proseWords('Gradient check')).toEqual(['check']);
    expect(proseWords('Next step')).toEqual(['Next', 'step']);
    expect(proseWords('{name} = {value}, gradient {grad}')).toEqual([]);
    expect(proseWords('cs231n: max(x, y)')).toEqual([]);
    expect(proseWords('ml-cheatsheet: C(R(Z(XW)))')).toEqual([]);
    expect(proseWords('Start · {n, plural, one {# step} other {# steps}}')).toEqual(['Start']);
  });

  it('words no concept two ways in Vietnamese (the lecturer’s review, issue 10)', () => {
    const all = Object.entries(vi);
    const using = (re: RegExp) => all.filter(([, v]) => re.test(v)).map(([k]) => k);
    // The add gate passes the gradient on, it does not divide it.
    expect(vi['gate.add']).toMatch(/chuyển nguyên vẹn gradient tới mọi đầu vào/);
    // The upstream gradient comes from the output side; "phía trên" is where values are drawn.
    expect(using(/phía trên|từ trên/)).toEqual([]);
    expect(vi['formula.upstreamTimesLocal']).toContain('gradient từ phía đầu ra');
    expect(vi['gate.mul']).toContain('gradient từ phía đầu ra');
    // lỗi is a program error only: the layer errors E_o, E_h are sai số.
    expect(using(/\blỗi\b/u)).toEqual([]);
    expect(vi['note.outputError']).toContain('sai số');
    // "chi phí" is the notes' cost function, not a count of operations.
    expect(using(/chi phí/)).toEqual([]);
    // lớp is a layer: a classifier's classes are nhãn.
    expect(vi['example.softmax.title']).not.toContain('lớp');
    // The loss, as a word of prose, is Vietnamese; no bare English "loss".
    expect(using(/\bloss\b/i)).toEqual([]);
    expect(vi['train.iteration']).toBe('Lần lặp');
    expect([vi['phase.forward'], vi['phase.backward']]).toEqual(['lượt xuôi', 'lượt ngược']);
    expect(using(/vế phải|đạo hàm dưới|Dấu chấm nghĩa/)).toEqual([]);
    expect(using(/đạo hàm riêng/).length).toBeGreaterThan(2);
    // One tone placement throughout (new style: xóa, lũy).
    expect(using(/\p{L}*(oá|oà|oả|oã|oạ|uý|uỳ|uỷ|uỹ|uỵ)(?!\p{L})/u)).toEqual([]);
    // Every sentence of the narration ends, so the next one does not run into it.
    for (const k of ['forwardEdge', 'forwardNode', 'seed', 'backwardEdge'] as const) {
      expect(en[`narrate.${k}`]).toMatch(/\.$/);
      expect(vi[`narrate.${k}`]).toMatch(/\.$/);
    }
  });

  it('Vietnamese loads on demand, then translate fills slots in the chosen language', async () => {
    const seen: number[] = [];
    const stop = subscribeTables(() => seen.push(tablesVersion()));
    if (!hasTable('vi')) {
      // Until it has loaded, Vietnamese falls back to English rather than to a key.
      expect(translate('vi', 'controls.counter', { k: 3, n: 11 })).toBe('Step 3 of 11');
    }
    await loadTable('vi');
    stop();
    expect(hasTable('vi')).toBe(true);
    expect(seen.length).toBeLessThanOrEqual(1);
    expect(translate('vi', 'controls.counter', { k: 3, n: 11 })).toBe('Bước 3 / 11');
    expect(translate('en', 'controls.counter', { k: 3, n: 11 })).toBe('Step 3 of 11');
    expect(translate('vi', 'error.arity1', { name: 'exp', got: 2 })).toBe(
      '`exp` nhận một đối số, nhưng lại có 2.',
    );
  });
});

describe('plurals', () => {
  beforeAll(() => loadTable('vi'));

  it('English says one thing in the singular', () => {
    expect(translate('en', 'controls.counterStart', { n: 1 })).toBe('Start · 1 step');
    expect(translate('en', 'controls.counterStart', { n: 11 })).toBe('Start · 11 steps');
    expect(translate('en', 'controls.counterStart', { n: 0 })).toBe('Start · 0 steps');
    expect(translate('en', 'train.stoppedLoss', { steps: 1, eps: '0.01' })).toBe(
      'Stopped after 1 step: the loss is below 0.01.',
    );
    expect(translate('en', 'train.stoppedSteps', { steps: 1 })).toBe('Ran 1 step.');
    expect(translate('en', 'train.curve', { first: 1, last: 0.5, steps: 1 })).toBe(
      'Loss from 1 to 0.5 after 1 step',
    );
    expect(translate('en', 'train.curve', { first: 1, last: 0.5, steps: 9 })).toBe(
      'Loss from 1 to 0.5 over 9 steps',
    );
    expect(translate('en', 'modes.ops', { ops: 1 })).toBe('1 edge operation');
    expect(translate('en', 'modes.opsBound', { ops: 1 })).toBe('at most 1 edge operation');
    expect(translate('en', 'modes.compare', { n: 1 })).toBe(
      'Cost of the derivative with respect to the only input',
    );
    expect(translate('en', 'modes.compare', { n: 3 })).toBe(
      'Cost of the derivative with respect to all 3 inputs',
    );
    expect(translate('en', 'modes.passes', { n: 1 })).toBe('1 pass');
    expect(translate('en', 'formula.forkProgress', { arrived: 1, count: 2 })).toBe(
      '1 of 2 shares has arrived.',
    );
    expect(translate('en', 'formula.forkProgress', { arrived: 2, count: 2 })).toBe(
      '2 of 2 shares have arrived.',
    );
  });

  it('selects on a count passed formatted, and writes it as passed', () => {
    expect(translate('en', 'paths.count', { count: '1' })).toBe('1 path');
    expect(translate('en', 'paths.count', { count: '1,024' })).toBe('1,024 paths');
  });

  it('Vietnamese does not inflect, but words the case of one', () => {
    expect(translate('vi', 'controls.counterStart', { n: 1 })).toBe('Bắt đầu · 1 bước');
    expect(translate('vi', 'modes.compare', { n: 1 })).toBe(
      'Số phép tính để có đạo hàm theo đầu vào duy nhất',
    );
    expect(translate('vi', 'modes.compare', { n: 4 })).toBe(
      'Số phép tính để có đạo hàm theo cả 4 đầu vào',
    );
  });

  it('every template reads out whole for counts 0, 1, 2 and 21, in both languages', () => {
    for (const lang of ['en', 'vi'] as const) {
      for (const key of enKeys as UiKey[]) {
        for (const count of [0, 1, 2, 21]) {
          const params = Object.fromEntries(slots(en[key]).map((s) => [s, count]));
          const text = translate(lang, key, params);
          expect(text, `${lang} ${key}`).not.toMatch(/plural|[{}]/);
          if (en[key].includes(', plural,')) expect(text, `${lang} ${key}`).not.toContain('#');
        }
      }
    }
  });
});

describe('language preference', () => {
  const env = (saved: string | null, languages: string[]) => {
    const store = new Map<string, string>(saved === null ? [] : [[LANG_STORAGE_KEY, saved]]);
    const localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    } as unknown as Storage;
    const navigator = { languages, language: languages[0] ?? '' } as unknown as Navigator;
    return { localStorage, navigator };
  };

  it('uses the remembered choice first', () => {
    expect(preferredLang(env('vi', ['en-US']))).toBe('vi');
    expect(preferredLang(env('en', ['vi-VN']))).toBe('en');
  });

  it('ignores a remembered value that is not a language', () => {
    expect(preferredLang(env('fr', ['vi-VN']))).toBe('vi');
  });

  it('else follows the browser: vi* is Vietnamese, the first known language decides', () => {
    expect(preferredLang(env(null, ['vi']))).toBe('vi');
    expect(preferredLang(env(null, ['fr-FR', 'vi-VN', 'en']))).toBe('vi');
    expect(preferredLang(env(null, ['en-GB', 'vi']))).toBe('en');
    expect(preferredLang(env(null, ['de-DE']))).toBe('en');
    expect(preferredLang(env(null, []))).toBe('en');
  });

  it('remembers an explicit choice, and survives storage that throws', () => {
    const e = env(null, ['en']);
    rememberLang(e, 'vi');
    expect(preferredLang(e)).toBe('vi');
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    } as unknown as Storage;
    expect(() => rememberLang({ localStorage: broken }, 'vi')).not.toThrow();
    expect(preferredLang({ localStorage: broken, navigator: e.navigator })).toBe('en');
  });
});
