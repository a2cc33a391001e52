import { useApp } from '../../state/appStore';
import { practicePending, selectPractice } from '../../state/practice';
import type { AppState, AppStore } from '../../state/types';
import { tensorKnown, type TensorKnown } from './tensorView';

/** What practice on a matrix program (issue 16) keeps hidden: used by the graph and the inspector. */
export interface PracticeMask {
  /** Practice is on for this matrix program. */
  practising: boolean;
  /** The current step's numbers are asked for, so not shown yet (`tensorKnown`'s `hideLast`). */
  pending: boolean;
  /** The node whose value's shape is being asked, if one is. */
  shapeAsked: number | null;
}

export function usePracticeMask(): PracticeMask {
  return useApp((s) => {
    const p = selectPractice(s);
    const q = p?.tensor && p.pending ? p.tensor.questions[p.index] : undefined;
    return {
      practising: p?.tensor !== undefined,
      pending: practicePending(s),
      shapeAsked: q?.kind === 'shape' && q.of === 'value' ? q.node : null,
    };
  });
}

/**
 * Whether node `id`'s shape is hidden: the one asked, and, while practising, every op not computed
 * yet, since a later node of the same shape (tanh of it) would give the answer away.
 */
export function shapeHidden(
  mask: PracticeMask,
  node: { id: number; kind: string },
  known: Pick<TensorKnown, 'activeNode' | 'value'>,
): boolean {
  return (
    mask.shapeAsked === node.id ||
    (mask.practising &&
      node.kind === 'op' &&
      node.id !== known.activeNode &&
      !known.value.has(node.id))
  );
}

const knownCache = new WeakMap<object, Map<string, TensorKnown>>();

/**
 * What the graph and the inspector of a matrix program show at step `stepIndex` under practice's
 * mask, and the gradient entry drilled into: one hook for both, and `tensorKnown` (which replays
 * the steps up to k) computed once per step for the two of them.
 */
export function useTensorStep(
  tensor: Parameters<typeof tensorKnown>[0],
  stepIndex: number,
): {
  mask: PracticeMask;
  known: TensorKnown;
  entry: AppState['tensorEntry'];
  setEntry: AppStore['setTensorEntry'];
} {
  const mask = usePracticeMask();
  let byStep = knownCache.get(tensor);
  if (!byStep) knownCache.set(tensor, (byStep = new Map()));
  const key = `${stepIndex}:${mask.pending}`;
  let known = byStep.get(key);
  if (!known) {
    // A long scrub must not keep every step's maps.
    if (byStep.size > 8) byStep.clear();
    known = tensorKnown(tensor, stepIndex, mask.pending);
    byStep.set(key, known);
  }
  const { entry, setEntry } = useApp((s) => ({
    entry: s.tensorEntry,
    setEntry: s.setTensorEntry,
  }));
  return { mask, known, entry, setEntry };
}
