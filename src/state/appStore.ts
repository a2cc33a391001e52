import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createLayoutClient } from '../layout';
import { layoutSize } from '../view/graph/geometry';
import { createAppStore } from './store';
import type { AppState, AppStore } from './types';

const layoutClient = createLayoutClient();

/** The app's one store, wired to the real layout client (a worker for large graphs). */
export const appStore = createAppStore({
  layout: (input) => layoutClient.layout(input),
  sizeOf: layoutSize,
});

/** Reads a slice of the store; re-renders only when that slice changes (shallowly). */
export function useApp<T>(selector: (s: AppStore) => T): T {
  return useStore(appStore, useShallow(selector));
}

export type { AppState, AppStore };
