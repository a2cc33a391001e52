import type { LayoutInput, LayoutOptions, LayoutResult } from './types';

/** Messages between `createLayoutClient` and `layout.worker.ts`. */
export interface WorkerRequest {
  id: number;
  input: LayoutInput;
  options?: LayoutOptions;
}

export type WorkerReply = { id: number; result: LayoutResult } | { id: number; error: string };
