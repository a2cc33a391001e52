import { lazy, Suspense } from 'react';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';

// The list itself loads when it is first opened.
const ShortcutsCard = lazy(() =>
  import('./ShortcutsCard').then((m) => ({ default: m.ShortcutsCard })),
);

/** The small "?" button that opens the shortcut list (the `?` key does too). */
export function ShortcutsButton() {
  const t = useT();
  const open = useApp((s) => s.setShortcutsOpen);
  return (
    <button
      type="button"
      className="icon-button shortcuts-button"
      title={`${t('shortcuts.open')} (?)`}
      aria-keyshortcuts="?"
      onClick={() => open(true)}
    >
      <span aria-hidden="true" className="shortcuts-glyph">
        ?
      </span>
      <span className="visually-hidden">{t('shortcuts.open')}</span>
    </button>
  );
}

/** The shortcut list as a modal dialog; Esc or Close shuts it and focus returns where it was. */
export function ShortcutsDialog() {
  const open = useApp((s) => s.shortcutsOpen);
  return open ? (
    <Suspense fallback={null}>
      <ShortcutsCard />
    </Suspense>
  ) : null;
}
