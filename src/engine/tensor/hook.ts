import { ExpressionError } from '../errors';
import type * as TensorPractice from './practice';
import type { TensorAnalysis, TensorOptions } from './run';
import type { ValueInput } from './types';

/**
 * Where `analyze` finds the tensor engine. The engine proper (parser, ops, VJPs, trace) is
 * installed by importing `tensor/install`, which the CLI and the tests do at once and a page can
 * do when the first tensor program is typed: scalar programs never load it, so it costs a page's
 * first load nothing. Until it is installed, `analyze` answers a tensor program with the
 * `tensor.needsEngine` error, located on the first piece of tensor syntax.
 */
export interface TensorEngine {
  analyze(
    source: string,
    values: Readonly<Record<string, number | ValueInput>> | undefined,
    options: TensorOptions | undefined,
  ): TensorAnalysis;
  /** Practice mode's questions on matrix programs (issue 16), loaded with the engine. */
  readonly practice?: typeof TensorPractice;
}

let installed: TensorEngine | undefined;

export function installTensorEngine(engine: TensorEngine): void {
  installed = engine;
}

export const tensorEngine = (): TensorEngine | undefined => installed;

const TENSOR_SYNTAX =
  /[[\]@]|\.\s*[A-Za-z_]|\b(?:sum|mean|softmax|crossentropy|transpose|randn|zeros|ones|spiral_points|spiral_labels|dot|matmul|maximum|minimum)\s*\(/;

/** Tensor syntax starting right at an offset: a bracket, `@`, a `.`, a tensor function's name. */
const TENSOR_AT =
  /[[\]@]|\.\s*[A-Za-z_]|(?:sum|mean|softmax|crossentropy|transpose|randn|zeros|ones|spiral_points|spiral_labels|dot|matmul|maximum|minimum|power|np)\b/y;

/** Whether the program calls `randn`, whose numbers depend on the seed (`np.random.randn` too). */
export function usesRandn(source: string): boolean {
  return /\brandn\s*\(/.test(source);
}

/** Whether the program has tensor syntax anywhere. */
export function looksLikeTensor(source: string): boolean {
  return TENSOR_SYNTAX.test(source);
}

/**
 * Whether the scalar parser's error at `offset` is tensor syntax it does not know (`[`, `@`,
 * `A.T`, `sum(…)`): then the program is read as a tensor program. An error anywhere else (`2.x`,
 * `x = 0,5`) is a mistake in either language, and keeps the scalar parser's message.
 */
export function tensorSyntaxAt(source: string, offset: number): boolean {
  TENSOR_AT.lastIndex = offset;
  return TENSOR_AT.test(source);
}

/** The engine is not installed yet: an error on the tensor syntax, for a page to load it. */
export function needsEngine(source: string, offset?: number): ExpressionError {
  const m = offset === undefined ? TENSOR_SYNTAX.exec(source) : null;
  const start = offset ?? (m ? m.index : 0);
  return new ExpressionError('tensor.needsEngine', {
    start,
    end: Math.min(source.length, start + (m ? m[0].length : 1)),
  });
}
