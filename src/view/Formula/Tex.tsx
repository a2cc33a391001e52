import { useEffect, useRef, useState } from 'react';

type Renderer = typeof import('./katex');
let loaded: Renderer | undefined;
let loading: Promise<Renderer> | undefined;

/** Starts loading KaTeX (called once the first graph is on screen). */
export function preloadKatex(): Promise<Renderer> {
  loading ??= import('./katex').then((m) => (loaded = m));
  return loading;
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
    if (!ready) void preloadKatex().then(() => setReady(true));
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
