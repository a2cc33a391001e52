import type { StatementGroup } from '../engine';
import { GEOMETRY, NUMBER_ROW, textWidth } from './nodeSize';
import type { LayoutInput } from './types';

/** Room on a collapsed group's box for its expand control, right of the name. */
export const GROUP_TOGGLE = 22;

/** The box a collapsed group is drawn as: its name, the expand control, and room for its labels. */
export function groupBoxSize(name: string): {
  width: number;
  height: number;
  visual: { width: number; height: number };
} {
  const visual = {
    width: Math.max(64, Math.ceil(textWidth(name, GEOMETRY.inputFont)) + 30 + GROUP_TOGGLE),
    height: GEOMETRY.inputHeight + 4,
  };
  return { width: visual.width, height: visual.height + 2 * GEOMETRY.labelRoom, visual };
}

/**
 * The layout's view of a graph with some statement groups collapsed: each collapsed group is its
 * root alone, in a box sized for its name; the edges from outside into any member end at that
 * box, and the uses of a layer's statements leave from it; the edges inside it are gone. Groups
 * collapsed later win over earlier ones they contain (a layer over its statements). Node and edge ids stay the engine's, so the drawing of the
 * rest joins the same elements.
 *
 * @example
 * collapseLayoutInput(toLayoutInput(a, layoutSize), [h1]) // h1's mul and add are gone
 */
export function collapseLayoutInput(
  input: LayoutInput,
  collapsed: readonly StatementGroup[],
): LayoutInput {
  if (collapsed.length === 0) return input;
  /** Member node → its group's root, for members of a collapsed group. */
  const rootOf = new Map<number, number>();
  const box = new Map<number, ReturnType<typeof groupBoxSize>>();
  for (const g of collapsed) {
    for (const m of g.nodes) rootOf.set(m, g.root);
    box.set(g.root, groupBoxSize(g.name));
  }
  const nodes = input.nodes
    .filter((n) => !rootOf.has(n.id) || rootOf.get(n.id) === n.id)
    .map((n) => {
      const size = box.get(n.id);
      // A box shows its value above and its gradient below (issue 9: rows the wires keep out of).
      return size
        ? {
            ...n,
            width: size.width,
            height: size.height,
            visual: size.visual,
            above: NUMBER_ROW.value,
            below: NUMBER_ROW.badge,
          }
        : n;
    });
  const edges = [];
  for (const e of input.edges) {
    const fromRoot = rootOf.get(e.from);
    const toRoot = rootOf.get(e.to);
    if (toRoot !== undefined && fromRoot === toRoot) continue;
    // A layer's box stands for all its statements: their uses leave from it.
    const from = fromRoot ?? e.from;
    edges.push(toRoot === undefined && from === e.from ? e : { ...e, from, to: toRoot ?? e.to });
  }
  return { ...input, nodes, edges };
}
