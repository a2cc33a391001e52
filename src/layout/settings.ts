/** Spacing of the drawing, in px. One place to tune how airy the graph is. */
export const SPACING = {
  /** Empty border around the drawing. */
  margin: 16,
  /**
   * Horizontal gap between the widest nodes of neighbouring layers (labels of edges leaving one
   * layer stagger along the curves). Kept tight so that larger graphs still fit a laptop at a
   * readable zoom: the layout tests check labels never clash.
   */
  layerGap: 100,
  /**
   * Added to each layer gap where edges carry labels, so that a label box (`LABEL_BOX.width`)
   * fits level between two nodes; gaps where labels still clash grow further (`layoutGraph`).
   */
  labelGap: 24,
  /** Vertical gap between neighbours in a layer (nodes and edges passing through it). */
  nodeGap: 28,
  /** Edges end this far before the consumer's left side, where the arrowhead marker sits. */
  arrow: 6,
  /** Vertical distance between the ends of edges that leave or enter a node on the same side. */
  portSpread: 10,
  /** Vertical distance between parallel edges (`x*x`) where they run side by side. */
  parallelSpread: 14,
} as const;

/**
 * The box a renderer may fill around an edge's label anchor: the forward value above the curve
 * (15 px type, its top ~16 px above the anchor) and the gradient badge below it (20 px tall,
 * reaching 22 px below); `above` of its `height` lies above the anchor. As wide as the widest
 * badge any value can give (`NUMBER_ROW.edgeBadge`: `∂ -0.0001234`, checked by a test), so
 * the layout depends on the graph's shape alone and no value ever overflows it.
 */
export const LABEL_BOX = { width: 117, height: 40, above: 18 } as const;

/** Room kept free around node boxes when placing labels. */
export const NODE_CLEARANCE = 3;
