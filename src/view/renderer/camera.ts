import { fitBox } from './geometry';

/** A rectangle in graph units: left, top, right, bottom. */
export type Rect = readonly [number, number, number, number];

export interface Camera {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The smallest font a label of the graph is drawn in, in graph units (value labels, gradient
 * badges, names and constants are all 14 units or more). At zoom k it shows at `k × 14` CSS px.
 */
export const LABEL_MIN_FONT = 14;

/** Largest zoom a fit uses: a two-node graph must not fill a projector. */
const MAX_FIT = 2.2;

/** The zoom at which the smallest label shows at `px` CSS px. */
export const readableZoom = (px: number): number => px / LABEL_MIN_FONT;

/**
 * The default view of a `bw`×`bh` graph in a `w`×`h` box: the whole graph when it fits at a zoom
 * where its labels are readable (`minK`); otherwise that readable zoom, showing `focus` (the
 * current step, or where the trace starts), with the rest reachable by panning and the minimap.
 * A teacher can always press Fit for the overview; stepping brings the zoom back to readable.
 *
 * @example
 * defaultView(800, 400, 2000, 600, 0.8, [0, 0, 300, 600]) // { k: 0.8, … } showing the left end
 */
export function defaultView(
  w: number,
  h: number,
  bw: number,
  bh: number,
  minK: number,
  focus: Rect,
): Camera & { whole: boolean } {
  const whole = fitBox(w, h, bw, bh);
  if (whole.k >= Math.min(minK, MAX_FIT)) return { ...whole, whole: true };
  const k = Math.min(minK, MAX_FIT);
  return { ...centreOn(w, h, k, focus, bw, bh), whole: false };
}

/** The camera at zoom `k` that centres `focus`, kept from showing empty space past the graph. */
function centreOn(w: number, h: number, k: number, focus: Rect, bw: number, bh: number): Camera {
  const cx = (focus[0] + focus[2]) / 2;
  const cy = (focus[1] + focus[3]) / 2;
  return { k, x: clampPan(w / 2 - cx * k, w, bw * k), y: clampPan(h / 2 - cy * k, h, bh * k) };
}

/** A translation that keeps a `size`-long graph covering a `view`-long box (or centred in it). */
function clampPan(t: number, view: number, size: number): number {
  if (size <= view) return (view - size) / 2;
  return Math.min(0, Math.max(view - size, t));
}

/**
 * The camera after a step: unchanged when `focus` (the step's edge and both its nodes) is in view
 * with a margin at a readable zoom; otherwise zoomed to readable (if it was below) and panned by
 * as little as brings `focus` in, so consecutive steps glide rather than jump. A focus larger than
 * the view is centred.
 *
 * @example
 * follow({ k: 1, x: 0, y: 0 }, 800, 400, 0.8, [900, 100, 1000, 200]) // pans left by ~300 px
 */
export function follow(cam: Camera, w: number, h: number, minK: number, focus: Rect): Camera {
  const readable = Math.min(minK, MAX_FIT);
  let k = Math.max(cam.k, readable);
  // Zoomed in further than the focus allows: zoom out as far as shows it whole, never below readable.
  const fits = fitsAt(w, h, focus);
  if (fits < k) k = Math.max(readable, fits);
  // The zoom changes around the view's centre, as the zoom buttons do.
  let x = cam.x;
  let y = cam.y;
  if (k !== cam.k) {
    x = w / 2 - ((w / 2 - cam.x) / cam.k) * k;
    y = h / 2 - ((h / 2 - cam.y) / cam.k) * k;
  }
  const margin = Math.min(48, w * 0.08, h * 0.08);
  return {
    k,
    x: panInto(x, w, margin, focus[0] * k, focus[2] * k),
    y: panInto(y, h, margin, focus[1] * k, focus[3] * k),
  };
}

/** The largest zoom at which `focus` fits the view with the margin `follow` keeps. */
export function fitsAt(w: number, h: number, focus: Rect): number {
  const margin = Math.min(48, w * 0.08, h * 0.08);
  return Math.min(
    (w - 2 * margin) / Math.max(1, focus[2] - focus[0]),
    (h - 2 * margin) / Math.max(1, focus[3] - focus[1]),
  );
}

/** Moves translation `t` as little as puts [lo, hi] (scaled graph coordinates) inside the view. */
function panInto(t: number, view: number, margin: number, lo: number, hi: number): number {
  if (hi - lo > view - 2 * margin) return view / 2 - (lo + hi) / 2;
  if (lo + t < margin) return margin - lo;
  if (hi + t > view - margin) return view - margin - hi;
  return t;
}

/** Whether `focus` lies inside the view of camera `cam` in a `w`×`h` box. */
export function inView(cam: Camera, w: number, h: number, focus: Rect): boolean {
  return (
    focus[0] * cam.k + cam.x >= -0.5 &&
    focus[2] * cam.k + cam.x <= w + 0.5 &&
    focus[1] * cam.k + cam.y >= -0.5 &&
    focus[3] * cam.k + cam.y <= h + 0.5
  );
}

/**
 * How large the smallest graph label must show, in CSS px, for who is looking: 10 on a phone, 11
 * on a laptop, and on a projector in presentation mode 14 at 1280 px wide growing to 20 at 1920
 * (the back row of a lecture hall).
 *
 * @example
 * labelTargetPx('present', 1920) // 20
 */
export function labelTargetPx(mode: 'normal' | 'present' | 'embed', viewportWidth: number): number {
  if (mode === 'present') return Math.min(22, Math.max(14, Math.round(viewportWidth / 96)));
  return viewportWidth < 600 || mode === 'embed' ? 10 : 11;
}
