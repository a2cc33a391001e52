import { useEffect, useRef, useState } from 'react';
import type { ChainInput } from './katex';

type Renderer = typeof import('./katex');
let loaded: Renderer | undefined;
let loading: Promise<Renderer> | undefined;

const waiting = new Set<() => void>();

/** Starts loading KaTeX (called once the first graph is on screen). */
export function preloadKatex(): Promise<Renderer> {
  loading ??= import('./katex').then(async (m) => {
    await m.fontsReady;
    loaded = m;
    for (const wake of waiting) wake();
    waiting.clear();
    return m;
  });
  return loading;
}

/**
 * Formulas wait for KaTeX rather than fetch it: the first graph must not queue behind 75 KB of
 * typesetter. If nobody starts the load (no graph was ever drawn), a formula starts it after a
 * short while so it never stays in plain text.
 */
const FALLBACK_LOAD_MS = 1500;
function whenKatexLoads(wake: () => void): () => void {
  waiting.add(wake);
  const timer = setTimeout(() => void preloadKatex(), FALLBACK_LOAD_MS);
  return () => {
    clearTimeout(timer);
    waiting.delete(wake);
  };
}

/**
 * A formula: KaTeX once it has loaded, the plain-text form until then. Screen readers always get
 * the plain text, which says the same thing in words and symbols.
 *
 * `wrap` (or a `chain` of pieces) typesets it to fit its box: broken at its `=` signs, scaled down
 * a little if a part is still too wide (see `renderChain`). A chain's linked pieces are focusable
 * hover targets carrying `data-node`; the panel around them turns that into the graph's highlight.
 */
export function Tex({
  tex,
  text,
  display = false,
  wrap = false,
  chain,
  lead,
}: {
  tex: string;
  text: string;
  display?: boolean;
  wrap?: boolean;
  chain?: ChainInput;
  /** The node the left side names (with `wrap`): it becomes a linked factor. */
  lead?: { readonly node: number; readonly label: string };
}) {
  const ref = useRef<HTMLSpanElement>(null);
  const [ready, setReady] = useState(loaded !== undefined);
  useEffect(() => {
    if (ready) return;
    if (loaded) {
      setReady(true);
      return;
    }
    return whenKatexLoads(() => setReady(true));
  }, [ready]);
  const chained = wrap || chain !== undefined;
  const leadNode = lead?.node;
  const leadLabel = lead?.label;
  useEffect(() => {
    const el = ref.current;
    if (!ready || !el || !loaded) return;
    const k = loaded;
    if (!chained) {
      k.renderTex(tex, el, display);
      return;
    }
    const linkTo =
      leadNode !== undefined ? { node: leadNode, label: leadLabel ?? String(leadNode) } : undefined;
    k.renderChain(chain ?? tex, el, linkTo);
    return () => k.releaseTex(el);
  }, [ready, tex, display, chained, chain, leadNode, leadLabel]);
  const linked =
    leadNode !== undefined ||
    (chain?.segments.some((seg) => seg.some((p) => p.node !== undefined)) ?? false);
  return (
    <span className={`tex${display ? ' tex-display' : ''}${chained ? ' tex-wrap' : ''}`}>
      <span className="visually-hidden">{text}</span>
      <span
        ref={ref}
        // Linked factors are focusable, so their container cannot be hidden from assistive
        // technology; each factor carries its own label and KaTeX hides its own glyphs.
        aria-hidden={linked ? undefined : 'true'}
        className={ready ? 'tex-rendered' : 'tex-fallback'}
      >
        {ready ? null : text}
      </span>
    </span>
  );
}
