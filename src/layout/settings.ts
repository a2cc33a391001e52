/** Spacing of the drawing, in px. One place to tune how airy the graph is. */
export const SPACING = {
  /** Empty border around the drawing. */
  margin: 16,
  /**
   * Horizontal gap between the widest nodes of neighbouring layers: one label box and a little
   * air (labels of edges leaving one layer stagger along the curves). Kept tight so that larger
   * graphs still fit a laptop at a readable zoom: the layout tests check labels never clash.
   */
  layerGap: 100,
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
 * and the gradient below it, each ~18 px tall and up to ~70 px wide, plus a little air.
 */
export const LABEL_BOX = { width: 76, height: 40 } as const;

/** Room kept free around node boxes when placing labels. */
export const NODE_CLEARANCE = 3;
