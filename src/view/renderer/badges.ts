import type { BaseType, Selection as D3Selection } from 'd3';
import { badgeMarkWidth, numberWidth, LABEL_FONT } from '../../layout/nodeSize';
import type { G } from './draw';
import type { GraphView } from './viewModel';

/** Fills a gradient badge: a rounded box holding a ∂ mark and the number. */
export function fillBadge<D, P extends BaseType, PD>(badge: D3Selection<SVGGElement, D, P, PD>) {
  badge.append('rect').attr('rx', 9).attr('ry', 9);
  badge.append('text').attr('class', 'grad-mark').attr('text-anchor', 'end').text('∂');
  badge.append('text').attr('class', 'grad-value').attr('text-anchor', 'start');
  return badge;
}

/** The badge's mark: ∂ for a gradient, `∂/∂b` for forward mode's tangent. */
export function markOf(view: GraphView, kind: 'gradient' | 'tangent'): string {
  return kind === 'tangent' && view.tangentMark ? view.tangentMark : '∂';
}

/** Width of the box `layoutBadge` draws around `label` (centred on the badge's origin). */
export function badgeBoxWidth(label: string, mark = '∂'): number {
  return numberWidth(label, LABEL_FONT.grad) + badgeMarkWidth(mark) + 10;
}

/**
 * Fits a badge (mark, number, rounded box) around `label`, centred at height `y`. The mark is ∂
 * for gradients; forward mode's tangents say what they are taken with respect to, `∂/∂b`, as
 * colah's figures do.
 */
export function layoutBadge(badge: G, label: string, y: number, mark = '∂') {
  if (badge.select('text.grad-value').empty()) fillBadge(badge);
  badge.select<SVGTextElement>('text.grad-value').text(label);
  badge.select<SVGTextElement>('text.grad-mark').text(mark);
  const width = numberWidth(label, LABEL_FONT.grad);
  const markWidth = badgeMarkWidth(mark);
  const left = -(width + markWidth + 2) / 2;
  badge
    .select('rect')
    .attr('x', left - 4)
    .attr('y', y - 10)
    .attr('width', width + markWidth + 10)
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
