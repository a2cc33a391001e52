import { registerEnglish } from './index';

/**
 * English of the lazily loaded panels (gradient check, gradient descent, gradient per layer,
 * forward vs reverse mode, sums over paths). Kept out of en.ts so the first screen's JavaScript
 * does not carry them: each of those panels imports this module, which adds them to the English
 * table before the panel renders. Vietnamese has them in vi.ts, which loads on demand anyway.
 */
export const enLessons = {
  'check.title': 'Gradient check',
  'check.hint':
    'Each input is nudged by ±{h} with the others held still: the centred difference (f(x+h) − f(x−h)) / 2h should match the backward pass.',
  'check.input': 'Input',
  'check.analytic': 'Analytic',
  'check.numeric': 'Numeric',
  'check.relError': 'Relative error',
  'check.ok': 'agrees',
  'check.warn': 'check',
  'check.bad': 'disagrees',
  'check.kink':
    'kink within h: the two sides of the difference can see different slopes, so the two numbers may disagree',
  'check.none': 'No inputs to check.',
  'train.title': 'Gradient descent',
  'train.roles': 'Parameters and data',
  'train.rolesHint':
    'Checked inputs are parameters (weights, biases): they move by −lr × gradient. The others are data and stay put. The output is the loss.',
  'train.paramLabel': '{name} is a parameter',
  'train.lr': 'Learning rate',
  'train.step': 'Take one step',
  'train.train': 'Train',
  'train.steps': 'Steps',
  'train.until': 'Stop when loss <',
  'train.noParams': 'Mark at least one input as a parameter.',
  'train.curve':
    'Loss from {first} to {last} {steps, plural, one {after # step} other {over # steps}}',
  'train.curveEmpty': 'No training yet: take a step or train.',
  'train.history': 'Parameter history',
  'train.iteration': 'Iteration',
  'train.loss': 'Loss',
  'train.phases': 'One iteration',
  'train.phaseForward': 'Forward',
  'train.phaseBackward': 'Backward',
  'train.phaseUpdate': 'Update',
  'train.update': 'each parameter moves by −lr × its gradient',
  'train.stoppedLoss':
    'Stopped after {steps, plural, one {# step} other {# steps}}: the loss is below {eps}.',
  'train.stoppedSteps': 'Ran {steps, plural, one {# step} other {# steps}}.',
  'train.diverged': 'The loss stopped being a number: try a smaller learning rate.',
  'train.clear': 'Clear history',
  'layers.title': 'Gradient per layer',
  'layers.hint':
    'Each sigmoid multiplies the gradient by σ′ ≤ 0.25, so it shrinks layer by layer: the vanishing gradient (log scale).',
  'layers.alt':
    '|∂L/∂{last}| = {lastValue} at the last layer shrinks to |∂L/∂{first}| = {firstValue} at the first, {ratio} times smaller',
  'modes.title': 'Forward or reverse mode',
  'modes.group': 'Mode',
  'modes.reverse': 'Reverse mode',
  'modes.forward': 'Forward mode',
  'modes.wrt': 'With respect to',
  'modes.reverseHint':
    'Reverse mode: after the values, one backward pass gives the output’s derivative with respect to every input.',
  'modes.forwardHint':
    'Forward mode: after the values, tangents flow forward. A dot means ∂/∂{x}: ċ = ∂c/∂{x}. One pass gives every node’s derivative with respect to {x} only.',
  'modes.compare':
    'Cost of the derivative with respect to {n, plural, one {the only input} other {all # inputs}}',
  'modes.passes': '{n, plural, one {# pass} other {# passes (one per input)}}',
  'modes.onePass': '1 pass',
  'modes.ops': '{ops, plural, one {# edge operation} other {# edge operations}}',
  'modes.opsBound': 'at most {ops, plural, one {# edge operation} other {# edge operations}}',
  'modes.countNote':
    'An edge operation is one multiply-add along an edge: forward mode adds ∂c/∂a · ȧ to ċ, reverse mode adds ∂f/∂c · ∂c/∂a to ∂f/∂a. Forward mode repeats its pass for every input; reverse mode needs one pass however many inputs there are. With many inputs and one output (a loss and its weights) that is colah’s “computational victory”.',
  'paths.title': 'Sums over paths',
  'paths.from': 'Paths from',
  'paths.show': 'Show paths',
  'paths.hint':
    'Highlights every path from the chosen input to {f} and writes the derivative as a sum over those paths.',
  'paths.count': '{count, plural, one {# path} other {# paths}}',
  'paths.truncated': '{count} paths; showing the first {shown}',
  'paths.none': '{f} does not depend on {x}: there is no path, so ∂{f}/∂{x} = 0.',
  'paths.explain':
    'Each path from {x} to {f} contributes the product of the local derivatives along it; ∂{f}/∂{x} is the sum of those products.',
  'paths.sum': 'Sum over the paths',
  'paths.shownSum':
    'The {shown} paths shown add up to {sum}; the sum over all paths (the gradient) is {total}.',
  'paths.factored': 'Factored',
  'paths.factoredNote':
    'Where every path runs through the same node, the sum splits into (paths up to it) × (paths from it on), so shared pieces are written once.',
  'paths.tooBigFactored':
    'Factored, the sum is too long to write out here; reverse mode computes it by finishing ∂{f}/∂n once for every node n.',
  'paths.linear': 'one multiply-add per edge',
  'paths.whyFactor':
    'Written out path by path, this sum takes {expanded} multiplications and additions; factored, {factored}. Paths can double with every layer, so listing them explodes; factoring, which is what forward and reverse mode do, keeps the work proportional to {edges, plural, one {the single edge} other {the # edges}}.',
  'paths.limit':
    'Only the first {limit} paths are listed: the count and the sum above cover them all.',
} as const;

registerEnglish(enLessons);
