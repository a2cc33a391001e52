import { engineMessages } from '../engine/messages';

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
  'help.operatorsBody': '+  -  *  /  ^ (power, also **). Unary minus: -x^2 means -(x^2).',
  'help.functions': 'Functions',
  'help.statements': 'Statements',
  'help.statementsBody':
    'Separate statements with ; or new lines. name = -2 declares an input; name = expression names an intermediate value; the last statement is the output.',
  'help.comments': 'Comments',
  'help.commentsBody': '# starts a comment that runs to the end of the line.',
  'help.names': 'Names',
  'help.namesBody':
    'Letters, digits and _. w0 and x_1 get subscripts; alpha, mu, sigma… become Greek letters. A name used but never assigned is an input that starts at 1.',

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
  'controls.counterStart': 'Start · {n} steps',
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
  'formula.forkProgress': '{arrived} of {count} shares have arrived.',
  'formula.path': 'Factors along the path so far',
  'formula.summary': 'Every input’s gradient',
  'formula.summaryHint': 'Each number says how fast the output changes when that input is nudged.',
  'formula.noInputs': 'No inputs: nothing to differentiate.',

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
} as const;

export type UiKey = keyof typeof en;
