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
  const table = tables[lang] ?? en;
  return fillTemplate(table[key] ?? en[key], params);
}

export type Translate = (key: UiKey, params?: MessageParams) => string;
