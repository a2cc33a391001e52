import type { LayoutInput } from './types';

/**
 * What a layout depends on, as one string: node ids, kinds and box sizes, edges (and the room
 * their labels need), the output and the direction asked for (a portrait box's).
 * The layout is a pure function of exactly that, so two inputs with the same key have the same
 * layout, and an edit that keeps the key (`tanh` → `sigmoid`, `x + y` → `x * y`, a constant
 * typed anew, a name of the same width) keeps every node where it was without laying the graph
 * out again: nothing jumps, and a 2,000-node graph skips its layout altogether.
 *
 * @example
 * layoutKey(toLayoutInput(analyze('h = tanh(x)'), layoutSize)) ===
 *   layoutKey(toLayoutInput(analyze('h = relu(x)'), layoutSize)) // true
 */
export function layoutKey(input: LayoutInput): string {
  const parts: (string | number)[] = [
    input.output ?? -1,
    input.edgeLabels === false ? 0 : 1,
    input.direction ?? 'LR',
  ];
  for (const n of input.nodes) {
    parts.push(n.id, n.kind, n.width, n.height, n.visual?.width ?? '', n.visual?.height ?? '');
    parts.push(n.above ?? '', n.below ?? '');
  }
  parts.push('|');
  for (const e of input.edges) parts.push(e.id, e.from, e.to, e.labelWidth ?? '');
  return parts.join(',');
}
