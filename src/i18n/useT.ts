import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useApp } from '../state/appStore';
import { loadTable, subscribeTables, tablesVersion, translate, type Translate } from './index';

/**
 * The translate function for the current language. Asks for the language's table if it has not
 * loaded, and changes identity when it arrives, so what was drawn in English while it loaded is
 * drawn again.
 */
export function useT(): Translate {
  const lang = useApp((s) => s.settings.lang);
  const version = useSyncExternalStore(subscribeTables, tablesVersion, tablesVersion);
  useEffect(() => {
    loadTable(lang).catch(() => {
      // Offline and never loaded: the interface stays in English.
    });
  }, [lang]);
  return useCallback<Translate>(
    (key, params) => translate(lang, key, params),
    // `version` is read by translate through the tables it registered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lang, version],
  );
}
