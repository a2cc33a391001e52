import type { StoreApi } from 'zustand';
import { translate, type Translate } from '../../i18n';
import { selectStepState } from '../../state/stepState';
import { groupsOf } from '../../state/groups';
import type { AppStore } from '../../state/types';
import { labelTargetPx } from './camera';
import { createGraphRenderer, type GraphRenderer } from './renderer';
import { graphView, type GraphView, type GraphViewWords } from './viewModel';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The graph's `<svg>`: made here rather than by React, so the first graph can exist before it. */
export function createGraphSvg(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'graph');
  svg.setAttribute('role', 'group');
  return svg;
}

/** Words for the nodes' accessible labels, in the chosen language. */
export function nodeWords(t: Translate): GraphViewWords {
  // One object per translator (per language): the view model remembers labels per words object.
  let words = wordsByT.get(t);
  if (!words) {
    words = {
      nodeValue: (name: string, value: string) => t('graph.nodeValue', { name, value }),
      nodeValueGrad: (name: string, value: string, grad: string) =>
        t('graph.nodeValueGrad', { name, value, grad }),
      nodeUnknown: (name: string) => t('graph.nodeUnknown', { name }),
      groupToggle: (name: string, collapsed: boolean) =>
        t(collapsed ? 'groups.expand' : 'groups.collapse', { name }),
    };
    wordsByT.set(t, words);
  }
  return words;
}
const wordsByT = new WeakMap<Translate, GraphViewWords>();

/** The view of the store's current picture, or null while there is no analysis or layout. */
export function viewOf(s: AppStore): GraphView | null {
  if (!s.analysis || !s.layout) return null;
  const lang = s.settings.lang;
  return graphView({
    analysis: s.analysis,
    layout: s.layout,
    stepIndex: s.stepIndex,
    selected: s.selected,
    groups: groupsOf(s.analysis),
    words: nodeWords((key, p) => translate(lang, key, p)),
    // A practice link hides the number its step asks for from the very first picture.
    ...(s.practice.on ? { known: selectStepState(s) } : {}),
  });
}

/**
 * Tells benchmarks, tests and the lazy panels that a picture has reached the screen: in the task
 * after the next frame, i.e. once the browser has laid out and painted it. Returns a cancel
 * function.
 */
export function announceDrawn(
  nodes: number,
  layout: { ms: number; engine: string } | null,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (!performance.getEntriesByName('graph-drawn').length) performance.mark('graph-drawn');
      window.dispatchEvent(
        new CustomEvent('lens:drawn', {
          detail: { nodes, layoutMs: layout?.ms ?? 0, engine: layout?.engine ?? '' },
        }),
      );
    });
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

interface FirstGraph {
  svg: SVGSVGElement;
  renderer: GraphRenderer;
  stop: () => void;
}

let first: FirstGraph | null = null;

/**
 * Draws the store's graph into `area` before React has loaded: the first picture needs only the
 * engine, the layout and this renderer, while React and the panels (most of the JavaScript) are
 * still arriving. Draws as soon as the store has an analysis and a layout (at once for a small
 * graph, when the worker answers for a large one), once; the graph panel then adopts the SVG and
 * its renderer (`adoptFirstGraph`) and takes over.
 */
export function drawFirstGraph(area: Element, store: StoreApi<AppStore>): void {
  const svg = createGraphSvg(area.ownerDocument);
  svg.setAttribute('aria-label', translate(store.getState().settings.lang, 'graph.label'));
  // The page may hold the graph prerendered at build time (see src/prerender.tsx): this one takes
  // its place in the same task, so what is on screen does not change.
  const prerendered = area.querySelector(':scope > svg.graph');
  if (prerendered) prerendered.replaceWith(svg);
  else area.prepend(svg);
  const { select, hover } = store.getState();
  const renderer = createGraphRenderer(svg, { onSelect: select, onHover: hover });
  let drawn = false;
  const draw = () => {
    const s = store.getState();
    const view = drawn ? null : viewOf(s);
    if (!view) return;
    drawn = true;
    unsubscribe();
    renderer.update(view, {
      duration: 0,
      stale: false,
      minLabelPx: labelTargetPx(s.settings.mode, window.innerWidth),
    });
    announceDrawn(view.nodes.length, s.layout);
  };
  const unsubscribe = store.subscribe(draw);
  first = { svg, renderer, stop: unsubscribe };
  draw();
}

/** The SVG and renderer `drawFirstGraph` made, handed over once (null if there were none). */
export function adoptFirstGraph(): { svg: SVGSVGElement; renderer: GraphRenderer } | null {
  const taken = first;
  first = null;
  if (!taken) return null;
  taken.stop();
  return { svg: taken.svg, renderer: taken.renderer };
}
