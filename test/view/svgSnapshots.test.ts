// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { analyze, tangentTrace, type Analysis } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { toLayoutInput, withBadgeMark } from '../../src/layout/fromAnalysis';
import { tangentMarkRoom } from '../../src/state/modes';
import { layoutGraph } from '../../src/layout/layoutGraph';
import { createGraphSvg } from '../../src/view/renderer/firstGraph';
import { layoutSize } from '../../src/layout/nodeSize';
import { createGraphRenderer } from '../../src/view/renderer/renderer';
import { graphView } from '../../src/view/renderer/viewModel';

/**
 * Plot-style snapshot tests: each seed example drawn at its start, mid-forward, seed, mid-backward
 * and end, in reverse and forward mode, serialised with numbers rounded so that a change in the
 * drawing (a label that moved, a badge that vanished) shows as a readable diff to review like code.
 */

const words = {
  nodeValue: (name: string, value: string) => `${name} = ${value}`,
  nodeValueGrad: (name: string, value: string, grad: string) => `${name} = ${value}, ∂ ${grad}`,
  nodeUnknown: (name: string) => `${name}, not computed yet`,
};

/** Numbers in attributes rounded to one decimal: sub-pixel noise is not a change. */
function serialise(svg: SVGSVGElement): string {
  const out: string[] = [];
  const walk = (el: Element, depth: number) => {
    const attrs = [...el.attributes]
      .filter((a) => a.name !== 'style' || a.value !== '')
      .map(
        (a) =>
          `${a.name}="${a.value.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`,
      )
      .sort();
    const text = [...el.childNodes]
      .filter((c) => c.nodeType === 3 && c.textContent!.trim())
      .map((c) => c.textContent!.trim())
      .join(' ');
    out.push(
      `${'  '.repeat(depth)}<${el.tagName}${attrs.length ? ' ' + attrs.join(' ') : ''}>${text}`,
    );
    for (const child of el.children) walk(child, depth + 1);
  };
  walk(svg.querySelector('.viewport')!, 0);
  return out.join('\n') + '\n';
}

/** The steps worth a picture: start, mid-forward, the seed, mid-backward and the end. */
function keySteps(a: Analysis): Record<string, number> {
  const forward = a.trace.forwardCount;
  const total = a.steps.length;
  return {
    start: 0,
    'mid-forward': Math.ceil(forward / 2),
    seed: forward + 1,
    'mid-backward': Math.ceil((forward + 1 + total) / 2),
    end: total,
  };
}

const SEEDS = EXAMPLES.filter((e) => ['circuit', 'colah', 'neuron', 'staged'].includes(e.id));

describe('the drawn SVG of each seed example', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  for (const ex of SEEDS) {
    const a = analyze(ex.source, {});
    for (const mode of ['reverse', 'forward'] as const) {
      const tangent = mode === 'forward' ? tangentTrace(a, a.inputs[0].node) : undefined;
      // As the store lays it out: forward mode keeps room for its badges' `∂/∂x` mark.
      const layout = layoutGraph(
        withBadgeMark(toLayoutInput(a, layoutSize), tangentMarkRoom(a, tangent)),
      );
      const steps =
        mode === 'reverse'
          ? keySteps(a)
          : { start: 0, end: a.trace.forwardCount + (tangent?.steps.length ?? 0) };
      for (const [name, k] of Object.entries(steps)) {
        it(`${ex.id}, ${mode} mode, ${name} (step ${k})`, async () => {
          const svg = createGraphSvg(document);
          document.body.append(svg);
          const renderer = createGraphRenderer(svg, {
            onSelect: () => undefined,
            onHover: () => undefined,
          });
          const view = graphView({
            analysis: a,
            layout,
            stepIndex: k,
            selected: null,
            words,
            ...(tangent ? { tangent } : {}),
          });
          renderer.update(view, { duration: 0, stale: false, minLabelPx: 0 });
          await expect(serialise(svg)).toMatchFileSnapshot(
            `./__svg__/${ex.id}-${mode}-${name}.svg.txt`,
          );
          renderer.destroy();
        });
      }
    }
  }
});
