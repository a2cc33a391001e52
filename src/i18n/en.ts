import { engineMessages } from '../engine/messages';
import type { enLessons } from './enLessons';

/**
 * Every user-visible English string. Keys are grouped by where they appear; `{name}` marks a
 * parameter. The Vietnamese table (vi.ts) must have exactly these keys: the type system and a
 * test both check that.
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

  'help.title': 'What you can type',
  'help.close': 'Close',
  'help.operators': 'Operators',
  'help.operatorsBody':
    '+  -  *  /  ^ (power, also **). Unary minus: -x^2 means -(x^2). Numbers: 2, 0.5, .5, 1e-3 (a decimal point, never a comma).',
  'help.functions': 'Functions',
  'help.statements': 'Statements',
  'help.statementsBody':
    'Separate statements with ; or new lines. name = -2 declares an input; name = expression names an intermediate value; the last statement is the output.',
  'help.comments': 'Comments',
  'help.commentsBody': '# starts a comment that runs to the end of the line.',
  'help.commentExample': 'q = x + y   # q becomes 3',
  'help.names': 'Names',
  'help.namesBody':
    'Letters of any alphabet (accents too: tốc_độ), digits and _, not starting with a digit. w0 and x_1 get subscripts; alpha, mu, sigma… become Greek letters. A name used but never assigned is an input whose value starts at 1.',

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
  'controls.zoomOut': 'Zoom out',

  'graph.label': 'Computational graph',
  'graph.nodeValue': '{name} = {value}',
  'graph.nodeValueGrad': '{name} = {value}, gradient {grad}',
  'graph.nodeOp': '{name} = {formula}',
  'graph.nodeUnknown': '{name}, not yet computed',
  'graph.laidOut': 'Laying out the graph…',
  'legend.title': 'Legend',
  'legend.value': 'forward value (above an edge)',
  'legend.gradient': 'gradient (below an edge)',
  'legend.input': 'input',
  'legend.op': 'operation',
  'legend.const': 'constant',
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
  'present.leave': 'Leave presentation',
  'present.formula': 'Formula panel',
  'embed.open': 'Open in Backprop Lens',
  'embed.newTab': 'Opens this graph, at this step, in a new tab',
  'shortcuts.open': 'Keyboard shortcuts',
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.close': 'Close',
  'shortcuts.keyCol': 'Key',
  'shortcuts.actionCol': 'What it does',
  'shortcuts.previousNext': 'Previous step / next step',
  'shortcuts.play': 'Play or pause',
  'shortcuts.home': 'Back to the start',
  'shortcuts.end': 'Jump to the end',
  'shortcuts.formula': 'Show or hide the formula panel (presentation and embedded views)',
  'shortcuts.help': 'Show this list',
  'shortcuts.escape': 'Close this list; in presentation mode, leave it',
  'shortcuts.present': 'Enter or leave presentation mode',
  'shortcuts.note': 'Shortcuts work whenever the cursor is not in a text field.',
  'shortcuts.spaceKey': 'Space',

  'share.copy': 'Copy link',
  'share.copied': 'Link copied',
  'share.copyManual': 'Press Ctrl+C (⌘C on a Mac) to copy the link.',
  'share.linkField': 'Link to this graph',
  'share.qr': 'QR code',
  'share.qrTitle': 'QR code',
  'share.qrHint': 'Scan it to open this graph, at this step, on a phone.',
  'share.qrLoading': 'Drawing the QR code…',
  'share.qrTooLong': 'This link is too long for a QR code. Use Copy link instead.',
  'share.qrFailed': 'The QR code could not be drawn (offline?). Use Copy link instead.',
  'share.close': 'Close',

  'notice.urlIgnored': 'Some parts of the link could not be used:',
  'notice.more': 'and {count} more',
  'notice.dismiss': 'Dismiss',
  'notice.reason.tooLong': 'too long',
  'notice.reason.badNumber': 'not a number',
  'notice.reason.badValue': 'not a valid value',
  'notice.reason.unknown': 'unknown',
  'notice.reason.duplicate': 'repeated',
  'notice.reason.badCompressed': 'could not be unpacked',
  'notice.reason.tooMany': 'too many values',
  'notice.reason.outOfRange': 'out of range',

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
} as const;

/** Every key, the lessons' included (their English loads with the lessons: `enLessons.ts`). */
export type UiKey = keyof typeof en | keyof typeof enLessons;
