import { useEffect, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { AppStore, Settings } from '../../state/types';
import { dialogOpen, leavePresentation, togglePresentation } from './presentation';

/** Controls that fade out in presentation mode when the pointer rests. */
export const FADING_CONTROLS = '.step-controls, .present-bar, .graph-tools, .export-tools';

/** How long the pointer must rest before the presentation controls fade. */
export const IDLE_MS = 2500;

const NON_TEXT_INPUTS = new Set([
  'range',
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'color',
]);

/** Elements where letters and `?` are typed, not shortcuts: text fields and menus (type-ahead). */
function takesLetters(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/**
 * The classroom keys, in every mode unless noted: `?` opens the shortcut list, `P` enters or leaves
 * presentation mode (not when embedded), `F` shows or hides the formula panel (presentation and
 * embed), `Esc` leaves presentation mode when no dialog is open. Also keeps the mode on <html>
 * (`data-mode`) so rem-based type can grow, and follows the browser leaving full screen by itself.
 */
export function usePresentationKeys(store: StoreApi<AppStore>, mode: Settings['mode']): void {
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const s = store.getState();
      // Esc first: it must work from the scrubber or the speed menu too, but an open dialog
      // closes on it by itself and takes precedence.
      if (e.key === 'Escape') {
        if (s.settings.mode === 'present' && !dialogOpen()) {
          e.preventDefault();
          leavePresentation(store);
        }
        return;
      }
      if (takesLetters(e.target) || dialogOpen()) return;
      switch (e.key) {
        case '?':
          s.setShortcutsOpen(true);
          break;
        case 'f':
        case 'F':
          if (s.settings.mode === 'normal') return;
          s.setSettings({ showFormula: !s.settings.showFormula });
          break;
        case 'p':
        case 'P':
          if (s.settings.mode === 'embed') return;
          togglePresentation(store);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    // Esc in real full screen is taken by the browser: it leaves full screen and the page only
    // hears `fullscreenchange`. Follow it out of presentation mode, unless Esc was closing a dialog.
    const fullscreenChanged = () => {
      if (!document.fullscreenElement && store.getState().settings.mode === 'present') {
        if (!dialogOpen()) store.getState().setSettings({ mode: 'normal' });
      }
    };
    window.addEventListener('keydown', down);
    document.addEventListener('fullscreenchange', fullscreenChanged);
    return () => {
      window.removeEventListener('keydown', down);
      document.removeEventListener('fullscreenchange', fullscreenChanged);
    };
  }, [store]);

  useEffect(() => {
    // On <html> because the type scale is in rem: the root font size is what must grow.
    document.documentElement.dataset.mode = mode;
  }, [mode]);
}

/**
 * True after `ms` without pointer movement, key presses or focus changes, while `enabled`. Never
 * true while a keyboard user's focus ring is inside the fading controls: they must see where they
 * are. Any movement or key brings the controls back at once.
 */
export function useIdle(enabled: boolean, ms = IDLE_MS): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const active = document.activeElement;
      if (
        active instanceof Element &&
        active.closest(FADING_CONTROLS) !== null &&
        active.matches(':focus-visible')
      ) {
        arm();
        return;
      }
      setIdle(true);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(check, ms);
    };
    const wake = () => {
      setIdle(false);
      arm();
    };
    const events = ['pointermove', 'pointerdown', 'keydown', 'focusin', 'wheel', 'touchstart'];
    for (const name of events) window.addEventListener(name, wake, { passive: true });
    arm();
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, wake);
      setIdle(false);
    };
  }, [enabled, ms]);
  return enabled && idle;
}
