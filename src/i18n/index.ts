import { fillTemplate, type MessageParams } from '../engine/messages';
import type { Lang } from '../state/types';
import { en, type UiKey } from './en';
import { vi } from './vi';

export type { UiKey };
export type Table = Readonly<Record<UiKey, string>>;

// Vietnamese is bundled statically: it is a few KB gzipped, and loading it lazily would flash
// English on a `?lang=vi` first paint.
const tables: Partial<Record<Lang, Table>> = { en, vi };

/** Registers a language's table (kept for languages added later that are loaded on demand). */
export function registerTable(lang: Lang, table: Table): void {
  tables[lang] = table;
}

export const hasTable = (lang: Lang): boolean => tables[lang] !== undefined;

/** A string in `lang`, with `{name}` slots filled; English where the table is not loaded yet. */
export function translate(lang: Lang, key: UiKey, params: MessageParams = {}): string {
  const table = tables[lang] ?? en;
  return fillTemplate(table[key] ?? en[key], params);
}

export type Translate = (key: UiKey, params?: MessageParams) => string;
