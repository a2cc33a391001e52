import { useCallback } from 'react';
import { useApp } from '../state/appStore';
import { translate, type Translate } from './index';

/** The translate function for the current language. */
export function useT(): Translate {
  const lang = useApp((s) => s.settings.lang);
  return useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
}
