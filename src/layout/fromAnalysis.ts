import type { Analysis, GraphNode } from '../engine';
import type { LayoutInput } from './types';
import { LABEL_BOX } from './settings';

/** A node's layout box, optionally with the smaller drawn shape inside it (edges attach to that). */
export interface NodeSize {
  width: number;
  height: number;
  visual?: { width: number; height: number };
  /** Widths of the node's own label rows (`LayoutNodeInput.above`/`below`). */
  above?: number;
  below?: number;
}

/**
 * The layout's view of an analysed program: node ids and edge ids are the engine's, edges in its
 * operand order, `output` the program's output.
 *
 * @example
 * toLayoutInput(analyze('x*x'), (n) => (n.kind === 'op' ? { width: 46, height: 46 } : { width: 60, height: 40 }))
 */
export function toLayoutInput(
  analysis: Pick<Analysis, 'graph'>,
  sizeOf: (node: GraphNode, shared: boolean) => NodeSize,
): LayoutInput {
  const { nodes, edges, output } = analysis.graph;
  const uses = new Map<number, number>();
  for (const e of edges) uses.set(e.from, (uses.get(e.from) ?? 0) + 1);
  return {
    nodes: nodes.map((node) => {
      const { width, height, visual, above, below } = sizeOf(node, (uses.get(node.id) ?? 0) > 1);
      const out: LayoutInput['nodes'][number] = { id: node.id, kind: node.kind, width, height };
      // What an edit keeps: see `stableKeys`.
      out.op = node.op;
      out.span = [node.span.start, node.span.end];
      if (node.name !== undefined) out.name = node.name;
      if (visual) out.visual = { ...visual };
      if (above) out.above = above;
      // The output's gradient is written on its stub, right of it, not under it.
      if (below && node.id !== output) out.below = below;
      return out;
    }),
    edges: edges.map(({ id, from, to }) => ({ id, from, to })),
    output,
  };
}

/**
 * `input` with room for badges whose mark is wider than ∂: forward mode writes `∂/∂x₁` on every
 * tangent badge (edges' and nodes'), up to 40 px more than a gradient's ∂. The layout keeps room
 * for the widest number with a ∂ (`NUMBER_ROW`, `LABEL_BOX`); without this a long tangent meets
 * its neighbours. `extra` is that difference in px; 0 (reverse mode) gives `input` itself, so a
 * reverse-mode layout is unchanged.
 *
 * @example
 * withBadgeMark(input, badgeMarkWidth('∂/∂x₁') - badgeMarkWidth('∂'))
 */
export function withBadgeMark(input: LayoutInput, extra: number): LayoutInput {
  if (!(extra > 0) || input.edgeLabels === false) return input;
  const room = Math.ceil(extra);
  return {
    ...input,
    nodes: input.nodes.map((n) => (n.below ? { ...n, below: n.below + room } : n)),
    edges: input.edges.map((e) => ({
      ...e,
      labelWidth: Math.max(e.labelWidth ?? LABEL_BOX.width, LABEL_BOX.width + room),
    })),
  };
}
