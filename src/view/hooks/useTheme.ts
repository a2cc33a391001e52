import { useEffect } from 'react';
import type { Theme } from '../../state/types';
import { useMediaQuery } from './useMediaQuery';

/** Sets `data-theme` on <html> to light or dark: the chosen theme, or the system's. */
export function useTheme(theme: Theme): 'light' | 'dark' {
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const resolved = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
  return resolved;
}
