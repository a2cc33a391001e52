// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chunked, CHUNK_FROM, SVG_NS } from '../../src/view/renderer/draw';

/** Large layers keep their elements in groups (see `chunked`): order kept, nothing lost. */
function layerWith(n: number): { layer: SVGGElement; els: SVGGElement[] } {
  const layer = document.createElementNS(SVG_NS, 'g');
  const els = Array.from({ length: n }, (_, i) => {
    const el = document.createElementNS(SVG_NS, 'g');
    el.setAttribute('data-i', String(i));
    layer.append(el);
    return el;
  });
  return { layer, els };
}
const order = (layer: Element) =>
  [...layer.querySelectorAll('[data-i]')].map((e) => Number(e.getAttribute('data-i')));

describe('chunked layers', () => {
  it('leaves a small layer flat', () => {
    const { layer, els } = layerWith(10);
    chunked(layer, els);
    expect(layer.children.length).toBe(10);
  });

  it('groups a large layer in drawing order, and moves nothing when redrawn the same', () => {
    const n = CHUNK_FROM + 37;
    const { layer, els } = layerWith(n);
    chunked(layer, els);
    expect([...layer.children].every((c) => c.classList.contains('chunk'))).toBe(true);
    expect(layer.children.length).toBe(Math.ceil(n / 64));
    expect(order(layer)).toEqual(els.map((_, i) => i));
    const parents = els.map((e) => e.parentNode);
    chunked(layer, els);
    expect(els.map((e) => e.parentNode)).toEqual(parents);
  });

  it('follows a new order and a smaller count, and flattens again below the threshold', () => {
    const { layer, els } = layerWith(CHUNK_FROM + 100);
    chunked(layer, els);
    const fewer = els.slice(50).reverse();
    for (const e of els.slice(0, 50)) e.remove();
    chunked(layer, fewer);
    expect(order(layer)).toEqual(fewer.map((e) => Number(e.getAttribute('data-i'))));
    expect(layer.children.length).toBe(Math.ceil(fewer.length / 64));
    const few = fewer.slice(0, 20);
    for (const e of fewer.slice(20)) e.remove();
    chunked(layer, few);
    expect(layer.children.length).toBe(20);
    expect(order(layer)).toEqual(few.map((e) => Number(e.getAttribute('data-i'))));
  });
});
