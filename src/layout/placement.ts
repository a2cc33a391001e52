import {
  coordGreedy,
  coordQuad,
  coordSimplex,
  decrossDfs,
  decrossOpt,
  decrossTwoLayer,
  graph,
  sugiyama,
  type Coord,
  type Decross,
  type GraphNode,
  type Layering,
  type SugiNode,
  type MutGraphNode,
} from 'd3-dag';
import { decrossSweep } from './decross';
import type { Layered } from './layering';
import { LABEL_BOX, SPACING } from './settings';
import type { LayoutInput } from './types';
import { TB_LAYER_GAP } from './vertical';

/** How d3-dag's sugiyama orders each layer and places nodes across it. */
export interface SugiyamaSettings {
  /**
   * `opt`: exact crossing minimisation (tiny graphs only; falls back to `sweep`); `sweep`: our
   * driver of d3-dag's two-layer orderers (`decrossSweep`); `twoLayer`: d3-dag's own driver
   * (same orderers, but quadratic crossing counts); `dfs`: depth-first order only.
   */
  decross: 'opt' | 'sweep' | 'twoLayer' | 'dfs';
  /** Down-and-up sweeps of `sweep` / `twoLayer` (d3-dag's default is 24). */
  passes: number;
  /** Largest layer-pair count `opt` is tried on (default `OPT_MAX_PAIRS`). */
  optMaxPairs?: number;
  /** `simplex`: straight long edges and balanced nodes (an LP); `greedy`: fast heuristic. */
  coord: 'simplex' | 'quad' | 'greedy';
  /** Gaps between nodes and between layers, times `SPACING`'s (default 1). */
  spread?: number;
  /**
   * The turned frame of a top-to-bottom drawing (`vertical.ts`): labels sit beside the wires, so
   * layers are `TB_LAYER_GAP` apart and a node keeps no room across for a stack of labels.
   */
  vertical?: boolean;
}

export interface Placement {
  /** Centre of each node (by index): x from its layer, y across. */
  x: Float64Array;
  y: Float64Array;
  /** Centre x of each layer and half the width of its widest node. */
  layerX: Float64Array;
  layerHalf: Float64Array;
  /**
   * For each edge, its height at each layer strictly between its ends, left to right. Long edges
   * from one operand share one trunk (its "bus"), so they share these heights as far as they go.
   */
  via: number[][];
  /** How decrossing ran (`opt` falls back to two-layer sweeps when the graph is too big). */
  decross: string;
  /** Nodes d3-dag laid out: ours plus one trunk point per layer that a long edge passes. */
  dagNodes: number;
}

/**
 * Largest problem handed to `decrossOpt`, in pairs of nodes sharing a layer (its ILP has one
 * variable per pair). Its time is erratic: on our graphs up to ~50 pairs it took ≤ 0.1 s, at 66
 * pairs 0.6 s and at 120 pairs 400 s.
 */
export const OPT_MAX_PAIRS = 45;

/** Pairs of d3-dag nodes (ours and trunk points) that share a layer. */
function layerPairs(layered: Layered, reach: Int32Array): number {
  const width = new Int32Array(layered.layerCount);
  layered.layer.forEach((l, i) => {
    width[l]++;
    for (let t = l + 1; t < reach[i]; t++) width[t]++;
  });
  let pairs = 0;
  for (const w of width) pairs += (w * (w - 1)) / 2;
  return pairs;
}

/** A d3-dag node: one of ours (`index`), or a trunk point of operand `index` in `layer`. */
interface Datum {
  index: number;
  layer: number;
  trunk: boolean;
}

/**
 * Orders and places the layered graph with d3-dag's sugiyama (top-to-bottom there, turned to
 * left-to-right here). We hand it our layers and our own dummy nodes: every operand whose value
 * travels more than one layer gets one trunk of points, one per layer, and each long edge leaves
 * the trunk in the layer before its consumer. So d3-dag sees only edges between neighbouring
 * layers (it adds no dummies of its own), a value used in many far places is one wire with
 * branches instead of many parallel wires, and the layers stay narrow, which keeps d3-dag's
 * crossing counts (quadratic in a layer's width) cheap. Parallel edges become one link and are
 * fanned out when routed.
 */
export function place(input: LayoutInput, layered: Layered, settings: SugiyamaSettings): Placement {
  const { from, to, layer } = layered;
  const n = input.nodes.length;
  const m = from.length;
  const g = graph<Datum, undefined>();
  const nodes = input.nodes.map((_, index) => g.node({ index, layer: layer[index], trunk: false }));

  const outdegree = new Int32Array(n);
  const indegree = new Int32Array(n);
  const into: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < m; k++) {
    outdegree[from[k]]++;
    indegree[to[k]]++;
    into[to[k]].push(k);
  }
  // How far each operand's value must travel: the layer of its farthest consumer.
  const reach = new Int32Array(n);
  for (let k = 0; k < m; k++) reach[from[k]] = Math.max(reach[from[k]], layer[to[k]]);
  const trunks: MutGraphNode<Datum, undefined>[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const chain: MutGraphNode<Datum, undefined>[] = [];
    let previous = nodes[i];
    for (let l = layer[i] + 1; l < reach[i]; l++) {
      const point = g.node({ index: i, layer: l, trunk: true });
      g.link(previous, point);
      chain.push(point);
      previous = point;
    }
    trunks[i] = chain;
  }
  const linked = new Map<MutGraphNode<Datum, undefined>, Set<number>>();
  for (let k = 0; k < m; k++) {
    const a = from[k];
    const b = to[k];
    const span = layer[b] - layer[a];
    const tail = span > 1 ? trunks[a][span - 2] : nodes[a];
    const targets = linked.get(tail) ?? new Set<number>();
    linked.set(tail, targets);
    if (targets.has(b)) continue; // a parallel edge: one link stands for all
    targets.add(b);
    g.link(tail, nodes[b]);
  }

  const ours: Layering<Datum, undefined> = (dag) => {
    let max = 0;
    for (const node of dag.nodes()) {
      node.y = node.data.layer;
      max = Math.max(max, node.data.layer);
    }
    return max;
  };
  const size = (node: GraphNode<Datum, undefined>) => {
    if (node.data.trunk) return [0.5, 1] as const;
    const i = node.data.index;
    const { width, height } = input.nodes[i];
    // Room for the labels of the edges at this node, stacked: a layer gap holds one label box
    // across (SPACING.layerGap < 2 × LABEL_BOX.width), so a fork's labels sit one above another.
    const labels = settings.vertical ? 0 : Math.max(outdegree[i], indegree[i]) * LABEL_BOX.height;
    // top-to-bottom in d3-dag: [size across layers, size along the layer direction]
    return [Math.max(height, labels, 1), Math.max(width, 1)] as const;
  };
  // Program order, as a reader sees it: the inputs in the order they are written, and each node
  // ranked by the first input it depends on (ties by its own number, which is program order); a
  // trunk point stands where its operand's value is.
  const rank = new Float64Array(n);
  const byLayer = Array.from({ length: n }, (_, i) => i).sort((a, b) => layer[a] - layer[b]);
  for (const i of byLayer) rank[i] = indegree[i] === 0 ? i : Infinity;
  for (const i of byLayer) for (const k of into[i]) rank[i] = Math.min(rank[i], rank[from[k]]);
  const sourceKey = (node: SugiNode<Datum, undefined>) => {
    const i =
      node.data.role === 'node' ? node.data.node.data.index : node.data.link.source.data.index;
    return rank[i] * n + i;
  };
  const run = (decross: Decross<Datum, undefined>) => {
    const coord: Coord<Datum, undefined> =
      settings.coord === 'simplex'
        ? coordSimplex()
        : settings.coord === 'quad'
          ? coordQuad()
          : coordGreedy();
    sugiyama()
      .layering(ours)
      .decross(decross)
      .coord(coord)
      .nodeSize(size)
      .gap([
        SPACING.nodeGap * (settings.spread ?? 1),
        (settings.vertical ? TB_LAYER_GAP : SPACING.layerGap) * (settings.spread ?? 1),
      ])(g);
  };

  let decross = settings.decross;
  let done = false;
  if (
    settings.decross === 'opt' &&
    layerPairs(layered, reach) > (settings.optMaxPairs ?? OPT_MAX_PAIRS)
  ) {
    decross = 'sweep';
  }
  if (decross === 'opt') {
    try {
      run(decrossOpt());
      done = true;
    } catch {
      decross = 'sweep'; // too big for the exact solver
    }
  }
  if (!done) {
    run(
      decross === 'dfs'
        ? decrossDfs()
        : decross === 'twoLayer'
          ? decrossTwoLayer().passes(settings.passes)
          : decrossSweep(settings.passes, sourceKey),
    );
  }
  const decrossName =
    decross === 'sweep' || decross === 'twoLayer' ? `${decross}(${settings.passes})` : decross;

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (const node of nodes) {
    y[node.data.index] = node.x;
    x[node.data.index] = node.y;
  }
  const via: number[][] = new Array(m);
  for (let k = 0; k < m; k++) {
    const span = layer[to[k]] - layer[from[k]] - 1;
    via[k] = trunks[from[k]].slice(0, span).map((p) => p.x);
  }
  const layerX = new Float64Array(layered.layerCount);
  const layerHalf = new Float64Array(layered.layerCount);
  for (let i = 0; i < n; i++) {
    layerX[layer[i]] = x[i];
    layerHalf[layer[i]] = Math.max(layerHalf[layer[i]], input.nodes[i].width / 2);
  }
  return { x, y, layerX, layerHalf, via, decross: decrossName, dagNodes: g.nnodes() };
}
