import {
  hiddenSteps,
  layerGroups,
  nextStop,
  statementGroups,
  type Analysis,
  type StatementGroup,
} from '../engine';
import type { AppState } from './types';

/**
 * Collapsible statement groups, as the store and the views see them: the groups of the program
 * on screen, the ones the person has collapsed, and the steps stepping then skips. Memoized per
 * analysis, so a 2,000-node graph works them out once.
 */

const groupsByGraph = new WeakMap<Analysis['compiled'], readonly StatementGroup[]>();

/**
 * Every collapsible group of the analysed program: its statements in program order, then its
 * layers (`h1_*`), which hold statements and so are collapsed after them.
 */
export function groupsOf(a: Analysis): readonly StatementGroup[] {
  let groups = groupsByGraph.get(a.compiled);
  if (!groups) {
    groups = [...statementGroups(a.compiled), ...layerGroups(a.compiled)];
    groupsByGraph.set(a.compiled, groups);
  }
  return groups;
}

type GroupState = Pick<AppState, 'analysis' | 'collapsed'>;

/** The program's groups whose names are in `collapsed` (names it does not have are ignored). */
export function collapsedGroups(
  a: Analysis | null,
  collapsed: readonly string[],
): readonly StatementGroup[] {
  if (!a || collapsed.length === 0) return [];
  // `*` (a link's `collapse=*`) stands for every group.
  if (collapsed.includes('*')) return groupsOf(a);
  const names = new Set(collapsed);
  return groupsOf(a).filter((g) => names.has(g.name));
}

const hiddenCache = new WeakMap<Analysis, { key: string; hidden: Uint8Array }>();

/** 1 for each step a collapsed group hides from stepping (see `hiddenSteps`). */
export function hiddenOf(s: GroupState): Uint8Array | undefined {
  const groups = collapsedGroups(s.analysis, s.collapsed);
  if (!s.analysis || groups.length === 0) return undefined;
  const key = groups.map((g) => g.name).join(',');
  const cached = hiddenCache.get(s.analysis);
  if (cached?.key === key) return cached.hidden;
  const hidden = hiddenSteps(s.analysis.compiled, s.analysis.trace, groups);
  hiddenCache.set(s.analysis, { key, hidden });
  return hidden;
}

/**
 * The step index `delta` steps from `stepIndex`, a collapsed group playing as one step. Forward
 * mode plays its own list, which groups do not shorten.
 */
export function stepAfter(s: GroupState & Pick<AppState, 'settings' | 'stepIndex'>, delta: number) {
  const hidden = s.settings.ad === 'reverse' ? hiddenOf(s) : undefined;
  return hidden ? nextStop(hidden, s.stepIndex, delta) : s.stepIndex + delta;
}

/** The names the link and the store keep: the program's own groups, in program order. */
export function keptNames(a: Analysis | null, names: readonly string[]): string[] {
  return collapsedGroups(a, names).map((g) => g.name);
}

/**
 * The step counter's numbers, a collapsed group counting once: `stopsBefore(hidden, k)` is how
 * many of the first k steps are on show (the k of "Step k of n" and the scrubber's position).
 */
export function stopsBefore(hidden: Uint8Array | undefined, k: number): number {
  if (!hidden) return k;
  let shown = 0;
  const end = Math.min(k, hidden.length);
  for (let j = 0; j < end; j++) if (!hidden[j]) shown++;
  return shown;
}

/** The step index after the i-th step on show (the scrubber's inverse of `stopsBefore`). */
export function stopAt(hidden: Uint8Array | undefined, i: number): number {
  if (!hidden || i <= 0) return Math.max(0, i);
  let shown = 0;
  for (let j = 0; j < hidden.length; j++) {
    if (!hidden[j] && ++shown === i) return j + 1;
  }
  return hidden.length;
}
