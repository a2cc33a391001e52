import { useEffect, useRef, useState } from 'react';

type Renderer = typeof import('./katex');
let loaded: Renderer | undefined;
let loading: Promise<Renderer> | undefined;

const waiting = new Set<() => void>();

/** Starts loading KaTeX (called once the first graph is on screen). */
export function preloadKatex(): Promise<Renderer> {
  loading ??= import('./katex').then((m) => {
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
 */
export function Tex({
  tex,
  text,
  display = false,
}: {
  tex: string;
  text: string;
  display?: boolean;
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
  useEffect(() => {
    if (ready && ref.current && loaded) loaded.renderTex(tex, ref.current, display);
  }, [ready, tex, display]);
  return (
    <span className={display ? 'tex tex-display' : 'tex'}>
      <span className="visually-hidden">{text}</span>
      <span ref={ref} aria-hidden="true" className={ready ? 'tex-rendered' : 'tex-fallback'}>
        {ready ? null : text}
      </span>
    </span>
  );
}
