import type { WorkerReply, WorkerRequest } from './protocol';
import type { LayoutInput, LayoutOptions, LayoutResult } from './types';
import { scriptUrl } from '../trustedTypes';
// The worker's built URL, not a constructor: its URL must pass the page's Trusted Types policy.
import layoutWorkerUrl from './layout.worker.ts?worker&url';

/**
 * Graphs up to this many nodes are laid out on the main thread: their layout takes under ~8 ms
 * (measured by `npm run bench:layout`); bigger ones go to a Web Worker.
 */
export const SYNC_MAX_NODES = 20;

/** Rejects a request that a newer one made pointless. */
export class LayoutCancelled extends Error {
  constructor() {
    super('layout superseded by a newer request');
    this.name = 'LayoutCancelled';
  }
}

export interface LayoutClient {
  /** Lays `input` out; an earlier request still pending is rejected with `LayoutCancelled`. */
  layout(input: LayoutInput, options?: LayoutOptions): Promise<LayoutResult>;
  /**
   * A small graph's layout at once, when the client was given `layoutGraph` itself (the first
   * graph must not wait for a chunk to load or a promise to settle); null for graphs that belong
   * in the worker, or without `inline`. Cancels any pending request like `layout`.
   */
  layoutNow(input: LayoutInput, options?: LayoutOptions): LayoutResult | null;
  /**
   * Fetches the layout code now (once), so that small graphs are laid out at once from then on.
   * Resolves when it is there. `code`, where the caller has it already (the build's prerender,
   * whose module runner cannot import chunks later), is used instead of an import.
   */
  preload(code?: LayoutModule['layoutGraph']): Promise<void>;
  /** Stops the worker and rejects anything pending. */
  dispose(): void;
}

export interface LayoutClientOptions {
  syncMaxNodes?: number;
  /** Makes the worker; returns null where there is none (Node, old browsers): all runs inline. */
  createWorker?: () => Worker | null;
  /** `layoutGraph`, already loaded: enables `layoutNow` and spares the inline path an import. */
  inline?: LayoutModule['layoutGraph'];
}

export type LayoutModule = Pick<typeof import('./layoutGraph'), 'layoutGraph'>;

function defaultWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(scriptUrl(layoutWorkerUrl), { type: 'module' });
  } catch {
    return null;
  }
}

/**
 * Runs layouts where they cost least: small graphs on the main thread, large ones in a module
 * Web Worker. The layout code (d3-dag, ~40 KB gzip) is never in the main bundle: the main thread
 * imports it on first use, the worker has its own chunk. Only the newest request matters: an
 * older one still pending is rejected with `LayoutCancelled`, and a worker busy with a stale
 * graph is terminated rather than waited for.
 *
 * @example
 * const client = createLayoutClient();
 * client.layout(toLayoutInput(analysis, sizeOf)).then(draw, (e) => e instanceof LayoutCancelled || report(e));
 */
export function createLayoutClient(options: LayoutClientOptions = {}): LayoutClient {
  const syncMax = options.syncMaxNodes ?? SYNC_MAX_NODES;
  const makeWorker = options.createWorker ?? defaultWorker;
  let module: Promise<LayoutModule> | undefined;
  let inline = options.inline;
  const load = () =>
    (module ??= (inline ? Promise.resolve({ layoutGraph: inline }) : import('./layoutGraph')).then(
      (m) => {
        // From now on a small graph is laid out in the task that asks (no promise to wait for).
        inline ??= m.layoutGraph;
        return m;
      },
      (e: unknown) => {
        // A chunk that failed to load (offline, a new deploy) may load on a later try.
        module = undefined;
        throw e;
      },
    ));

  let worker: Worker | null | undefined;
  let nextId = 1;
  /** The one request whose answer is still wanted. */
  let pending:
    { id: number; resolve: (r: LayoutResult) => void; reject: (e: unknown) => void } | undefined;
  /** Id of the job the worker is computing, if any. */
  let busyWith = 0;

  const cancelPending = () => {
    pending?.reject(new LayoutCancelled());
    pending = undefined;
  };

  const onReply = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    if (reply.id === busyWith) busyWith = 0;
    if (!pending || reply.id !== pending.id) return; // a stale answer
    const { resolve, reject } = pending;
    pending = undefined;
    if ('result' in reply) resolve(reply.result);
    else reject(new Error(reply.error));
  };

  const getWorker = (): Worker | null => {
    if (worker === undefined) {
      worker = makeWorker();
      if (worker) {
        worker.onmessage = onReply;
        worker.onerror = () => {
          // A worker that cannot start (or crashed): finish inline from now on.
          worker?.terminate();
          worker = null;
          busyWith = 0;
          if (pending) {
            const { id } = pending;
            void runInline(id);
          }
        };
      }
    }
    return worker;
  };

  let lastInput: { id: number; input: LayoutInput; options?: LayoutOptions } | undefined;
  const runInline = async (id: number) => {
    if (!lastInput || lastInput.id !== id) return;
    const { input, options: o } = lastInput;
    try {
      const result = (await load()).layoutGraph(input, o);
      if (pending?.id === id) {
        const { resolve } = pending;
        pending = undefined;
        resolve(result);
      }
    } catch (e) {
      if (pending?.id === id) {
        const { reject } = pending;
        pending = undefined;
        reject(e);
      }
    }
  };

  return {
    layout(input, layoutOptions) {
      cancelPending();
      const id = nextId++;
      lastInput = { id, input, options: layoutOptions };
      const promise = new Promise<LayoutResult>((resolve, reject) => {
        pending = { id, resolve, reject };
      });
      const w = input.nodes.length > syncMax ? getWorker() : null;
      if (w) {
        if (busyWith) {
          // Busy with a graph nobody wants any more: drop it rather than wait.
          w.terminate();
          worker = undefined;
        }
        const fresh = getWorker();
        if (fresh) {
          busyWith = id;
          const message: WorkerRequest = { id, input, options: layoutOptions };
          fresh.postMessage(message);
          return promise;
        }
      }
      void runInline(id);
      return promise;
    },
    layoutNow(input, layoutOptions) {
      if (!inline || input.nodes.length > syncMax) return null;
      cancelPending();
      nextId++;
      lastInput = undefined;
      return inline(input, layoutOptions);
    },
    preload(code) {
      inline ??= code;
      return load().then(() => undefined);
    },
    dispose() {
      cancelPending();
      worker?.terminate();
      worker = null;
    },
  };
}
