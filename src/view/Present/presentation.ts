import type { StoreApi } from 'zustand';
import type { AppStore } from '../../state/types';

/**
 * Enters presentation mode: large type, graph + steps + formula only. Full screen is asked for
 * but never required: headless browsers, iframes without `allow="fullscreen"` and people who
 * refuse it still get the presentation layout.
 */
export function enterPresentation(store: StoreApi<AppStore>): void {
  const root = document.documentElement;
  if (!document.fullscreenElement && typeof root.requestFullscreen === 'function') {
    try {
      root.requestFullscreen().catch(() => undefined);
    } catch {
      // Older engines throw instead of rejecting; the layout change below is what matters.
    }
  }
  store.getState().setSettings({ mode: 'present' });
}

/** Leaves presentation mode and, if the page is full screen, full screen too. */
export function leavePresentation(store: StoreApi<AppStore>): void {
  if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
    document.exitFullscreen().catch(() => undefined);
  }
  store.getState().setSettings({ mode: 'normal' });
  // The Present button that started it is back in the header: give it the focus a keyboard user
  // lost when the presentation toolbar went away (only if the focus is nowhere useful).
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) {
      document.querySelector<HTMLElement>('[data-present-button]')?.focus();
    }
  });
}

export function togglePresentation(store: StoreApi<AppStore>): void {
  if (store.getState().settings.mode === 'present') leavePresentation(store);
  else enterPresentation(store);
}

/** A modal dialog (shortcut list, syntax help, QR code…) is open: it owns Esc and the keys. */
export function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
