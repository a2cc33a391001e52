import {
  enumeratePaths,
  factoredPaths,
  opCounts,
  tangentTrace,
  type Analysis,
  type FactoredForm,
  type LensStep,
  type OpCounts,
  type PathsResult,
  type TangentTrace,
} from '../engine';
import { lazyArray } from '../engine/lazy';
import { badgeMarkWidth } from '../layout/nodeSize';
import type { AppState, Settings } from './types';

/**
 * The two modes of automatic differentiation as one step list: reverse mode plays the analysis'
 * own trace (values forward, then gradients back); forward mode plays the same value steps, then
 * the tangent pass with respect to one input. Everything that steps (store, controls, graph,
 * formula panel) reads the active list through these selectors, so nothing branches on the mode
 * but them.
 */

type ModeState = Pick<AppState, 'analysis' | 'settings'>;

/** The input forward mode uses: the chosen one if the program has it, else the first input. */
export function activeWrt(s: ModeState): string | null {
  const a = s.analysis;
  if (!a || a.inputs.length === 0) return null;
  const chosen = s.settings.wrt;
  if (chosen !== null && a.inputs.some((i) => i.name === chosen)) return chosen;
  return a.inputs[0].name;
}

const tangents = new WeakMap<Analysis, Map<string, TangentTrace>>();

/** The tangent pass of the analysis on screen, in forward mode; undefined in reverse mode. */
export function activeTangent(s: ModeState): TangentTrace | undefined {
  const a = s.analysis;
  if (!a || s.settings.ad !== 'forward') return undefined;
  const wrt = activeWrt(s);
  if (wrt === null) return undefined;
  let byInput = tangents.get(a);
  if (!byInput) tangents.set(a, (byInput = new Map()));
  let t = byInput.get(wrt);
  if (!t) {
    t = tangentTrace(a, wrt);
    if (t) byInput.set(wrt, t);
  }
  return t;
}

/**
 * The mark forward mode writes on its tangent badges, `∂/∂x₁`: what the numbers are taken with
 * respect to, as colah's figures write it. The renderer draws it; the layout keeps room for it.
 */
export function tangentMarkOf(analysis: Analysis, tangent: TangentTrace): string {
  return `∂/∂${analysis.compiled.symbol(tangent.wrt).text}`;
}

/** How much wider than a gradient's ∂ the tangent badges' mark is, in px: the layout's extra room. */
export function tangentMarkRoom(analysis: Analysis, tangent: TangentTrace | undefined): number {
  return tangent ? badgeMarkWidth(tangentMarkOf(analysis, tangent)) - badgeMarkWidth('∂') : 0;
}

const combined = new WeakMap<TangentTrace, readonly LensStep[]>();

/** The steps the controls play: the analysis' steps, or its value steps then the tangent pass. */
export function activeSteps(s: ModeState): readonly LensStep[] {
  const a = s.analysis;
  if (!a) return [];
  const t = activeTangent(s);
  if (!t) return a.steps;
  let list = combined.get(t);
  if (!list) {
    const values = a.trace.forwardCount;
    list = lazyArray(values + t.steps.length, (k) =>
      k < values ? a.steps[k] : t.steps[k - values],
    );
    combined.set(t, list);
  }
  return list;
}

export const activeStepCount = (s: ModeState): number =>
  s.analysis?.tensor ? s.analysis.tensor.steps.length : activeSteps(s).length;

/** A tensor program's value steps (issue 15): its trace has no scalar `trace` of its own. */
export const tensorSplit = (a: Analysis): number =>
  a.tensor ? a.tensor.steps.findIndex((t) => t.kind === 'seed') : a.trace.forwardCount;

/** Where the second pass (backward, or tangent) starts: both follow the same value steps. */
export const activeSplit = (s: ModeState): number => (s.analysis ? tensorSplit(s.analysis) : 0);

/** The step just played, of whichever pass. */
export function activeStep(s: ModeState & Pick<AppState, 'stepIndex'>): LensStep | undefined {
  return s.stepIndex > 0 ? activeSteps(s)[s.stepIndex - 1] : undefined;
}

/** Where the step should land when the mode or its input changes. */
export function stepAfterModeChange(
  before: ModeState & Pick<AppState, 'stepIndex'>,
  settings: Settings,
): number {
  const after = { analysis: before.analysis, settings };
  const n = activeStepCount(after);
  // At the end stays at the end (the picture a teacher switches modes to compare); inside the
  // value pass the step is the same in both modes; inside the second pass, its start.
  if (before.stepIndex >= activeStepCount(before)) return n;
  return Math.min(before.stepIndex, activeSplit(after), n);
}

const counts = new WeakMap<Analysis, OpCounts>();

export function selectOpCounts(s: ModeState): OpCounts | undefined {
  const a = s.analysis;
  if (!a) return undefined;
  let c = counts.get(a);
  if (!c) counts.set(a, (c = opCounts(a)));
  return c;
}

/** Paths listed before the panel says "N paths; showing the first 8". */
export const PATH_LIMIT = 8;

export interface PathsView {
  readonly input: string;
  readonly result: PathsResult;
  readonly factored?: FactoredForm;
}

const pathsCache = new WeakMap<Analysis, Map<string, PathsView>>();

/** The highlighted paths, when an input is chosen and the program still has it. */
export function selectPaths(s: ModeState & Pick<AppState, 'pathsFrom'>): PathsView | undefined {
  const a = s.analysis;
  const name = s.pathsFrom;
  if (!a || name === null) return undefined;
  const input = a.inputs.find((i) => i.name === name);
  if (!input) return undefined;
  let byInput = pathsCache.get(a);
  if (!byInput) pathsCache.set(a, (byInput = new Map()));
  let view = byInput.get(name);
  if (!view) {
    const result = enumeratePaths(a, input.node, a.graph.output, PATH_LIMIT);
    const factored = factoredPaths(a, input.node);
    view = { input: name, result, ...(factored ? { factored } : {}) };
    byInput.set(name, view);
  }
  return view;
}
