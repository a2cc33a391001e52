import { expect, test, type Page } from '@playwright/test';
import { analyze } from '../src/engine';
import { SCALAR_EXAMPLES } from '../src/examples';
import { counter, openApp } from './helpers';

/**
 * What collides in the picture now: a label or badge (or a group's control) over another, over a
 * node, or over an edge other than its own (sampled every 4 px along each path). Boxes are screen rectangles shrunk by
 * the fonts' empty ascent/descent; pulses (moving) are left out.
 */
async function collisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type R = { l: number; t: number; r: number; b: number; what: string; edge?: string };
    const svg = document.querySelector('svg.graph') as SVGSVGElement;
    const shown = (el: Element) =>
      !el.closest('[display="none"]') && getComputedStyle(el).display !== 'none';
    const rect = (el: Element, what: string, inset: number, edge?: string): R => {
      const b = el.getBoundingClientRect();
      return {
        l: b.left + inset,
        t: b.top + inset,
        r: b.right - inset,
        b: b.bottom - inset,
        what,
        edge,
      };
    };
    const labels: R[] = [];
    for (const g of svg.querySelectorAll('.edge-labels g.edge-label')) {
      const edge = g.getAttribute('data-edge') ?? '';
      const name = `${g.getAttribute('data-from')}→${g.getAttribute('data-to')}`;
      const value = g.querySelector('text.value-label');
      if (value?.textContent && value.getAttribute('opacity') !== '0' && shown(value)) {
        labels.push(rect(value, `value ${name}`, 2, edge));
      }
      const badge = g.querySelector('g.grad-badge rect');
      if (badge && shown(badge)) labels.push(rect(badge, `badge ${name}`, 1, edge));
    }
    for (const g of svg.querySelectorAll('.nodes g.node')) {
      const name = g.getAttribute('data-name');
      const above = g.querySelector('text.node-above');
      if (above?.textContent && shown(above)) labels.push(rect(above, `above ${name}`, 2));
      const badge = g.querySelector('g.node-grad rect');
      if (badge && shown(badge)) labels.push(rect(badge, `badge ${name}`, 1));
    }
    // An expanded statement group's control, right of its node's name.
    for (const t of svg.querySelectorAll('g.group-toggle[aria-expanded="true"]')) {
      const body = t.querySelector('rect');
      if (body && shown(t)) labels.push(rect(body, `control ${t.getAttribute('data-group')}`, 1));
    }
    const bodies = [...svg.querySelectorAll('.nodes g.node .node-body')].map((b) =>
      rect(b, `node ${b.closest('g.node')!.getAttribute('data-name')}`, 0),
    );
    const hit = (a: R, b: R) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
    const out: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        if (hit(labels[i], labels[j])) out.push(`${labels[i].what} × ${labels[j].what}`);
      }
      for (const n of bodies) if (hit(labels[i], n)) out.push(`${labels[i].what} × ${n.what}`);
    }
    // Edges crossing a label that is not theirs.
    const ctm = (svg.querySelector('.viewport') as SVGGElement).getScreenCTM()!;
    for (const g of svg.querySelectorAll('.edges g.edge')) {
      const id = g.getAttribute('data-edge');
      const path = g.querySelector('path.edge-line') as SVGPathElement;
      const length = path.getTotalLength();
      const name = `${g.getAttribute('data-from')}→${g.getAttribute('data-to')}`;
      const points: { x: number; y: number }[] = [];
      for (let s = 0; s <= length; s += 4 / ctm.a) {
        const p = path.getPointAtLength(s).matrixTransform(ctm);
        points.push({ x: p.x, y: p.y });
      }
      for (const l of labels) {
        if (l.edge === id) continue;
        if (points.some((p) => p.x > l.l && p.x < l.r && p.y > l.t && p.y < l.b)) {
          out.push(`${l.what} × edge ${name}`);
        }
      }
    }
    return [...new Set(out)];
  });
}

/** Drawn top to bottom: every input above the output (a portrait box, issue 9). */
async function topToBottom(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const y = (g: Element) => {
      const r = g.querySelector('.node-body')!.getBoundingClientRect();
      return (r.top + r.bottom) / 2;
    };
    const svg = document.querySelector('svg.graph')!;
    const out = y(svg.querySelector('g.node.output')!);
    return [...svg.querySelectorAll('g.node.node-input')].every((g) => y(g) < out - 40);
  });
}

// The same check in both directions: left to right in a landscape box, top to bottom in a
// portrait one (a monitor turned upright).
for (const portrait of [false, true]) {
  test.describe(`no label or badge overlaps another, a node or an edge${portrait ? ', top to bottom' : ''}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      // A view that shows every example whole, so every label is checked.
      await page.setViewportSize(
        portrait ? { width: 1600, height: 2600 } : { width: 2600, height: 1600 },
      );
    });

    for (const mode of ['reverse', 'forward'] as const) {
      // The scalar graph's labels and badges: a matrix example (issue 15) draws heat grids, with
      // no edge labels to collide.
      for (const ex of SCALAR_EXAMPLES) {
        test(`${ex.id}, ${mode} mode, at every step`, async ({ page }) => {
          // Forward mode's badges name the input (`∂/∂w_o1 -0.006983`), wider than a gradient's
          // ∂: taken with respect to the input of the longest name, the widest mark there is.
          const inputs = analyze(ex.source).inputs.map((i) => i.name);
          const widest = inputs.reduce((a, b) => (b.length > a.length ? b : a));
          const query = mode === 'forward' ? `&ad=forward&wrt=${encodeURIComponent(widest)}` : '';
          test.slow();
          await openApp(page, `?expr=${encodeURIComponent(ex.source)}${query}`);
          if (portrait) await expect.poll(() => topToBottom(page)).toBe(true);
          await page.keyboard.press('0'); // the whole graph
          const total = Number((await counter(page).textContent())!.match(/(\d+) steps?/)![1]);
          const found: string[] = [];
          for (let k = 0; k <= total; k++) {
            if (k > 0) {
              await page.keyboard.press('ArrowRight');
              await expect(counter(page)).toContainText(`Step ${k} of`);
            }
            for (const c of await collisions(page)) found.push(`step ${k}: ${c}`);
          }
          // Every example clean at every step. This holds for any values: the layout keeps room
          // for the widest number a label can show, with the widest mark of the mode.
          expect(found).toEqual([]);
        });
      }
    }
  });
}
