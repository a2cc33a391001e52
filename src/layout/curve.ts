import { curveMonotoneX, curveMonotoneY, line } from 'd3';
import type { Point } from './routes';

const pathOf = line().curve(curveMonotoneX);
const pathDown = line().curve(curveMonotoneY);

/** SVG `d` of the smooth curve through a route: d3-shape's monotone-x cubic (no overshoot). */
export function curvePath(points: readonly Point[], digits = 1): string {
  const f = 10 ** digits;
  const rounded = points.map(
    ([px, py]) => [Math.round(px * f) / f, Math.round(py * f) / f] as Point,
  );
  return pathOf(rounded) ?? '';
}

/**
 * `curvePath` of a route running down the screen (y strictly increasing): d3-shape's monotone-y
 * cubic, the same curve as monotone-x through the route with x and y swapped, so the points the
 * labels were placed on (in that turned frame) lie on it.
 */
export function curvePathDown(points: readonly Point[], digits = 1): string {
  const f = 10 ** digits;
  const rounded = points.map(
    ([px, py]) => [Math.round(px * f) / f, Math.round(py * f) / f] as Point,
  );
  return pathDown(rounded) ?? '';
}

/**
 * Tangent slopes of d3's `curveMonotoneX` at each point (Steffen's method, as d3-shape computes
 * them), so that points *on* the drawn curve can be computed exactly.
 */
export function monotoneTangents(points: readonly Point[]): Float64Array {
  const n = points.length;
  const t = new Float64Array(n);
  if (n < 2) return t;
  if (n === 2) {
    const s = (points[1][1] - points[0][1]) / (points[1][0] - points[0][0]);
    t[0] = s;
    t[1] = s;
    return t;
  }
  for (let i = 1; i < n - 1; i++) {
    const h0 = points[i][0] - points[i - 1][0];
    const h1 = points[i + 1][0] - points[i][0];
    const s0 = (points[i][1] - points[i - 1][1]) / h0;
    const s1 = (points[i + 1][1] - points[i][1]) / h1;
    const p = (s0 * h1 + s1 * h0) / (h0 + h1);
    t[i] =
      (Math.sign(s0 || 1) + Math.sign(s1 || 1)) *
        Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  }
  const h = (a: number, b: number) => points[b][0] - points[a][0];
  t[0] = (3 * (points[1][1] - points[0][1])) / h(0, 1) / 2 - t[1] / 2;
  t[n - 1] = (3 * (points[n - 1][1] - points[n - 2][1])) / h(n - 2, n - 1) / 2 - t[n - 2] / 2;
  return t;
}

/** The point of the curve at fraction `u` (0..1) of the x-extent of segment `i` (points i → i+1). */
export function pointOnCurve(
  points: readonly Point[],
  tangents: Float64Array,
  i: number,
  u: number,
): Point {
  const [x0, y0] = points[i];
  const [x1, y1] = points[i + 1];
  const dx = x1 - x0;
  const c1 = y0 + (dx * tangents[i]) / 3;
  const c2 = y1 - (dx * tangents[i + 1]) / 3;
  const v = 1 - u;
  return [x0 + dx * u, v * v * v * y0 + 3 * v * v * u * c1 + 3 * v * u * u * c2 + u * u * u * y1];
}
