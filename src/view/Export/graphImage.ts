import {
  formatNumber,
  formulas,
  NodeKind,
  practiceQuestions,
  questionFormula,
  TEXT,
  type Analysis,
} from '../../engine';
import { stepState, type StepState } from '../../state/stepState';
import type { TensorAnalysis } from '../../engine/tensor/run';
import { shapeText } from '../../engine/tensor/types';
import { DRAWING } from '../renderer/drawing';

/**
 * The graph as a standalone picture: the live `<svg>` cloned with its computed styles written
 * onto every element (so the CSS variables of the current theme become plain colours), a
 * background, a viewBox around the whole graph rather than the visible part, and the current
 * step's formula underneath.
 *
 * The formula is written as SVG `<text>` from the step's plain-text form (`∂f/∂x = ∂f/∂q · …`),
 * not as KaTeX inside a `<foreignObject>`: PowerPoint, Keynote, Google Slides and Inkscape drop a
 * foreignObject altogether, and embedding KaTeX's CSS and fonts would make every file ~300 KB.
 * Plain text shows the same everywhere, stays editable in a slide, and reads as the panel does.
 *
 * Loaded on demand (see ExportMenu): nothing here is needed to draw the app.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Computed properties that decide how SVG content looks; everything else is left to defaults. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'letter-spacing',
] as const;

/** Shapes need only paint; text needs fonts too. */
const PAINT_PROPS = STYLE_PROPS.slice(0, 9);

export interface FrameWords {
  /** `Step 9 of 11 · Backward pass`, or the start caption. */
  readonly caption: string;
  /** The picture's `<title>`. */
  readonly title: string;
}

export interface GraphImage {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/**
 * What the formula panel says at `stepIndex`, as plain text lines: the program's definitions at
 * the start, the step's formula (and a fork's running sum) after that, and every input's gradient
 * at the end.
 */
export function frameFormula(analysis: Analysis, at: number | StepState): string[] {
  if (analysis.tensor)
    return tensorFrameFormula(analysis.tensor, typeof at === 'number' ? at : at.k);
  // A bare index means reverse mode; the app passes the active mode's step state, so forward
  // mode exports its tangent step, not the reverse-mode step of the same number.
  const state = typeof at === 'number' ? stepState(analysis, { ad: 'reverse', wrt: null }, at) : at;
  const g = analysis.compiled;
  const ctx = { graph: g, value: analysis.value, backward: analysis.backward };
  const step = state.current;
  if (!step) {
    const lines: string[] = [];
    for (let i = 0; i < g.nodeCount && lines.length < 4; i++) {
      if (g.kind[i] !== NodeKind.Op || (g.names[i] === undefined && i !== g.output)) continue;
      lines.push(`${g.symbol(i).text} = ${formulas.definitionTex(ctx, i, TEXT)}`);
    }
    return lines;
  }
  const hidden = state.hidden?.kinds;
  if (hidden) {
    // Practice mode: what the formula panel shows, the number being asked as `?`.
    return practiceQuestions(analysis, step)
      .filter((q) => !hidden.includes(q.kind) || q.kind === hidden[0])
      .map((q) => questionFormula(analysis, step, q.kind, TEXT, q.kind !== hidden[0]));
  }
  const lines = [step.text];
  if (step.kind === 'backward-edge') {
    const sum = step.sumFormula(TEXT);
    if (sum !== undefined) lines.push(sum);
  }
  const f = g.symbol(g.output).text;
  if (state.phase === 'done' && state.tangent) {
    const x = g.symbol(state.tangent.wrt).text;
    lines.push(`∂${f}/∂${x} = ${formatNumber(state.tangent.tangent[g.output])}`);
  } else if (state.phase === 'done' && analysis.inputs.length > 0) {
    const shown = analysis.inputs.slice(0, 8).map((input) => {
      const grad = analysis.backward.grad[input.node];
      return `∂${f}/∂${g.symbol(input.node).text} = ${formatNumber(grad)}`;
    });
    if (analysis.inputs.length > 8) shown.push('…');
    // Em spaces: SVG collapses runs of ordinary spaces into one.
    lines.push(shown.join('\u2003\u2003'));
  }
  return lines;
}

/**
 * A tensor program's frame (issue 15): the step's formula with its shapes; at the start, the
 * inputs' shapes; at the end, every input's gradient shape (the numbers are the grids).
 */
export function tensorFrameFormula(t: TensorAnalysis, k: number): string[] {
  const g = t.graph;
  const named = (node: number) => g.symbol(node).text;
  if (k <= 0) {
    return [t.inputs.map((i) => `${named(i.node)}: ${shapeText(i.shape)}`).join('\u2003\u2003')];
  }
  const step = t.steps[Math.min(k, t.steps.length) - 1];
  const lines = [step.formulaText];
  if (k >= t.steps.length) {
    const f = g.symbol(g.output).text;
    const loss = t.summedOutput ? `sum(${f})` : f;
    lines.push(
      t.inputs
        .slice(0, 8)
        .map((i) => `∂${loss}/∂${named(i.node)}: ${shapeText(i.shape)}`)
        .join('\u2003\u2003'),
    );
  }
  return lines;
}

/**
 * Serialises the drawing in `live` (the renderer's `<svg>`) with `formula` lines underneath.
 * Reads layout and computed styles, so it must run in the page, on a drawn graph.
 */
export function graphSvg(
  live: SVGSVGElement,
  formula: readonly string[],
  words: FrameWords,
): GraphImage {
  const doc = live.ownerDocument;
  const win = doc.defaultView!;
  // Zoomed far out, the renderer hides labels and a failed edit fades the graph; the exported
  // picture shows the whole graph at full size, so read styles without those two states.
  const states = DRAWING.screenStates.filter((c) => live.classList.contains(c));
  live.classList.remove(...states);
  let clone: SVGSVGElement;
  let box: DOMRect;
  let background: string;
  let textColour: string;
  let mutedColour: string;
  let fontFamily: string;
  try {
    box = graphBounds(live);
    clone = live.cloneNode(true) as SVGSVGElement;
    copyStyles(live, clone, win);
    const rootStyle = win.getComputedStyle(live);
    background = backgroundOf(live, win);
    textColour = rootStyle.color;
    mutedColour = win.getComputedStyle(doc.documentElement).getPropertyValue('--muted').trim();
    fontFamily = rootStyle.fontFamily;
  } finally {
    live.classList.add(...states);
  }

  clone.querySelectorAll(DRAWING.screenOnly).forEach((el) => el.remove());
  for (const el of clone.querySelectorAll('[tabindex], [aria-pressed], [role]')) {
    el.removeAttribute('tabindex');
    el.removeAttribute('aria-pressed');
    el.removeAttribute('role');
  }
  for (const el of clone.querySelectorAll('[opacity]')) {
    // A label caught mid fade-in is on its way to fully shown; hidden ones stay hidden.
    if (Number(el.getAttribute('opacity')) > 0) el.setAttribute('opacity', '1');
  }
  clone.querySelector(DRAWING.viewport)?.removeAttribute('transform');
  // Every look is inline now; classes would only let a host page's CSS restyle the picture.
  for (const el of clone.querySelectorAll('[class]')) el.removeAttribute('class');
  for (const el of clone.querySelectorAll('[style=""]')) el.removeAttribute('style');
  for (const attr of ['class', 'aria-label', 'style']) clone.removeAttribute(attr);

  const pad = 24;
  const graphWidth = box.width + 2 * pad;
  const fontSize = Math.round(Math.min(48, Math.max(20, graphWidth / 45)));
  const captionSize = Math.round(fontSize * 0.72);
  const lineGap = Math.round(fontSize * 1.45);
  const measure = textMeasurer(doc, fontFamily);
  const textWidth = Math.max(
    measure(words.caption, captionSize, 600),
    ...formula.map((l) => measure(l, fontSize, 400)),
  );
  const width = Math.ceil(Math.max(graphWidth, textWidth + 2 * pad));
  const formulaTop = box.y + box.height + pad + (formula.length > 0 ? captionSize * 1.6 : 0);
  const height = Math.ceil(
    box.height +
      2 * pad +
      (formula.length > 0 ? captionSize * 1.6 + formula.length * lineGap + pad / 2 : 0),
  );
  const x0 = box.x + box.width / 2 - width / 2;
  const y0 = box.y - pad;

  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('viewBox', `${fmt(x0)} ${fmt(y0)} ${width} ${height}`);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('font-family', fontFamily);

  const make = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>) => {
    const el = doc.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };
  const title = make('title', {});
  // textContent and XMLSerializer escape everything: no markup is ever built from these strings.
  title.textContent = words.title;
  const bg = make('rect', {
    x: fmt(x0),
    y: fmt(y0),
    width: String(width),
    height: String(height),
    fill: background,
  });
  clone.insertBefore(bg, clone.firstChild);
  clone.insertBefore(title, clone.firstChild);

  if (formula.length > 0) {
    const group = make('g', { 'text-anchor': 'middle' });
    const cx = fmt(x0 + width / 2);
    const caption = make('text', {
      x: cx,
      y: fmt(formulaTop - captionSize * 0.6),
      fill: mutedColour || textColour,
      'font-size': String(captionSize),
      'font-weight': '600',
    });
    caption.textContent = words.caption;
    group.appendChild(caption);
    formula.forEach((line, k) => {
      const text = make('text', {
        x: cx,
        y: fmt(formulaTop + lineGap * (k + 0.75)),
        fill: textColour,
        'font-size': String(fontSize),
        'font-variant-numeric': 'tabular-nums',
      });
      text.textContent = line;
      group.appendChild(text);
    });
    clone.appendChild(group);
  }

  const svg = new XMLSerializer().serializeToString(clone);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, width, height };
}

/**
 * Draws the SVG onto a canvas at `scale` (less for huge graphs, see below) and encodes it as PNG.
 */
export async function graphPng(image: GraphImage, scale = 2): Promise<Blob> {
  // Past ~8,000 px a side a slide gains nothing, encoding takes seconds and browsers start to
  // refuse the canvas (16,384 px a side, ~268 M px in Chromium).
  const maxSide = 8_192;
  const maxArea = 40_000_000;
  const k = Math.min(
    scale,
    maxSide / image.width,
    maxSide / image.height,
    Math.sqrt(maxArea / (image.width * image.height)),
  );
  const url = URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.width * k));
    canvas.height = Math.max(1, Math.round(image.height * k));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under `name` through a temporary `<a download>`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; revoke it a little later all the same, as some
  // browsers read it asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The drawn graph's extent in its own coordinates (zoom and pan left out), labels included. */
function graphBounds(live: SVGSVGElement): DOMRect {
  // A tensor program's picture (issue 15) is drawn in its layout's box, its viewBox.
  if (live.classList.contains('tensor-graph')) {
    const b = live.viewBox.baseVal;
    return new DOMRect(b.x, b.y, Math.max(1, b.width), Math.max(1, b.height));
  }
  const layers = live.querySelectorAll<SVGGraphicsElement>(DRAWING.layers);
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const layer of layers) {
    if (layer.childElementCount === 0) continue;
    const b = layer.getBBox();
    if (b.width === 0 && b.height === 0) continue;
    x1 = Math.min(x1, b.x);
    y1 = Math.min(y1, b.y);
    x2 = Math.max(x2, b.x + b.width);
    y2 = Math.max(y2, b.y + b.height);
  }
  if (!Number.isFinite(x1)) return new DOMRect(0, 0, 1, 1);
  // getBBox leaves out strokes and text halos: a few pixels more keep them inside.
  const m = 4;
  return new DOMRect(x1 - m, y1 - m, x2 - x1 + 2 * m, y2 - y1 + 2 * m);
}

/** Writes each live element's computed look onto its clone, walking both trees in step. */
function copyStyles(live: Element, clone: Element, win: Window): void {
  const liveWalk = live.ownerDocument.createTreeWalker(live, NodeFilter.SHOW_ELEMENT);
  const cloneWalk = clone.ownerDocument.createTreeWalker(clone, NodeFilter.SHOW_ELEMENT);
  let a: Node | null = liveWalk.currentNode;
  let b: Node | null = cloneWalk.currentNode;
  while (a && b) {
    const el = a as Element;
    const out = b as SVGElement;
    const cs = win.getComputedStyle(el);
    const parts: string[] = [];
    // Groups pass only opacity and visibility on: their children carry their own computed paint
    // and fonts, so writing them on groups too would only make big graphs' files bigger.
    const tag = el.localName;
    const props =
      tag === 'g' || tag === 'svg' || tag === 'defs'
        ? []
        : tag === 'text' || tag === 'tspan'
          ? STYLE_PROPS
          : PAINT_PROPS;
    for (const prop of props) {
      const v = cs.getPropertyValue(prop);
      if (v !== '' && v !== 'normal' && v !== 'none' && !(prop === 'letter-spacing' && v === '0px'))
        parts.push(`${prop}:${v}`);
      else if (v === 'none' && (prop === 'fill' || prop === 'stroke')) parts.push(`${prop}:none`);
    }
    if (cs.display === 'none') parts.push('display:none');
    if (!el.hasAttribute('opacity') && cs.opacity !== '1') parts.push(`opacity:${cs.opacity}`);
    // Through the CSSOM, not setAttribute: the page's policy refuses style attributes from
    // script (style-src-attr), and the serializer writes this out as the style attribute anyway.
    out.style.cssText = parts.join(';');
    a = liveWalk.nextNode();
    b = cloneWalk.nextNode();
  }
}

/** The colour behind the graph: the first ancestor with an opaque background. */
function backgroundOf(el: Element, win: Window): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = win.getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return '#ffffff';
}

/** Width of a line of text in the picture's font, for a viewBox wide enough to hold it. */
function textMeasurer(doc: Document, fontFamily: string) {
  const ctx = doc.createElement('canvas').getContext('2d');
  return (text: string, size: number, weight: number) => {
    if (!ctx) return text.length * size * 0.6;
    ctx.font = `${weight} ${size}px ${fontFamily}`;
    return ctx.measureText(text).width;
  };
}

const fmt = (v: number) => String(Math.round(v * 100) / 100);
