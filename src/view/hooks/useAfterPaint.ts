import { useEffect, useState } from 'react';

/**
 * `value`, handed on only once the frame after its change has been drawn. A step redraws the
 * graph at once; the chain-rule panel's formulas (KaTeX, measured to fit: two thirds of a matrix
 * step's work, a third of a step at 2,000 nodes) follow in the task after that frame, so the
 * step's picture is not held back by its typesetting. The first value is handed on at once.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from an animation frame runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(() => value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
