import type { Lang } from '../state/types';

/** Where the person's explicit choice of language is kept between visits. */
export const LANG_STORAGE_KEY = 'backprop-lens:lang';

type Env = Pick<Window, 'localStorage' | 'navigator'>;

const isLang = (v: unknown): v is Lang => v === 'en' || v === 'vi';

/**
 * The language to open in when the link does not say: the choice remembered from an earlier
 * visit, else the browser's language (any `vi…` is Vietnamese), else English. A link's `lang=`
 * is applied afterwards by the URL sync, so it wins over both.
 */
export function preferredLang(env: Env): Lang {
  try {
    const saved = env.localStorage.getItem(LANG_STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage disabled (some private windows): fall through to the browser's language.
  }
  const wanted = env.navigator.languages?.length
    ? env.navigator.languages
    : [env.navigator.language];
  for (const tag of wanted) {
    const base = (tag ?? '').toLowerCase().split('-')[0];
    if (base === 'vi') return 'vi';
    // The first language the browser lists that we have decides; English is one of them.
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** Keeps an explicit choice made in the header, so the next visit opens in it. */
export function rememberLang(env: Pick<Window, 'localStorage'>, lang: Lang): void {
  try {
    env.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage full or disabled: the choice still holds for this visit and travels in the URL.
  }
}
