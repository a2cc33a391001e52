/** The engine's public surface: every definition lives in a module of its own, this file only re-exports. */
export {
  analyze,
  analysisInOrder,
  analyzeRead,
  run,
  isScalarAnalysis,
  scalarGradient,
  type Analysis,
  type ScalarAnalysis,
  type GraphEdge,
  type GraphNode,
  type InputInfo,
  type AnalyzeOptions,
} from './analysis';
// The reader and the checker of hand-written backward passes (`backwardPass.ts`,
// `backwardCheck.ts`) are imported by path where used: a re-export here would put them in the
// chunk every page loads first. Their types are free.
export type {
  BackwardPass,
  GradientForm,
  GradientReading,
  HandWrittenGradient,
  Reading,
  ReadProgram,
} from './backwardTypes';
export { mayHoldGradients } from './backwardHint';
// Tensor programs: `analyze` reads them once `tensor/install` is imported (see `tensor/hook.ts`);
// the tensor engine's own functions are exported by `tensor/index.ts`, kept out of this barrel so
// that a page which never meets a tensor program never loads them.
export { installTensorEngine, looksLikeTensor, needsEngine, usesRandn } from './tensor/hook';
export type {
  TensorAnalysis,
  TensorProgram,
  TensorStep,
  TensorBackwardStep,
  TensorNodeInfo,
  TensorInputInfo,
} from './tensor/run';
export type { Tensor, Shape, Value, ValueInput } from './tensor/types';
export { ExpressionError, caretLines, LineIndex, type Span } from './errors';
export {
  formatMessage,
  fillTemplate,
  engineMessages,
  type MessageKey,
  type MessageParams,
} from './messages';
export { formatNumber, numberTex, DEFAULT_DIGITS } from './format';
export { OPS, OP_LIST, FUNCTIONS, type OpName, type OpSpec, type Note } from './ops';
export { FUNCTION_NAMES, parse } from './parser';
export { PUSH_NAME } from './ast';
export { buildGraph, NodeKind, type CompiledGraph } from './graph';
export { forward, type ForwardResult } from './forward';
export { backward, type BackwardResult } from './backward';
export { identifierSymbol, type NodeSymbol } from './symbols';
export * from './trace';
export * from './groups';
export { pathFactors } from './path';
export * from './tangent';
export * from './paths';
export { gatePattern, type GatePattern } from './gates';
export {
  ANSWER_TOLERANCE,
  checkAnswer,
  closeEnough,
  evaluateAnswer,
  type AnswerCheck,
} from './answer';
export {
  practiceQuestions,
  questionFormula,
  type PracticeQuestion,
  type QuestionKind,
} from './practice';
export * from './gradcheck';
export * from './descent';
export { derivationLatex, DERIVATION_HEADINGS, type DerivationHeadings } from './derivation';
export * as formulas from './tex';
export { TEX, TEXT, type Notation, type TexContext } from './tex';
