import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './view/App';

/**
 * Renders the app into `root` (which may still hold the prerendered shell and the first graph:
 * React's first commit replaces the shell, and the graph panel adopts the graph in that same
 * commit). `onCommit` runs then, before the browser paints.
 */
export function mount(root: HTMLElement, onCommit: () => void): void {
  createRoot(root).render(
    <StrictMode>
      <Committed onCommit={onCommit}>
        <App />
      </Committed>
    </StrictMode>,
  );
}

function Committed({ onCommit, children }: { onCommit: () => void; children: React.ReactNode }) {
  useLayoutEffect(onCommit, [onCommit]);
  return children;
}
