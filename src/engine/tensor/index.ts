/**
 * The tensor engine's public surface (importing it also installs the engine for `analyze`).
 * Separate from `engine/index.ts` so that the page loads it only when a tensor program is typed.
 */
import './install';

export {
  analyzeTensor,
  compileTensor,
  type TensorAnalysis,
  type TensorProgram,
  type TensorStep,
  type TensorBackwardStep,
  type TensorNodeInfo,
  type TensorInputInfo,
} from './run';
export {
  fromNested,
  toNested,
  valueToJSON,
  shapeText,
  isTensor,
  type Tensor,
  type Shape,
  type Value,
  type ValueInput,
} from './types';
export { TENSOR_OPS, broadcastShape, type TensorOp } from './ops';
export { installTensorEngine, looksLikeTensor, needsEngine } from './hook';
export * from './check';
export * from './practice';
export * from './shapeAnswer';
export {
  indexForm,
  edgeIndexForm,
  writeIndexForm,
  indexOf,
  type IndexForm,
  type EdgeIndexForm,
  type IndexTerm,
  type IndexFactor,
  type EntryRef,
} from './indexForm';
export { stepLines, matrixTex, matrixText, type StepLine } from './stepNumbers';
export { canExpand, expandToScalars, EXPAND_MAX, type ExpandCheck } from './expand';
export { tensorTrainer, tensorTrain, type TensorTrainer, type TensorTrainResult } from './train';
export { spiralPoints, spiralLabels, SPIRAL_LIMITS } from './spiral';
