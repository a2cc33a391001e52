import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { SCALAR_EXAMPLES } from '../../src/examples';
import { toLayoutInput, withBadgeMark } from '../../src/layout/fromAnalysis';
import { layoutKey } from '../../src/layout/incremental';
import { boxAt, type Box } from '../../src/layout/labels';
import { layoutGraph } from '../../src/layout/layoutGraph';
import {
  badgeMarkWidth,
  badgeWidth,
  layoutSize,
  LABEL_FONT,
  NUMBER_ROW,
  numberWidth,
  WIDEST_NUMBERS,
} from '../../src/layout/nodeSize';
import { LABEL_BOX } from '../../src/layout/settings';
import type { LayoutInput, LayoutResult } from '../../src/layout/types';
import { verticalRows } from '../../src/layout/vertical';
import { formatNumber } from '../../src/engine/format';
import { samplePath } from './samplePath';

const hit = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const inside = ([x, y]: [number, number], b: Box) => x > b[0] && x < b[2] && y > b[1] && y < b[3];
const shrink = (b: Box, d: number): Box => [b[0] + d, b[1] + d, b[2] - d, b[3] - d];

/**
 * What collides in a layout when every label holds the widest number: label boxes over each
 * other, over nodes (their drawn shapes and the rows of their own labels) or over another edge's
 * wire, and wires through a node's label rows. Boxes are shrunk by 1 px, as the browser check
 * shrinks the drawn ones by the fonts' empty edges.
 */
function collisions(input: LayoutInput, r: LayoutResult): string[] {
  const out: string[] = [];
  const nodes: { box: Box; what: string }[] = [];
  const rows: { box: Box; what: string }[] = [];
  input.nodes.forEach((n, i) => {
    const { x, y } = r.nodes[i];
    const v = n.visual ?? n;
    const room = n.height / 2 - v.height / 2;
    nodes.push({
      box: [x - v.width / 2, y - v.height / 2, x + v.width / 2, y + v.height / 2],
      what: `node ${n.id}`,
    });
    if (r.direction === 'TB') {
      // Top to bottom: rows beside or above the node (see vertical.ts), as the renderer draws them.
      const { above, below } = verticalRows(n);
      for (const [b, what] of [
        [above, 'above'],
        [below, 'below'],
      ] as const) {
        if (b)
          rows.push({ box: [x + b[0], y + b[1], x + b[2], y + b[3]], what: `${what} ${n.id}` });
      }
      return;
    }
    if (n.above) {
      const top = y - v.height / 2;
      rows.push({
        box: [x - n.above / 2, top - room, x + n.above / 2, top],
        what: `above ${n.id}`,
      });
    }
    if (n.below) {
      const top = y + v.height / 2 + 6;
      rows.push({ box: [x - n.below / 2, top, x + n.below / 2, top + 20], what: `below ${n.id}` });
    }
  });
  const labels = r.edges.map((e) =>
    shrink(boxAt([e.label.x, e.label.y], e.label.dy, e.label.width), 1),
  );
  const wires = r.edges.map((e) => samplePath(e.path, 0.004));
  labels.forEach((b, k) => {
    for (let j = k + 1; j < labels.length; j++)
      if (hit(b, labels[j])) out.push(`label ${k} × label ${j}`);
    for (const n of [...nodes, ...rows]) if (hit(b, n.box)) out.push(`label ${k} × ${n.what}`);
    wires.forEach((w, j) => {
      // Top to bottom a label sits beside its own wire too, never on it.
      if ((j !== k || r.direction === 'TB') && w.some((p) => inside(p, b)))
        out.push(`label ${k} × wire ${j}`);
    });
  });
  if (r.direction === 'TB') {
    // Beside its wire, with no leader line: no other wire runs between a label and its own.
    r.edges.forEach((e, k) => {
      const own = wires[k].reduce((a, p) =>
        Math.abs(p[1] - e.label.y) < Math.abs(a[1] - e.label.y) ? p : a,
      );
      const b = labels[k];
      const strip: Box =
        own[0] <= b[0] ? [own[0] + 1, b[1], b[0], b[3]] : [b[2], b[1], own[0] - 1, b[3]];
      wires.forEach((w, j) => {
        if (j !== k && w.some((p) => inside(p, strip))) out.push(`label ${k} reads as wire ${j}'s`);
      });
    });
  }
  for (const row of rows) {
    const b = shrink(row.box, 1);
    wires.forEach((w, j) => w.some((p) => inside(p, b)) && out.push(`${row.what} × wire ${j}`));
  }
  return out;
}

describe('labels have room for any number (issue 9)', () => {
  it('keeps label boxes as wide as the widest number formatNumber writes', () => {
    // The widest at 4 significant digits: a sign, a leading 0.000, four digits; or an exponent.
    for (const v of [-0.00012345678, -1.2345e-10, -123456.7, -0.012345, 1.2345e21]) {
      const text = formatNumber(v);
      expect(badgeWidth(text)).toBeLessThanOrEqual(LABEL_BOX.width);
      expect(numberWidth(text, LABEL_FONT.value)).toBeLessThanOrEqual(LABEL_BOX.width);
      expect(badgeWidth(`${text} …`)).toBeLessThanOrEqual(NUMBER_ROW.badge);
    }
    expect(WIDEST_NUMBERS.every((t) => badgeWidth(t) <= NUMBER_ROW.edgeBadge)).toBe(true);
  });

  // Tensor examples are drawn as cards with grids, not labelled edges.
  for (const ex of SCALAR_EXAMPLES) {
    it(`${ex.id}: every label, holding the widest number, collides with nothing`, () => {
      const input = toLayoutInput(analyze(ex.source, {}), layoutSize);
      expect(collisions(input, layoutGraph(input))).toEqual([]);
    });
  }

  // Forward mode writes `∂/∂name` on every tangent badge: with the longest input name of each
  // example, its badges are up to 40 px wider than a gradient's.
  for (const ex of SCALAR_EXAMPLES) {
    it(`${ex.id}: forward mode's badges, marked with the longest input name, collide with nothing`, () => {
      const a = analyze(ex.source, {});
      const marks = a.inputs.map((i) => `∂/∂${a.compiled.symbol(i.node).text}`);
      const mark = marks.reduce((m, b) => (badgeMarkWidth(b) > badgeMarkWidth(m) ? b : m));
      const extra = badgeMarkWidth(mark) - badgeMarkWidth('∂');
      const input = withBadgeMark(toLayoutInput(a, layoutSize), extra);
      // Every label box holds the widest number with that mark.
      expect(
        input.edges.every(
          (e) =>
            e.labelWidth! >=
            numberWidth(WIDEST_NUMBERS[1], LABEL_FONT.grad) + badgeMarkWidth(mark) + 10,
        ),
      ).toBe(true);
      expect(collisions(input, layoutGraph(input))).toEqual([]);
    });
  }

  // A portrait box (issue 9): the same checks on the drawing top to bottom, where it is chosen.
  for (const ex of SCALAR_EXAMPLES) {
    it(`${ex.id}, top to bottom: every label collides with nothing, in both modes`, () => {
      const a = analyze(ex.source, {});
      const input: LayoutInput = { ...toLayoutInput(a, layoutSize), direction: 'TB' };
      expect(collisions(input, layoutGraph(input))).toEqual([]);
      const marks = a.inputs.map((i) => `∂/∂${a.compiled.symbol(i.node).text}`);
      const mark = marks.reduce((m, b) => (badgeMarkWidth(b) > badgeMarkWidth(m) ? b : m));
      const forward = withBadgeMark(input, badgeMarkWidth(mark) - badgeMarkWidth('∂'));
      expect(collisions(forward, layoutGraph(forward))).toEqual([]);
    });
  }

  it('a wider mark is a new layout; reverse mode keeps its own', () => {
    const input = toLayoutInput(analyze('(x+y)*z', {}), layoutSize);
    expect(withBadgeMark(input, 0)).toBe(input);
    expect(layoutKey(withBadgeMark(input, 31))).not.toBe(layoutKey(input));
  });
});
