// Node sizes are the layout's to decide (the store lays graphs out without a view): they live in
// src/layout/nodeSize.ts, and the renderer draws in the boxes it reserves.
export { GEOMETRY, textWidth, visualSize } from '../../layout/nodeSize';

/**
 * The zoom that shows a `bw`×`bh` graph whole and centred in a `w`×`h` box, 12 px clear of its
 * edges and at most 2.2× (a two-node graph must not fill a projector). Self-contained on purpose:
 * index.html runs this very function's source to fit the prerendered graph before any module has
 * loaded, so the page and the renderer cannot disagree.
 */
export function fitBox(
  w: number,
  h: number,
  bw: number,
  bh: number,
): { k: number; x: number; y: number } {
  const pad = 12;
  const k = Math.max(0.02, Math.min(2.2, (w - 2 * pad) / bw, (h - 2 * pad) / bh));
  return { k, x: (w - bw * k) / 2, y: (h - bh * k) / 2 };
}
