import {
  easeCubicInOut,
  select,
  zoom,
  zoomIdentity,
  type BaseType,
  type Selection as D3Selection,
  type ZoomBehavior,
  type ZoomTransform,
} from 'd3';
import type { NodeSymbol } from '../../engine';
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
import { samplePath, type PathSampler } from './pathSampler';
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
  /** The SVG changed size: refit, unless the person has zoomed or panned by hand. */
  resized(): void;
  destroy(): void;
}

/** Zoom below which edge labels are hidden: they would be unreadable and cover the wires. */
const LABELS_HIDE_BELOW = 0.36;
const SVG_NS = 'http://www.w3.org/2000/svg';

type G = D3Selection<SVGGElement, unknown, null, undefined>;

/**
 * What each element was last drawn from. A step changes two or three items, but rewriting every
 * element's attributes makes the browser restyle the whole SVG: at 1,000 nodes that cost a second
 * per step. So each element is touched only when its signature changed (or it animates now).
 */
const drawnAs = new WeakMap<Element, string>();
function changed(el: Element, signature: string): boolean {
  if (drawnAs.get(el) === signature) return false;
  drawnAs.set(el, signature);
  return true;
}

/**
 * `classList.toggle` without the write when nothing changes: even a no-op class write on the
 * `<svg>` restyles every element in it and re-shapes every label (~100 ms at 1,000 nodes).
 */
function toggleClass(el: Element, name: string, on: boolean): void {
  if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
}

/** Samplers by `d`: edges keep their shape while the person steps, so one parse serves all. */
const samplers = new Map<string, PathSampler>();
function samplerOf(d: string): PathSampler {
  let sampler = samplers.get(d);
  if (!sampler) {
    if (samplers.size > 5000) samplers.clear();
    sampler = samplePath(d);
    samplers.set(d, sampler);
  }
  return sampler;
}

/**
 * Draws a `GraphView` into an `<svg>` with D3: nodes and edges joined by id, a pulse travelling
 * along the edge of the step just played, zoom and pan. React mounts it once and calls `update`
 * with each new view; nothing here reads the store.
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
  const pulseLayer = viewport.append('g').attr('class', 'pulses').attr('aria-hidden', 'true');
  // The overview goes outside the graph (never over a node): GraphPanel gives it a place.
  let minimap: Minimap = createMinimap(null, () => undefined);

  let last: GraphView | undefined;
  let bounds = { width: 1, height: 1 };
  let userZoomed = false;
  let transform: ZoomTransform = zoomIdentity;
  let minK = readableZoom(11);
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
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
      transform = event.transform;
      viewport.attr('transform', transform.toString());
      toggleClass(svgEl, 'labels-hidden', transform.k < LABELS_HIDE_BELOW);
      if (event.sourceEvent) userZoomed = true;
      minimap.view(transform, box.w, box.h);
    });
  svg.call(zoomer).on('dblclick.zoom', null);

  const select_ = (sel: Selection) => options.onSelect(sel);

  const cameraOf = (t: ZoomTransform): Camera => ({ k: t.k, x: t.x, y: t.y });
  const toTransform = (c: Camera) => zoomIdentity.translate(c.x, c.y).scale(c.k);

  function moveTo(c: Camera, animate: boolean) {
    const t = toTransform(c);
    if (animate && !reducedMotion())
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
      grow(n.x - half, n.y - n.height / 2 - 26, n.x + half, n.y + n.height / 2 + 28);
      if (n.output) grow(n.x, n.y - 20, n.x + n.width / 2 + GEOMETRY.outputStub + 8, n.y + 28);
    }
    const edge =
      view.step?.edge !== undefined ? view.edges.find((e) => e.id === view.step!.edge) : undefined;
    if (edge && withEdge)
      grow(edge.labelX - 40, edge.labelY - 22, edge.labelX + 40, edge.labelY + 28);
    return r ?? [0, 0, Math.min(bounds.width, box.w / minK), bounds.height];
  }

  /** The default view, fitted to the box as last measured (`update` measures before it draws). */
  function resetMeasured(animate = false) {
    userZoomed = false;
    const focus = last ? focusOf(last) : ([0, 0, bounds.width, bounds.height] as const);
    moveTo(defaultView(box.w, box.h, bounds.width, bounds.height, minK, focus), animate);
  }

  /** The whole graph, centred, as large as fits (up to 2.2×), however small its labels get. */
  function fit(animate = false) {
    measure();
    userZoomed = true; // an overview on request: resizes keep it, the next step follows again
    moveTo(defaultView(box.w, box.h, bounds.width, bounds.height, 0, [0, 0, 1, 1]), animate);
  }

  /** Keeps the current step in view at a readable zoom (see `follow`). */
  function followStep(view: GraphView, animate: boolean) {
    let focus = focusOf(view);
    // An edge so long that its ends cannot share the view at a readable zoom: keep the node the
    // step arrives at and the number on the edge (readability wins over seeing both ends).
    if (fitsAt(box.w, box.h, focus) < minK) focus = focusOf(view, true);
    if (fitsAt(box.w, box.h, focus) < minK) focus = focusOf(view, true, false);
    const cam = cameraOf(transform);
    const next = follow(cam, box.w, box.h, minK, focus);
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
    nodeLayer.selectAll<SVGGElement, NodeView>('g.node').each(function (d) {
      const want = d.id === rovingId ? '0' : '-1';
      if (this.getAttribute('tabindex') !== want) this.setAttribute('tabindex', want);
    });
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

  function drawEdges(view: GraphView, duration: number) {
    const fresh = view.step && duration > 0 ? view.step : undefined;
    edgeLayer
      .selectAll<SVGGElement, EdgeView>('g.edge')
      .data(view.edges, (d) => String(d.id))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'edge');
        g.append('path').attr('class', 'edge-hit');
        g.append('path').attr('class', 'edge-line');
        g.on('click', (event: MouseEvent, d) => {
          event.stopPropagation();
          select_({ kind: 'edge', id: d.id });
        })
          .on('mouseenter', (_e, d) => options.onHover({ kind: 'edge', id: d.id }))
          .on('mouseleave', () => options.onHover(null));
        return g;
      })
      .filter(function (d) {
        return changed(
          this,
          `${d.path}|${d.active}|${d.onPath}|${d.dead}|${d.selected}|${d.fromName}|${d.toName}`,
        );
      })
      .attr('data-edge', (d) => d.id)
      .attr('data-from', (d) => d.fromName)
      .attr('data-to', (d) => d.toName)
      .classed('active-forward', (d) => d.active === 'forward')
      .classed('active-backward', (d) => d.active === 'backward')
      .classed('active-tangent', (d) => d.active === 'tangent')
      .classed('on-path', (d) => d.onPath === true)
      .classed('off-path', (d) => d.onPath === false)
      .classed('dead', (d) => d.dead)
      .classed('selected', (d) => d.selected)
      .call((g) => g.select('path.edge-hit').attr('d', (d) => d.path))
      .call((g) =>
        g
          .select('path.edge-line')
          .attr('d', (d) => d.path)
          .attr('marker-end', (d) => `url(#arrow-${d.active ?? (d.dead ? 'dead' : 'plain')})`),
      );

    const labels = labelLayer
      .selectAll<SVGGElement, EdgeView>('g.edge-label')
      .data(view.edges, (d) => String(d.id))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'edge-label');
        g.append('text').attr('class', 'value-label').attr('text-anchor', 'middle');
        g.append('g').attr('class', 'grad-badge').call(fillBadge);
        return g;
      })
      .filter(function (d) {
        const isFresh = fresh !== undefined && fresh.edge === d.id;
        const signature = `${d.labelX},${d.labelY}|${d.value}|${d.grad}|${d.gradKind}|${d.onPath}|${d.fromName}|${d.toName}|${view.tangentMark}`;
        return changed(this, signature) || isFresh;
      })
      .attr('data-edge', (d) => d.id)
      .attr('data-from', (d) => d.fromName)
      .attr('data-to', (d) => d.toName)
      .classed('off-path', (d) => d.onPath === false)
      .attr('transform', (d) => `translate(${d.labelX},${d.labelY})`);

    labels
      .select<SVGTextElement>('text.value-label')
      .attr('y', -5)
      .text((d) => d.value ?? '')
      .attr('opacity', (d) => (d.value === null ? 0 : 1))
      .filter((d) => fresh?.direction === 'forward' && fresh.edge === d.id)
      .attr('opacity', 0)
      .transition('land')
      .delay(duration * 0.75)
      .duration(duration * 0.25)
      .attr('opacity', 1);

    labels.each(function (d) {
      const badge = select(this).select<SVGGElement>('g.grad-badge');
      badge.attr('display', d.grad === null ? 'none' : null);
      if (d.grad === null) return;
      // Within the box the layout keeps for the label (LABEL_BOX: 18 above the wire, 22 below).
      layoutBadge(badge, d.grad, 12, markOf(view, d.gradKind));
      badge.classed('tangent', d.gradKind === 'tangent');
      if (fresh && fresh.direction !== 'forward' && fresh.edge === d.id) {
        badge
          .attr('opacity', 0)
          .transition('land')
          .delay(duration * 0.75)
          .duration(duration * 0.25)
          .attr('opacity', 1);
      } else badge.interrupt('land').attr('opacity', 1);
    });
  }

  function drawNodes(view: GraphView, duration: number) {
    const fresh = view.step && duration > 0 ? view.step : undefined;
    const nodes = nodeLayer
      .selectAll<SVGGElement, NodeView>('g.node')
      .data(view.nodes, (d) => String(d.id))
      .join((enter) => {
        const g = enter
          .append('g')
          .attr('tabindex', -1)
          .attr('role', 'button')
          .on('click', (event: MouseEvent, d) => {
            event.stopPropagation();
            select_({ kind: 'node', id: d.id });
          })
          .on('keydown', (event: KeyboardEvent, d) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              event.stopPropagation();
              select_({ kind: 'node', id: d.id });
            } else if (/^Arrow(Left|Right|Up|Down)$/.test(event.key)) {
              event.preventDefault();
              event.stopPropagation();
              moveFocus(d, event.key);
            }
          })
          .on('focus.rove', (_e, d) => {
            rovingId = d.id;
            if (last) rove(last);
          })
          .on('mouseenter focus', (_e, d) => options.onHover({ kind: 'node', id: d.id }))
          .on('mouseleave blur', () => options.onHover(null));
        g.append('g').attr('class', 'shape');
        g.append('text').attr('class', 'node-above').attr('text-anchor', 'middle');
        g.append('g').attr('class', 'grad-badge node-grad').call(fillBadge);
        return g;
      })
      .filter(function (d) {
        const isFresh = fresh !== undefined && fresh.node === d.id;
        return changed(this, `${JSON.stringify(d)}|${view.tangentMark}`) || isFresh;
      })
      .attr('class', (d) => `node node-${d.kind}`)
      .classed('output', (d) => d.output)
      .classed('active', (d) => d.active)
      .classed('generated-name', (d) => d.generatedName)
      .attr('aria-current', (d) => (d.current ? 'step' : null))
      .classed('dead', (d) => d.dead)
      .classed('selected', (d) => d.selected)
      .classed('has-note', (d) => d.note !== null)
      .attr('data-node', (d) => d.id)
      .attr('data-name', (d) => d.symbolName)
      .attr('aria-label', (d) => d.ariaLabel)
      .attr('aria-pressed', (d) => String(d.selected))
      .attr('transform', (d) => `translate(${d.x},${d.y})`);

    nodes.each(function (d) {
      const g = select(this);
      drawShape(g.select<SVGGElement>('g.shape'), d);
      // Above an op: the name formulas call it by (`q`, `a₇`); its value travels on the edges out
      // of it (and on the output's stub), so the name stays short and clear of the wires. Above an
      // input: its value.
      const above = g.select<SVGTextElement>('text.node-above');
      const nameAbove = d.kind === 'op' && d.name !== undefined;
      const valueAbove = d.kind === 'input' && d.showValue && d.value !== null;
      above.attr('display', nameAbove || valueAbove ? null : 'none').attr('y', -d.height / 2 - 9);
      above.selectAll('tspan').remove();
      above.text(null);
      if (nameAbove) writeSymbol(above, d.name!, 'node-name');
      if (valueAbove) {
        above
          .append('tspan')
          .attr('class', 'node-value')
          .attr('dy', nameAbove && d.name!.sub !== undefined ? '-0.3em' : null)
          .text(nameAbove ? ` = ${d.value}` : d.value!);
        if (fresh?.kind === 'forward-node' && fresh.node === d.id) {
          above
            .attr('opacity', 0)
            .transition('land')
            .delay(duration * 0.4)
            .duration(duration * 0.3)
            .attr('opacity', 1);
        } else above.interrupt('land').attr('opacity', 1);
      }

      const badge = g.select<SVGGElement>('g.node-grad');
      badge.attr('display', d.grad === null || d.output ? 'none' : null);
      if (d.grad !== null && !d.output) {
        layoutBadge(
          badge,
          d.grad + (d.gradPartial ? ' …' : ''),
          d.height / 2 + 16,
          markOf(view, d.gradKind),
        );
        badge.classed('partial', d.gradPartial);
        badge.classed('tangent', d.gradKind === 'tangent');
        if (
          (fresh?.kind === 'backward-edge' || fresh?.kind === 'tangent-edge') &&
          fresh.node === d.id
        ) {
          badge
            .attr('opacity', 0)
            .transition('land')
            .delay(duration * 0.8)
            .duration(duration * 0.2)
            .attr('opacity', 1);
        } else badge.interrupt('land').attr('opacity', 1);
      }
      if (
        fresh?.node === d.id &&
        (fresh.kind === 'forward-node' ||
          fresh.kind === 'seed' ||
          fresh.kind === 'tangent-seed' ||
          fresh.kind === 'tangent-node')
      ) {
        flash(g.select<SVGGElement>('g.shape'), duration);
      }
    });
  }

  function drawStub(view: GraphView, duration: number) {
    const out = view.nodes.find((n) => n.id === view.outputId);
    stubLayer.selectAll('*').remove();
    if (!out) return;
    const x0 = out.x + out.width / 2 + 4;
    const x1 = x0 + GEOMETRY.outputStub;
    stubLayer
      .append('path')
      .attr('class', 'edge-line stub-line')
      .attr('d', `M${x0},${out.y} L${x1 - 4},${out.y}`)
      .attr('marker-end', 'url(#arrow-plain)');
    const mid = (x0 + x1) / 2;
    const value = stubLayer
      .append('text')
      .attr('class', 'value-label output-value')
      .attr('text-anchor', 'middle')
      .attr('x', mid)
      .attr('y', out.y - 8)
      .text(out.value ?? '');
    if (
      out.value !== null &&
      view.step?.kind === 'forward-node' &&
      view.step.node === out.id &&
      duration > 0
    ) {
      value
        .attr('opacity', 0)
        .transition()
        .delay(duration * 0.5)
        .duration(duration * 0.3)
        .attr('opacity', 1);
    }
    if (out.grad !== null) {
      const badge = stubLayer.append('g').attr('class', 'grad-badge output-grad').call(fillBadge);
      badge
        .attr('transform', `translate(${mid},${out.y})`)
        .classed('tangent', out.gradKind === 'tangent');
      layoutBadge(badge, out.grad, 16, markOf(view, out.gradKind));
    }
  }

  function animatePulse(view: GraphView, duration: number) {
    pulseLayer.selectAll('*').interrupt().remove();
    const step = view.step;
    if (!step || step.edge === undefined || duration <= 0) return;
    const path = edgeLayer
      .select<SVGGElement>(`g.edge[data-edge="${step.edge}"]`)
      .select<SVGPathElement>('path.edge-line')
      .node();
    if (!path) return;
    const sampler = samplerOf(path.getAttribute('d') ?? '');
    const length = sampler.length;
    const backward = step.direction === 'backward';
    const pulse = pulseLayer.append('g').attr('class', `pulse pulse-${step.direction}`);
    pulse.append('circle').attr('r', 7);
    const label = pulse.append('g').attr('class', 'pulse-label');
    if (step.direction === 'tangent') {
      label.classed('grad-badge tangent', true);
      layoutBadge(label, step.carried ?? '', 24, view.tangentMark);
    } else if (backward) layoutBadge(label, step.carried ?? '', 24);
    else
      label
        .append('text')
        .attr('class', 'value-label')
        .attr('text-anchor', 'middle')
        .attr('y', -12)
        .text(step.carried ?? '');
    const at = (t: number) => {
      const p = sampler.at(length * (backward ? 1 - t : t));
      return `translate(${p.x},${p.y})`;
    };
    pulse
      .attr('transform', at(0))
      .transition()
      .duration(duration * 0.75)
      .ease(easeCubicInOut)
      .attrTween('transform', () => at)
      .transition()
      .duration(duration * 0.25)
      .style('opacity', 0)
      .remove();
  }

  return {
    update(view, opts) {
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
      toggleClass(svgEl, 'stale', opts.stale);
      drawEdges(view, duration);
      drawNodes(view, duration);
      drawStub(view, duration);
      if (!sameStep) animatePulse(view, duration);
      last = view;
      rove(view);
      if (!sameGraph) {
        minimap.draw(view, bounds);
        if (!userZoomed || grew) resetMeasured();
      } else if (stepChanged || readabilityChanged) {
        followStep(view, duration > 0);
      }
      minimap.mark(view);
      minimap.view(transform, box.w, box.h);
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
      svg.on('.zoom', null);
      minimap.destroy();
      svg.selectAll('*').interrupt().remove();
    },
  };
}

/** The rounded box of an input or a constant, centred on the node. */
function appendBody(g: G, d: NodeView, rx: number) {
  g.append('rect')
    .attr('class', 'node-body')
    .attr('x', -d.width / 2)
    .attr('y', -d.height / 2)
    .attr('width', d.width)
    .attr('height', d.height)
    .attr('rx', rx);
}

/** Draws a node's outline and glyph: circle for ops, rounded box for inputs, small tag for constants. */
function drawShape(g: G, d: NodeView) {
  g.selectAll('*').remove();
  if (d.kind === 'op') {
    if (d.output)
      g.append('circle')
        .attr('class', 'output-ring')
        .attr('r', d.width / 2 + 4);
    g.append('circle')
      .attr('class', 'node-body')
      .attr('r', d.width / 2);
    g.append('text')
      .attr('class', 'op-glyph')
      .attr('text-anchor', 'middle')
      .attr('dy', '0.35em')
      .attr('font-size', d.glyph.length > 2 ? 14 : 19)
      .text(d.glyph);
  } else if (d.kind === 'input') {
    appendBody(g, d, 10);
    writeSymbol(
      g
        .append('text')
        .attr('class', 'input-name')
        .attr('text-anchor', 'middle')
        .attr('dy', '0.35em'),
      d.name!,
    );
  } else {
    appendBody(g, d, 6);
    g.append('text')
      .attr('class', 'const-glyph')
      .attr('text-anchor', 'middle')
      .attr('dy', '0.35em')
      .text(d.glyph);
  }
  if (d.kind === 'op') {
    g.append('circle')
      .attr('class', 'focus-ring')
      .attr('r', d.width / 2 + 8);
  } else {
    g.append('rect')
      .attr('class', 'focus-ring')
      .attr('x', -d.width / 2 - 6)
      .attr('y', -d.height / 2 - 6)
      .attr('width', d.width + 12)
      .attr('height', d.height + 12)
      .attr('rx', 12);
  }
  if (d.note) {
    g.append('circle')
      .attr('class', `note-dot note-${d.note}`)
      .attr('cx', d.width / 2 - 2)
      .attr('cy', -d.height / 2 + 2)
      .attr('r', 6);
    g.append('text')
      .attr('class', 'note-glyph')
      .attr('x', d.width / 2 - 2)
      .attr('y', -d.height / 2 + 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'middle')
      .text('!');
  }
}

/** Appends a name with its subscript set smaller and lower: w₀ drawn as w and a small 0. */
function writeSymbol(
  text: D3Selection<SVGTextElement, unknown, null, undefined>,
  s: NodeSymbol,
  className = '',
) {
  text.append('tspan').attr('class', className).text(s.base);
  if (s.sub !== undefined) {
    text
      .append('tspan')
      .attr('class', `${className} sub`)
      .attr('dy', '0.3em')
      .style('font-size', 'max(14px, 0.82em)')
      .text(s.sub);
  }
  return text;
}

/** Fills a gradient badge: a rounded box holding a ∂ mark and the number. */
function fillBadge<D, P extends BaseType, PD>(badge: D3Selection<SVGGElement, D, P, PD>) {
  badge.append('rect').attr('rx', 9).attr('ry', 9);
  badge.append('text').attr('class', 'grad-mark').attr('text-anchor', 'end').text('∂');
  badge.append('text').attr('class', 'grad-value').attr('text-anchor', 'start');
  return badge;
}

/** The badge's mark: ∂ for a gradient, `∂/∂b` for forward mode's tangent. */
function markOf(view: GraphView, kind: 'gradient' | 'tangent'): string {
  return kind === 'tangent' && view.tangentMark ? view.tangentMark : '∂';
}

/**
 * Fits a badge (mark, number, rounded box) around `label`, centred at height `y`. The mark is ∂
 * for gradients; forward mode's tangents say what they are taken with respect to, `∂/∂b`, as
 * colah's figures do.
 */
function layoutBadge(badge: G, label: string, y: number, mark = '∂') {
  if (badge.select('text.grad-value').empty()) fillBadge(badge);
  badge.select<SVGTextElement>('text.grad-value').text(label);
  badge.select<SVGTextElement>('text.grad-mark').text(mark);
  const width = estimateBadgeWidth(label);
  const markWidth = mark.length === 1 ? 12 : mark.length * 8.6;
  const left = -(width + markWidth) / 2;
  badge
    .select('rect')
    .attr('x', left - 4)
    .attr('y', y - 10)
    .attr('width', width + markWidth + 8)
    .attr('height', 20);
  badge
    .select('text.grad-mark')
    .attr('x', left + markWidth - 1)
    .attr('y', y)
    .attr('dy', '0.35em');
  badge
    .select('text.grad-value')
    .attr('x', left + markWidth + 2)
    .attr('y', y)
    .attr('dy', '0.35em');
}

function estimateBadgeWidth(label: string): number {
  return label.length * 8.1;
}

/** The extent a fit shows: the laid-out graph and the stub out of its output. */
export function graphBounds(view: Pick<GraphView, 'width' | 'height'>): {
  width: number;
  height: number;
} {
  return { width: view.width + GEOMETRY.outputStub + 8, height: view.height };
}

/** Camera moves are instant for people who asked for less motion (and in jsdom, which has no media queries). */
function reducedMotion(): boolean {
  return typeof matchMedia !== 'function' || matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A brief ring around a node that has just been evaluated. */
function flash(shape: G, duration: number) {
  const node = shape.node();
  if (!node) return;
  const ring = node.ownerDocument.createElementNS(SVG_NS, 'circle');
  const sel = select(ring).attr('class', 'flash-ring').attr('r', 24).attr('opacity', 0.9);
  node.appendChild(ring);
  sel
    .transition()
    .duration(duration * 0.8)
    .attr('r', 38)
    .attr('opacity', 0)
    .remove();
}
