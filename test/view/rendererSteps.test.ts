// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { toLayoutInput } from '../../src/layout/fromAnalysis';
import { layoutGraph } from '../../src/layout/layoutGraph';
import { layoutSize } from '../../src/layout/nodeSize';
import { networkProgram, programOfSize } from '../../src/layout/samplePrograms';
import { createGraphSvg } from '../../src/view/renderer/firstGraph';
import { changedParts, createGraphRenderer } from '../../src/view/renderer/renderer';
import { graphView } from '../../src/view/renderer/viewModel';

/**
 * A step on the same graph redraws only the nodes and edges whose picture changed
 * (`changedParts`): whatever order the steps come in, the SVG must be the one a fresh renderer
 * draws for that step.
 */

const words = {
  nodeValue: (name: string, value: string) => `${name} = ${value}`,
  nodeValueGrad: (name: string, value: string, grad: string) => `${name} = ${value}, ∂ ${grad}`,
  nodeUnknown: (name: string) => `${name}, not computed yet`,
};

const a = analyze(networkProgram([2, 3, 1]));
const layout = layoutGraph(toLayoutInput(a, layoutSize));
const viewAt = (k: number, selected: { kind: 'node'; id: number } | null = null) =>
  graphView({ analysis: a, layout, stepIndex: k, selected, words });

/**
 * The drawing, one line per element, without what depends on the renderer's history rather than
 * on the step: the camera (it follows the steps) and the tab stop (it follows focus).
 */
function picture(svg: SVGSVGElement): string {
  const out: string[] = [];
  const walk = (el: Element, depth: number) => {
    // What is not drawn may keep what it showed last (a badge hidden again): not a difference.
    if (el.getAttribute('display') === 'none') {
      out.push(`${'  '.repeat(depth)}<${el.tagName} hidden>`);
      return;
    }
    const attrs = [...el.attributes]
      .filter((a) => a.name !== 'tabindex')
      .map((a) => `${a.name}="${a.value}"`)
      .sort();
    const text = [...el.childNodes]
      .filter((c) => c.nodeType === 3)
      .map((c) => c.textContent)
      .join('');
    out.push(`${'  '.repeat(depth)}<${el.tagName} ${attrs.join(' ')}>${text}`);
    for (const child of el.children) walk(child, depth + 1);
  };
  for (const layer of svg.querySelector('.viewport')!.children) walk(layer, 0);
  return out.join('\n');
}

function drawn(k: number): string {
  const svg = createGraphSvg(document);
  document.body.append(svg);
  const r = createGraphRenderer(svg, { onSelect: () => undefined, onHover: () => undefined });
  r.update(viewAt(k), { duration: 0, stale: false, minLabelPx: 0 });
  const html = picture(svg);
  r.destroy();
  svg.remove();
  return html;
}

describe('stepping redraws only what changed', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('names the few nodes and edges a step changes, and nothing for the same picture', () => {
    const k = Math.ceil(a.trace.forwardCount / 2);
    const diff = changedParts(viewAt(k), viewAt(k + 1))!;
    expect(diff).toBeDefined();
    expect(diff.nodes.length).toBeGreaterThan(0);
    expect(diff.nodes.length).toBeLessThan(6);
    expect(diff.edges.length).toBeLessThan(6);
    const same = changedParts(viewAt(k), viewAt(k));
    expect(same?.nodes.filter((n) => n.id !== viewAt(k).step?.node)).toEqual([]);
    // Another graph (other node positions) is drawn whole.
    const other = analyze(networkProgram([2, 2, 1]));
    const otherView = graphView({
      analysis: other,
      layout: layoutGraph(toLayoutInput(other, layoutSize)),
      stepIndex: 0,
      selected: null,
      words,
    });
    expect(changedParts(viewAt(0), otherView)).toBeUndefined();
  });

  it('draws every step forward, back and by jumps as a fresh renderer draws it', () => {
    const svg = createGraphSvg(document);
    document.body.append(svg);
    const r = createGraphRenderer(svg, { onSelect: () => undefined, onHover: () => undefined });
    const n = a.steps.length;
    const order = [0, 1, 2, 3, 2, 1, 5, n, n - 1, 7, Math.floor(n / 2), 0, n];
    for (const k of order) {
      r.update(viewAt(k), { duration: 0, stale: false, minLabelPx: 0 });
      expect(picture(svg), `step ${k}`).toBe(drawn(k));
    }
    // A selection drawn and taken away again, by a partial redraw.
    r.update(viewAt(n, { kind: 'node', id: a.compiled.output }), {
      duration: 0,
      stale: false,
      minLabelPx: 0,
    });
    expect(svg.querySelector('g.node.selected')).not.toBeNull();
    r.update(viewAt(n), { duration: 0, stale: false, minLabelPx: 0 });
    expect(picture(svg)).toBe(drawn(n));
    r.destroy();
  });

  it('draws a large graph’s far nodes when they come into sight, as a fresh renderer does', () => {
    const big = analyze(programOfSize('network', 450, (src) => analyze(src).graph.nodes.length));
    const bigLayout = layoutGraph(toLayoutInput(big, layoutSize));
    const at = (k: number) =>
      graphView({ analysis: big, layout: bigLayout, stepIndex: k, selected: null, words });
    const n = big.steps.length;
    const opts = { duration: 0, stale: false, minLabelPx: 11 };
    const svg = createGraphSvg(document);
    document.body.append(svg);
    const r = createGraphRenderer(svg, { onSelect: () => undefined, onHover: () => undefined });
    r.update(at(0), opts);
    r.update(at(n), opts);
    // Most of the graph is out of sight at a readable zoom: its text is culled, not drawn yet.
    expect(svg.querySelectorAll('g.node.culled').length).toBeGreaterThan(100);
    r.fit();
    expect(svg.querySelectorAll('g.node.culled, g.edge-label.culled')).toHaveLength(0);

    const fresh = createGraphSvg(document);
    document.body.append(fresh);
    const f = createGraphRenderer(fresh, { onSelect: () => undefined, onHover: () => undefined });
    f.update(at(n), opts);
    f.fit();
    expect(picture(svg)).toBe(picture(fresh));
    r.destroy();
    f.destroy();
  });
});
