import { fillTemplate, type MessageParams } from '../engine/messages';
import type { Lang } from '../state/types';
import { en, type UiKey } from './en';

export type { UiKey };
export type Table = Readonly<Record<UiKey, string>>;

// English is the fallback and ships with the page; other languages load when chosen (Vietnamese
// is 7 KB gzipped that an English visit never needs). The page waits for the chosen table before
// React first renders (src/boot.ts), so a `?lang=vi` visit does not flash English.
/** English: what the page ships, plus the lessons' strings once a lesson panel has loaded. */
const english: Partial<Record<UiKey, string>> = { ...en };
const tables: Partial<Record<Lang, Partial<Table>>> = { en: english };
/** The example programs' comments, by their English text (see `exampleSource`). */
const comments: Partial<Record<Lang, Readonly<Record<string, string>>>> = {};
const loaders: Record<Exclude<Lang, 'en'>, () => Promise<Table>> = {
  vi: () =>
    import('./vi').then((m) => {
      comments.vi = m.viComments;
      return m.vi;
    }),
};
const loading = new Map<Lang, Promise<void>>();
let version = 0;
const listeners = new Set<() => void>();

/** Adds English strings that load with the modules using them (`enLater.ts`). */
export function registerEnglish(strings: Partial<Table>): void {
  Object.assign(english, strings);
}

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
  const template = tables[lang]?.[key];
  const text = template ?? english[key] ?? key;
  return plurals(template ? lang : 'en', fillTemplate(text, params), params);
}

/** An example program's comment in `lang`; as it is where there is no translation (yet). */
export const translateComment = (lang: Lang, text: string): string =>
  comments[lang]?.[text] ?? text;

/**
 * ICU's plural form, the part of it the tables use: `{n, plural, one {# step} other {# steps}}`
 * picks the form `Intl.PluralRules` names for `n` in the table's language (English has `one` and
 * `other`, Vietnamese only `other`), or an exact `=1`; `#` becomes the count as passed (`1,024`
 * stays so). Plain slots are filled first, so a form may hold them.
 */
function plurals(lang: Lang, text: string, params: MessageParams): string {
  return text.replace(
    /\{(\w+), plural,((?: =?\w+ \{[^{}]*\})+)\}/g,
    (whole, name: string, body) => {
      const raw = String(params[name]);
      // A count may arrive formatted with group separators (`1,024`): select on its value.
      const n = Number(raw.replace(/,/g, ''));
      const forms = new Map([...body.matchAll(/(=?\w+) \{([^}]*)\}/g)].map((m) => [m[1], m[2]]));
      const form = forms.get(`=${n}`) ?? forms.get(new Intl.PluralRules(lang).select(n));
      return (form ?? forms.get('other') ?? whole).replace(/#/g, raw);
    },
  );
}

export type Translate = (key: UiKey, params?: MessageParams) => string;
