import type { Analysis } from '../../engine';

/** A layer's activation: `h1`, `h_1`, `H_10`. */
const LAYER_NAME = /^[hH]_?(\d+)$/;

export interface Layer {
  readonly name: string;
  readonly index: number;
  readonly magnitude: number;
}

/**
 * The layers of a chain network, in order, with |∂L/∂h_k|: named intermediates h1, h2, … that
 * depend on an input and feed the loss. Fewer than three is no chain worth plotting.
 */
export function chainLayers(a: Analysis): Layer[] {
  const layers: Layer[] = [];
  const g = a.compiled;
  for (let i = 0; i < g.nodeCount; i++) {
    const m = LAYER_NAME.exec(g.names[i] ?? '');
    if (!m || !g.variable[i] || !g.reachesOutput[i]) continue;
    layers.push({
      name: g.names[i]!,
      index: Number(m[1]),
      magnitude: Math.abs(a.backward.grad[i]),
    });
  }
  layers.sort((p, q) => p.index - q.index);
  return layers.length >= 3 ? layers : [];
}
