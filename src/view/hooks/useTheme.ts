import { useEffect } from 'react';
import type { Theme } from '../../state/types';
import { useMediaQuery } from './useMediaQuery';

/** Sets `data-theme` on <html> to light or dark: the chosen theme, or the system's. */
export function useTheme(theme: Theme): 'light' | 'dark' {
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const resolved = resolveTheme(theme, systemDark);
  useEffect(() => {
    const html = document.documentElement;
    if (html.dataset.theme !== resolved) html.dataset.theme = resolved;
  }, [resolved]);
  return resolved;
}

/** The theme to show: the chosen one, or the system's when the choice is "system". */
export function resolveTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}
