import type { Analysis } from '../engine';
import { selectStepState } from './stepState';
import type { AppState } from './types';

const keys = new WeakMap<Analysis, string>();

/**
 * A string that changes exactly when the drawing's shape would: nodes, their ops and names,
 * edges. Values are not part of it, so moving a slider keeps the layout.
 */
export function structureKey(a: Analysis): string {
  let key = keys.get(a);
  if (key === undefined) {
    const g = a.compiled;
    key = `${g.nodeCount}|${g.kind.join(',')}|${g.op.join(',')}|${g.edgeFrom.join(',')}|${g.names.join(',')}|${g.output}`;
    keys.set(a, key);
  }
  return key;
}

/** 'forward' until the second pass starts (see stepState.ts), then 'backward'. */
export const selectPhase = (s: AppState): 'forward' | 'backward' => {
  const phase = selectStepState(s)?.phase ?? 'start';
  return phase === 'start' || phase === 'forward' ? 'forward' : 'backward';
};

export const selectAtEnd = (s: AppState): boolean => selectStepState(s)?.phase === 'done';

/** What the inspector shows: the clicked item, else the hovered one. */
export const selectInspected = (s: AppState) => s.selected ?? s.hovered;
