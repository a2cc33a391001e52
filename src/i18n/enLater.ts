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
  'train.curve':
    'Loss from {first} to {last} {steps, plural, one {after # step} other {over # steps}}',
  'layers.title': 'Gradient per layer',
  'layers.hint':
    'Each sigmoid multiplies the gradient by σ′ ≤ 0.25, so it shrinks layer by layer: the vanishing gradient (log scale).',
  'layers.alt':
    '|∂L/∂{last}| = {lastValue} at the last layer shrinks to |∂L/∂{first}| = {firstValue} at the first, {ratio} times smaller',

  // Issue 17, large graphs: the bar over a large graph (collapse all, expand all, find a node).
  'groups.expandAll': 'Expand all',
  'groups.collapseAll': 'Collapse all',
  'groups.forwardStep': '{name}, collapsed: its {count} nodes computed in one step.',
  'groups.backwardStep':
    '{name}, collapsed: the gradient passes through it in one step, by the chain rule.',
  'groups.insideExpand': 'Expand it to see each step inside.',
  'find.label': 'Find a node',
  'find.placeholder': 'name, e.g. h1',
  'find.go': 'Find',
  'find.none': 'No node named “{name}”.',
  'find.found': 'Found {name}.',
} as const;

registerEnglish(enLater);
