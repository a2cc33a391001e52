import type { Analysis, GraphNode } from '../engine';
import type { LayoutInput } from './types';

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
    edges: edges.map(({ id, from, to }) => ({ id, from, to })),
    output,
  };
}
