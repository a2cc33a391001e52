/**
 * Edge crossings of a left-to-right drawing, counted between consecutive layers: at each pair of
 * neighbouring vertical lines (layer centres), two edges that span both cross iff their heights
 * swap order. Works for any library's output given node-centre-to-node-centre polylines with x
 * increasing (or orthogonal routes whose vertical bits sit between the lines). Edges that run
 * on top of each other between two lines (a shared trunk) count as one wire there.
 */
export function countCrossings(
  lines: readonly number[],
  polylines: readonly (readonly [number, number][])[],
): number {
  const xs = [...lines].sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const a: number[] = [];
    const b: number[] = [];
    for (const p of polylines) {
      if (p.length < 2 || p[0][0] > xs[i] + 1e-6 || p[p.length - 1][0] < xs[i + 1] - 1e-6) continue;
      a.push(yAt(p, xs[i]));
      b.push(yAt(p, xs[i + 1]));
    }
    // Edges drawn on top of each other (a shared trunk) are one wire: count it once.
    const seen = new Set<string>();
    const keepA: number[] = [];
    const keepB: number[] = [];
    a.forEach((ya, j) => {
      const key = `${Math.round(ya * 2)}:${Math.round(b[j] * 2)}`;
      if (seen.has(key)) return;
      seen.add(key);
      keepA.push(ya);
      keepB.push(b[j]);
    });
    a.length = 0;
    b.length = 0;
    a.push(...keepA);
    b.push(...keepB);
    for (let s = 0; s < a.length; s++) {
      for (let t = s + 1; t < a.length; t++) {
        if ((a[s] - a[t]) * (b[s] - b[t]) < -1e-9) total++;
      }
    }
  }
  return total;
}

/** Height of a polyline at `x` (the first segment that reaches x). */
function yAt(p: readonly (readonly [number, number])[], x: number): number {
  for (let i = 0; i + 1 < p.length; i++) {
    const [x0, y0] = p[i];
    const [x1, y1] = p[i + 1];
    if (x1 >= x - 1e-6 && x0 <= x + 1e-6) {
      return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return p[p.length - 1][1];
}

/** Distinct values (merged within `tolerance`), sorted: layer centres from node centres. */
export function clusters(values: readonly number[], tolerance = 1): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1] > tolerance) out.push(v);
  return out;
}
