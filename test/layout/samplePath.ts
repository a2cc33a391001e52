/**
 * Points along an SVG path of `M`, `L` and `C` commands (the layout's edges): straight pieces
 * every 1%, cubic Bézier pieces every `step` of their parameter. For tests that check what a
 * wire runs through.
 */
export function samplePath(path: string, step = 0.005): [number, number][] {
  const nums = (s: string) => s.split(/[ ,]+/).filter(Boolean).map(Number);
  const out: [number, number][] = [];
  let cur: [number, number] = [0, 0];
  for (const [, cmd, args] of path.matchAll(/([MLC])([^MLC]*)/g)) {
    const v = nums(args);
    if (cmd === 'M' || cmd === 'L') {
      const next: [number, number] = [v[0], v[1]];
      if (cmd === 'L')
        for (let t = 0; t <= 1; t += 0.01)
          out.push([cur[0] + (next[0] - cur[0]) * t, cur[1] + (next[1] - cur[1]) * t]);
      cur = next;
    } else {
      for (let i = 0; i + 5 < v.length; i += 6) {
        const [x1, y1, x2, y2, x3, y3] = v.slice(i, i + 6);
        for (let t = 0; t <= 1; t += step) {
          const u = 1 - t;
          out.push([
            u * u * u * cur[0] + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
            u * u * u * cur[1] + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3,
          ]);
        }
        cur = [x3, y3];
      }
    }
  }
  return out;
}
