import type { LensStep } from '../../engine';

/** The left side of a plain-text formula, what a linked factor is read as: `∂f/∂q`. */
export const leftSide = (text: string): string => text.split(/ \+?= /)[0];

/** The node a step's formula starts with (`q = …`, `x = -2 → …`, `∂f/∂f = 1`, `ḃ = …`). */
export function leadOf(step: LensStep): { node: number; label: string } {
  const node =
    step.kind === 'forward-edge'
      ? step.from
      : step.kind === 'tangent-edge' || step.kind === 'backward-edge'
        ? step.to
        : step.node;
  return { node, label: leftSide(step.text) };
}
