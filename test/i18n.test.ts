import { describe, expect, it } from 'vitest';
import { engineMessages } from '../src/engine';
import {
  hasTable,
  loadTable,
  subscribeTables,
  tablesVersion,
  translate,
  type UiKey,
} from '../src/i18n';
import { en } from '../src/i18n/en';
import { LANG_STORAGE_KEY, preferredLang, rememberLang } from '../src/i18n/langPreference';
import { vi } from '../src/i18n/vi';

/** The `{name}` slots of a template, sorted and deduplicated. */
const slots = (template: string): string[] =>
  [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

const withoutSlots = (template: string): string => template.replace(/\{\w+\}/g, '');

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

  it('vi is actually translated: values with words differ from English', () => {
    // Titles made of names and symbols (`cs231n: x · y`, the product name) may stay the same;
    // anything with two or more English words of prose must not.
    const prose = enKeys.filter(
      (k) => (withoutSlots(en[k as UiKey]).match(/\b[a-z]{3,}\b/g) ?? []).length >= 2,
    );
    const same = prose.filter((k) => en[k as UiKey] === vi[k as UiKey]);
    expect(same).toEqual([]);
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
