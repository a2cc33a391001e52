import { DEFAULT_EXAMPLE, exampleById } from '../examples';
import { DEFAULT_PRACTICE } from './practice';
import { DEFAULT_TRAINING } from './training';
import type { AppState, Settings } from './types';

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  lang: 'en',
  speed: 1,
  showFormula: true,
  sidebar: true,
  mode: 'normal',
  ad: 'reverse',
  wrt: null,
};

/** Base duration of one step's animation at speed 1, in milliseconds. */
export const STEP_MS = 900;

/** Pause after the last keystroke before the program is analysed again. */
export const TYPING_DEBOUNCE_MS = 90;

export const SPEEDS = [0.5, 1, 2, 4] as const;

export function initialState(overrides: Partial<AppState> = {}): AppState {
  return {
    source: exampleById(DEFAULT_EXAMPLE)!.source,
    values: {},
    analysis: null,
    layout: null,
    error: null,
    layingOut: false,
    stepIndex: 0,
    playing: false,
    selected: null,
    hovered: null,
    hoverNode: null,
    settings: DEFAULT_SETTINGS,
    example: DEFAULT_EXAMPLE,
    ignored: [],
    pathsFrom: null,
    shortcutsOpen: false,
    training: DEFAULT_TRAINING,
    reading: {},
    practice: DEFAULT_PRACTICE,
    collapsed: [],
    seed: 0,
    tensorEntry: null,
    expandedFrom: null,
    ...overrides,
  };
}
