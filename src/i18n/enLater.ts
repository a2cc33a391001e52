import { registerEnglish } from './index';

/**
 * English of what loads after the page is interactive, and only when it is opened: the syntax
 * help, the shortcut list, the QR dialog, the link notice, the presentation and embed bars, the
 * gradient check, the loss curve and the gradient per layer. Kept out of en.ts so the first
 * screen's JavaScript does not carry them: each of those modules imports this one, which adds
 * them to the English table before it renders. Vietnamese has them in vi.ts (loaded on demand).
 */
export const enLater = {
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
  'present.leave': 'Leave presentation',
  'present.formula': 'Formula panel',
  'embed.open': 'Open in Backprop Lens',
  'embed.newTab': 'Opens this graph, at this step, in a new tab',
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
  // Your backward pass (issue 12): a hand-written backward pass, checked line by line.
  'bp.title': 'Your backward pass',
  'bp.intro':
    '{count, plural, one {One line reads} other {# lines read}} as a hand-written backward pass of {output}, the last line that is not a gradient. Such lines are not part of the graph: each is checked against the gradient the engine computes.',
  'bp.introNone': 'No line is read as a hand-written gradient now.',
  'bp.line': 'line {line}',
  'bp.ok': 'matches {grad} = {value}',
  'bp.wrong': 'is {value}, but {grad} is {expected}',
  'bp.showStep': 'Show the step that computes {grad}',
  'bp.localStep': 'Show the step that multiplies by {grad}',
  'bp.list': 'a list: checked element by element once tensor values exist',
  'bp.readsList': 'reads the list {name}: checked once tensor values exist',
  'bp.undefinedName':
    'reads {name}, which the program does not define before this line: not checked',
  'bp.constant':
    '{name} depends on no input, so the engine computes no gradient for it: not checked',
  'bp.readFull': 'Read as {grad}.',
  'bp.readShort':
    'Read as {grad}: {name} is cs231n’s shorthand for the gradient of the output, {output}, on {wrt}.',
  'bp.alsoForward':
    'It could also be forward code, a value named {name}: then, as the last line, it is the output.',
  'bp.alsoGradient': 'It could also be {grad}.',
  'bp.chosen': 'Read this way because you chose it.',
  'bp.useForward': 'Read {name} as forward code',
  'bp.useGradient': 'Read {name} as {grad}',
  'bp.useRule': 'Read {name} as the rule does',
  'bp.keptForward': '{name} (line {line}) is read as forward code, because you chose it.',
  'bp.useGradientAgain': 'Read {name} as a gradient',
  'bp.gutter': 'Checks of your backward pass, by line',
  'bp.mark': 'Line {line}: {name} {verdict}',
  // Issue 12 follow-ups: `+=` shares, blank lines, practice's "check my backward pass" exercise.
  'bp.blank': 'not written yet: write {grad} after the =',
  'bp.readsBlank': 'reads {name}, which is not written yet: not checked',
  'bp.share': 'a share of {grad} so far, {value}: the paths through some of {wrt}’s uses, added up',
  'bp.partial':
    'a share of {grad} so far, {value}, but not the sum of any of its paths: the last {name} line is the one checked',
  'practice.bp.start': 'Check my backward pass',
  'practice.bp.hint':
    'Write the backward pass yourself: under the forward pass, an empty line such as {example} for each input and named value. Each line is checked as you type.',
  'practice.bp.progress':
    'Your backward pass: {right} of {count, plural, one {# line} other {# lines}} right',
  'train.curve':
    'Loss from {first} to {last} {steps, plural, one {after # step} other {over # steps}}',
  'layers.title': 'Gradient per layer',
  'layers.hint':
    'Each sigmoid multiplies the gradient by σ′ ≤ 0.25, so it shrinks layer by layer: the vanishing gradient (log scale).',
  'layers.alt':
    '|∂L/∂{last}| = {lastValue} at the last layer shrinks to |∂L/∂{first}| = {firstValue} at the first, {ratio} times smaller',
  // Practice mode (issue 16): the practice panel, its hints and what the narration says
  'practice.title': 'Practice',
  'practice.shortcut':
    'Practice: check the answer typed in Your answer (→ waits until the step’s number is answered or shown)',
  'practice.intro':
    'Press Next step: each new number is hidden and asked for before it is shown. Answers may be numbers or short expressions such as -4*1, 1/4 or e^2.',
  'practice.nothingAsked': 'Nothing to work out on this step: press Next step.',
  'practice.score': '{right} of {asked} right on the first try',
  'practice.startOver': 'Start over',
  'practice.answer': 'Your answer',
  'practice.check': 'Check',
  'practice.show': 'Show answer',
  'practice.question': 'Question {index} of {count} on this step',
  'practice.ask.value': 'What is the value of {node}?',
  'practice.ask.local': 'What is the local derivative {partial}?',
  'practice.ask.contribution': 'What gradient does {from} send back to {to}? (upstream × local)',
  'practice.ask.sum':
    '{to} feeds several gates: what is its gradient so far, the sum of the shares that have arrived?',
  'practice.correct': 'Correct',
  'practice.wrong': 'Not quite',
  'practice.shown': 'The answer',
  'practice.hint': 'Hint',
  'practice.notRead': 'That answer could not be read',
  'practice.hint.value': 'Apply the gate to its inputs’ values: {formula}.',
  'practice.hint.add':
    'An add gate’s local derivative is 1 for every input: it passes the gradient on unchanged.',
  'practice.hint.sub':
    'A subtract gate’s local derivative is 1 for the left input and −1 for the right one.',
  'practice.hint.mul':
    'A multiply gate’s local derivative for one input is the other input’s value: here {other} = {value}.',
  'practice.hint.max':
    'A max gate’s local derivative is 1 for the larger input and 0 for the other: here {to} = {mine} and {other} = {theirs}.',
  'practice.hint.min':
    'A min gate’s local derivative is 1 for the smaller input and 0 for the other: here {to} = {mine} and {other} = {theirs}.',
  'practice.hint.tie':
    'The two inputs are equal (a tie): the gradient is split in half, so the local derivative is 0.5.',
  'practice.hint.unary':
    'A one-input gate’s local derivative is its own derivative at its input: {formula}, with {input} = {value}.',
  'practice.hint.other':
    'Differentiate the gate with respect to this input, holding the other input still: {formula}.',
  'practice.hint.contribution':
    'The gradient sent back is upstream × local: {upstreamName} = {upstream} times {localName} = {local}.',
  'practice.hint.sum':
    'Add the share that just arrived to the sum so far: {before} plus {contribution}.',
  'practice.say.turn': 'Your turn: {question} {formula}',
  'practice.say.correct': 'Correct: {formula}.',
  'practice.say.wrong': 'Not quite. Hint: {hint}',
  'practice.say.shown': 'The answer: {formula}. {why}',
  'practice.say.notRead': 'That answer could not be read: {message}',

  // Issue 17, large graphs: the bar over a large graph (collapse all, expand all, find a node).
  'groups.expandAll': 'Expand all',
  'groups.collapseAll': 'Collapse all',
  'groups.forwardStep': '{name}, collapsed: its {count} nodes computed in one step.',
  'groups.backwardStep':
    '{name}, collapsed: the gradient passes through it in one step, by the chain rule.',
  'groups.insideExpand': 'Expand it to see each step inside.',
  'find.label': 'Find a node',
  'find.placeholder': 'e.g. h1',
  'find.go': 'Find',
  'find.none': 'No node named “{name}”.',
  'find.found': 'Found {name}.',
  // Vectors and matrices in the syntax card (issue 14); the list is read off the tensor registry
  'help.tensors': 'Vectors and matrices',
  'help.tensorsBody':
    '[1, -2, 3.5] is a vector, [[1, 2], [3, 4]] a 2×2 matrix; W = [[1, 2], [3, 4]] declares an input. + - * / ^ and every function above work entry by entry, with numpy broadcasting (a vector is a row).',
  'help.numpy': 'Pasted numpy reads as written:',
  // New random values for a tensor program's randn (issue 14), under its message
  'random.newValues': 'New random values',
  'random.fromSeed': 'randn draws from seed {seed}. Output (summed if not a number): {output}.',
  // Tensor mode on screen (issue 15): a matrix program's nodes, cells and inspector
  'tensor.matrix': '{rows}×{cols} matrix',
  'tensor.vector': 'vector of {n}',
  'tensor.hasGradient': 'has a gradient',
  'tensor.value': 'Value',
  'tensor.gradient': 'Gradient',
  'tensor.row': 'row {i}',
  'tensor.column': 'column {j}',
  'tensor.matrixOf': '{what} of {name}',
  'tensor.summary': 'Shape {shape}; min {min}, max {max}, mean {mean}, norm {norm}',
  'tensor.tooBig': 'Too large to list ({shape}): a summary instead.',
  'tensor.notYet': 'Not yet computed.',
  // The tensor engine's words inside its rules, in the reader's language (src/view/tensor/localizeRule.ts)
  'tensorWord.all': 'all',
  'tensorWord.rows': 'rows',
  'tensorWord.row': 'row',
  'tensorWord.columns': 'columns',
  'tensorWord.sumOver': 'sum over {what} of',
  'tensorWord.sumOf': 'sum of',
  'tensorWord.spreadBack': 'spread back',
  // Issue 15 (wt15b): a matrix step with its numbers, one entry in index form, expand to scalars
  'tensorStep.rule': 'Rule (shape under each factor)',
  'tensorStep.shapes': 'Shapes',
  'tensorStep.numbers': 'With the numbers',
  'tensorStep.rows': 'Broadcast: summed over the batch rows',
  'tensorStep.columns': 'Broadcast: summed over the columns (one example each)',
  'tensorStep.fork': 'Fork: the shares add',
  'tensorEntry.title': 'One entry, index form',
  'tensorEntry.close': 'Close entry',
  'tensorEntry.sources': 'Lit up on the graph: the cells of {names} it came from.',
  'tensorEntry.fork': 'A fork: its {count} shares add.',
  'tensorEntry.soFar': 'So far {arrived} of {count} shares have arrived.',
  'tensorEntry.notYet': 'The gradient of {name} is not computed yet at this step.',
  'tensorEntry.hint': 'Click a cell of a gradient grid to write it as a sum of products.',
  'tensorEntry.cell': '{entry} = {value}: write in index form',
  'tensorExpand.button': 'Expand to scalars',
  'tensorExpand.tooBig':
    'Only an op whose operands and result are at most 3×3 expands: {name} is {shape}.',
  'tensorExpand.unsupported': 'This op does not expand to scalars.',
  'tensorExpand.back': 'Back to the matrix program',
  'tensorExpand.banner':
    '{name} as scalars: every multiply and add, numbers from the matrix program (6 digits).',

  // Practice on matrix programs (issue 16): shape, formula from pieces, one entry
  'practice.m.askShape': 'What shape is {what}?',
  'practice.m.askFormula': 'Build {what} from the pieces: pick them in the order they multiply.',
  'practice.m.askEntry': 'What is {what}?',
  'practice.m.askShare': 'What does this step send back to {what}? (Its share: the shares add up.)',
  'practice.m.shareIs': 'this step sends {value} back to {what}',
  'practice.m.shapeHelp':
    'Type rows x columns, as 3x5 or (3, 5); a vector of 4 is 4, a single number ().',
  'practice.m.pieces': 'Pieces',
  'practice.m.product': 'Your product',
  'practice.m.nothingPicked': 'nothing picked yet',
  'practice.m.undo': 'Undo',
  'practice.m.clear': 'Clear',
  'practice.m.piece': '{piece}, {shape}',
  'practice.m.scalar': 'a single number, ()',
  'practice.m.vector': '{n} (a vector of {n})',
  'practice.m.is': '{what} is {shape}',
  'practice.m.inconsistent':
    '{pair}: the inner sizes {a} and {b} differ, so {product} cannot be multiplied.',
  'practice.m.wrongShape': '{product} is {dims}, but {what} is {target}.',
  'practice.m.wrongFormula':
    '{product} is {dims}, the shape of {what}, but it is not its formula: one factor is the other operand, the other the gradient from the output side; the shapes say which one is transposed.',
  'practice.m.formulaReason': 'The shapes chain: {chain} gives {dims}, the shape of {node}.',
  'practice.m.hint.gradShape':
    'A gradient has the shape of what it is taken with respect to: {what} has the shape of {node}.',
  'practice.m.hint.matmulShape': 'A product (m×k)(k×n) is m×n: here {a} is {as} and {b} is {bs}.',
  'practice.m.hint.broadcastShape':
    'Entry by entry, the operands stretch to one shape (a vector is a row): {operands}.',
  'practice.m.hint.reduceShape':
    '{op} without an axis gives a single number; along axis 0 it drops the rows, along axis 1 the columns: {operands}.',
  'practice.m.hint.sameShape': 'Entry by entry: the result has its operand’s shape: {operands}.',
  'practice.m.hint.vector': 'A vector of {n} is written {n}; 1×{n} is a matrix of one row.',
  'practice.m.hint.entryProduct':
    '{what} is row {i} of {left} times column {j} of {right}: multiply them entry by entry and add.',
  'practice.m.hint.entryRule': 'Take entry {index} on both sides of the rule: {rule}.',
  'practice.m.hint.entryForward': 'Take entry {index} on both sides of {formula}.',
  'practice.m.hint.entryScalar': 'Work out {formula}.',
  'practice.m.entryReason': 'From the step {formula}: {hint}',
  // Matrix inputs in the Inputs panel (issue 15, point 3): one field per entry
  'tensorInputs.cell': '{name} row {i} column {j}',
  'tensorInputs.entry': '{name} entry {i}',
  'tensorInputs.notNumber': '{cell}: not a number yet. Write it like -0.5 or 1e-3.',
  'tensorInputs.tooBig':
    'More than {max} rows or columns: edit it in the program, or draw new random values.',
  'tensorInputs.randnHint':
    'Drawn by randn. Editing one number writes all of them into the program.',
  // The seed notes' labels on the matrix examples' steps (issue 15, point 7), in the chain-rule panel
  'stepNotes.seed002': 'Seed 002, backpropagation through softmax',
  'stepNotes.seed000': 'Seed 000, the vectorized formulas',
  'stepNotes.aria': 'Note {label}: {source}',
  'stepNotes.row': 'Row j =',
  'stepNotes.notation': 'How the note writes this step.',
  'stepNotes.lastLayer':
    'The note applies softmax to a⁽ᴸ⁾, the last layer’s output; here that layer’s f is the identity, so a⁽ᴸ⁾ = z⁽²⁾.',
  'stepNotes.b1':
    'B1: the loss differentiated by μ, entry by entry. Only the target class of each row (y = 1) gets a gradient; every other entry is 0.',
  'stepNotes.b2':
    'B2: row j of μ depends only on row j of a⁽ᴸ⁾, through this d×d Jacobian (diagonal μ(1 − μ), elsewhere −μ_i μ_k). Pick a row to see its numbers.',
  'stepNotes.b3':
    'B3: the row ∂ℓ/∂μ_j times that Jacobian. Entry i is −y_i + μ_i Σ_k y_k, and a one-hot y sums to 1, so the product is μ_j − y_j. The step above computes the same numbers without forming the Jacobian.',
  'stepNotes.b4':
    'B4 and B7: f = sigmoid acts entry by entry, so each row’s Jacobian ∂a_j/∂z_j is diagonal and multiplying by it is the entrywise ⊙ f′(z⁽¹⁾) = a⁽¹⁾(1 − a⁽¹⁾). B7 is the step the note leaves blank.',
  'stepNotes.b5':
    'B5 and B7 for l = 2: W⁽²⁾’s gradient is a⁽¹⁾ᵀ times ∂ℓ/∂z⁽²⁾, a sum over the N examples, in W⁽²⁾’s shape d⁽¹⁾×d⁽²⁾.',
  'stepNotes.b5first':
    'B5 and B7 for l = 1: the same rule one layer down, with a⁽⁰⁾ = x. These two weight gradients are what training needs.',
  'stepNotes.b6':
    'B6 and B7 for l = 2: z⁽²⁾ = a⁽¹⁾W⁽²⁾, so the gradient goes back to a⁽¹⁾ through W⁽²⁾ᵀ.',
  'stepNotes.b6input':
    'B6 and B7 for l = 1, where a⁽⁰⁾ = x: the gradient of the input itself. Training does not use it, but the rule is the same.',
  'stepNotes.dZ2':
    'dZ2 = A2 − Y, the note’s first formula. The loss here is the mean over the m = {m} examples, so this step’s ∂L/∂Z₂ is dZ2/m: the note keeps that 1/m for dW2 and db2 instead.',
  'stepNotes.dW2':
    'dW2 = (1/m) dZ2 A1ᵀ: this step’s ∂L/∂Z₂ · A₁ᵀ, the 1/m being already inside ∂L/∂Z₂.',
  'stepNotes.db':
    'The bias was added to every one of the m = {m} columns (broadcast), so its gradient sums them back: np.sum(dZ, axis=1, keepdims=True), times 1/m.',
  'stepNotes.dZ1first':
    'The first half of dZ1: W2ᵀ dZ2, the output’s error sent back through the weights to A1.',
  'stepNotes.dZ1':
    'dZ1 = W2ᵀ dZ2 ⊙ g′(Z1), with g the sigmoid: g′(Z1) = A1 ⊙ (1 − A1), entry by entry. (As for dZ2, the engine’s ∂L/∂Z₁ is dZ1/m.)',
  'stepNotes.dW1':
    'dW1 = (1/m) dZ1 Xᵀ: this step’s ∂L/∂Z₁ · Xᵀ. With db1 it is what gradient descent updates W1 and b1 with.',
  // Lessons on tensor programs (issue 15, wt15c): gradient check, descent, narration, modes, spiral
  'check.tensorHint':
    'For each input: ⟨∇, d⟩ along one random unit direction d against (L(x + h·d) − L(x − h·d)) / 2h, h = {h}, which tests every entry at once; then {n} sampled entries one by one.',
  'check.direction': 'direction d',
  'check.directionAndEntries': 'direction and sampled entries',
  'check.scalarInput': 'a number',
  'train.updateTensor': 'every entry of each parameter moves by −lr × its gradient',
  'narrate.tensorForward': 'Forward: {node}, {shape}, is computed: {formula}.',
  'narrate.tensorSeed': 'Backward starts at the output {node}: its gradient is 1.',
  'narrate.tensorBackward': 'Backward: the gradient of {node}, {shape}, is {rule}.',
  'narrate.tensorBackwardAdd':
    'Backward: {node}, {shape}, gets another share of its gradient, {rule}, added to what it had.',
  'narrate.tensorDone': 'Done: every gradient is known, each with the shape of its input.',
  'narrate.matrixShape': 'a {rows} by {cols} matrix',
  'narrate.vectorShape': 'a vector of {n}',
  'narrate.scalarShape': 'a number',
  'narrate.gradientOf': 'the gradient of {name}',
  'narrate.transposed': '{name} transposed',
  'narrate.matmul': 'matrix times',
  'narrate.entrywise': 'times, entry by entry,',
  'narrate.sumRows': 'the sum over the rows of',
  'narrate.sumColumns': 'the sum over the columns of',
  'narrate.sumAll': 'the sum of every entry of',
  'narrate.rowsum': 'the row sums of',
  'narrate.onesOf': 'ones of shape {shape}',
  'narrate.cell': '{name}, row {row}, column {col}: value {value}',
  'narrate.cellVector': '{name}, entry {col}: value {value}',
  'narrate.cellGradient': ', gradient {grad}',
  'modes.scalarOnly':
    'Forward mode works on scalar programs only: this program has vectors or matrices.',
  'paths.scalarOnly':
    'Paths are listed for scalar programs only: here an edge carries a whole matrix.',
  'spiral.title': 'Spiral: decision regions',
  'spiral.hint':
    'Gradient descent on {params} of the program, live: each colour is the class the network predicts there, the dots are the data.',
  'spiral.train': 'Train',
  'spiral.pause': 'Pause',
  'spiral.reset': 'Reset',
  'spiral.status': 'Step {steps} · loss {value} · accuracy {acc}% (chance {chance}%)',
  'spiral.canvas':
    'Decision regions of {k} classes over the plane, with the {n} data points; accuracy {acc}%.',
  'spiral.class': 'class {k}',
  'spiral.needs':
    'This lesson trains a program with X = spiral_points(n, k), Y = spiral_labels(n, k) and a loss crossentropy(P, Y).',
  'spiral.noParams': 'Mark at least one input as a parameter in Gradient descent.',
  'spiral.saved':
    'The trained weights are written into the program: the graph shows their gradients.',
  // Keys on a matrix card's cells in the graph (issue 15, wt15-2): Enter in, arrows, Escape out
  'tensorKeys.card':
    'Enter goes into its cells: the arrow keys move between them, Escape comes back.',
  'tensorKeys.gradCell': 'Enter writes this entry in index form.',
} as const;

registerEnglish(enLater);
