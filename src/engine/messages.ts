/**
 * English text of every message the engine can produce. The engine speaks English (the CLI uses it
 * as it is); the UI looks the same keys up in its language table (`src/i18n/`), so a key added here
 * must be translated there too, and a test checks that.
 *
 * Templates name their parameters in braces: `{name}`.
 */
export const engineMessages = {
  'error.empty': 'The program is empty: type an expression such as (x+y)*z.',
  'error.unexpectedChar':
    '`{char}` is not part of the language: use numbers, names, + - * / ^, ( ) and functions.',
  'error.unicodeOperator': '`{char}` looks like an operator: type `{ascii}` instead.',
  'error.numberThenName': 'A number cannot run into a name: write `{number}*{name}` to multiply.',
  'error.badExponent': 'The number `{text}` needs digits after its exponent, as in 1e-3.',
  'error.badNumber': '`{text}` is not a number I can read.',
  'error.loneDot': 'A `.` must be part of a number, as in 0.5 or .5.',
  'error.expectedOperand': 'Expected a number, a name or `(` here, but found `{token}`.',
  'error.missingRight': '`{op}` needs something on its right.',
  'error.missingLeft': '`{op}` needs something on its left.',
  'error.missingOperator':
    'Two values stand side by side without an operator: write `*` to multiply, or `+`, `-`, `/`, `^`.',
  'error.unclosedParen': 'Expected `)` to close the `(` at column {column}.',
  'error.unclosedParenAt': 'Expected `)` to close the `(` at line {line}, column {column}.',
  'error.unmatchedClose': 'This `)` has no matching `(`.',
  'error.emptyParens': 'Empty parentheses: put an expression inside, as in (x+y).',
  'error.unknownFunction': '`{name}` is not a function I know: try {list}.',
  'error.unknownFunctionSuggest':
    '`{name}` is not a function I know: did you mean `{suggestion}`? The functions are {list}.',
  'error.notAFunction': '`{name}` is a value, not a function: write `{name}*(…)` to multiply.',
  'error.functionNotCalled': '`{name}` is a function: call it on a value, as in {name}(x).',
  'error.arity1': '`{name}` takes one argument, but got {got}.',
  'error.arity2': '`{name}` takes two arguments, but got {got}.',
  'error.commaOutsideCall': 'A `,` only separates the arguments of a function, as in max(a, b).',
  'error.decimalComma':
    'Decimals are written with a point, not a comma: write `{fixed}`, not `{text}`.',
  'error.misplacedAssign':
    '`=` can only follow a name at the start of a statement, as in q = x + y.',
  'error.doubleEquals': 'There are no comparisons here: use one `=` to give a value a name.',
  'error.reservedName': '`{name}` is a function; pick another name for this value.',
  'error.redefined': '`{name}` is already defined on line {line}; each name is defined once.',
  // Issue 12: a gradient line written twice with `=`, where cs231n's code adds a share with `+=`.
  'error.gradientRewritten':
    '`{name}` is already written on line {line}: to add this share to it, write `{name} +=`.',
  'error.usedBeforeDefined': '`{name}` is used before its definition on line {line}.',
  'error.selfReference': '`{name}` cannot be defined in terms of itself.',
  // Tensor programs (issue 14): literals, shapes, numpy spellings.
  'tensor.emptyLiteral': 'An empty `[]` has no shape: write at least one number, as in [1, 2].',
  'tensor.missingEntry': 'An entry is missing here: write a number between the commas.',
  'tensor.unclosedBracket': 'Expected `]` to close the `[` at line {line}, column {column}.',
  'tensor.unmatchedBracket': 'This `]` has no matching `[`.',
  'tensor.raggedRows':
    'Every row of a matrix needs the same number of entries: row {row} has {got}, row 1 has {expected}.',
  'tensor.rank3':
    'Only vectors and matrices are supported: a third level of brackets would make a 3-D tensor.',
  'tensor.literalEntry': 'An entry of `[…]` must be a number, as in [1, -2, 3.5].',
  'tensor.literalMixed': 'A literal holds either numbers (a vector) or rows (a matrix), not both.',
  'tensor.literalSeparator': 'Entries of `[…]` are separated by commas, as in [1, 2, 3].',
  'tensor.matmul': '`@` needs the columns of {a} ({aShape}) to match the rows of {b} ({bShape}).',
  'tensor.matmulScalar':
    '`@` multiplies vectors and matrices, and {a} is a scalar: use `*` to multiply by a number.',
  'tensor.broadcast':
    '`{op}` cannot pair {a} ({aShape}) with {b} ({bShape}): each dimension must match or be 1.',
  'tensor.badAxis': '`{name}` cannot reduce axis {axis} of {a} ({aShape}): it has {rank} axes.',
  'tensor.axisLiteral': 'An axis is written as a whole number, as in sum(A, 0) or axis=1.',
  'tensor.crossentropy':
    '`crossentropy` needs probabilities and targets of one shape, but {a} is {aShape} and {b} is {bShape}.',
  'tensor.argCount': '`{name}` takes {expected} arguments, but got {got}.',
  'tensor.missingArgument': 'An argument of `{name}` is missing here.',
  'tensor.keyword': '`{name}=` is not an option here: only `axis=` is.',
  'tensor.unknownMethod':
    '`.{name}` is not something I know: write `.T`, `.dot(B)`, `.sum()` or `.mean()`.',
  'tensor.unknownNumpy': '`np.{name}` is not a numpy function I know: try {list}.',
  'tensor.creatorArgs':
    '`{name}` takes one or two sizes, whole numbers from 1 on, as in {name}(3, 4) or {name}(5).',
  'tensor.creatorNotInput':
    '`{name}(…)` gives an input its starting value: write it alone on the right, as in W = {name}(3, 4).',
  'tensor.spiralArgs':
    '`{name}` takes the points per class (2 to 1000) and the number of classes (2 to 8), as in {name}(100, 3).',
  'tensor.needsEngine': 'Vectors and matrices: loading the part of the engine that reads them…',
  'error.tooLarge': 'The program is too large ({size} characters); the limit is {limit}.',

  // Practice mode's answers (src/engine/answer.ts)
  'answer.empty': 'Type a number or a short expression, such as -4*1, 1/4 or e^2.',
  'answer.name':
    '`{name}` has no value here: an answer is written with numbers, e, pi and functions such as exp(2).',
  'answer.assign': 'Type just the value, without a name and `=`.',
  'answer.several': 'Type one answer only.',
  'answer.notFinite': 'That is not a finite number.',

  // Practice mode's shape answers on matrix programs (src/engine/tensor/shapeAnswer.ts)
  'shape.empty': 'Type a shape, such as 3x5, (3, 5), 4 for a vector of 4, or () for a number.',
  'shape.bad': '`{text}` is not part of a shape: write sizes with x between them, as in 3x5.',
  'shape.size': '`{text}` is not a size: sizes are whole numbers from 1.',
  'shape.unclosed': 'This bracket is not closed: write (3, 5).',
  'shape.missingSize': 'A size is missing after this sign: write 3x5.',
  'shape.rank': 'Only vectors and matrices here: a shape has one or two sizes.',

  'diag.logNegative': 'log of a negative number is undefined here.',
  'diag.logZero': 'log(0) is -∞: the value falls off to minus infinity.',
  'diag.sqrtNegative': 'sqrt of a negative number is undefined here.',
  'diag.sqrtZero': 'sqrt has an infinite slope at 0: the gradient through it is not finite.',
  'diag.divByZero': 'Division by zero: the result is not a finite number.',
  'diag.overflow': 'Overflow: the result is too large for a 64-bit number.',
  'diag.powNegativeBase': 'A negative number raised to a fractional power is undefined here.',
  'diag.powZeroBase': '0 to a negative power is infinite.',
  'diag.powExponentSlope':
    'The slope with respect to the exponent needs log of the base, which is undefined for a base ≤ 0.',
  'diag.tanPole': 'tan is infinite at odd multiples of π/2.',
  'diag.infiniteSlope':
    'The slope here is not finite, so neither is the gradient through this node.',
  'diag.kinkRelu': 'relu has a kink at 0: its slope there is taken to be 0.',
  'diag.kinkAbs': 'abs has a kink at 0: its slope there is taken to be 0.',
  'diag.kinkMax': 'max has a tie: the gradient is split evenly between the two arguments.',
  'diag.kinkMin': 'min has a tie: the gradient is split evenly between the two arguments.',
} as const;

export type MessageKey = keyof typeof engineMessages;
export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills a template's `{name}` slots; an unknown slot is left as it is, so a typo shows. */
export function fillTemplate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** The English sentence for an engine message. */
export function formatMessage(key: MessageKey, params: MessageParams = {}): string {
  return fillTemplate(engineMessages[key], params);
}
