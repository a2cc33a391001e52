import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { practicePending } from '../../state/practice';
import type { AppStore } from '../../state/types';

/** Elements whose own keys must win: typing, choosing, sliding. */
export function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'INPUT';
}

/**
 * ←/→ step, Space plays or pauses, Home/End go to the start or the end. Works wherever focus is,
 * except inside fields that use those keys themselves.
 */
export function useStepKeys(store: StoreApi<AppStore>): void {
  useEffect(() => {
    let spaceHandled = false;
    const down = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return;
      // A modal dialog (shortcut list, syntax help) is in front: the graph behind must not move.
      if (document.querySelector('dialog[open]')) return;
      const s = store.getState();
      switch (e.key) {
        case 'ArrowRight':
          s.stepBy(1);
          break;
        case 'ArrowLeft':
          s.stepBy(-1);
          break;
        case ' ':
          // Practice: while a question is open nothing plays, so Space presses the focused
          // button (Check, Show answer) as it normally would.
          if (practicePending(s)) return;
          // A focused button would also "click" on Space; the shortcut takes it instead.
          spaceHandled = true;
          s.togglePlay();
          break;
        case 'Home':
          s.reset();
          break;
        case 'End':
          s.jumpToEnd();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === ' ' && spaceHandled) {
        spaceHandled = false;
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, [store]);
}
