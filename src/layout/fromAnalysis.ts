import { formatNumber, type Analysis, type GraphNode } from '../engine';
import { badgeWidth, LABEL_FONT, numberWidth } from './nodeSize';
import { LABEL_BOX } from './settings';
import type { LayoutInput } from './types';

/**
 * Room an edge's labels need across: its value (above) or its gradient badge (below), whichever
 * is wider, as they read when the graph is laid out, plus a little air. Numbers change with the
 * inputs without a new layout; most stay within `LABEL_BOX.width`, the least any label is given.
 */
function labelWidth(value: number, contribution: number | undefined): number {
  return (
    Math.max(
      numberWidth(formatNumber(value), LABEL_FONT.value),
      badgeWidth(formatNumber(contribution ?? 0)),
    ) + 4
  );
}

/** A node's layout box, optionally with the smaller drawn shape inside it (edges attach to that). */
export interface NodeSize {
  width: number;
  height: number;
  visual?: { width: number; height: number };
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
  sizeOf: (node: GraphNode) => NodeSize,
): LayoutInput {
  const { nodes, edges, output } = analysis.graph;
  return {
    nodes: nodes.map((node) => {
      const { width, height, visual } = sizeOf(node);
      return visual
        ? { id: node.id, kind: node.kind, width, height, visual: { ...visual } }
        : { id: node.id, kind: node.kind, width, height };
    }),
    edges: edges.map(({ id, from, to, contribution }) => {
      const width = labelWidth(nodes[from].value, contribution);
      return width > LABEL_BOX.width
        ? { id, from, to, labelWidth: Math.ceil(width) }
        : { id, from, to };
    }),
    output,
  };
}
