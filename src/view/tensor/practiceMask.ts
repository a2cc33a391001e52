import { useApp } from '../../state/appStore';
import { practicePending, selectPractice } from '../../state/practice';
import type { TensorKnown } from './tensorView';

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
