import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createLayoutClient } from '../layout';
// Bundled with the first graph rather than fetched after it: every first graph needs it, and a
// small graph's layout is then ready in the same task as its analysis.
import { layoutGraph } from '../layout/layoutGraph';
import { layoutSize } from '../layout/nodeSize';
import { createAppStore } from './store';
import type { AppState, AppStore } from './types';

const layoutClient = createLayoutClient({ inline: layoutGraph });

/** The app's one store, wired to the real layout client (a worker for large graphs). */
export const appStore = createAppStore({
  layout: (input) => layoutClient.layoutNow(input) ?? layoutClient.layout(input),
  sizeOf: layoutSize,
});

/** Reads a slice of the store; re-renders only when that slice changes (shallowly). */
export function useApp<T>(selector: (s: AppStore) => T): T {
  return useStore(appStore, useShallow(selector));
}

export type { AppState, AppStore };
