import { select, selectAll, type Selection as D3Selection } from 'd3';
import type { NodeSymbol } from '../../engine';
import type { Selection } from '../../state/types';
import { badgeBoxWidth, fillBadge, layoutBadge, markOf } from './badges';
import { changed, chunked, land, type G } from './draw';
import { GEOMETRY } from './geometry';
import { GROUP_TOGGLE } from '../../layout/collapse';
import { GROUP_CONTROL_ROOM } from '../../layout/nodeSize';
import { SIDE_GAP } from '../../layout/direction';
import { flash } from './motion';
import type { GraphView, NodeView } from './viewModel';

export interface NodeHandlers {
  onSelect(selection: Selection): void;
  onHover(selection: Selection): void;
  /** An arrow key on a focused node: the renderer moves focus (roving focus). */
  onArrow(from: NodeView, key: string): void;
  /** A node took focus: it becomes the graph's one Tab stop. */
  onFocus(node: NodeView): void;
}

/**
 * Nodes (shape, glyph, name and value above, gradient badge below) and the output's stub, joined
 * by node id; a node's group is its accessible button.
 */
export function createNodes(nodeLayer: G, stubLayer: G, handlers: NodeHandlers) {
  /** Each node's element, by id, as of the last full join (`only` looks them up here). */
  const elementOf = new Map<number, SVGGElement>();
  /**
   * Nodes whose new picture was not drawn because they were out of sight (`culled`): a jump to
   * the end changes every node of a 2,000-node graph, most of them far from the view.
   */
  const deferred = new Set<number>();
  return {
    /**
     * Draws `view`. With `only` (a step on the same graph: see `changedNodes`), touches just
     * those nodes' elements: no join over thousands of nodes when a step changes two or three.
     */
    update(view: GraphView, duration: number, only?: readonly NodeView[]) {
      drawNodes(view, duration, only);
      const out = view.nodes.find((n) => n.id === view.outputId);
      if (!only || (out && only.includes(out))) drawStub(view, duration);
    },
    elementOf: (id: number) => elementOf.get(id),
    /** Takes the nodes left undrawn while out of sight (the caller draws those now in sight). */
    takeDeferred(): number[] {
      const ids = [...deferred];
      deferred.clear();
      return ids;
    },
  };

  function drawNodes(view: GraphView, duration: number, only?: readonly NodeView[]) {
    const fresh = view.step && duration > 0 ? view.step : undefined;
    const joined = only
      ? selectAll<SVGGElement, NodeView>(only.map((d) => elementOf.get(d.id)!)).data(only)
      : joinNodes(view);
    const nodes = joined
      .filter(function (d) {
        const isFresh = fresh !== undefined && fresh.node === d.id;
        // A step's change to a node out of sight (culled) is drawn once it comes near the view
        // (see `deferred`); a new picture (nodes may have moved) is drawn whole.
        if (only && !isFresh && this.classList.contains('culled')) {
          deferred.add(d.id);
          return false;
        }
        deferred.delete(d.id);
        return (
          changed(this, `${JSON.stringify(d)}|${view.tangentMark}|${view.vertical}`) || isFresh
        );
      })
      .attr('class', (d) => `node node-${d.kind}`)
      .classed('node-group', (d) => d.group?.collapsed === true)
      .classed('has-value', (d) => d.value !== null)
      .classed('has-grad', (d) => d.grad !== null)
      .classed('output', (d) => d.output)
      .classed('active', (d) => d.active)
      .classed('generated-name', (d) => d.generatedName)
      .classed('linked', (d) => d.linked)
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
      // The shape changes with the node's kind, size, name or note, not with its numbers: a jump
      // to the end changes every node's numbers, and rebuilding 2,000 shapes took most of it.
      const shape = g.select<SVGGElement>('g.shape');
      const looks = `${d.kind}|${d.width}|${d.height}|${d.glyph}|${d.output}|${d.note}|${d.group?.collapsed}|${d.name?.base}|${d.name?.sub}`;
      if (changed(shape.node()!, looks)) drawShape(shape, d);
      // Above an op: the name formulas call it by (`q`, `a₇`); its value travels on the edges out
      // of it (and on the output's stub), so the name stays short and clear of the wires. Above an
      // input: its value.
      const above = g.select<SVGTextElement>('text.node-above');
      const box = d.group?.collapsed === true;
      const nameAbove = d.kind === 'op' && d.name !== undefined && !box;
      const valueAbove = (d.kind === 'input' || box) && d.showValue && d.value !== null;
      above.attr('display', nameAbove || valueAbove ? null : 'none').attr('y', -d.height / 2 - 9);
      // Top to bottom (see src/layout/vertical.ts): an input's value above its badge, above it;
      // any other node's name or value left of it, its group's control between them.
      if (view.vertical) {
        const input = d.kind === 'input';
        above
          .attr('text-anchor', input ? 'middle' : 'end')
          // A name keeps room for its group's control next to the node; a collapsed box's
          // value has its control inside the box.
          .attr('x', input ? 0 : -d.width / 2 - SIDE_GAP - (box ? 0 : GROUP_CONTROL_ROOM))
          .attr('y', input ? -d.height / 2 - 31 : 5);
      } else above.attr('text-anchor', 'middle').attr('x', null);
      above.selectAll('tspan').remove();
      above.text(null);
      if (nameAbove) writeSymbol(above, d.name!, 'node-name');
      if (valueAbove) {
        above
          .append('tspan')
          .attr('class', 'node-value')
          .attr('dy', nameAbove && d.name!.sub !== undefined ? '-0.3em' : null)
          .text(nameAbove ? ` = ${d.value}` : d.value!);
        land(above, fresh?.kind === 'forward-node' && fresh.node === d.id, duration, 0.4, 0.3);
      }

      const badge = g.select<SVGGElement>('g.node-grad');
      badge.attr('display', d.grad === null || d.output ? 'none' : null);
      if (d.grad !== null && !d.output) {
        const label = d.grad + (d.gradPartial ? ' …' : '');
        const mark = markOf(view, d.gradKind);
        // Top to bottom: above an input (under its value), right of any other node.
        const y = !view.vertical ? d.height / 2 + 16 : d.kind === 'input' ? -d.height / 2 - 12 : 0;
        layoutBadge(badge, label, y, mark);
        badge.attr(
          'transform',
          view.vertical && d.kind !== 'input'
            ? `translate(${d.width / 2 + SIDE_GAP + badgeBoxWidth(label, mark) / 2},0)`
            : null,
        );
        badge.classed('partial', d.gradPartial);
        badge.classed('tangent', d.gradKind === 'tangent');
        land(
          badge,
          (fresh?.kind === 'backward-edge' || fresh?.kind === 'tangent-edge') &&
            fresh.node === d.id,
          duration,
          0.8,
          0.2,
        );
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

  /** Joins every node of `view` to its element by id (entering new ones), and indexes them. */
  function joinNodes(view: GraphView) {
    const all = nodeLayer
      .selectAll<SVGGElement, NodeView>('g.node')
      .data(view.nodes, (d) => String(d.id))
      .join((enter) => {
        const g = enter
          .append('g')
          .attr('tabindex', -1)
          .attr('role', 'button')
          .on('click', (event: MouseEvent, d) => {
            event.stopPropagation();
            handlers.onSelect({ kind: 'node', id: d.id });
          })
          .on('keydown', (event: KeyboardEvent, d) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              event.stopPropagation();
              handlers.onSelect({ kind: 'node', id: d.id });
            } else if (/^Arrow(Left|Right|Up|Down)$/.test(event.key)) {
              event.preventDefault();
              event.stopPropagation();
              handlers.onArrow(d, event.key);
            }
          })
          .on('focus.rove', (_e, d) => handlers.onFocus(d))
          .on('mouseenter focus', (_e, d) => handlers.onHover({ kind: 'node', id: d.id }))
          .on('mouseleave blur', () => handlers.onHover(null));
        g.append('g').attr('class', 'shape');
        g.append('text').attr('class', 'node-above').attr('text-anchor', 'middle');
        g.append('g').attr('class', 'grad-badge node-grad').call(fillBadge);
        return g;
      });
    elementOf.clear();
    deferred.clear();
    all.each(function (d) {
      elementOf.set(d.id, this);
    });
    chunked(nodeLayer.node()!, all.nodes());
    // One type for a join and a selection by id: nothing below reads the parent.
    return all as unknown as D3Selection<SVGGElement, NodeView, null, undefined>;
  }

  function drawStub(view: GraphView, duration: number) {
    const out = view.nodes.find((n) => n.id === view.outputId);
    stubLayer.selectAll('*').remove();
    if (!out) return;
    // Left to right the stub leaves the output's right side, its value above it and its badge
    // below; top to bottom it runs down from the output, both right of it (room the layout kept).
    const down = view.vertical === true;
    const s0 = down ? out.y + out.height / 2 + 4 : out.x + out.width / 2 + 4;
    const s1 = s0 + GEOMETRY.outputStub;
    const mid = (s0 + s1) / 2;
    stubLayer
      .append('path')
      .attr('class', 'edge-line stub-line')
      .attr(
        'd',
        down ? `M${out.x},${s0} L${out.x},${s1 - 4}` : `M${s0},${out.y} L${s1 - 4},${out.y}`,
      )
      .attr('marker-end', 'url(#arrow-plain)');
    const value = stubLayer
      .append('text')
      .attr('class', 'value-label output-value')
      .attr('text-anchor', down ? 'start' : 'middle')
      .attr('x', down ? out.x + SIDE_GAP : mid)
      .attr('y', down ? mid - 6 : out.y - 8)
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
      const mark = markOf(view, out.gradKind);
      badge
        .attr(
          'transform',
          down
            ? `translate(${out.x + SIDE_GAP + badgeBoxWidth(out.grad, mark) / 2},${mid})`
            : `translate(${mid},${out.y})`,
        )
        .classed('tangent', out.gradKind === 'tangent');
      layoutBadge(badge, out.grad, down ? 11 : 16, mark);
    }
  }
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
  if (d.group?.collapsed) {
    // A collapsed statement group: a double-edged box with its name, room on the right for its
    // expand control (drawn in its own layer: a control may not sit inside the node's button).
    appendBody(g, d, 8);
    g.append('rect')
      .attr('class', 'group-inner')
      .attr('x', -d.width / 2 + 4)
      .attr('y', -d.height / 2 + 4)
      .attr('width', d.width - 8)
      .attr('height', d.height - 8)
      .attr('rx', 5);
    writeSymbol(
      g
        .append('text')
        .attr('class', 'input-name group-name')
        .attr('x', -GROUP_TOGGLE / 2)
        .attr('text-anchor', 'middle')
        .attr('dy', '0.35em'),
      d.name!,
    );
  } else if (d.kind === 'op') {
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
  if (d.kind === 'op' && !d.group?.collapsed) {
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
