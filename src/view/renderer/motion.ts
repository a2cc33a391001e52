import { easeCubicInOut, select } from 'd3';
import { layoutBadge } from './badges';
import { SVG_NS, type G } from './draw';
import { samplePath, type PathSampler } from './pathSampler';
import type { GraphView } from './viewModel';

/** Samplers by `d`: edges keep their shape while the person steps, so one parse serves all. */
const samplers = new Map<string, PathSampler>();
function samplerOf(d: string): PathSampler {
  let sampler = samplers.get(d);
  if (!sampler) {
    if (samplers.size > 5000) samplers.clear();
    sampler = samplePath(d);
    samplers.set(d, sampler);
  }
  return sampler;
}

/**
 * Motion: the pulse that carries a value (forward) or a contribution (backward) along the edge of
 * the step just played. Drawn in its own layer, above everything, and never hit by the pointer.
 */
export function createMotion(pulseLayer: G, edgeLayer: G) {
  return {
    update: animatePulse,
    destroy() {
      pulseLayer.selectAll('*').interrupt().remove();
    },
  };

  function animatePulse(view: GraphView, duration: number) {
    pulseLayer.selectAll('*').interrupt().remove();
    const step = view.step;
    if (!step || step.edge === undefined || duration <= 0) return;
    const path = edgeLayer
      .select<SVGGElement>(`g.edge[data-edge="${step.edge}"]`)
      .select<SVGPathElement>('path.edge-line')
      .node();
    if (!path) return;
    const sampler = samplerOf(path.getAttribute('d') ?? '');
    const length = sampler.length;
    const backward = step.direction === 'backward';
    const pulse = pulseLayer.append('g').attr('class', `pulse pulse-${step.direction}`);
    pulse.append('circle').attr('r', 7);
    const label = pulse.append('g').attr('class', 'pulse-label');
    if (step.direction === 'tangent') {
      label.classed('grad-badge tangent', true);
      layoutBadge(label, step.carried ?? '', 24, view.tangentMark);
    } else if (backward) layoutBadge(label, step.carried ?? '', 24);
    else
      label
        .append('text')
        .attr('class', 'value-label')
        .attr('text-anchor', 'middle')
        .attr('y', -12)
        .text(step.carried ?? '');
    const at = (t: number) => {
      const p = sampler.at(length * (backward ? 1 - t : t));
      return `translate(${p.x},${p.y})`;
    };
    pulse
      .attr('transform', at(0))
      .transition()
      .duration(duration * 0.75)
      .ease(easeCubicInOut)
      .attrTween('transform', () => at)
      .transition()
      .duration(duration * 0.25)
      .style('opacity', 0)
      .remove();
  }
}

/** A brief ring around a node that has just been evaluated. */
export function flash(shape: G, duration: number) {
  const node = shape.node();
  if (!node) return;
  const ring = node.ownerDocument.createElementNS(SVG_NS, 'circle');
  const sel = select(ring).attr('class', 'flash-ring').attr('r', 24).attr('opacity', 0.9);
  node.appendChild(ring);
  sel
    .transition()
    .duration(duration * 0.8)
    .attr('r', 38)
    .attr('opacity', 0)
    .remove();
}
