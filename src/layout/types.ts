/**
 * Types of the layout module: plain data in, plain data out, so a layout can cross a Web Worker
 * boundary with `postMessage` and run in Node for tests.
 *
 * Coordinates are SVG user units (px at zoom 1); x grows to the right, y downwards.
 */

export type LayoutNodeKind = 'input' | 'const' | 'op';

export interface LayoutNodeInput {
  id: number;
  kind: LayoutNodeKind;
  /** Box kept free for the node: op circles ~46×46, input boxes ~60–110×40, constants ~30×26. */
  width: number;
  height: number;
  /**
   * The drawn shape, centred in the box above, when it is smaller (the box may keep room for the
   * node's own value and gradient labels). Edges attach to this shape. Defaults to the box.
   */
  visual?: { width: number; height: number };
  /**
   * How wide the node's own labels can get, centred on it: the row above its drawn shape (a
   * value, a name) and the row below (a gradient badge), within the box's height. Wires keep
   * out of them and edge labels avoid them. Absent or 0: no such row beyond the box.
   */
  above?: number;
  below?: number;
  /**
   * Where the node stood in the drawing this one replaces (an edit of the program): the layout
   * keeps it there where it can, so an edit does not move the rest of the graph. Not part of
   * `layoutKey`.
   */
  was?: { x: number; y: number; layer: number };
  /** What the node is in the program (its name, operation and source span): see `stableKeys`. */
  name?: string;
  op?: string;
  span?: readonly [number, number];
}

/** `from` is the operand (drawn on the left), `to` its consumer. Parallel edges occur (`x*x`). */
export interface LayoutEdgeInput {
  id: number;
  from: number;
  to: number;
  /** Width its labels need, when more than `LABEL_BOX.width` (a long number). */
  labelWidth?: number;
}

export interface LayoutInput {
  nodes: LayoutNodeInput[];
  /** In operand order per consumer (the engine's order); the order breaks ties in the drawing. */
  edges: LayoutEdgeInput[];
  /**
   * The graph's output node, drawn alone in the rightmost layer. When absent, the sink in the
   * deepest layer (highest id on ties) is taken.
   */
  output?: number;
  /**
   * False when the drawing writes nothing on its edges (a tensor program's cards): no room is
   * kept between layers for edge labels. Default true.
   */
  edgeLabels?: boolean;
  /**
   * The drawing on screen before an edit of the program: nodes found in both (see
   * `stableKeys`) keep their places where they can (see `anchor.ts`). Not part of `layoutKey`.
   */
  previous?: { input: LayoutInput; layout: Pick<LayoutResult, 'nodes' | 'direction'> };
  /**
   * `TB`: the graph's box is portrait (see `wantsVertical`), so draw top to bottom (inputs at
   * the top, the output at the bottom) where that fits such a box larger than left to right;
   * the result's `direction` says which was drawn. Absent: left to right.
   */
  direction?: 'TB';
}

export interface LaidOutNode {
  id: number;
  /** Centre of the node. */
  x: number;
  y: number;
  /** Column, 0 = leftmost (all inputs); the row from the top in a top-to-bottom drawing. */
  layer: number;
}

export interface LaidOutEdge {
  id: number;
  /** SVG path `d`: a smooth curve from the operand's right side to ~6 px before the consumer's left side. */
  path: string;
  /** The polyline the curve passes through (first = start, last = end); x strictly increasing. */
  points: [number, number][];
  /**
   * A point on the curve where the renderer writes the forward value (above) and the gradient
   * (below). Chosen so that label boxes (`LABEL_BOX`) of different edges do not overlap each other
   * or nodes whenever there is room.
   */
  label: {
    x: number;
    y: number;
    /**
     * Present where no spot on the curve was free: the label box sits this far below (+) or above
     * (−) the anchor instead, and the renderer joins the two with a leader line.
     */
    dy?: number;
    /** The label box's width, when wider than `LABEL_BOX.width`. */
    width?: number;
  };
}

export interface LayoutResult {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  /** Size of the drawing, margins and label boxes included; everything lies in [0,width]×[0,height]. */
  width: number;
  height: number;
  /** Which layout settings ran, e.g. `d3-dag sugiyama: opt + simplex`. */
  engine: string;
  /** Time the layout took, in milliseconds. */
  ms: number;
  /** Laid out from the drawing before an edit (`LayoutInput.previous`): kept nodes kept places. */
  anchored?: boolean;
  /**
   * `TB`: drawn top to bottom (`LayoutInput.direction`): edges run down, `points` have y strictly
   * increasing, edge labels sit beside their wires (never off them with a leader: no `dy`), the
   * output's stub (down from it) lies inside `width`×`height`. Absent: left to right.
   */
  direction?: 'TB';
}

/** `auto` picks `high` for graphs small enough to lay out well within a frame, `fast` beyond. */
export type LayoutQuality = 'auto' | 'high' | 'fast';

export interface LayoutOptions {
  quality?: LayoutQuality;
}
