import type { LayoutInput, LayoutResult } from '../../src/layout/types';

/** A stand-in layout: every node on a line, so the store's logic is tested without the real one. */
export function fakeLayout(input: LayoutInput): LayoutResult {
  return {
    nodes: input.nodes.map((n, i) => ({ id: n.id, x: i * 100, y: 0, layer: i })),
    edges: input.edges.map((e) => ({
      id: e.id,
      path: 'M0,0L1,1',
      points: [
        [0, 0],
        [1, 1],
      ],
      label: { x: 0, y: 0 },
    })),
    width: input.nodes.length * 100,
    height: 100,
    engine: 'fake',
    ms: 0,
  };
}
