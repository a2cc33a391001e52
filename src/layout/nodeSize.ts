import type { GraphNode } from '../engine';

/**
 * Sizes of what the graph draws, in SVG units (1 unit = 1 CSS px at zoom 1). The layout reserves
 * room above each node for its value and below for its gradient badge, so labels never sit on a
 * neighbour.
 */
export const GEOMETRY = {
  opRadius: 23,
  inputHeight: 36,
  constHeight: 24,
  /** Room kept above and below a node for its value and its gradient badge. */
  labelRoom: 24,
  nodeFont: 17,
  inputFont: 17,
  constFont: 13,
  labelFont: 14,
  /**
   * Length of the stub drawn out of the output node, carrying its value and gradient (a
   * top-to-bottom layout keeps room for it: `vertical.ts`'s `OUTPUT_STUB`, checked equal).
   */
  outputStub: 78,
} as const;

/** Rough advance width of text in the UI font: good enough to size boxes, measured in CSS px. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (/[ilj.,:;|!'()[\]1]/.test(ch)) em += 0.32;
    else if (/[mwMW]/.test(ch)) em += 0.86;
    else if (/[A-Z0-9∂·−=+\-_]/.test(ch)) em += 0.62;
    else em += 0.54;
  }
  return em * fontSize;
}

/**
 * Width of a number written in the graph's bold tabular figures at `fontSize`, erring wide: digits
 * and signs 0.7 em (DejaVu Sans Bold's are 0.696), a point 0.4 em, anything else 0.72 em. Badges
 * and the layout's label boxes are sized by it, so a long number never overflows its box.
 */
export function numberWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += ch === '.' || ch === ',' ? 0.4 : /[0-9−\-+]/.test(ch) ? 0.7 : 0.72;
  return em * fontSize;
}

/** Font sizes of an edge's labels (styles.css: `.value-label`, `.grad-value`). */
export const LABEL_FONT = { value: 15, grad: 14 } as const;

/**
 * The widest numbers `formatNumber` writes at its default 4 significant digits. The layout keeps
 * room for these wherever a number can appear, so that a value edit never needs a new layout
 * (issue 17's `layoutKey`) and never makes labels collide (issue 9).
 */
export const WIDEST_NUMBERS = ['-0.0001234', '-1.235e-10'] as const;

/** The widest of `WIDEST_NUMBERS` as `measure` sizes them, rounded up. */
export function widestNumber(measure: (text: string) => number): number {
  return Math.ceil(Math.max(...WIDEST_NUMBERS.map(measure)));
}

/** Width of a gradient badge around `label`: its ∂ mark (or `∂/∂b`), the number and padding. */
export function badgeWidth(label: string, mark = '∂'): number {
  return numberWidth(label, LABEL_FONT.grad) + badgeMarkWidth(mark) + 10;
}

/** Room the badge's mark takes left of the number. */
export function badgeMarkWidth(mark: string): number {
  return mark.length === 1 ? 12 : mark.length * 8.6;
}

/** The visible box of a node (circle, rounded rectangle or small constant tag). */
export function visualSize(node: Pick<GraphNode, 'kind' | 'symbol' | 'label'>): {
  width: number;
  height: number;
} {
  const g = GEOMETRY;
  if (node.kind === 'op') return { width: g.opRadius * 2, height: g.opRadius * 2 };
  if (node.kind === 'const') {
    return { width: Math.max(24, textWidth(node.label, g.constFont) + 14), height: g.constHeight };
  }
  const subWidth = node.symbol.sub ? textWidth(node.symbol.sub, g.inputFont * 0.7) : 0;
  return {
    width: Math.max(44, textWidth(node.symbol.base, g.inputFont) + subWidth + 24),
    height: g.inputHeight,
  };
}

/**
 * The box the layout keeps free for a node (the visible box plus room above for its value and
 * below for its gradient badge), the visible box itself, which edges attach to, and how wide the
 * rows of its own labels can get: above, an input's value or an op's name; below, its gradient
 * (reverse mode: inputs and nodes used more than once, `shared`, whose badge may say "… so far")
 * or its tangent (forward mode: every node).
 */
export function layoutSize(
  node: Pick<GraphNode, 'kind' | 'symbol' | 'label'>,
  shared = false,
): {
  width: number;
  height: number;
  visual: { width: number; height: number };
  above?: number;
  below?: number;
} {
  const visual = visualSize(node);
  const room = node.kind === 'const' ? 6 : GEOMETRY.labelRoom;
  const box = {
    width: Math.max(visual.width, node.kind === 'const' ? 0 : 64),
    height: visual.height + 2 * room,
    visual,
  };
  if (node.kind === 'const') return box;
  // An op's name, with room on either side for a statement group's control right of it.
  const above =
    node.kind === 'input' ? NUMBER_ROW.value : nameWidth(node.symbol) + 2 * GROUP_CONTROL_ROOM;
  // Forward mode writes every node's tangent below it; " …" (a sum still open) only comes on a
  // node whose gradient gathers several shares.
  const below = shared ? NUMBER_ROW.badge : NUMBER_ROW.edgeBadge;
  return { ...box, above, below };
}

/** Room right of an op's name for its statement group's control (`GROUP_TOGGLE` and air). */
export const GROUP_CONTROL_ROOM = 24;

/** Width of an op's name as drawn above it (15 px bold italic), erring wide. */
export function nameWidth(name: { base: string; sub?: string }): number {
  const size = GEOMETRY.labelFont + 1;
  return Math.ceil(
    1.1 * (textWidth(name.base, size) + (name.sub ? textWidth(name.sub, size * 0.7) : 0)),
  );
}

/**
 * Widths kept for labels holding any number (`WIDEST_NUMBERS`): a value, a gradient badge, a
 * node's badge of a sum still open (" …").
 */
export const NUMBER_ROW = {
  value: widestNumber((t) => numberWidth(t, LABEL_FONT.value)),
  edgeBadge: widestNumber((t) => badgeWidth(t)),
  badge: widestNumber((t) => badgeWidth(`${t} …`)),
} as const;
