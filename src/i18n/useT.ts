import { useCallback, useSyncExternalStore } from 'react';
import { useApp } from '../state/appStore';
import { subscribeTables, tablesVersion, translate, type Translate } from './index';

/**
 * The translate function for the current language. Changes identity when a table arrives (App
 * asks for the chosen one), so what was drawn in English while it loaded is drawn again.
 */
export function useT(): Translate {
  const lang = useApp((s) => s.settings.lang);
  const version = useSyncExternalStore(subscribeTables, tablesVersion, tablesVersion);
  return useCallback<Translate>(
    (key, params) => translate(lang, key, params),
    // `version` is read by translate through the tables it registered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lang, version],
  );
}
