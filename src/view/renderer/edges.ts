import { select, selectAll, type Selection as D3Selection } from 'd3';
import type { Selection } from '../../state/types';
import { fillBadge, layoutBadge, markOf } from './badges';
import { changed, chunked, land, type G } from './draw';
import type { EdgeView, GraphView } from './viewModel';

export interface EdgeHandlers {
  onSelect(selection: Selection): void;
  onHover(selection: Selection): void;
}

/**
 * Edges and their labels: each wire (with a wider invisible path that catches the pointer), the
 * forward value above it and the gradient badge below it, joined by edge id. Only elements whose
 * data changed are touched (see `changed`).
 */
/** Edge elements with their data, however they were selected (a join, or by id). */
type EdgeSelection = D3Selection<SVGGElement, EdgeView, null, undefined>;

export function createEdges(edgeLayer: G, labelLayer: G, handlers: EdgeHandlers) {
  /** Each edge's wire and label elements, by id, as of the last full join. */
  const wireOf = new Map<number, SVGGElement>();
  const labelOf = new Map<number, SVGGElement>();
  /** Labels whose new numbers were not drawn because they were out of sight (`culled`). */
  const deferred = new Set<number>();
  return {
    update: drawEdges,
    labelOf: (id: number) => labelOf.get(id),
    /** Takes the labels left undrawn while out of sight (the caller draws those now in sight). */
    takeDeferred(): number[] {
      const ids = [...deferred];
      deferred.clear();
      return ids;
    },
  };

  /**
   * Draws `view`'s edges. With `only` (a step on the same graph), touches just those edges'
   * elements instead of joining thousands of them.
   */
  function drawEdges(view: GraphView, duration: number, only?: readonly EdgeView[]) {
    const fresh = view.step && duration > 0 ? view.step : undefined;
    const wires = only
      ? selectAll<SVGGElement, EdgeView>(only.map((d) => wireOf.get(d.id)!)).data(only)
      : joinWires(view);
    wires
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

    const labels = (
      only
        ? selectAll<SVGGElement, EdgeView>(only.map((d) => labelOf.get(d.id)!)).data(only)
        : joinLabels(view)
    )
      .filter(function (d) {
        const isFresh = fresh !== undefined && fresh.edge === d.id;
        const signature = `${d.labelX},${d.labelY},${d.labelDy}|${d.value}|${d.grad}|${d.gradKind}|${d.onPath}|${d.fromName}|${d.toName}|${view.tangentMark}`;
        // A step's change out of sight waits until it comes near the view (see `deferred`).
        if (only && !isFresh && this.classList.contains('culled')) {
          deferred.add(d.id);
          return false;
        }
        deferred.delete(d.id);
        return changed(this, signature) || isFresh;
      })
      .attr('data-edge', (d) => d.id)
      .attr('data-from', (d) => d.fromName)
      .attr('data-to', (d) => d.toName)
      .classed('off-path', (d) => d.onPath === false)
      .attr('transform', (d) => `translate(${d.labelX},${d.labelY + d.labelDy})`);

    // A label moved off its wire (nowhere on it was free) is tied to it: from the box's edge
    // nearest the wire (LABEL_BOX: 18 above the box's middle line, 22 below) to the anchor.
    // Only where needed: most labels sit on their wire, and a large graph has thousands.
    labels
      .selectAll<SVGLineElement, EdgeView>('line.leader')
      .data((d) => (d.labelDy === 0 ? [] : [d]))
      .join((enter) => enter.insert('line', ':first-child').attr('class', 'leader'))
      .attr('x1', 0)
      .attr('x2', 0)
      .attr('y1', (d) => (d.labelDy < 0 ? 22 : -18))
      .attr('y2', (d) => -d.labelDy);

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
      land(
        badge,
        fresh !== undefined && fresh.direction !== 'forward' && fresh.edge === d.id,
        duration,
        0.75,
        0.25,
      );
    });
  }

  function joinWires(view: GraphView): EdgeSelection {
    const all = edgeLayer
      .selectAll<SVGGElement, EdgeView>('g.edge')
      .data(view.edges, (d) => String(d.id))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'edge');
        g.append('path').attr('class', 'edge-hit');
        g.append('path').attr('class', 'edge-line');
        g.on('click', (event: MouseEvent, d) => {
          event.stopPropagation();
          handlers.onSelect({ kind: 'edge', id: d.id });
        })
          .on('mouseenter', (_e, d) => handlers.onHover({ kind: 'edge', id: d.id }))
          .on('mouseleave', () => handlers.onHover(null));
        return g;
      });
    wireOf.clear();
    all.each(function (d) {
      wireOf.set(d.id, this);
    });
    chunked(edgeLayer.node()!, all.nodes());
    return all as unknown as EdgeSelection;
  }

  function joinLabels(view: GraphView): EdgeSelection {
    const all = labelLayer
      .selectAll<SVGGElement, EdgeView>('g.edge-label')
      .data(view.edges, (d) => String(d.id))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'edge-label');
        g.append('text').attr('class', 'value-label').attr('text-anchor', 'middle');
        g.append('g').attr('class', 'grad-badge').call(fillBadge);
        return g;
      });
    labelOf.clear();
    deferred.clear();
    all.each(function (d) {
      labelOf.set(d.id, this);
    });
    chunked(labelLayer.node()!, all.nodes());
    return all as unknown as EdgeSelection;
  }
}
