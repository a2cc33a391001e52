import { GROUP_TOGGLE } from '../../layout/collapse';
import { GROUP_CONTROL_ROOM, nameWidth } from '../../layout/nodeSize';
import { SIDE_GAP } from '../../layout/direction';
import { changed, type G } from './draw';
import type { GraphView, NodeView } from './viewModel';

/** The event a group's control sends up to the `<svg>`: `detail` is the group's name. */
export const GROUP_TOGGLE_EVENT = 'group-toggle';

const SIZE = GROUP_TOGGLE - 2;

/**
 * Each statement group's own control, named after it ("Expand h1", "Collapse h1"): inside the
 * right end of a collapsed box, above the right of an expanded group's named node. Drawn in a
 * layer above the nodes (a button inside the node's button would be nested controls). Like the
 * nodes, they rove: only the focused node's control is a Tab stop, right after the node, since a
 * network has hundreds of groups; Collapse all and Expand all act on every group at once. A click
 * sends `GROUP_TOGGLE_EVENT` to the page, so the renderer keeps no link to the store.
 */
export function createGroupToggles(layer: G) {
  return {
    update(view: GraphView) {
      const items = view.nodes.filter((n) => n.group !== undefined);
      layer
        .selectAll<SVGGElement, NodeView>('g.group-toggle')
        .data(items, (d) => String(d.id))
        .join((enter) => {
          const g = enter
            .append('g')
            .attr('class', 'group-toggle')
            .attr('role', 'button')
            // Roving, like the nodes: only the focused node's control is a Tab stop (see `rove`).
            .attr('tabindex', -1)
            .on('click', (event: MouseEvent, d) => {
              event.stopPropagation();
              send(event.currentTarget as Element, d);
            })
            .on('keydown', (event: KeyboardEvent, d) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              event.stopPropagation();
              send(event.currentTarget as Element, d);
            });
          g.append('rect')
            .attr('class', 'group-toggle-body')
            .attr('x', -SIZE / 2)
            .attr('y', -SIZE / 2)
            .attr('width', SIZE)
            .attr('height', SIZE)
            .attr('rx', 4);
          g.append('path').attr('class', 'group-toggle-glyph');
          return g;
        })
        .filter(function (d) {
          return changed(
            this,
            `${d.x},${d.y},${d.width},${d.height},${d.group!.collapsed},${d.group!.label},${view.vertical}`,
          );
        })
        .attr('aria-label', (d) => d.group!.label)
        .attr('aria-expanded', (d) => String(!d.group!.collapsed))
        .attr('data-group', (d) => d.group!.name)
        .attr('transform', (d) => {
          const [x, y] = d.group!.collapsed
            ? [d.x + d.width / 2 - GROUP_TOGGLE / 2 - 3, d.y]
            : view.vertical
              ? // Top to bottom, between the node and its name left of it.
                [d.x - d.width / 2 - SIDE_GAP - GROUP_CONTROL_ROOM / 2, d.y]
              : // Right of the name above the node, in the room the layout keeps there.
                [
                  d.x + Math.max(d.width, d.name ? nameWidth(d.name) : 0) / 2 + SIZE / 2 + 2,
                  d.y - d.height / 2 - SIZE / 2,
                ];
          return `translate(${x},${y})`;
        })
        .select('path')
        // A plus to expand, a minus to collapse.
        .attr('d', (d) => (d.group!.collapsed ? 'M-5,0H5M0,-5V5' : 'M-5,0H5'));
    },
  };
}

function send(el: Element, d: NodeView) {
  el.dispatchEvent(new CustomEvent(GROUP_TOGGLE_EVENT, { detail: d.group!.name, bubbles: true }));
}
