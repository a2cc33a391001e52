/**
 * A QR code as the rectangles to draw: one per horizontal run of dark modules, so a version-10
 * code is a few hundred `<rect>`s rather than thousands, and nothing goes through innerHTML.
 */
export interface QrPicture {
  /** Modules per side, without the quiet zone. */
  size: number;
  runs: { x: number; y: number; w: number }[];
}

/** Minimal shape of qrcode-generator's factory, so the module can be passed in (and lazy). */
export interface QrFactory {
  (
    typeNumber: 0,
    level: 'L' | 'M',
  ): {
    addData(data: string, mode?: 'Byte'): void;
    make(): void;
    getModuleCount(): number;
    isDark(row: number, col: number): boolean;
  };
}

/**
 * Encodes `text` (ASCII: a URL is percent-encoded) with medium error correction when it fits, low
 * when only that fits (a long link), or returns null when no QR version can hold it.
 */
export function qrPicture(qrcode: QrFactory, text: string): QrPicture | null {
  for (const level of ['M', 'L'] as const) {
    let code: ReturnType<QrFactory>;
    try {
      code = qrcode(0, level);
      code.addData(text, 'Byte');
      code.make();
    } catch {
      continue; // "code length overflow": try the next, lower level
    }
    const size = code.getModuleCount();
    const runs: QrPicture['runs'] = [];
    for (let y = 0; y < size; y++) {
      let start = -1;
      for (let x = 0; x <= size; x++) {
        const dark = x < size && code.isDark(y, x);
        if (dark && start < 0) start = x;
        else if (!dark && start >= 0) {
          runs.push({ x: start, y, w: x - start });
          start = -1;
        }
      }
    }
    return { size, runs };
  }
  return null;
}
