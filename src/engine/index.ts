/** The engine's public surface: every definition lives in a module of its own, this file only re-exports. */
export {
  analyze,
  run,
  type Analysis,
  type GraphEdge,
  type GraphNode,
  type InputInfo,
} from './analysis';
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
export * from './gradcheck';
export * from './descent';
export { derivationLatex, DERIVATION_HEADINGS, type DerivationHeadings } from './derivation';
export * as formulas from './tex';
export { TEX, TEXT, type Notation, type TexContext } from './tex';
