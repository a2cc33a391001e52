import { engineMessages } from '../engine/messages';
import type { enLater } from './enLater';

/**
 * Every user-visible English string the page needs as it opens; what only later modules show is
 * in enLater.ts. Keys are grouped by where they appear; `{name}` marks a parameter, and
 * `{n, plural, one {…} other {…}}` a count (see `translate`). The Vietnamese table (vi.ts) must
 * have exactly the keys of both: the type system and a test check that.
 */
export const en = {
  ...engineMessages,

  'app.title': 'Backprop Lens',
  'app.tagline': 'See backpropagation, one step at a time',

  'editor.label': 'Expression',
  'editor.hint': 'Type an expression or a short program. Enter starts a new statement.',
  'editor.help': 'Syntax help',
  'editor.errorAt': 'Line {line}, column {column}',
  'editor.staleGraph': 'The graph shows the last program that worked.',

  'inputs.title': 'Inputs',
  'inputs.none': 'This program has no inputs: everything is a constant.',
  'inputs.slider': '{name} slider',

  'controls.previous': 'Previous step',
  'controls.next': 'Next step',
  'controls.play': 'Play',
  'controls.pause': 'Pause',
  'controls.reset': 'Reset',
  'controls.toBackward': 'Jump to backward pass',
  'controls.toEnd': 'Jump to end',
  'controls.speed': 'Speed',
  'controls.scrubber': 'Step',
  'controls.group': 'Step controls',
  'controls.counter': 'Step {k} of {n}',
  'controls.counterStart': 'Start · {n, plural, one {# step} other {# steps}}',
  'phase.forward': 'forward',
  'phase.backward': 'backward',
  'phase.forwardPass': 'Forward pass',
  'phase.backwardPass': 'Backward pass',
  'controls.fit': 'Fit to screen',
  'controls.zoomIn': 'Zoom in',
  'layout.sidebar': 'Side panel',
  'layout.skipLinks': 'Skip links',
  'layout.skipToGraph': 'Skip to the graph',
  'layout.skipToSteps': 'Skip to the step controls',
  'controls.zoomOut': 'Zoom out',

  'graph.label': 'Computational graph',
  'graph.nodeValue': '{name} = {value}',
  'graph.nodeValueGrad': '{name} = {value}, gradient {grad}',
  'graph.nodeOp': '{name} = {formula}',
  'graph.nodeUnknown': '{name}, not yet computed',
  'graph.laidOut': 'Laying out the graph…',

  // Issue 17, large graphs: each collapsible group's own control (the rest is in enLater.ts).
  'groups.expand': 'Expand {name}',
  'groups.collapse': 'Collapse {name}',

  'legend.title': 'Legend',
  'legend.value': 'forward value (above an edge)',
  'legend.gradient': 'gradient (below an edge)',
  // A matrix program's legend (issue 15): the grids' hues
  'legend.tensorValue': 'value: red below 0, blue above',
  'legend.tensorGradient': 'gradient (framed): purple below 0, orange above',
  'legend.input': 'input',
  'legend.op': 'operation',
  'legend.const': 'constant',
  // Issue 9, a graph drawn top to bottom (a portrait box): its labels sit beside the edges
  'legend.valueBeside': 'forward value (beside an edge)',
  'legend.gradientBeside': 'gradient (beside an edge, under its value)',
  'export.svg': 'Export SVG',
  'export.png': 'Export PNG',
  'export.latex': 'Copy LaTeX',
  'export.copied': 'Copied',
  'export.copyFailed': 'Could not copy: the browser blocked the clipboard',
  'export.failed': 'Could not export the picture',
  'export.headingProgram': 'Program',
  'export.headingGradients': 'Gradients',

  'formula.title': 'Chain rule',
  'formula.start': 'The program computes',
  'formula.startHint': 'Press Next step (→) to send the inputs’ values forward through the graph.',
  'formula.forwardEdge': '{from} travels to {to}',
  'formula.forwardNode': '{node} is computed',
  'formula.seed':
    'The backward pass starts at the output: its gradient with respect to itself is 1.',
  'formula.backwardEdge': 'The gradient flows from {from} back to {to}',
  'formula.local': 'Local derivative',
  'formula.upstreamTimesLocal': 'upstream gradient × local derivative = contribution',
  'formula.fork':
    '{name} feeds {count} nodes, so its gradient is the sum of what comes back from all of them.',
  'formula.forkProgress':
    '{arrived, plural, one {# of {count} shares has arrived.} other {# of {count} shares have arrived.}}',
  'formula.path': 'Factors along the path so far',
  'formula.summary': 'Every input’s gradient',
  'formula.summaryHint': 'Each number says how fast the output changes when that input is nudged.',
  'formula.noInputs': 'No inputs: nothing to differentiate.',

  'narrate.forwardEdge': '{from} = {value} travels to {to}.',
  'narrate.forwardNode': '{node} is computed: {formula}.',
  'narrate.seed': 'The backward pass starts at the output {node}: {partial} = 1.',
  'narrate.backwardEdge':
    'Gradient flows from {from} to {to}: {upstreamName} = {upstream} times {localName} = {local} gives {contribution}.',
  'narrate.forkFirst': 'This is the first of {count} shares of the gradient of {to}.',
  'narrate.forkSum':
    '{to} has {arrived} of {count} shares: {before} plus {contribution} makes {after}.',
  'narrate.done': 'Done: every gradient is known.',
  'narrate.times': 'times',

  'inspect.title': 'Inspector',
  'inspect.hint': 'Hover or click a node or an edge to see its numbers.',
  'inspect.value': 'Value',
  'inspect.gradient': 'Gradient',
  'inspect.local': 'Local derivative',
  'inspect.contribution': 'Gradient sent back',
  'inspect.notYet': 'not yet computed',
  'inspect.noGradient': 'constants get no gradient',
  'inspect.deadNode': 'The output does not depend on this node, so its gradient is 0.',
  'inspect.close': 'Clear selection',
  'inspect.edge': 'Edge {from} → {to}',

  'examples.label': 'Examples',
  'examples.choose': 'Choose an example…',

  'example.circuit.title': 'cs231n: (x + y) · z',
  'example.circuit.lesson':
    'The first circuit: add, then multiply; every gradient is a product of two numbers.',
  'example.multiply.title': 'cs231n: x · y',
  'example.multiply.lesson': 'Multiply swaps: each input’s gradient is the other input’s value.',
  'example.add.title': 'cs231n: x + y',
  'example.add.lesson': 'Add passes the gradient on unchanged to both inputs.',
  'example.max.title': 'cs231n: max(x, y)',
  'example.max.lesson': 'Max routes the whole gradient to the larger input and none to the other.',
  'example.neuron.title': 'cs231n: a sigmoid neuron',
  'example.neuron.lesson':
    'A 2-input neuron, gate by gate: exp, +1 and 1/x together make σ, whose derivative is σ(1−σ).',
  'example.staged.title': 'cs231n: staged computation',
  'example.staged.lesson':
    'Break a hard expression into named stages; x and y feed several of them, so their gradients add up.',
  'example.colah.title': 'colah: e = (a + b) · (b + 1)',
  'example.colah.lesson': 'b feeds two nodes: its gradient is the sum over both paths, 2 + 3 = 5.',
  'example.chain.title': 'ml-cheatsheet: C(R(Z(XW)))',
  'example.chain.lesson': 'One neuron: C′(W) = (ŷ − y) · R′(Z) · X, factor by factor.',
  'example.hidden.title': 'ml-cheatsheet: one hidden layer',
  'example.hidden.lesson':
    'The output error E_o is computed once and reused for the hidden layer: memoization is backprop.',
  'example.softmax.title': 'Softmax + cross-entropy (3 classes)',
  'example.softmax.lesson': 'The loss’s gradient on each score comes out as μ_k − y_k.',

  'theme.label': 'Theme',
  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'lang.label': 'Language',
  // Each language is named in itself, whatever the current language, so a reader can find theirs.
  'lang.en': 'English',
  'lang.vi': 'Tiếng Việt',

  // Gate patterns, gradient check, gradient descent and the network presets.
  'example.neuronMse.title': 'A sigmoid neuron with squared error',
  'example.neuronMse.lesson':
    'One neuron, ŷ = σ(w·x + b), and the loss (ŷ − y)². Mark w and b as parameters and take a step downhill.',
  'example.twoLayer.title': 'Two-layer network, sigmoid + cross-entropy',
  'example.twoLayer.lesson':
    'Two hidden sigmoid units and a sigmoid output with cross-entropy loss: train it until the loss is small.',
  'example.sigmoidChain10.title': 'colah: 10 sigmoid layers',
  'example.sigmoidChain10.lesson':
    'Each sigmoid multiplies the gradient by at most 0.25: by the first layer almost nothing is left. The vanishing gradient.',
  // Issue 15: the seeds' matrix networks (their step notes' words are in enLater.ts)
  'example.softmaxNet.title': 'Softmax network B1–B7 (matrices)',
  'example.softmaxNet.lesson':
    'Seed 002’s network on N = 4 examples at once. Step back: each gradient is labelled with the note’s step, B1 to B7, in its notation (μ, a⁽ᴸ⁾, z⁽ˡ⁾, W⁽ˡ⁾).',
  'example.vectorized.title': 'Two-layer net, vectorized (matrices)',
  'example.vectorized.lesson':
    'Seed 000’s network, one example per column (W1 @ X + b1). Step back: the gradients are its six vectorized formulas, dZ2 = A2 − Y down to db1.',
  // The spiral example (issue 15, wt15c): cs231n's spiral data and a small ReLU network
  'example.spiral.title': 'cs231n spiral, a ReLU network (matrices)',
  'example.spiral.lesson':
    'Three arms of 2-D points that no straight line separates: train W1, b1, W2, b2 in the Spiral panel and watch the decision regions form. Every gradient is one click away on the graph.',
  'note.title': 'Note',
  'note.outputError':
    'This is the output layer error E_o = ∂C/∂Z_o = (ŷ − y) · R′(Z_o) = {grad}. It is computed once and passed back.',
  'note.hiddenError':
    'This is the hidden layer error E_h = E_o · W_o · R′(Z_h) = {grad}: it is reused by every weight below it.',
  'note.softmaxGrad':
    'Softmax and cross-entropy together simplify: ∂L/∂{name} = μ − y = {mu} − {y} = {grad}.',

  'gate.title': 'Gate pattern',
  'gate.add':
    'Add gate: it distributes the gradient unchanged to every input, so {to} gets {upstream}.',
  'gate.sub':
    'Subtract gate: like add, it passes the gradient on unchanged, with the sign flipped for the right-hand side: {to} gets {value}.',
  'gate.mul':
    'Multiply gate: it swaps the inputs. {to} gets the upstream gradient times the other input’s value, {other} = {otherValue}.',
  'gate.max':
    'Max gate: it routes the whole gradient to the larger input. {to} is larger, so it gets all of it: {upstream}.',
  'gate.maxLoser':
    'Max gate: it routes the whole gradient to the larger input. {to} is smaller, so it gets 0.',
  'gate.maxTie':
    'Max gate at a tie: both inputs are equal, so the gradient is split in half. This is a kink: any split is a valid subgradient.',
  'gate.min':
    'Min gate: it routes the whole gradient to the smaller input. {to} is smaller, so it gets all of it: {upstream}.',
  'gate.minLoser':
    'Min gate: it routes the whole gradient to the smaller input. {to} is larger, so it gets 0.',
  'gate.minTie':
    'Min gate at a tie: both inputs are equal, so the gradient is split in half. This is a kink: any split is a valid subgradient.',
  'gate.unary': 'Unary gate {op}: it multiplies the gradient by its local derivative.',

  'present.enter': 'Present',
  'present.enterLabel': 'Presentation mode',
  'shortcuts.open': 'Keyboard shortcuts',

  'share.copy': 'Copy link',
  'share.copied': 'Link copied',
  'share.copyManual': 'Press Ctrl+C (⌘C on a Mac) to copy the link.',
  'share.linkField': 'Link to this graph',
  'share.qr': 'QR code',

  // Practice mode (issue 16): the toggle in the step controls; the panel's words are in enLater.ts
  'practice.toggle': 'Practice',
  'practice.toggleHint': 'Practice: predict each number before it is revealed',

  // Forward vs reverse mode, sums over paths (src/view/Modes)
  'controls.toTangent': 'Jump to tangent pass',
  'phase.tangent': 'tangent',
  'phase.tangentPass': 'Tangent pass',
  'legend.tangent': 'tangent ∂/∂{x} (forward mode)',
  'formula.tangentSeed':
    'Forward mode starts at {x}: its derivative with respect to itself is 1. A dot means ∂/∂{x}.',
  'formula.tangentEdge':
    'The tangent flows from {from} to {to}: local derivative × tangent of {from}',
  'formula.tangentNode': 'The tangent of {node} is the sum of its operands’ terms',
  'formula.tangentTerms':
    '{arrived, plural, one {# of the {count} terms of {name} has arrived} other {# of the {count} terms of {name} have arrived}}: {sum} so far.',
  'formula.tangentSummary': 'Forward mode with respect to {x}',
  'formula.tangentSummaryHint':
    'One pass gave ∂n/∂{x} for every node n. {n, plural, one {With a single input that is every derivative, and reverse mode needs one pass too.} other {Each of the other inputs needs a pass of its own (# inputs, # passes); reverse mode gets all of them in one backward pass.}}',

  // Gradient descent, forward vs reverse mode, sums over paths (shown as the page opens).
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
    'Summing over the paths one by one takes {expanded} multiplications and additions; factored (what reverse mode computes), {factored}. Paths can double with every layer, so listing them explodes; factoring, which is what forward and reverse mode do, keeps the work proportional to {edges, plural, one {the single edge} other {the # edges}}.',
  'paths.limit':
    'Only the first {limit} paths are listed: the count and the sum above cover them all.',
  // Issue 9: what the chain-rule panel says where a step meets trouble, and the small fixes.
  'inspect.tangent': 'Tangent ∂{n}/∂{x}',
  'inspect.tangentTerm': 'Tangent term sent on (∂/∂{x})',
  'narrate.tangentSeed': 'Forward mode starts at {x}: {partial} = 1',
  'narrate.tangentEdge':
    'The tangent flows from {from} to {to}: local derivative {local} times {tangent} gives {term}',
  'narrate.tangentNode': 'The tangent of {node} is the sum of its terms: {value}',
  'narrate.doneTangent': 'Done: {partial} = {value}.',
  'export.latexPartialTitle': 'Copy LaTeX: the derivation so far (step {k} of {n})',
  'export.latexPartialNote': 'The derivation so far: up to step {k} of {n}.',
  'export.copiedPartial': 'Copied the derivation so far (step {k} of {n})',
  'truth.logNegative':
    'log is undefined for {arg}: the value is NaN, and so is every gradient through it.',
  'truth.sqrtNegative':
    'sqrt is undefined for {arg}: the value is NaN, and so is every gradient through it.',
  'truth.nan':
    '{reason} The value of {node} is NaN (not a number), and so is every gradient through it.',
  'truth.infinite':
    '{reason} The value of {node} is {value}, not a finite number, and no gradient through it is finite either.',
  'truth.propagates':
    '{node} is {value} because an operand already is: a value that is not a finite number spreads to everything computed from it.',
  'truth.slopeNaN':
    'The local derivative {local} has no value there, so the gradient is NaN (not a number), and so is every gradient through it.',
  'truth.slopeInfinite':
    'The local derivative {local} is not finite there, so neither is the gradient, nor any gradient through it.',
  'truth.upstream':
    'The gradient arriving, {partial}, is already {value}: every gradient through it is {value} too.',
  'formula.shareOf': 'Share {arrived} of {count} of {partial}, so far:',
  'formula.pathShare': 'Factors along the path of this share',
  'paths.whyFactorEqual':
    'Here summing over the paths and the factored form both take {ops} multiplications and additions: no two paths share an edge, so there is nothing to factor out. With every layer the paths multiply, and the path-by-path sum grows exponentially while the factored one (what reverse mode computes) grows with {edges, plural, one {the single edge} other {the # edges}}.',
  'train.lrNegative':
    'A learning rate must be above 0: a negative one would climb the loss instead of descending it. Still using {lr}.',
  'train.lrZero': 'A learning rate of 0 would never move the parameters. Still using {lr}.',
} as const;

/** Every key, those of the panels that load later included (their English: `enLater.ts`). */
export type UiKey = keyof typeof en | keyof typeof enLater;
