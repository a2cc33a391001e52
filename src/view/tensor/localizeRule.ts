import type { Translate, UiKey } from '../../i18n';

/**
 * The tensor engine writes a few words inside its rules (`\sum_{\text{rows}}`, "sum of 4×3",
 * "spread back"): the engine has no language, so the view puts them in the reader's. English
 * is left as written; the keys are the engine's words.
 */
const TEX_WORDS: Readonly<Record<string, UiKey>> = {
  all: 'tensorWord.all',
  rows: 'tensorWord.rows',
  row: 'tensorWord.row',
  columns: 'tensorWord.columns',
};

export function localizeRule(s: string, t: Translate): string {
  return s
    .replace(/\\text\{(all|rows|row|columns)\}/g, (_, w: string) => `\\text{${t(TEX_WORDS[w])}}`)
    .replace(/\bsum over (all|rows|columns) of\b/g, (_, w: string) =>
      t('tensorWord.sumOver', { what: t(TEX_WORDS[w]) }),
    )
    .replace(/\bsum of\b/g, t('tensorWord.sumOf'))
    .replace(/\bspread back\b/g, t('tensorWord.spreadBack'));
}
