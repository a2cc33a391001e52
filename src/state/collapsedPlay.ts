import { analysisInOrder, type Analysis, type StatementGroup } from '../engine';
// By path: the sort is only needed once a group is collapsed, so it loads then (see the store).
import { collapsedEdgeOrder } from '../engine/collapsedOrder';

/**
 * The analysis a person steps through when groups are collapsed: the same program played in the
 * backward order where each collapsed group is one run of steps (`collapsedEdgeOrder`), so that
 * its one step is where everything it hides takes effect. Loaded with the first collapse.
 */

/** Played analyses per analysis as the engine made it, by the collapsed groups' names. */
const played = new WeakMap<Analysis, Map<string, Analysis>>();
/** The engine's own analysis behind a played one. */
const baseOf = new WeakMap<Analysis, Analysis>();
/** A few collapse sets per program are kept: toggling one group back and forth costs nothing. */
const KEPT = 8;

/**
 * `a` (the engine's, or one played already) played with `groups` collapsed; the engine's own
 * analysis when none are. Memoized per (analysis, groups), so the views' caches keyed on the
 * analysis hold, and `compiled` is shared, so are those keyed on the graph (`groupsOf`).
 *
 * @example
 * playedAnalysis(a, [layer]).trace // h2_*'s backward steps in one run
 */
export function playedAnalysis(a: Analysis, groups: readonly StatementGroup[]): Analysis {
  const base = baseOf.get(a) ?? a;
  if (groups.length === 0 || base.tensor) return base;
  const key = groups.map((g) => g.name).join('\0');
  let byKey = played.get(base);
  if (!byKey) played.set(base, (byKey = new Map()));
  let result = byKey.get(key);
  if (!result) {
    result = analysisInOrder(base, collapsedEdgeOrder(base.compiled, groups));
    if (result !== base) baseOf.set(result, base);
    if (byKey.size >= KEPT) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, result);
  }
  return result;
}

/**
 * Where step index `k` of `from` is in `to`, the same program in another backward order: the
 * shares played at k (a prefix of `from`'s order) are all played at the smallest stop of `to`
 * whose prefix holds them. Forward steps and the seed are in the same places in both. `hidden`
 * (steps `to` skips, see `hiddenSteps`) says which indices are stops. Expanding a group right
 * after its one step lands on its last inner step: where the trace is inside it.
 *
 * @example
 * mapStep(collapsed, expanded, groupStop) // the index after the group's last inner step
 */
export function mapStep(from: Analysis, to: Analysis, k: number, hidden?: Uint8Array): number {
  const seed = from.trace.forwardCount;
  if (from === to || k <= seed + 1 || from.tensor || to.tensor) return k;
  const order = from.backward.edgeOrder;
  const count = Math.min(k - seed - 1, order.length);
  let at = seed + 1;
  for (let j = 0; j < count; j++) at = Math.max(at, to.trace.edgeGradStep[order[j]] + 1);
  if (hidden) while (at < hidden.length && hidden[at - 1]) at++;
  return at;
}
