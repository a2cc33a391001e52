import type { Analysis, MessageKey, MessageParams } from '../engine';
import type { Tensor } from '../engine/tensor/types';
import type { ExampleId } from '../examples';
import type { LayoutResult } from '../layout/types';
import type { PracticeActions, PracticeState } from './practice';
import type { TrainingActions, TrainingState } from './training';
import type { Ignored, UrlState } from './url';

export type Theme = 'system' | 'light' | 'dark';
export type Lang = 'en' | 'vi';

export interface Settings {
  theme: Theme;
  lang: Lang;
  /** Playback speed multiplier: 1 plays a step in STEP_MS. */
  speed: number;
  /** Show the formula panel (presentation mode can hide it). */
  showFormula: boolean;
  /** Show the side panel (editor, inputs, lessons); hidden, the graph takes its width. */
  sidebar: boolean;
  /** `present`: full screen, large type, controls that hide; `embed`: graph, steps, formula only. */
  mode: 'normal' | 'present' | 'embed';
  /** Reverse mode (the backward pass) or forward mode, whose tangents flow with the values. */
  ad: 'reverse' | 'forward';
  /** The input forward mode differentiates with respect to; null (or unknown) means the first. */
  wrt: string | null;
}

/** A located problem with the text in the editor, in a form any language can word. */
export interface SourceError {
  code: MessageKey;
  params: MessageParams;
  message: string;
  start: number;
  end: number;
}

export type Selection = { kind: 'node'; id: number } | { kind: 'edge'; id: number } | null;

export interface AppState {
  /** What is in the editor now, valid or not. */
  source: string;
  /** Input values the person set; they override what the program declares. */
  values: Record<string, number>;
  /** The last program that analysed, and the layout of its graph: always a matching pair. */
  analysis: Analysis | null;
  layout: LayoutResult | null;
  /** Problem with `source`; the last good graph stays on screen while it is set. */
  error: SourceError | null;
  /** A newer program is being laid out (large graphs lay out off the main thread). */
  layingOut: boolean;
  /** Steps played: 0 is the start, `analysis.steps.length` the end. */
  stepIndex: number;
  playing: boolean;
  /** What the inspector shows: the clicked item, else the hovered one. */
  selected: Selection;
  hovered: Selection;
  /** Node id a formula factor under the pointer or focus names: the graph outlines that node. */
  hoverNode: number | null;
  settings: Settings;
  example: ExampleId | null;
  /** Parts of the opening link that could not be used, for a small notice. */
  ignored: Ignored[];
  /** The input whose paths to the output are highlighted (colah's sums over paths), or null. */
  pathsFrom: string | null;
  /** The keyboard shortcut list is open (from its button or the `?` key, in any mode). */
  shortcutsOpen: boolean;
  /** Gradient descent on the program: parameters, learning rate, history (see training.ts). */
  training: TrainingState;
  /**
   * Hand-written backward pass (issue 12): where a line's reading is ambiguous, the person's
   * choice by the line's name, `'forward'` or a gradient reading's key (see `Reading`).
   */
  reading: Record<string, string>;
  /** Practice mode: each number asked before it is revealed (see practice.ts). */
  practice: PracticeState;
  /** Statement groups drawn as one box and stepped as one step (issue 17), by name. */
  collapsed: readonly string[];
  /** Seed of `randn` in tensor programs (issue 14); the link carries it as `seed=`. */
  seed: number;
  // Issue 15 (wt15b): one gradient entry drilled into, and a tensor op expanded to scalars.
  /** A tensor gradient entry written in index form: its node and flat row-major index. */
  tensorEntry: { readonly node: number; readonly at: number } | null;
  /** The matrix program an "Expand to scalars" left, to go back to exactly (step included). */
  expandedFrom: ExpandedFrom | null;
}

/** What "Back to the matrix program" restores. */
export interface ExpandedFrom {
  readonly source: string;
  readonly values: Readonly<Record<string, number>>;
  readonly seed: number;
  readonly stepIndex: number;
  /** The op expanded, as the reader knows it (`Z`). */
  readonly name: string;
}

export interface AppActions extends TrainingActions, PracticeActions {
  /** The editor changed: analyse after a short pause in typing (or now, with `immediate`). */
  setSource(source: string, options?: { immediate?: boolean }): void;
  setValue(name: string, value: number): void;
  /**
   * Sets several inputs at once, analysing the program once (a gradient-descent update). A
   * tensor value (issue 15's descent on matrices) is written into its declaration as a literal.
   */
  setValues(values: Readonly<Record<string, number | Tensor>>): void;
  /**
   * The program with other numbers in its input declarations (a matrix cell edited, issue 15):
   * analysed at once, at the same step, and still the example it was.
   */
  setDeclaredValues(source: string): void;
  loadExample(id: ExampleId): void;
  goTo(stepIndex: number): void;
  stepBy(delta: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  reset(): void;
  jumpToBackward(): void;
  jumpToEnd(): void;
  select(selection: Selection): void;
  hover(selection: Selection): void;
  /** A formula factor naming this node is hovered or focused (null when it is left). */
  hoverFactor(node: number | null): void;
  setSettings(patch: Partial<Settings>): void;
  /**
   * Sets everything a link describes at once (program, values, step, settings), as when the page
   * opens or Back/Forward is pressed. `ignored` lists what the link held that could not be used.
   */
  hydrate(url: UrlState, ignored?: Ignored[]): void;
  dismissNotice(): void;
  setShortcutsOpen(open: boolean): void;
  /** Highlights every path from this input to the output (null hides them). */
  showPaths(input: string | null): void;
  /** Reads the line named `name` another way (null: as the rule reads it), and analyses again. */
  setReading(name: string, choice: string | null): void;
  /** Collapses exactly these statement groups (others expand) and lays the graph out again. */
  setCollapsed(names: readonly string[]): void;
  /** Draws new `randn` values (issue 14): a new seed, and the program analysed again. */
  newSeed(): void;
  /**
   * The graph's box was measured (issue 9's portrait layout): a box that turns portrait (or
   * back, with hysteresis: `wantsVertical`) lays a scalar graph out again, top to bottom (or
   * left to right); any other resize changes nothing.
   */
  setGraphBox(width: number, height: number): void;
  /** Writes one tensor gradient entry in index form (null closes it). Issue 15. */
  setTensorEntry(entry: AppState['tensorEntry']): void;
  /** Opens the scalar program of a tensor op (`name`), remembering the matrix program and step. */
  openExpansion(source: string, name: string): void;
  /** Back to the matrix program "Expand to scalars" left, at the same step. */
  closeExpansion(): void;
}

export type AppStore = AppState & AppActions;
