/**
 * What the drawing is made of, for code that reads it (the SVG and PNG export): published here so
 * nothing outside the renderer depends on its private class names.
 */
export const DRAWING = {
  /** The group that zoom and pan transform. */
  viewport: 'g.viewport',
  /** The layers whose union is the picture (the pulse layer is motion, not picture). */
  layers:
    'g.viewport > g.edges, g.viewport > g.stub, g.viewport > g.nodes, g.viewport > g.edge-labels',
  /** Parts that only make sense on screen: hit areas, moving pulses, flashes, focus rings. */
  screenOnly: 'path.edge-hit, g.pulses, circle.flash-ring, .focus-ring',
  /** Classes on the `<svg>` for screen-only states: labels hidden when zoomed out, a stale graph. */
  screenStates: ['labels-hidden', 'stale'],
} as const;
