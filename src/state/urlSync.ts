import type { StoreApi } from 'zustand';
import type { AppState, AppStore } from './types';
import { isName } from '../engine/lexer';
import { groupsOf } from './groups';
import { usesRandn } from '../engine/tensor/hook';
import {
  decodeUrl,
  encodeUrl,
  hasLzParam,
  loadLz,
  needsLz,
  URL_LIMITS,
  type UrlState,
} from './url';

export const STORAGE_KEY = 'backprop-lens:last-program';
/** Trailing pause before the URL follows typing, sliders or playback (browsers throttle history). */
const REPLACE_DELAY_MS = 150;
/**
 * The same for a long program (its link is a few kilobytes): Chromium takes 4–45 ms to replace
 * so long a URL, which stepping or playback at 2,000 nodes would pay on every step. Written once
 * the steps pause.
 */
const LONG_REPLACE_DELAY_MS = 1000;

/** The part of the state a link carries. */
export function urlStateOf(s: AppState): UrlState {
  const a = s.analysis;
  // Only values of the program's own free inputs travel: the text holds the declared ones.
  const free =
    a && a.source === s.source
      ? new Set(a.inputs.filter((i) => !i.declared).map((i) => i.name))
      : null;
  const values = Object.fromEntries(
    Object.entries(s.values).filter(([name]) => !free || free.has(name)),
  );
  return {
    source: s.source,
    values,
    step: s.stepIndex,
    lang: s.settings.lang,
    theme: s.settings.theme,
    ...(s.settings.mode !== 'normal' ? { mode: s.settings.mode } : {}),
    showFormula: s.settings.showFormula,
    speed: s.settings.speed,
    ad: s.settings.ad,
    ...(s.settings.wrt !== null ? { wrt: s.settings.wrt } : {}),
    ...(s.practice.on ? { practice: true } : {}),
    ...(s.collapsed.length > 0 ? { collapsed: collapsedParam(s) } : {}),
    ...(Object.keys(s.reading).length > 0 ? { reading: s.reading } : {}),
    // Only a program that draws random numbers carries its seed: other links stay as they were.
    ...(s.seed !== 0 && usesRandn(s.source) ? { seed: s.seed } : {}),
  };
}

/** Every group collapsed travels as `collapse=*`: a big network's link stays short. */
function collapsedParam(s: AppState): string[] {
  const all = s.analysis ? groupsOf(s.analysis).length : -1;
  return s.collapsed.length === all && all > 1 ? ['*'] : [...s.collapsed];
}

/** The link that reopens exactly this picture. */
export function shareUrl(s: AppState, location: Pick<Location, 'origin' | 'pathname'>): string {
  const { mode: _mode, ...rest } = urlStateOf(s);
  return `${location.origin}${location.pathname}${encodeUrl(rest)}`;
}

/**
 * Keeps the address bar and the store in step: the page opens what its URL says (else the last
 * program kept in local storage, else the built-in example); every change replaces the URL, a new
 * example pushes one, so Back and Forward move between examples.
 */
export function startUrlSync(store: StoreApi<AppStore>, win: Window = window): () => void {
  // An `lz=` link can only be read once lz-string has loaded: callers await `loadLz()` first
  // when `hasLzParam(location.search)` (src/boot.ts does).
  const { state, ignored } = decodeUrl(win.location.search);
  if (state.source === undefined) {
    const saved = loadSaved(win);
    if (saved) {
      state.source = saved.source;
      state.values = { ...saved.values, ...state.values };
      if (state.seed === undefined && saved.seed !== undefined) state.seed = saved.seed;
    }
  }
  store.getState().hydrate(state, ignored);
  let written = win.location.search;
  let timer: ReturnType<typeof setTimeout> | undefined;

  let saved: Pick<AppState, 'source' | 'values'> | undefined;
  const write = (push: boolean) => {
    clearTimeout(timer);
    const s = store.getState();
    const state = urlStateOf(s);
    // A long program travels compressed: fetch the compressor first (once), then write.
    if (needsLz(state)) {
      loadLz().then(
        () => write(push),
        () => undefined,
      );
      return;
    }
    const search = encodeUrl(state);
    // A step changes neither the program nor its values: a long program is not stored again.
    if (saved?.source !== s.source || saved.values !== s.values) {
      save(win, s);
      saved = { source: s.source, values: s.values };
    }
    if (search === written) return;
    written = search;
    const url = `${win.location.pathname}${search}${win.location.hash}`;
    if (push) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.source === prev.source &&
      s.values === prev.values &&
      s.stepIndex === prev.stepIndex &&
      s.settings === prev.settings &&
      s.analysis === prev.analysis &&
      s.practice.on === prev.practice.on &&
      s.collapsed === prev.collapsed &&
      s.reading === prev.reading &&
      s.seed === prev.seed
    ) {
      return;
    }
    if (s.example !== prev.example && s.example !== null) write(true);
    else {
      clearTimeout(timer);
      const long = s.source.length > URL_LIMITS.readable;
      timer = setTimeout(() => write(false), long ? LONG_REPLACE_DELAY_MS : REPLACE_DELAY_MS);
    }
  });
  const onPop = () => {
    clearTimeout(timer);
    const search = win.location.search;
    const open = () => {
      if (win.location.search !== search) return; // moved on meanwhile
      const next = decodeUrl(search);
      written = search;
      store.getState().hydrate(next.state, next.ignored);
    };
    if (hasLzParam(search)) loadLz().then(open, open);
    else open();
  };
  win.addEventListener('popstate', onPop);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}

function loadSaved(
  win: Window,
): { source: string; values: Record<string, number>; seed?: number } | undefined {
  try {
    const raw = win.localStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return undefined;
    const { source, values, seed } = data as { source?: unknown; values?: unknown; seed?: unknown };
    if (typeof source !== 'string' || source.length > 20_000) return undefined;
    const clean: Record<string, number> = {};
    if (typeof values === 'object' && values !== null) {
      for (const [k, v] of Object.entries(values)) {
        if (isName(k) && typeof v === 'number' && Number.isFinite(v)) {
          Object.defineProperty(clean, k, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
    }
    // The seed of randn (issue 14), if a valid one was kept: what a link's `seed=` accepts.
    const kept =
      typeof seed === 'number' && Number.isInteger(seed) && seed > 0 && seed <= 999_999_999
        ? { seed }
        : {};
    return { source, values: clean, ...kept };
  } catch {
    return undefined;
  }
}

function save(win: Window, s: AppState) {
  if (s.settings.mode === 'embed') return; // an embedded copy must not overwrite the reader's own work
  try {
    win.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ source: s.source, values: s.values, ...(s.seed ? { seed: s.seed } : {}) }),
    );
  } catch {
    // Storage full or disabled (private windows): the URL still holds the program.
  }
}
