/**
 * cs231n's spiral data set (the "Putting it together" notes): `classes` arms of `perClass`
 * 2-D points each, arm j at angles 4j…4(j+1) with noise of standard deviation 0.2 and radii
 * evenly from 0 to 1. No straight line separates the classes: a linear classifier stays near
 * chance, a small ReLU network learns the arms. The noise comes from a seeded generator of its
 * own (the caller's `fillNormal` with a fixed seed), so the same call gives the same points on
 * every machine, whatever `randn`'s seed.
 */

/** What a spiral creator may be asked for: enough to learn from, small enough to train live. */
export const SPIRAL_LIMITS = { perClass: [2, 1000], classes: [2, 8] } as const;

/** The points, row j·perClass + i being point i of arm j: a (perClass·classes)×2 matrix. */
export function spiralPoints(
  perClass: number,
  classes: number,
  /** Fills its argument with standard-normal draws. */
  normal: (out: Float64Array) => void,
): Float64Array {
  const out = new Float64Array(perClass * classes * 2);
  const noise = new Float64Array(perClass * classes);
  normal(noise);
  for (let j = 0; j < classes; j++)
    for (let i = 0; i < perClass; i++) {
      const row = j * perClass + i;
      const r = perClass === 1 ? 0 : i / (perClass - 1);
      const t = 4 * j + (4 * i) / Math.max(1, perClass - 1) + 0.2 * noise[row];
      out[2 * row] = r * Math.sin(t);
      out[2 * row + 1] = r * Math.cos(t);
    }
  return out;
}

/** Each point's class, one-hot: a (perClass·classes)×classes matrix. */
export function spiralLabels(perClass: number, classes: number): Float64Array {
  const out = new Float64Array(perClass * classes * classes);
  for (let j = 0; j < classes; j++)
    for (let i = 0; i < perClass; i++) out[(j * perClass + i) * classes + j] = 1;
  return out;
}
