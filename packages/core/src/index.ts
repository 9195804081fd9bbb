/**
 * @chainrule/core: the engine. Values and the op table, the reference chain rule and backward,
 * higher-order gradients, forward mode, replay, and the checking tools (gradcheck, gradgradcheck,
 * compareDerivatives, compareGradients, kinksAt, checkNodes, anomaly mode).
 */
export { Value, sum, dot, toValue, constant, applyOp, hasGradients } from './value';
export type { Operand } from './value';
export { OPS, LEAF, CONSTANT, opByName } from './ops';
export type { OpName } from './ops';
export type {
  OpRow,
  UnaryRow,
  BinaryRow,
  NaryRow,
  LeafRow,
  AnyRow,
  Interval,
  Notation,
  IndexedForward,
  Kink,
} from './op-row';
export { chainRule } from './chain-rule';
export type { ChainRuleObserver } from './chain-rule';
export { noGrad } from './no-grad';
export { topoSort } from './topo-sort';
export { gradients } from './gradients';
export type { GradientsOptions } from './gradients';
export { grad, valueAndGrad, hessian } from './functional';
export { gradientDescent, GRADIENT_DESCENT_MAX_STEPS } from './gradient-descent';
export type { DescentStep, GradientDescentOptions } from './gradient-descent';
export { jvp } from './jvp';
export { localGradients, localGradientValues } from './local-gradients';
export { backwardSteps } from './backward-steps';
export type { BackwardStep, BackwardTrace, EdgeStep } from './backward-steps';
export { AnomalyError, detectAnomaly, setAnomalyMode, nodeName } from './anomaly';
export { gradcheck } from './gradcheck';
export type { GradcheckResult, GradcheckRow } from './gradcheck';
export { gradgradcheck } from './gradgradcheck';
export type { GradgradcheckResult, GradgradcheckRow } from './gradgradcheck';
export type { Tolerances } from './check-options';
export { DEFAULT_TOLERANCES } from './check-options';
export { compareDerivatives } from './compare-derivatives';
export type { Comparison, ComparisonOptions, ComparisonRow, ManualDerivative } from './compare-derivatives';
export { compareGradients, COMPARE_GRADIENTS_LIMIT } from './compare-gradients';
export type {
  CompareGradientsOptions,
  GradientComparison,
  GradientRow,
  ManualGradient,
  ManualGradients,
} from './compare-gradients';
export type { AgreementFlags } from './check-verdict';
export { UNRELIABLE_ABOVE } from './check-verdict';
export { kinksAt } from './kinks';
export type { KinkHit } from './kinks';
export { agreementSentence, formatComparison, formatTolerances } from './format-comparison';
export type { AgreementRow } from './format-comparison';
export { describeGraph } from './describe-graph';
export { describe } from './errors';
export { trace, Tape } from './fast/tape';
export { checkNodes, CHECK_NODES_LIMIT } from './check-nodes';
export type { CheckNodesOptions, LocalCheck, NodeCheck, NodeCheckResult } from './check-nodes';
