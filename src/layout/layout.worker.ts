/// <reference lib="webworker" />
/**
 * The layout off the main thread: one message in (`{ id, input }`), one out (`{ id, result }` or
 * `{ id, error }`). Vite bundles it, with d3-dag, as its own chunk, fetched only when a graph is
 * large enough to need it.
 */
import { layoutGraph } from './layoutGraph';
import type { WorkerReply, WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, input, options } = event.data;
  let reply: WorkerReply;
  try {
    reply = { id, result: layoutGraph(input, options) };
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(reply);
};
