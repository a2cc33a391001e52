import { formatMessage, type MessageKey, type MessageParams } from './messages';

/** A half-open range of UTF-16 offsets into the source: `source.slice(start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The one error the engine throws for bad input. `start`/`end` locate the offending characters
 * (UTF-16 offsets, 0 <= start <= end <= source.length); `code` and `params` let a UI say the same
 * thing in another language; `message` is the English sentence.
 *
 * @example
 * try { analyze('2x') } catch (e) { if (e instanceof ExpressionError) console.log(e.start, e.end) } // 0 2
 */
export class ExpressionError extends Error {
  readonly start: number;
  readonly end: number;
  readonly code: MessageKey;
  readonly params: MessageParams;

  constructor(code: MessageKey, span: Span, params: MessageParams = {}) {
    super(formatMessage(code, params));
    this.name = 'ExpressionError';
    this.code = code;
    this.params = params;
    this.start = span.start;
    this.end = span.end;
  }
}

/** Finds the line of an offset in O(log lines): built once per source, asked many times. */
export class LineIndex {
  /** Offsets where each line starts; lines end at `\n` (a `\r` before it is part of the line). */
  private readonly starts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
      this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of a UTF-16 offset, the way an editor counts them. */
  locate(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

/**
 * The source line holding `span`, with a caret line under the offending characters.
 *
 * @example
 * caretLines('(x+y*z', { start: 0, end: 1 }) // ['(x+y*z', '^']
 */
export function caretLines(source: string, span: Span): [string, string] {
  const lineStart = source.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = source.length;
  const text = source.slice(lineStart, lineEnd).replace(/\r$/, '');
  // One column per character as a terminal draws it: a combining mark (Vietnamese typed
  // decomposed) takes none, and an astral character is one character, not two code units.
  const columns = (t: string) => t.replace(/\p{M}/gu, '').replace(/[^\t]/gu, ' ');
  const lead = columns(text.slice(0, span.start - lineStart));
  const width = Math.max(1, columns(source.slice(span.start, Math.min(span.end, lineEnd))).length);
  return [text, lead + '^'.repeat(width)];
}
