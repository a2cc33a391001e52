import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { Selection } from '../../state/types';
import {
  defaultView,
  fitsAt,
  follow,
  inView,
  readableZoom,
  type Camera,
  type Rect,
} from './camera';
import { GEOMETRY } from './geometry';
import { createMinimap, type Minimap } from './minimap';
import { reducedMotion, toggleClass } from './draw';
import { DRAWING } from './drawing';

export { DRAWING } from './drawing';
import { createEdges } from './edges';
import { createMotion } from './motion';
import { createNodes } from './nodes';
import { createGroupToggles } from './groups';
import type { EdgeView, GraphView, NodeView } from './viewModel';

export interface RendererOptions {
  onSelect(selection: Selection): void;
  onHover(selection: Selection): void;
}

export interface UpdateOptions {
  /** Milliseconds one step's animation may take; 0 draws the new picture at once. */
  duration: number;
  /** Labels for the screen reader of the output stub. */
  stale: boolean;
  /**
   * CSS px the smallest label must show at: the default view and every step keep the zoom at
   * least that readable (11 on a laptop, more on a projector).
   */
  minLabelPx: number;
}

export interface GraphRenderer {
  update(view: GraphView, options: UpdateOptions): void;
  /** Zooms so the whole graph fits the SVG, with a margin: the overview, readable or not. */
  fit(animate?: boolean): void;
  /** Puts the overview of a graph larger than its view into `host` (outside the graph). */
  attachMinimap(host: Element): void;
  /** The default view: the whole graph if readable, else the current step at a readable zoom. */
  reset(animate?: boolean): void;
  zoomBy(factor: number): void;
  /** Centres a node at a readable zoom (find a node); false when the graph does not draw it. */
  centreOn(id: number): boolean;
  /** The SVG changed size: refit, unless the person has zoomed or panned by hand. */
  resized(): void;
  /**
   * The numbers all changed at once (a gradient-descent update): flash the value labels once so
   * the eye catches it. Reduced motion turns the animation off in CSS.
   */
  flashValues(): void;
  destroy(): void;
}

/** Zoom below which edge labels are hidden: they would be unreadable and cover the wires. */
const LABELS_HIDE_BELOW = 0.36;
/** Zoom below which names and glyphs inside shapes go too: nodes are shapes and colour alone. */
const GLYPHS_HIDE_BELOW = 0.2;
/**
 * Graphs from this many nodes draw text only near the view (see `cull`): every zoom makes the
 * browser lay out every SVG text again at the new scale, ~200 ms a frame at 2,000 nodes.
 */
const CULL_FROM_NODES = 400;
/** How far past a node's centre its text reaches (names, values, badges), in graph units. */
const CULL_PAD = 120;

/**
 * Draws a `GraphView` into an `<svg>` with D3. This file owns the camera (zoom, pan, the default
 * view, following the step, the minimap) and the graph's keyboard focus; the parts draw into
 * their own layers: `edges.ts` (wires and their labels), `nodes.ts` (nodes, their labels and the
 * output's stub), `motion.ts` (the pulse along the step's edge), `badges.ts` (gradient badges).
 * React mounts it once and calls `update` with each new view; nothing here reads the store.
 *
 * @example
 * const r = createGraphRenderer(svg, { onSelect, onHover });
 * r.update(view, { duration: 600, stale: false });
 */
export function createGraphRenderer(svgEl: SVGSVGElement, options: RendererOptions): GraphRenderer {
  const svg = select(svgEl);
  svg.selectAll('*').remove();
  svg.classed('graph-svg', true);
  const defs = svg.append('defs');
  for (const kind of ['plain', 'forward', 'backward', 'tangent', 'dead']) {
    defs
      .append('marker')
      .attr('id', `arrow-${kind}`)
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 9)
      .attr('refY', 5)
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('markerWidth', 11)
      .attr('markerHeight', 11)
      .attr('orient', 'auto-start-reverse')
      .append('path')
      .attr('class', `arrowhead arrowhead-${kind}`)
      .attr('d', 'M0,0 L10,5 L0,10 z');
  }
  const viewport = svg.append('g').attr('class', 'viewport');
  const edgeLayer = viewport.append('g').attr('class', 'edges');
  const stubLayer = viewport.append('g').attr('class', 'stub');
  const nodeLayer = viewport.append('g').attr('class', 'nodes');
  const labelLayer = viewport.append('g').attr('class', 'edge-labels');
  const toggleLayer = viewport.append('g').attr('class', 'group-toggles');
  const pulseLayer = viewport.append('g').attr('class', 'pulses').attr('aria-hidden', 'true');
  const edges = createEdges(edgeLayer, labelLayer, options);
  const nodes = createNodes(nodeLayer, stubLayer, {
    ...options,
    onArrow: (from, key) => moveFocus(from, key),
    onFocus: (d) => {
      rovingId = d.id;
      if (last) rove(last);
    },
  });
  const motion = createMotion(pulseLayer, edgeLayer);
  const toggles = createGroupToggles(toggleLayer);
  // The overview goes outside the graph (never over a node): GraphPanel gives it a place.
  let minimap: Minimap = createMinimap(null, () => undefined);

  let last: GraphView | undefined;
  let bounds = { width: 1, height: 1 };
  let userZoomed = false;
  let transform: ZoomTransform = zoomIdentity;
  let minK = readableZoom(11);
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** The node that takes the graph's one Tab stop (roving focus): the last one focused. */
  let rovingId: number | undefined;

  /** The SVG's box, read when a fit needs it (see `update`) and when it is resized. */
  let box = { w: 800, h: 500 };
  function measure() {
    box = { w: svgEl.clientWidth || 800, h: svgEl.clientHeight || 500 };
  }

  const zoomer: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.05, 4])
    // d3-zoom would read the SVG's width from the DOM on every transform, which makes the browser
    // lay the whole graph out there and then; the box we measured is the same thing.
    .extent(() => [
      [0, 0],
      [box.w, box.h],
    ])
    .on('start', (event: { sourceEvent: unknown }) => {
      // d3-zoom runs gestures side by side (the wheel's lasts 150 ms after its last turn, a drag
      // may start inside it): the picture is moved until the last of them ends.
      gestures++;
      if (event.sourceEvent && movesWhole) beginGesture();
    })
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
      transform = event.transform;
      if (event.sourceEvent) userZoomed = true;
      if (gesture) {
        // The picture drawn at the gesture's start, moved and scaled as a whole (see below).
        // Nothing else is written meanwhile (not even the minimap): any repaint would make the
        // browser sort every one of the graph's thousands of paint chunks into layers again.
        const s = transform.k / gesture.k;
        svgEl.style.transform = `translate(${transform.x - s * gesture.x}px,${transform.y - s * gesture.y}px) scale(${s})`;
        return;
      }
      drawTransform();
      minimap.view(transform, box.w, box.h);
    })
    .on('end', () => {
      gestures = Math.max(0, gestures - 1);
      if (gesture && gestures === 0) endGesture();
    });
  svg.call(zoomer).on('dblclick.zoom', null);

  /** The graph as the transform says: the viewport's own transform, its level of detail, culling. */
  function drawTransform() {
    viewport.attr('transform', transform.toString());
    toggleClass(svgEl, DRAWING.screenStates[0], transform.k < LABELS_HIDE_BELOW);
    toggleClass(svgEl, 'lod-far', transform.k < GLYPHS_HIDE_BELOW);
    cull(false);
  }

  /**
   * A large graph (`movesWhole`) pans and zooms by moving its drawn picture: while a person drags
   * or turns the wheel, the `<svg>` element itself gets a CSS transform (its own layer, see
   * `.graph.moves-whole`), which the compositor applies without laying out or painting a single
   * node; at 2,000 nodes, transforming the viewport group instead repaints everything each frame
   * (~6 fps without a GPU). When the gesture ends (mouse up, the wheel still for 150 ms) the
   * viewport gets the real transform, once, with its level of detail and culled text. Until then
   * what was outside the view stays blank and zoomed-in text is blurred: a moment, on large graphs
   * only. Camera moves the app makes (following a step) draw every frame as before.
   */
  let movesWhole = false;
  let gesture: ZoomTransform | undefined;
  /** d3-zoom gestures under way (each sends one start and one end). */
  let gestures = 0;
  function beginGesture() {
    if (gesture) return;
    gesture = transform;
    // d3-zoom reads the pointer through the SVG's screen matrix, which the CSS transform would
    // change under it; the layout does not move during a gesture, so the matrix before it holds.
    const ctm = svgEl.getScreenCTM();
    Object.defineProperty(svgEl, 'getScreenCTM', { configurable: true, value: () => ctm });
  }
  function endGesture() {
    gesture = undefined;
    Reflect.deleteProperty(svgEl, 'getScreenCTM');
    svgEl.style.transform = '';
    drawTransform();
    minimap.view(transform, box.w, box.h);
  }

  /** The part of the graph whose text is drawn (graph units), or undefined: all of it. */
  let drawnText: Rect | undefined;
  /** Graph point (x, y) is far enough outside `drawnText` for its text not to be drawn. */
  function out(x: number, y: number): boolean {
    return drawnText !== undefined && outside(drawnText, x, y);
  }
  /**
   * Text out of sight is not drawn (`culled`: display none), so a zoom lays out only what is
   * near the view. The text is drawn for the view and one view's size around it, so panning and
   * zooming out a little never show a node without its labels; once the view leaves that part,
   * it is worked out again. Node shapes and their focus stay: only text (and edge badges) go.
   */
  function cull(force: boolean) {
    const view = last;
    if (!view) return;
    const on = view.nodes.length >= CULL_FROM_NODES;
    if (!on && drawnText === undefined) return;
    const t = transform;
    const [x0, y0] = [-t.x / t.k, -t.y / t.k];
    const [x1, y1] = [(box.w - t.x) / t.k, (box.h - t.y) / t.k];
    const inside =
      drawnText !== undefined &&
      x0 >= drawnText[0] &&
      y0 >= drawnText[1] &&
      x1 <= drawnText[2] &&
      y1 <= drawnText[3];
    if (on && inside && !force) return;
    const [w, h] = [x1 - x0, y1 - y0];
    drawnText = on ? [x0 - w, y0 - h, x1 + w, y1 + h] : undefined;
    // Text is shown inside that part and hidden only well outside it (another view's size
    // further): text that comes and goes costs the browser a layout of it each time, and a view
    // moving back and forth (stepping through a column of inputs) would otherwise churn it.
    // A new picture (`force`) is culled exactly.
    const far: Rect | undefined =
      on && !force ? [x0 - 2 * w, y0 - 2 * h, x1 + 2 * w, y1 + 2 * h] : undefined;
    const keep = (el: Element, x: number, y: number) => {
      if (!out(x, y)) toggleClass(el, 'culled', false);
      else if (far === undefined || outside(far, x, y)) toggleClass(el, 'culled', true);
    };
    nodeLayer.selectAll<SVGGElement, NodeView>('g.node').each(function (d) {
      keep(this, d.x, d.y);
    });
    labelLayer.selectAll<SVGGElement, EdgeView>('g.edge-label').each(function (d) {
      keep(this, d.labelX, d.labelY + d.labelDy);
    });
    drawDeferred(view);
  }

  /**
   * Draws what a step changed while it was out of sight (nodes.ts and edges.ts leave culled
   * elements as they were): the ones now in sight; the others wait again.
   */
  function drawDeferred(view: GraphView) {
    const nodeIds = new Set(nodes.takeDeferred());
    const edgeIds = new Set(edges.takeDeferred());
    if (nodeIds.size > 0)
      nodes.update(
        view,
        0,
        view.nodes.filter((n) => nodeIds.has(n.id)),
      );
    if (edgeIds.size > 0)
      edges.update(
        view,
        0,
        view.edges.filter((e) => edgeIds.has(e.id)),
      );
  }

  const cameraOf = (t: ZoomTransform): Camera => ({ k: t.k, x: t.x, y: t.y });
  const toTransform = (c: Camera) => zoomIdentity.translate(c.x, c.y).scale(c.k);

  function moveTo(c: Camera, animate: boolean) {
    const t = toTransform(c);
    // A large graph's camera jumps: every frame of a glide would lay out all its text again.
    if (animate && !reducedMotion() && !movesWhole)
      svg.transition('camera').duration(350).call(zoomer.transform, t);
    else svg.interrupt('camera').call(zoomer.transform, t);
  }

  /**
   * What a step is about, in graph units: the edge it plays (its label box) and both its nodes
   * with their value and badge rows; before the first step, the inputs' end of the graph.
   */
  function focusOf(view: GraphView, arrivalOnly = false, withEdge = true): Rect {
    let r: [number, number, number, number] | undefined;
    const grow = (l: number, t: number, rt: number, b: number) => {
      r = r
        ? [Math.min(r[0], l), Math.min(r[1], t), Math.max(r[2], rt), Math.max(r[3], b)]
        : [l, t, rt, b];
    };
    for (const n of view.nodes) {
      if (!n.current || (arrivalOnly && view.step?.node !== undefined && n.id !== view.step.node)) {
        continue;
      }
      const half = Math.max(n.width / 2, 36);
      if (view.vertical) {
        // Top to bottom: an input's value and badge above it, a node's name left, badge right.
        const side = n.width / 2 + 12;
        grow(n.x - side - 60, n.y - n.height / 2 - 52, n.x + side + 110, n.y + n.height / 2 + 8);
        if (n.output) grow(n.x, n.y, n.x + 130, n.y + n.height / 2 + GEOMETRY.outputStub + 8);
      } else {
        grow(n.x - half, n.y - n.height / 2 - 26, n.x + half, n.y + n.height / 2 + 28);
        if (n.output) grow(n.x, n.y - 20, n.x + n.width / 2 + GEOMETRY.outputStub + 8, n.y + 28);
      }
    }
    const edge =
      view.step?.edge !== undefined ? view.edges.find((e) => e.id === view.step!.edge) : undefined;
    if (edge && withEdge)
      grow(
        edge.labelX - 40,
        edge.labelY + edge.labelDy - 22,
        edge.labelX + 40,
        edge.labelY + edge.labelDy + 28,
      );
    return r ?? [0, 0, Math.min(bounds.width, box.w / minK), bounds.height];
  }

  /** The default view, fitted to the box as last measured (`update` measures before it draws). */
  function resetMeasured(animate = false) {
    userZoomed = false;
    const focus = last ? stepFocus(last) : ([0, 0, bounds.width, bounds.height] as const);
    moveTo(defaultView(box.w, box.h, bounds.width, bounds.height, minK, focus), animate);
  }

  /**
   * What the view must show of the current step at a readable zoom: the step's edge and both its
   * nodes; for an edge so long that its ends cannot share the view, the node the step arrives at
   * and the number on the edge (readability wins over seeing both ends); else that node alone.
   */
  function stepFocus(view: GraphView): Rect {
    let focus = focusOf(view);
    if (fitsAt(box.w, box.h, focus) < minK) focus = focusOf(view, true);
    if (fitsAt(box.w, box.h, focus) < minK) focus = focusOf(view, true, false);
    return focus;
  }

  /**
   * After an edit whose layout kept the drawing's places (`anchored`), the view stays where it
   * was, so nothing on screen jumps: a zoomed or partial view always, a view of the whole graph
   * while the grown drawing still fits in it (else it is fitted again).
   */
  function keepsView(before: GraphView | undefined, view: GraphView): boolean {
    if (!before || !view.anchored) return false;
    if (userZoomed) return true;
    const cam = cameraOf(transform);
    const whole = (b: { width: number; height: number }): Rect => [0, 0, b.width, b.height];
    const wasWhole = inView(cam, box.w, box.h, whole(graphBounds(before)));
    return !wasWhole || inView(cam, box.w, box.h, whole(bounds));
  }

  /** The whole graph, centred, as large as fits (up to 2.2×), however small its labels get. */
  function fit(animate = false) {
    measure();
    userZoomed = true; // an overview on request: resizes keep it, the next step follows again
    moveTo(defaultView(box.w, box.h, bounds.width, bounds.height, 0, [0, 0, 1, 1]), animate);
  }

  /** Keeps the current step in view at a readable zoom (see `follow`). */
  function followStep(view: GraphView, animate: boolean) {
    const cam = cameraOf(transform);
    const next = follow(cam, box.w, box.h, minK, stepFocus(view));
    if (next.k === cam.k && next.x === cam.x && next.y === cam.y) return;
    moveTo(next, animate);
  }

  /** Centres graph point (x, y) in the view at the current zoom (the minimap's click). */
  function centreAt(x: number, y: number) {
    userZoomed = true;
    const k = transform.k;
    moveTo({ k, x: box.w / 2 - x * k, y: box.h / 2 - y * k }, true);
  }

  /** Brings a node into view (keyboard focus moved to it), at the current zoom or readable. */
  function reveal(n: NodeView) {
    const focus: Rect = [n.x - 40, n.y - n.height / 2 - 26, n.x + 40, n.y + n.height / 2 + 28];
    if (inView(cameraOf(transform), box.w, box.h, focus)) return;
    moveTo(follow(cameraOf(transform), box.w, box.h, minK, focus), !reducedMotion());
  }

  /** The graph has one Tab stop: the node last focused, else the current step's, else the output. */
  function rove(view: GraphView) {
    const ids = new Set(view.nodes.map((n) => n.id));
    if (rovingId === undefined || !ids.has(rovingId)) {
      rovingId = (view.nodes.find((n) => n.current) ?? view.nodes.find((n) => n.output))?.id;
    }
    const roving = function (this: SVGGElement, d: NodeView) {
      const want = d.id === rovingId ? '0' : '-1';
      if (this.getAttribute('tabindex') !== want) this.setAttribute('tabindex', want);
    };
    nodeLayer.selectAll<SVGGElement, NodeView>('g.node').each(roving);
    // The focused node's group control follows it in the Tab order.
    toggleLayer.selectAll<SVGGElement, NodeView>('g.group-toggle').each(roving);
  }

  /** Arrow keys move focus to the nearest node that way (weighted against sideways distance). */
  function moveFocus(from: NodeView, key: string) {
    const view = last;
    if (!view) return;
    const [dx, dy] =
      key === 'ArrowRight'
        ? [1, 0]
        : key === 'ArrowLeft'
          ? [-1, 0]
          : key === 'ArrowDown'
            ? [0, 1]
            : [0, -1];
    let best: NodeView | undefined;
    let bestScore = Infinity;
    for (const n of view.nodes) {
      const along = (n.x - from.x) * dx + (n.y - from.y) * dy;
      if (n.id === from.id || along <= 1) continue;
      const across = Math.abs((n.x - from.x) * dy) + Math.abs((n.y - from.y) * dx);
      const score = along + 2.5 * across;
      if (score < bestScore) {
        bestScore = score;
        best = n;
      }
    }
    if (!best) return;
    rovingId = best.id;
    rove(view);
    const el = nodeLayer.select<SVGGElement>(`g.node[data-node="${best.id}"]`).node();
    el?.focus({ preventScroll: true });
    reveal(best);
  }

  return {
    update(view, opts) {
      const before = last;
      const grew =
        !last ||
        last.width !== view.width ||
        last.height !== view.height ||
        last.nodes.length !== view.nodes.length;
      const sameGraph = last !== undefined && last.nodes.length === view.nodes.length && !grew;
      const advanced =
        sameGraph && view.step !== undefined && (last!.step?.index ?? -1) + 1 === view.step.index;
      const duration = advanced ? opts.duration : 0;
      // A redraw of the step on show (a hover, a language switch) must not cut its pulse short.
      const sameStep = sameGraph && last!.step?.index === view.step?.index;
      bounds = graphBounds(view);
      const stepChanged = sameGraph && !sameStep;
      const newMinK = readableZoom(opts.minLabelPx);
      const readabilityChanged = newMinK !== minK;
      minK = newMinK;
      // Read the box before adding the graph's elements: read after, it would make the browser
      // lay the whole new graph out at once, and then again for the frame.
      if (!sameGraph) measure();
      movesWhole = view.nodes.length >= CULL_FROM_NODES;
      toggleClass(svgEl, 'moves-whole', movesWhole);
      if (gesture) endGesture();
      toggleClass(svgEl, DRAWING.screenStates[1], opts.stale);
      // A step on the same graph changes a few nodes and edges: only theirs are drawn again.
      const diff = sameGraph ? changedParts(last!, view) : undefined;
      edges.update(view, duration, diff?.edges);
      nodes.update(view, duration, diff?.nodes);
      if (!diff || diff.nodes.some((n) => n.group !== undefined)) toggles.update(view);
      if (!sameStep) motion.update(view, duration);
      last = view;
      if (!diff || rovingId === undefined) rove(view);
      if (!sameGraph) {
        minimap.draw(view, bounds);
        if (!keepsView(before, view) && (!userZoomed || grew)) resetMeasured();
      } else if (stepChanged || readabilityChanged) {
        followStep(view, duration > 0);
      }
      minimap.mark(view);
      minimap.view(transform, box.w, box.h);
      // Nodes may have moved or been redrawn (their class rewritten): text near the view again.
      if (!diff) cull(true);
      else if (drawnText !== undefined) {
        for (const d of diff.nodes) {
          const el = nodes.elementOf(d.id);
          if (el) toggleClass(el, 'culled', out(d.x, d.y));
        }
      }
    },
    fit,
    attachMinimap(host) {
      minimap.destroy();
      minimap = createMinimap(host, (x, y) => centreAt(x, y));
      if (last) {
        minimap.draw(last, bounds);
        minimap.mark(last);
        minimap.view(transform, box.w, box.h);
      }
    },
    reset(animate = false) {
      measure();
      resetMeasured(animate);
    },
    resized() {
      measure();
      if (!userZoomed && last) resetMeasured();
      minimap.view(transform, box.w, box.h);
      cull(true);
    },
    flashValues() {
      svgEl.classList.remove('values-updated');
      // Reading layout restarts the CSS animation when two updates come in quick succession.
      void svgEl.getBoundingClientRect();
      svgEl.classList.add('values-updated');
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => svgEl.classList.remove('values-updated'), 1200);
    },
    centreOn(id) {
      const n = last?.nodes.find((d) => d.id === id);
      if (!n) return false;
      measure();
      userZoomed = true;
      const k = Math.max(transform.k, minK);
      moveTo({ k, x: box.w / 2 - n.x * k, y: box.h / 2 - n.y * k }, true);
      return true;
    },
    zoomBy(factor) {
      userZoomed = true;
      const t = transform;
      const k = Math.max(0.05, Math.min(4, t.k * factor));
      // Around the view's centre, as d3-zoom's own scaleBy does; one named transition for every
      // camera move, so a step right after a zoom key never races it.
      moveTo(
        {
          k,
          x: box.w / 2 - ((box.w / 2 - t.x) / t.k) * k,
          y: box.h / 2 - ((box.h / 2 - t.y) / t.k) * k,
        },
        true,
      );
    },
    destroy() {
      clearTimeout(flashTimer);
      if (gesture) endGesture();
      svg.on('.zoom', null);
      minimap.destroy();
      motion.destroy();
      svg.selectAll('*').interrupt().remove();
    },
  };
}

/** Graph point (x, y) lies further than `CULL_PAD` outside `r`. */
function outside(r: Rect, x: number, y: number): boolean {
  return x < r[0] - CULL_PAD || x > r[2] + CULL_PAD || y < r[1] - CULL_PAD || y > r[3] + CULL_PAD;
}

/**
 * What changed between two pictures of the same graph (same nodes and edges, same places): the
 * nodes and edges whose view differs, plus the ones the step animates. Undefined when the graph
 * itself changed, which then is joined and drawn whole.
 */
export function changedParts(
  prev: GraphView,
  next: GraphView,
): { nodes: NodeView[]; edges: EdgeView[] } | undefined {
  if (
    prev.nodes.length !== next.nodes.length ||
    prev.edges.length !== next.edges.length ||
    prev.tangentMark !== next.tangentMark ||
    prev.outputId !== next.outputId
  )
    return undefined;
  const nodes: NodeView[] = [];
  for (let i = 0; i < next.nodes.length; i++) {
    const a = prev.nodes[i];
    const b = next.nodes[i];
    // The view model hands back the same object for a node whose picture did not change.
    if (a === b) {
      if (b.id === next.step?.node) nodes.push(b);
      continue;
    }
    if (a.id !== b.id || a.x !== b.x || a.y !== b.y) return undefined;
    if (!same(a, b) || b.id === next.step?.node) nodes.push(b);
  }
  const edges: EdgeView[] = [];
  for (let i = 0; i < next.edges.length; i++) {
    const a = prev.edges[i];
    const b = next.edges[i];
    if (a === b) {
      if (b.id === next.step?.edge) edges.push(b);
      continue;
    }
    if (a.id !== b.id || a.path !== b.path) return undefined;
    if (!same(a, b) || b.id === next.step?.edge) edges.push(b);
  }
  return { nodes, edges };
}

/** Field by field, one level into objects (a node's name, its group). */
function same(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) {
    const u = x[k];
    const v = y[k];
    if (u === v) continue;
    if (typeof u !== 'object' || typeof v !== 'object' || u === null || v === null) return false;
    if (!same(u, v) || !same(v, u)) return false;
  }
  for (const k in y) if (!(k in x)) return false;
  return true;
}

/**
 * The extent a fit shows: the laid-out graph and the stub out of its output (inside the drawing
 * already when it runs top to bottom).
 */
export function graphBounds(view: Pick<GraphView, 'width' | 'height' | 'vertical'>): {
  width: number;
  height: number;
} {
  if (view.vertical) return { width: view.width, height: view.height };
  return { width: view.width + GEOMETRY.outputStub + 8, height: view.height };
}
