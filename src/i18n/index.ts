import { fillTemplate, type MessageParams } from '../engine/messages';
import type { Lang } from '../state/types';
import { en, type UiKey } from './en';

export type { UiKey };
export type Table = Readonly<Record<UiKey, string>>;

// English is the fallback and ships with the page; other languages load when chosen (Vietnamese
// is 7 KB gzipped that an English visit never needs). The page waits for the chosen table before
// React first renders (src/boot.ts), so a `?lang=vi` visit does not flash English.
const tables: Partial<Record<Lang, Table>> = { en };
const loaders: Record<Exclude<Lang, 'en'>, () => Promise<Table>> = {
  vi: () => import('./vi').then((m) => m.vi),
};
const loading = new Map<Lang, Promise<void>>();
let version = 0;
const listeners = new Set<() => void>();

/** Registers a language's table; views that translate re-render (see `useT`). */
export function registerTable(lang: Lang, table: Table): void {
  tables[lang] = table;
  version++;
  for (const listener of listeners) listener();
}

/** Loads `lang`'s table if it is not there yet; resolves once it is. */
export function loadTable(lang: Lang): Promise<void> {
  if (lang === 'en' || tables[lang]) return Promise.resolve();
  let promise = loading.get(lang);
  if (!promise) {
    promise = loaders[lang]().then((table) => registerTable(lang, table));
    loading.set(lang, promise);
    // A failed load (offline) may be retried when the language is chosen again.
    promise.catch(() => loading.delete(lang));
  }
  return promise;
}

/** For `useSyncExternalStore`: changes whenever a table arrives. */
export function subscribeTables(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const tablesVersion = (): number => version;

export const hasTable = (lang: Lang): boolean => tables[lang] !== undefined;

/** A string in `lang`, with `{name}` slots filled; English where the table is not loaded yet. */
export function translate(lang: Lang, key: UiKey, params: MessageParams = {}): string {
  const table = tables[lang];
  const template = table?.[key];
  return fillTemplate(plurals(template ? lang : 'en', template ?? en[key], params), params);
}

/**
 * ICU's plural form, the part of it the tables use: `{n, plural, one {# step} other {# steps}}`
 * picks the form `Intl.PluralRules` names for `n` in the table's language (Vietnamese has only
 * `other`; English `one` and `other`), and `#` becomes the count as passed (`1,024` stays so).
 * A form may hold plain `{slots}`.
 */
const PLURAL = /\{(\w+), plural,((?:\s*[\w=]+\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const FORM = /([\w=]+)\s*\{((?:[^{}]|\{\w+\})*)\}/g;
const rules = new Map<Lang, Intl.PluralRules>();

function plurals(lang: Lang, template: string, params: MessageParams): string {
  if (!template.includes(', plural,')) return template;
  return template.replace(PLURAL, (whole, name: string, body: string) => {
    const raw = params[name];
    if (raw === undefined) return whole;
    // A count may arrive formatted with group separators (`1,024`): select on its value.
    const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/,/g, ''));
    let rule = rules.get(lang);
    if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)));
    const forms = new Map([...body.matchAll(FORM)].map((m) => [m[1], m[2]]));
    const form = forms.get(`=${n}`) ?? forms.get(rule.select(n)) ?? forms.get('other') ?? whole;
    return form.replace(/#/g, String(raw));
  });
}

export type Translate = (key: UiKey, params?: MessageParams) => string;
