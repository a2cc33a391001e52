import type { Table } from './index';

/**
 * Vietnamese table. Typed as `Table`, so a key missing from en.ts or enLater.ts fails type checking and an extra
 * key fails the object-literal check; `{name}` slots must match en's (test/i18n.test.ts checks).
 * Terms follow the Vietnamese cs231n / ml-cheatsheet notes in the course material (seeds/), one
 * word per concept, so a student never wonders whether two words mean two things:
 * - lan truyền xuôi / ngược (forward / backward pass); in the step counter, lượt xuôi / lượt ngược
 * - quy tắc chuỗi, đạo hàm cục bộ (local), đạo hàm riêng (partial, ∂f/∂x), gradient
 * - gradient từ phía đầu ra (upstream gradient): never "phía trên", which the legend uses for
 *   where a forward value is drawn
 * - đồ thị tính toán, nút (graph node), cạnh; nơ-ron (a network's unit, never "nút")
 * - lớp = layer only (lớp ẩn, lớp đầu ra); a class of a classifier is a nhãn (phân loại 3 nhãn)
 * - sai số = E_o, E_h, squared error, relative error; lỗi = only a program the parser rejects
 * - hàm mất mát = the loss function; giá trị mất mát = its value (the column header: Mất mát)
 * - số phép tính for operation counts ("chi phí" is the notes' cost function)
 * - độ lệch (bias), trọng số, tham số, tốc độ học, lần lặp (one iteration), hạ gradient
 * - dưới gradient (subgradient), điểm gãy (kink), sai phân (finite difference), số trừ (a − b: b)
 * - new-style tone placement: xóa, lũy, tùy
 * Plural forms: Vietnamese nouns do not inflect, but `{n, plural, =1 {…} other {…}}` still words
 * the case of one where "cả 1 đầu vào" would read oddly.
 */
export const vi: Table = {
  'error.empty': 'Chương trình đang trống: hãy gõ một biểu thức, ví dụ (x+y)*z.',
  'error.unexpectedChar':
    '`{char}` không có trong cú pháp của chương trình: chỉ dùng số, tên, + - * / ^, ( ) và các hàm.',
  'error.unicodeOperator': '`{char}` trông giống một phép toán: hãy gõ `{ascii}` thay cho nó.',
  'error.numberThenName': 'Số không được viết liền với tên: hãy viết `{number}*{name}` để nhân.',
  'error.badExponent': 'Số `{text}` cần có chữ số sau phần số mũ, ví dụ 1e-3.',
  'error.badNumber': 'Không đọc được `{text}` thành một số.',
  'error.loneDot': 'Dấu chấm `.` phải nằm trong một số, ví dụ 0.5 hoặc .5.',
  'error.expectedOperand': 'Ở đây cần một số, một tên hoặc `(`, nhưng lại gặp `{token}`.',
  'error.missingRight': '`{op}` cần một giá trị ở bên phải.',
  'error.missingLeft': '`{op}` cần một giá trị ở bên trái.',
  'error.missingOperator':
    'Hai giá trị đứng cạnh nhau mà không có phép toán: hãy viết `*` để nhân, hoặc `+`, `-`, `/`, `^`.',
  'error.unclosedParen': 'Thiếu `)` để đóng dấu `(` ở cột {column}.',
  'error.unclosedParenAt': 'Thiếu `)` để đóng dấu `(` ở dòng {line}, cột {column}.',
  'error.unmatchedClose': 'Dấu `)` này không có `(` tương ứng.',
  'error.emptyParens': 'Cặp ngoặc rỗng: hãy đặt một biểu thức vào trong, ví dụ (x+y).',
  'error.unknownFunction': '`{name}` không phải là một hàm có sẵn: hãy thử {list}.',
  'error.unknownFunctionSuggest':
    '`{name}` không phải là một hàm có sẵn: có phải bạn định viết `{suggestion}`? Các hàm có sẵn là {list}.',
  'error.notAFunction': '`{name}` là một giá trị, không phải hàm: hãy viết `{name}*(…)` để nhân.',
  'error.functionNotCalled':
    '`{name}` là một hàm: hãy áp dụng nó lên một giá trị, ví dụ {name}(x).',
  'error.arity1': '`{name}` nhận một đối số, nhưng lại có {got}.',
  'error.arity2': '`{name}` nhận hai đối số, nhưng lại có {got}.',
  'error.commaOutsideCall': 'Dấu `,` chỉ dùng để ngăn cách các đối số của hàm, ví dụ max(a, b).',
  'error.decimalComma':
    'Số thập phân viết bằng dấu chấm, không dùng dấu phẩy: hãy viết `{fixed}` thay cho `{text}`.',
  'error.misplacedAssign': '`=` chỉ được đứng sau một tên ở đầu câu lệnh, ví dụ q = x + y.',
  'error.doubleEquals': 'Ở đây không có phép so sánh: dùng một dấu `=` để đặt tên cho một giá trị.',
  'error.reservedName': '`{name}` là tên một hàm; hãy chọn tên khác cho giá trị này.',
  'error.redefined':
    '`{name}` đã được định nghĩa ở dòng {line}; mỗi tên chỉ được định nghĩa một lần.',
  // Issue 12: a gradient line written twice with `=`, where cs231n's code adds a share with `+=`.
  'error.gradientRewritten':
    '`{name}` đã được viết ở dòng {line}: để cộng thêm phần này vào, hãy viết `{name} +=`.',
  'error.usedBeforeDefined': '`{name}` được dùng trước khi được định nghĩa ở dòng {line}.',
  'error.selfReference': '`{name}` không thể được định nghĩa bằng chính nó.',
  'error.tooLarge': 'Chương trình quá lớn ({size} ký tự); giới hạn là {limit}.',
  // Chương trình tensor (issue 14): literal, kích thước, cách viết numpy.
  'tensor.emptyLiteral': '`[]` rỗng không có kích thước: hãy viết ít nhất một số, như [1, 2].',
  'tensor.missingEntry': 'Thiếu một phần tử ở đây: hãy viết một số giữa hai dấu phẩy.',
  'tensor.unclosedBracket': 'Cần `]` để đóng `[` ở dòng {line}, cột {column}.',
  'tensor.unmatchedBracket': 'Dấu `]` này không có `[` tương ứng.',
  'tensor.raggedRows':
    'Mọi hàng của ma trận phải có cùng số phần tử: hàng {row} có {got}, hàng 1 có {expected}.',
  'tensor.rank3': 'Chỉ hỗ trợ vector và ma trận: thêm một tầng ngoặc nữa sẽ thành tensor 3 chiều.',
  'tensor.literalEntry': 'Phần tử của `[…]` phải là một số, như [1, -2, 3.5].',
  'tensor.literalMixed':
    'Một literal chứa hoặc các số (vector) hoặc các hàng (ma trận), không thể cả hai.',
  'tensor.literalSeparator': 'Các phần tử của `[…]` cách nhau bằng dấu phẩy, như [1, 2, 3].',
  'tensor.matmul': '`@` cần số cột của {a} ({aShape}) bằng số hàng của {b} ({bShape}).',
  'tensor.matmulScalar':
    '`@` nhân vector và ma trận, mà {a} là một số vô hướng: hãy dùng `*` để nhân với một số.',
  'tensor.broadcast':
    '`{op}` không ghép được {a} ({aShape}) với {b} ({bShape}): mỗi chiều phải bằng nhau hoặc bằng 1.',
  'tensor.badAxis': '`{name}` không thể rút gọn trục {axis} của {a} ({aShape}): nó có {rank} trục.',
  'tensor.axisLiteral': 'Trục được viết bằng một số nguyên, như sum(A, 0) hoặc axis=1.',
  'tensor.crossentropy':
    '`crossentropy` cần xác suất và nhãn cùng kích thước, nhưng {a} là {aShape} còn {b} là {bShape}.',
  'tensor.argCount': '`{name}` nhận {expected} đối số, nhưng lại có {got}.',
  'tensor.missingArgument': 'Thiếu một đối số của `{name}` ở đây.',
  'tensor.keyword': '`{name}=` không phải là tùy chọn ở đây: chỉ có `axis=`.',
  'tensor.unknownMethod':
    '`.{name}` không phải là thứ tôi biết: hãy viết `.T`, `.dot(B)`, `.sum()` hoặc `.mean()`.',
  'tensor.unknownNumpy': '`np.{name}` không phải là hàm numpy tôi biết: hãy thử {list}.',
  'tensor.creatorArgs':
    '`{name}` nhận một hoặc hai kích thước, là số nguyên từ 1 trở lên, như {name}(3, 4) hoặc {name}(5).',
  'tensor.spiralArgs':
    '`{name}` nhận số điểm mỗi nhãn (từ 2 đến 1000) và số nhãn (từ 2 đến 8), như {name}(100, 3).',
  'tensor.needsEngine': 'Vector và ma trận: đang tải phần của engine đọc chúng…',
  'tensor.creatorNotInput':
    '`{name}(…)` cho một đầu vào giá trị ban đầu: hãy viết nó một mình sau dấu `=`, như W = {name}(3, 4).',

  // Practice mode's answers (src/engine/answer.ts)
  'answer.empty': 'Hãy gõ một số hoặc một biểu thức ngắn, ví dụ -4*1, 1/4 hay e^2.',
  'answer.name':
    '`{name}` không có giá trị ở đây: câu trả lời chỉ gồm số, e, pi và các hàm như exp(2).',
  'answer.assign': 'Chỉ gõ giá trị, không kèm tên và dấu `=`.',
  'answer.several': 'Chỉ gõ một câu trả lời.',
  'answer.notFinite': 'Đó không phải là một số hữu hạn.',

  // Practice mode's shape answers on matrix programs (src/engine/tensor/shapeAnswer.ts)
  'shape.empty':
    'Hãy gõ một kích thước, ví dụ 3x5, (3, 5), 4 cho vector 4 phần tử, hoặc () cho một số.',
  'shape.bad': '`{text}` không thuộc về một kích thước: viết các cỡ cách nhau bởi x, như 3x5.',
  'shape.size': '`{text}` không phải một cỡ: cỡ là số nguyên từ 1 trở lên.',
  'shape.unclosed': 'Dấu ngoặc này chưa được đóng: viết (3, 5).',
  'shape.missingSize': 'Thiếu một cỡ sau dấu này: viết 3x5.',
  'shape.rank': 'Ở đây chỉ có vector và ma trận: một kích thước có một hoặc hai cỡ.',
  'diag.logNegative': 'log của một số âm không xác định.',
  'diag.logZero': 'log(0) là -∞: giá trị rơi xuống âm vô cùng.',
  'diag.sqrtNegative': 'sqrt của một số âm không xác định.',
  'diag.sqrtZero': 'sqrt có độ dốc vô hạn tại 0: gradient đi qua nó không hữu hạn.',
  'diag.divByZero': 'Chia cho 0: kết quả không phải là một số hữu hạn.',
  'diag.overflow': 'Tràn số: kết quả quá lớn so với số thực 64 bit.',
  'diag.powNegativeBase': 'Lũy thừa của một số âm với số mũ không nguyên thì không xác định.',
  'diag.powZeroBase': '0 lũy thừa với số mũ âm là vô cùng.',
  'diag.powExponentSlope':
    'Đạo hàm riêng theo số mũ cần log của cơ số, mà log không xác định khi cơ số ≤ 0.',
  'diag.tanPole': 'tan bằng vô cùng tại các bội lẻ của π/2.',
  'diag.infiniteSlope':
    'Đạo hàm cục bộ ở đây không hữu hạn, nên gradient đi qua nút này cũng không hữu hạn.',
  'diag.kinkRelu': 'relu có điểm gãy tại 0: đạo hàm tại đó được quy ước bằng 0.',
  'diag.kinkAbs': 'abs có điểm gãy tại 0: đạo hàm tại đó được quy ước bằng 0.',
  'diag.kinkMax': 'max gặp hai giá trị bằng nhau: gradient được chia đều cho hai đối số.',
  'diag.kinkMin': 'min gặp hai giá trị bằng nhau: gradient được chia đều cho hai đối số.',

  'app.title': 'Backprop Lens',
  'app.tagline': 'Xem lan truyền ngược, từng bước một',

  'editor.label': 'Biểu thức',
  'editor.hint':
    'Gõ một biểu thức hoặc một chương trình ngắn. Phím Enter bắt đầu một câu lệnh mới.',
  'editor.help': 'Hướng dẫn cú pháp',
  'editor.errorAt': 'Dòng {line}, cột {column}',
  'editor.staleGraph': 'Đồ thị đang hiển thị chương trình hợp lệ gần nhất.',

  'help.title': 'Những gì bạn có thể gõ',
  'help.close': 'Đóng',
  'help.operators': 'Phép toán',
  'help.operatorsBody':
    '+  -  *  /  ^ (lũy thừa, cũng viết được là **). Dấu trừ một ngôi: -x^2 nghĩa là -(x^2). Số: 2, 0.5, .5, 1e-3 (phần thập phân đứng sau dấu chấm, không dùng dấu phẩy).',
  'help.functions': 'Hàm',
  'help.statements': 'Câu lệnh',
  'help.statementsBody':
    'Ngăn cách các câu lệnh bằng ; hoặc xuống dòng. tên = -2 khai báo một đầu vào; tên = biểu thức đặt tên cho một giá trị trung gian; câu lệnh cuối cùng là đầu ra.',
  'help.comments': 'Chú thích',
  'help.commentsBody': '# mở đầu một chú thích kéo dài đến hết dòng.',
  'help.commentExample': 'q = x + y   # q bằng 3',
  'help.names': 'Tên',
  'help.namesBody':
    'Chữ cái của mọi bảng chữ (kể cả chữ có dấu: tốc_độ), chữ số và dấu _, không bắt đầu bằng chữ số. w0 và x_1 có chỉ số dưới; alpha, mu, sigma… thành chữ cái Hy Lạp. Một tên được dùng mà chưa được gán giá trị là một đầu vào có giá trị ban đầu bằng 1.',

  'inputs.title': 'Đầu vào',
  'inputs.none': 'Chương trình này không có đầu vào: mọi giá trị đều là hằng số.',
  'inputs.slider': 'Thanh trượt {name}',

  'controls.previous': 'Bước trước',
  'controls.next': 'Bước tiếp',
  'controls.play': 'Phát',
  'controls.pause': 'Tạm dừng',
  'controls.reset': 'Về đầu',
  'controls.toBackward': 'Nhảy tới lan truyền ngược',
  'controls.toEnd': 'Nhảy tới cuối',
  'controls.speed': 'Tốc độ',
  'controls.scrubber': 'Bước',
  'controls.group': 'Điều khiển từng bước',
  'controls.counter': 'Bước {k} / {n}',
  'controls.counterStart': 'Bắt đầu · {n} bước',
  'phase.forward': 'lượt xuôi',
  'phase.backward': 'lượt ngược',
  'phase.forwardPass': 'Lan truyền xuôi',
  'phase.backwardPass': 'Lan truyền ngược',
  'controls.fit': 'Vừa màn hình',
  'controls.zoomIn': 'Phóng to',
  'layout.sidebar': 'Bảng bên',
  'layout.skipLinks': 'Liên kết chuyển nhanh',
  'layout.skipToGraph': 'Chuyển tới đồ thị',
  'layout.skipToSteps': 'Chuyển tới nút điều khiển bước',
  'controls.zoomOut': 'Thu nhỏ',

  'graph.label': 'Đồ thị tính toán',
  'graph.nodeValue': '{name} = {value}',
  'graph.nodeValueGrad': '{name} = {value}, gradient bằng {grad}',
  'graph.nodeOp': '{name} = {formula}',
  'graph.nodeUnknown': '{name}, chưa được tính',
  'graph.laidOut': 'Đang sắp xếp đồ thị…',

  // Issue 17, đồ thị lớn: thu gọn nhóm câu lệnh và tìm nút.
  'groups.expand': 'Mở rộng {name}',
  'groups.collapse': 'Thu gọn {name}',
  'groups.expandAll': 'Mở rộng tất cả',
  'groups.collapseAll': 'Thu gọn tất cả',
  'groups.forwardStep': '{name} đang thu gọn: {count} nút bên trong được tính trong một bước.',
  'groups.backwardStep':
    '{name} đang thu gọn: gradient đi qua nhóm trong một bước, theo quy tắc dây chuyền.',
  'groups.insideExpand': 'Mở rộng nhóm để xem từng bước bên trong.',
  'find.label': 'Tìm một nút',
  'find.placeholder': 'vd. h1',
  'find.go': 'Tìm',
  'find.none': 'Không có nút nào tên “{name}”.',
  'find.found': 'Đã tìm thấy {name}.',

  'legend.title': 'Chú giải',
  'legend.value': 'giá trị lan truyền xuôi (trên cạnh)',
  'legend.gradient': 'gradient (dưới cạnh)',
  // Chú giải của chương trình ma trận (issue 15): màu của các lưới
  'legend.tensorValue': 'giá trị: đỏ dưới 0, xanh trên 0',
  'legend.tensorGradient': 'gradient (có khung): tím dưới 0, cam trên 0',
  'legend.input': 'đầu vào',
  'legend.op': 'phép toán',
  'legend.const': 'hằng số',
  // Issue 9, đồ thị vẽ từ trên xuống (khung dọc): nhãn nằm bên cạnh đường nối
  'legend.valueBeside': 'giá trị lan truyền xuôi (bên cạnh)',
  'legend.gradientBeside': 'gradient (bên cạnh, dưới giá trị)',
  'export.svg': 'Xuất SVG',
  'export.png': 'Xuất PNG',
  'export.latex': 'Sao chép LaTeX',
  'export.copied': 'Đã sao chép',
  'export.copyFailed': 'Không sao chép được: trình duyệt chặn bộ nhớ tạm',
  'export.failed': 'Không xuất được hình',
  'export.headingProgram': 'Chương trình',
  'export.headingGradients': 'Các gradient',

  'formula.title': 'Quy tắc chuỗi',
  'formula.start': 'Chương trình tính',
  'formula.startHint': 'Nhấn Bước tiếp (→) để đưa giá trị của các đầu vào đi xuôi qua đồ thị.',
  'formula.forwardEdge': '{from} đi tới {to}',
  'formula.forwardNode': '{node} được tính',
  'formula.seed': 'Lan truyền ngược bắt đầu từ đầu ra: đạo hàm của đầu ra theo chính nó bằng 1.',
  'formula.backwardEdge': 'Gradient chảy ngược từ {from} về {to}',
  'formula.local': 'Đạo hàm cục bộ',
  'formula.upstreamTimesLocal': 'gradient từ phía đầu ra × đạo hàm cục bộ = phần đóng góp',
  'formula.fork':
    '{name} đi vào {count} nút, nên gradient của nó là tổng các phần gửi về từ cả {count} nút đó.',
  'formula.forkProgress': 'Đã nhận {arrived} trên {count} phần.',
  'formula.path': 'Các thừa số dọc đường đi, tính đến bước này',
  'formula.summary': 'Gradient theo từng đầu vào',
  'formula.summaryHint':
    'Mỗi số là đạo hàm riêng của đầu ra theo một đầu vào: đầu ra thay đổi nhanh đến mức nào khi nhích đầu vào đó một chút.',
  'formula.noInputs': 'Không có đầu vào: không có gì để lấy đạo hàm.',

  'narrate.forwardEdge': '{from} = {value} đi tới {to}.',
  'narrate.forwardNode': 'Tính {node}: {formula}.',
  'narrate.seed': 'Lan truyền ngược bắt đầu từ đầu ra {node}: {partial} = 1.',
  'narrate.backwardEdge':
    'Gradient chảy từ {from} về {to}: {upstreamName} = {upstream} nhân {localName} = {local} được {contribution}.',
  'narrate.forkFirst': 'Đây là phần đầu tiên trong {count} phần gradient gửi về {to}.',
  'narrate.forkSum':
    '{to} đã nhận {arrived} trên {count} phần: {before} cộng {contribution} được {after}.',
  'narrate.done': 'Xong: đã biết mọi gradient.',
  'narrate.times': 'nhân',

  'inspect.title': 'Chi tiết',
  'inspect.hint': 'Di chuột hoặc nhấp vào một nút hay một cạnh để xem các con số của nó.',
  'inspect.value': 'Giá trị',
  'inspect.gradient': 'Gradient',
  'inspect.local': 'Đạo hàm cục bộ',
  'inspect.contribution': 'Gradient gửi ngược về',
  'inspect.notYet': 'chưa được tính',
  'inspect.noGradient': 'hằng số không có gradient',
  'inspect.deadNode': 'Đầu ra không phụ thuộc vào nút này, nên gradient của nó bằng 0.',
  'inspect.close': 'Bỏ chọn',
  'inspect.edge': 'Cạnh {from} → {to}',

  'examples.label': 'Ví dụ',
  'examples.choose': 'Chọn một ví dụ…',

  'example.circuit.title': 'cs231n: (x + y) · z',
  'example.circuit.lesson': 'Mạch đầu tiên: cộng rồi nhân; mỗi gradient là tích của hai số.',
  'example.multiply.title': 'cs231n: x · y',
  'example.multiply.lesson':
    'Cổng nhân hoán đổi: gradient của mỗi đầu vào là giá trị của đầu vào kia.',
  'example.add.title': 'cs231n: x + y',
  'example.add.lesson': 'Cổng cộng chuyển nguyên vẹn gradient tới cả hai đầu vào.',
  'example.max.title': 'cs231n: max(x, y)',
  'example.max.lesson': 'Cổng max dồn toàn bộ gradient cho đầu vào lớn hơn; đầu vào kia nhận 0.',
  'example.neuron.title': 'cs231n: một nơ-ron sigmoid',
  'example.neuron.lesson':
    'Một nơ-ron 2 đầu vào, từng cổng một: exp, +1 và 1/x ghép lại thành σ, có đạo hàm là σ(1−σ).',
  'example.staged.title': 'cs231n: tính theo từng giai đoạn',
  'example.staged.lesson':
    'Tách một biểu thức khó thành các giai đoạn có tên; x và y đi vào nhiều giai đoạn, nên gradient của chúng được cộng dồn.',
  'example.colah.title': 'colah: e = (a + b) · (b + 1)',
  'example.colah.lesson':
    'b đi vào hai nút: gradient của nó là tổng theo cả hai đường đi, 2 + 3 = 5.',
  'example.chain.title': 'ml-cheatsheet: C(R(Z(XW)))',
  'example.chain.lesson': 'Một nơ-ron: C′(W) = (ŷ − y) · R′(Z) · X, từng thừa số một.',
  'example.hidden.title': 'ml-cheatsheet: mạng một lớp ẩn',
  'example.hidden.lesson':
    'Sai số của lớp đầu ra E_o được tính một lần rồi dùng lại cho lớp ẩn: ghi nhớ kết quả (memoization) chính là lan truyền ngược.',
  'example.softmax.title': 'Softmax + cross-entropy (phân loại 3 nhãn)',
  'example.softmax.lesson': 'Gradient của hàm mất mát theo mỗi điểm số ra đúng bằng μ_k − y_k.',
  // Issue 15: các mạng ma trận của seed
  'example.softmaxNet.title': 'Mạng softmax B1–B7 (ma trận)',
  'example.softmaxNet.lesson':
    'Mạng của seed 002 trên N = 4 ví dụ cùng lúc. Bước ngược lại: mỗi gradient được gắn nhãn bước của ghi chú, từ B1 đến B7, theo đúng ký hiệu của nó (μ, a⁽ᴸ⁾, z⁽ˡ⁾, W⁽ˡ⁾).',
  'example.vectorized.title': 'Mạng 2 lớp vector hóa (ma trận)',
  'example.vectorized.lesson':
    'Mạng của seed 000, mỗi ví dụ là một cột (W1 @ X + b1). Bước ngược lại: các gradient là sáu công thức vector hóa của nó, từ dZ2 = A2 − Y đến db1.',

  'theme.label': 'Chế độ màu',
  'theme.system': 'Theo hệ thống',
  'theme.light': 'Sáng',
  'theme.dark': 'Tối',
  'lang.label': 'Ngôn ngữ',
  'lang.en': 'English',
  'lang.vi': 'Tiếng Việt',

  // Gate patterns, gradient check, gradient descent and the network presets.
  'example.neuronMse.title': 'Một nơ-ron sigmoid với sai số bình phương',
  'example.neuronMse.lesson':
    'Một nơ-ron, ŷ = σ(w·x + b), và hàm mất mát (ŷ − y)². Đánh dấu w và b là tham số rồi đi một bước xuống dốc.',
  'example.twoLayer.title': 'Mạng hai lớp, sigmoid + cross-entropy',
  'example.twoLayer.lesson':
    'Hai nơ-ron ẩn sigmoid và một nơ-ron đầu ra sigmoid, với hàm mất mát cross-entropy: huấn luyện đến khi giá trị mất mát đủ nhỏ.',
  'example.sigmoidChain10.title': 'colah: 10 lớp sigmoid',
  'example.sigmoidChain10.lesson':
    'Mỗi sigmoid nhân gradient với nhiều nhất 0.25: đến lớp đầu tiên gần như không còn gì. Đó là hiện tượng gradient biến mất (vanishing gradient).',
  // The spiral example (issue 15, wt15c): cs231n's spiral data and a small ReLU network
  'example.spiral.title': 'Xoắn ốc cs231n, mạng ReLU (ma trận)',
  'example.spiral.lesson':
    'Ba nhánh điểm 2 chiều mà không đường thẳng nào tách được: huấn luyện W1, b1, W2, b2 trong bảng Xoắn ốc và xem các vùng quyết định hình thành. Mọi gradient chỉ cách một cú nhấp trên đồ thị.',
  'note.title': 'Ghi chú',
  'note.outputError':
    'Đây là sai số của lớp đầu ra E_o = ∂C/∂Z_o = (ŷ − y) · R′(Z_o) = {grad}. Nó được tính một lần rồi truyền ngược về lớp trước.',
  'note.hiddenError':
    'Đây là sai số của lớp ẩn E_h = E_o · W_o · R′(Z_h) = {grad}: mọi trọng số nằm trước nó (về phía đầu vào) đều dùng lại giá trị này.',
  'note.softmaxGrad':
    'Softmax và cross-entropy gộp lại cho một công thức gọn: ∂L/∂{name} = μ − y = {mu} − {y} = {grad}.',

  'gate.title': 'Quy luật của cổng',
  'gate.add': 'Cổng cộng: chuyển nguyên vẹn gradient tới mọi đầu vào, nên {to} nhận {upstream}.',
  'gate.sub':
    'Cổng trừ: như cổng cộng, gradient được chuyển nguyên vẹn, nhưng đổi dấu với số trừ: {to} nhận {value}.',
  'gate.mul':
    'Cổng nhân: hoán đổi các đầu vào. {to} nhận gradient từ phía đầu ra nhân với giá trị của đầu vào kia, {other} = {otherValue}.',
  'gate.max':
    'Cổng max: chuyển toàn bộ gradient tới đầu vào lớn hơn. {to} lớn hơn nên nhận tất cả: {upstream}.',
  'gate.maxLoser':
    'Cổng max: chuyển toàn bộ gradient tới đầu vào lớn hơn. {to} nhỏ hơn nên nhận 0.',
  'gate.maxTie':
    'Cổng max khi hai đầu vào bằng nhau: gradient được chia đôi. Đây là một điểm gãy: mọi cách chia đều là một dưới gradient (subgradient) hợp lệ.',
  'gate.min':
    'Cổng min: chuyển toàn bộ gradient tới đầu vào nhỏ hơn. {to} nhỏ hơn nên nhận tất cả: {upstream}.',
  'gate.minLoser':
    'Cổng min: chuyển toàn bộ gradient tới đầu vào nhỏ hơn. {to} lớn hơn nên nhận 0.',
  'gate.minTie':
    'Cổng min khi hai đầu vào bằng nhau: gradient được chia đôi. Đây là một điểm gãy: mọi cách chia đều là một dưới gradient (subgradient) hợp lệ.',
  'gate.unary': 'Cổng một ngôi {op}: nhân gradient với đạo hàm cục bộ của nó.',

  'check.title': 'Kiểm tra gradient',
  'check.hint':
    'Mỗi đầu vào được nhích ±{h}, các đầu vào khác giữ nguyên: sai phân trung tâm (f(x+h) − f(x−h)) / 2h phải khớp với kết quả lan truyền ngược.',
  'check.input': 'Đầu vào',
  'check.analytic': 'Lan truyền ngược',
  'check.numeric': 'Sai phân',
  'check.relError': 'Sai số tương đối',
  'check.ok': 'khớp',
  'check.warn': 'cần xem lại',
  'check.bad': 'không khớp',
  'check.kink':
    'có điểm gãy trong khoảng h: hai phía của sai phân có thể thấy độ dốc khác nhau, nên hai con số có thể lệch nhau',
  'check.none': 'Không có đầu vào nào để kiểm tra.',
  // Your backward pass (issue 12): a hand-written backward pass, checked line by line.
  'bp.title': 'Lan truyền ngược của bạn',
  'bp.intro':
    '{count} dòng được đọc là lan truyền ngược viết tay của {output}, dòng cuối cùng không phải là một gradient. Các dòng này không thuộc đồ thị: mỗi dòng được so với gradient mà chương trình tính ra.',
  'bp.introNone': 'Hiện không có dòng nào được đọc là gradient viết tay.',
  'bp.line': 'dòng {line}',
  'bp.ok': 'khớp với {grad} = {value}',
  'bp.wrong': 'bằng {value}, nhưng {grad} là {expected}',
  'bp.showStep': 'Xem bước tính {grad}',
  'bp.localStep': 'Xem bước nhân với {grad}',
  'bp.list': 'một danh sách: sẽ được kiểm tra từng phần tử khi có giá trị tensor',
  'bp.readsList': 'dùng danh sách {name}: sẽ được kiểm tra khi có giá trị tensor',
  'bp.undefinedName':
    'dùng {name}, tên mà chương trình chưa định nghĩa trước dòng này: không kiểm tra',
  'bp.constant': '{name} không phụ thuộc đầu vào nào, nên không có gradient để so: không kiểm tra',
  'bp.readFull': 'Đọc là {grad}.',
  'bp.readShort':
    'Đọc là {grad}: {name} là cách viết tắt của cs231n cho gradient của đầu ra {output} theo {wrt}.',
  'bp.alsoForward':
    'Dòng này cũng có thể là mã lan truyền xuôi, một giá trị tên {name}: khi đó, là dòng cuối, nó là đầu ra.',
  'bp.alsoGradient': 'Dòng này cũng có thể là {grad}.',
  'bp.chosen': 'Đọc theo cách bạn đã chọn.',
  'bp.useForward': 'Đọc {name} là mã lan truyền xuôi',
  'bp.useGradient': 'Đọc {name} là {grad}',
  'bp.useRule': 'Đọc {name} theo quy tắc',
  'bp.keptForward': '{name} (dòng {line}) được đọc là mã lan truyền xuôi, theo lựa chọn của bạn.',
  'bp.useGradientAgain': 'Đọc {name} là một gradient',
  'bp.gutter': 'Kết quả kiểm tra lan truyền ngược của bạn, theo dòng',
  'bp.mark': 'Dòng {line}: {name} {verdict}',
  // Issue 12 follow-ups: `+=` shares, blank lines, practice's "check my backward pass" exercise.
  'bp.blank': 'chưa viết: hãy viết {grad} sau dấu =',
  'bp.readsBlank': 'dùng {name}, dòng chưa được viết: không kiểm tra',
  'bp.share':
    'một phần của {grad} tính đến đây, {value}: tổng các phần đi qua một số chỗ dùng {wrt}',
  'bp.partial':
    'một phần của {grad} tính đến đây, {value}, nhưng không là tổng của đường nào: dòng {name} cuối cùng mới được kiểm tra',
  'practice.bp.start': 'Kiểm tra lan truyền ngược của tôi',
  'practice.bp.hint':
    'Tự viết lan truyền ngược: dưới lan truyền xuôi, mỗi đầu vào và mỗi giá trị có tên có một dòng trống như {example}. Mỗi dòng được kiểm tra ngay khi bạn gõ.',
  'practice.bp.progress': 'Lan truyền ngược của bạn: đúng {right} trên {count} dòng',

  'train.title': 'Hạ gradient',
  'train.roles': 'Tham số và dữ liệu',
  'train.rolesHint':
    'Đầu vào được đánh dấu là tham số (trọng số, độ lệch): chúng dịch đi −lr × gradient. Các đầu vào khác là dữ liệu và giữ nguyên. Đầu ra là hàm mất mát.',
  'train.paramLabel': '{name} là tham số',
  'train.lr': 'Tốc độ học',
  'train.step': 'Đi một bước',
  'train.train': 'Huấn luyện',
  'train.steps': 'Số bước',
  'train.until': 'Dừng khi giá trị mất mát <',
  'train.noParams': 'Hãy đánh dấu ít nhất một đầu vào là tham số.',
  'train.curve': 'Giá trị mất mát từ {first} đến {last} sau {steps} bước',
  'train.curveEmpty': 'Chưa huấn luyện: hãy đi một bước hoặc bấm Huấn luyện.',
  'train.history': 'Lịch sử tham số',
  'train.iteration': 'Lần lặp',
  'train.loss': 'Mất mát',
  'train.phases': 'Một lần lặp',
  'train.phaseForward': 'Lan truyền xuôi',
  'train.phaseBackward': 'Lan truyền ngược',
  'train.phaseUpdate': 'Cập nhật',
  'train.update': 'mỗi tham số dịch đi −lr × gradient của nó',
  'train.stoppedLoss': 'Dừng sau {steps} bước: giá trị mất mát đã nhỏ hơn {eps}.',
  'train.stoppedSteps': 'Đã chạy {steps} bước.',
  'train.diverged': 'Giá trị mất mát không còn là một số: hãy thử tốc độ học nhỏ hơn.',
  'train.clear': 'Xóa lịch sử',

  'layers.title': 'Gradient theo từng lớp',
  'layers.hint':
    'Mỗi sigmoid nhân gradient với σ′ ≤ 0.25, nên gradient nhỏ dần qua từng lớp: gradient biến mất (thang log).',
  'layers.alt':
    '|∂L/∂{last}| = {lastValue} ở lớp cuối nhỏ dần tới |∂L/∂{first}| = {firstValue} ở lớp đầu, nhỏ hơn {ratio} lần',

  'present.enter': 'Trình chiếu',
  'present.enterLabel': 'Chế độ trình chiếu',
  'present.leave': 'Thoát trình chiếu',
  'present.formula': 'Bảng công thức',
  'embed.open': 'Mở trong Backprop Lens',
  'embed.newTab': 'Mở đồ thị này, ở bước này, trong một thẻ mới',
  'shortcuts.open': 'Phím tắt',
  'shortcuts.title': 'Phím tắt',
  'shortcuts.close': 'Đóng',
  'shortcuts.keyCol': 'Phím',
  'shortcuts.actionCol': 'Tác dụng',
  'shortcuts.previousNext': 'Bước trước / bước tiếp',
  'shortcuts.play': 'Phát hoặc tạm dừng',
  'shortcuts.home': 'Về đầu',
  'shortcuts.end': 'Nhảy tới cuối',
  'shortcuts.formula': 'Hiện hoặc ẩn bảng công thức (khi trình chiếu và khi nhúng)',
  'shortcuts.help': 'Hiện danh sách này',
  'shortcuts.escape': 'Đóng danh sách này; khi đang trình chiếu thì thoát trình chiếu',
  'shortcuts.present': 'Bật hoặc tắt chế độ trình chiếu',
  'shortcuts.note': 'Phím tắt hoạt động khi con trỏ không nằm trong ô nhập chữ.',
  'shortcuts.spaceKey': 'Phím cách',

  'share.copy': 'Sao chép liên kết',
  'share.copied': 'Đã sao chép liên kết',
  'share.copyManual': 'Nhấn Ctrl+C (⌘C trên máy Mac) để sao chép liên kết.',
  'share.linkField': 'Liên kết tới đồ thị này',
  'share.qr': 'Mã QR',
  'share.qrTitle': 'Mã QR',
  'share.qrHint': 'Quét mã để mở đồ thị này, ở đúng bước này, trên điện thoại.',
  'share.qrLoading': 'Đang vẽ mã QR…',
  'share.qrTooLong': 'Liên kết này quá dài cho một mã QR. Hãy dùng Sao chép liên kết.',
  'share.qrFailed': 'Không vẽ được mã QR (đang ngoại tuyến?). Hãy dùng Sao chép liên kết.',
  'share.close': 'Đóng',

  'notice.urlIgnored': 'Một số phần của liên kết không dùng được:',
  'notice.more': 'và {count} phần khác',
  'notice.dismiss': 'Bỏ qua',
  'notice.reason.tooLong': 'quá dài',
  'notice.reason.badNumber': 'không phải là số',
  'notice.reason.badValue': 'giá trị không hợp lệ',
  'notice.reason.unknown': 'không rõ',
  'notice.reason.duplicate': 'bị lặp lại',
  'notice.reason.badCompressed': 'không giải nén được',
  'notice.reason.tooMany': 'quá nhiều giá trị',
  'notice.reason.outOfRange': 'ngoài phạm vi',

  // Chế độ xuôi và ngược, tổng theo đường đi (src/view/Modes)
  'controls.toTangent': 'Nhảy tới lượt tiếp tuyến',
  'phase.tangent': 'lượt tiếp tuyến',
  'phase.tangentPass': 'Lượt tiếp tuyến',
  'legend.tangent': 'tiếp tuyến ∂/∂{x} (chế độ xuôi)',
  'modes.title': 'Chế độ xuôi hay ngược',
  'modes.group': 'Chế độ',
  'modes.reverse': 'Chế độ ngược',
  'modes.forward': 'Chế độ xuôi',
  'modes.wrt': 'Theo biến',
  'modes.reverseHint':
    'Chế độ ngược: sau các giá trị, một lượt lan truyền ngược cho đạo hàm riêng của đầu ra theo mọi đầu vào.',
  'modes.forwardHint':
    'Chế độ xuôi: sau các giá trị, tiếp tuyến chảy xuôi. Dấu chấm trên đầu chữ nghĩa là ∂/∂{x}: ċ = ∂c/∂{x}. Một lượt cho đạo hàm riêng của mọi nút, nhưng chỉ theo {x}.',
  'modes.compare':
    'Số phép tính để có đạo hàm theo {n, plural, =1 {đầu vào duy nhất} other {cả # đầu vào}}',
  'modes.passes': '{n, plural, =1 {1 lượt} other {# lượt (mỗi đầu vào một lượt)}}',
  'modes.onePass': '1 lượt',
  'modes.ops': '{ops} phép tính trên cạnh',
  'modes.opsBound': 'nhiều nhất {ops} phép tính trên cạnh',
  'modes.countNote':
    'Một phép tính trên cạnh là một lần nhân rồi cộng dọc theo một cạnh: chế độ xuôi cộng ∂c/∂a · ȧ vào ċ, chế độ ngược cộng ∂f/∂c · ∂c/∂a vào ∂f/∂a. Chế độ xuôi lặp lại lượt của nó cho từng đầu vào; chế độ ngược chỉ cần một lượt dù có bao nhiêu đầu vào. Với nhiều đầu vào và một đầu ra (một hàm mất mát theo các trọng số), đó là “chiến thắng tính toán” mà colah nói tới.',
  'paths.title': 'Tổng theo các đường đi',
  'paths.from': 'Đường đi từ',
  'paths.show': 'Hiện đường đi',
  'paths.hint':
    'Tô sáng mọi đường đi từ đầu vào đã chọn tới {f} và viết đạo hàm thành tổng theo các đường đi đó.',
  'paths.count': '{count} đường đi',
  'paths.truncated': '{count} đường đi; hiện {shown} đường đầu tiên',
  'paths.none': '{f} không phụ thuộc vào {x}: không có đường đi nào, nên ∂{f}/∂{x} = 0.',
  'paths.explain':
    'Mỗi đường đi từ {x} tới {f} đóng góp tích các đạo hàm cục bộ dọc theo nó; ∂{f}/∂{x} là tổng các tích đó.',
  'paths.sum': 'Tổng theo các đường đi',
  'paths.shownSum':
    '{shown} đường đi được hiện có tổng {sum}; tổng theo mọi đường đi (chính là gradient) bằng {total}.',
  'paths.factored': 'Dạng đặt nhân tử chung',
  'paths.factoredNote':
    'Khi mọi đường đi đều qua cùng một nút, tổng tách thành (các đường tới nút đó) × (các đường từ nút đó trở đi), nên phần chung chỉ viết một lần.',
  'paths.tooBigFactored':
    'Dạng đặt nhân tử chung quá dài để viết ra ở đây; chế độ ngược tính nó bằng cách tính xong ∂{f}/∂n một lần cho mỗi nút n.',
  'paths.linear': 'một lần nhân-cộng cho mỗi cạnh',
  'paths.whyFactor':
    'Viết ra từng đường đi, tổng này cần {expanded} phép nhân và cộng; khi đặt nhân tử chung, chỉ cần {factored}. Số đường đi có thể tăng gấp đôi sau mỗi lớp nên liệt kê chúng sẽ bùng nổ; đặt nhân tử chung, điều mà cả chế độ xuôi lẫn chế độ ngược đều làm, giữ khối lượng tính toán tỉ lệ với {edges} cạnh.',
  'paths.limit': 'Chỉ liệt kê {limit} đường đi đầu tiên: số lượng và tổng ở trên tính cho tất cả.',
  'formula.tangentSeed':
    'Chế độ xuôi bắt đầu tại {x}: đạo hàm của {x} theo chính nó bằng 1. Dấu chấm trên đầu chữ nghĩa là ∂/∂{x}.',
  'formula.tangentEdge':
    'Tiếp tuyến chảy từ {from} tới {to}: đạo hàm cục bộ × tiếp tuyến của {from}',
  'formula.tangentNode': 'Tiếp tuyến của {node} là tổng các số hạng từ các toán hạng của nó',
  'formula.tangentTerms': 'Đã có {arrived} trên {count} số hạng của {name}: tạm tính {sum}.',
  'formula.tangentSummary': 'Chế độ xuôi theo {x}',
  'formula.tangentSummaryHint':
    'Một lượt cho ∂n/∂{x} của mọi nút n. {n, plural, =1 {Chỉ có một đầu vào nên thế là đủ mọi đạo hàm, và chế độ ngược cũng cần một lượt.} other {Mỗi đầu vào khác cần một lượt riêng (# đầu vào, # lượt); chế độ ngược có tất cả trong một lượt lan truyền ngược.}}',
  // Issue 9: điều bảng quy tắc chuỗi nói khi một bước gặp trục trặc, và các sửa nhỏ.
  'inspect.tangent': 'Tiếp tuyến ∂{n}/∂{x}',
  'inspect.tangentTerm': 'Số hạng tiếp tuyến gửi đi (∂/∂{x})',
  'narrate.tangentSeed': 'Chế độ xuôi bắt đầu tại {x}: {partial} = 1',
  'narrate.tangentEdge':
    'Tiếp tuyến chảy từ {from} tới {to}: đạo hàm cục bộ {local} nhân {tangent} được {term}',
  'narrate.tangentNode': 'Tiếp tuyến của {node} là tổng các số hạng của nó: {value}',
  'narrate.doneTangent': 'Xong: {partial} = {value}.',
  'export.latexPartialTitle': 'Chép LaTeX: phần suy dẫn tới lúc này (bước {k} trên {n})',
  'export.latexPartialNote': 'Phần suy dẫn tới lúc này: đến bước {k} trên {n}.',
  'export.copiedPartial': 'Đã chép phần suy dẫn tới lúc này (bước {k} trên {n})',
  'truth.logNegative':
    'log không xác định tại {arg}: giá trị là NaN, và mọi gradient đi qua nó cũng vậy.',
  'truth.sqrtNegative':
    'sqrt không xác định tại {arg}: giá trị là NaN, và mọi gradient đi qua nó cũng vậy.',
  'truth.nan':
    '{reason} Giá trị của {node} là NaN (không phải một số), và mọi gradient đi qua nó cũng vậy.',
  'truth.infinite':
    '{reason} Giá trị của {node} là {value}, không phải một số hữu hạn, và không gradient nào đi qua nó là hữu hạn.',
  'truth.propagates':
    '{node} bằng {value} vì một toán hạng của nó đã như vậy: một giá trị không hữu hạn lan sang mọi thứ được tính từ nó.',
  'truth.slopeNaN':
    'Đạo hàm cục bộ {local} không có giá trị tại đó, nên gradient là NaN (không phải một số), và mọi gradient đi qua nó cũng vậy.',
  'truth.slopeInfinite':
    'Đạo hàm cục bộ {local} không hữu hạn tại đó, nên gradient cũng không, và mọi gradient đi qua nó cũng không.',
  'truth.upstream':
    'Gradient đi tới, {partial}, đã là {value}: mọi gradient đi qua nó cũng là {value}.',
  'formula.shareOf': 'Phần {arrived} trên {count} của {partial}, tạm tính:',
  'formula.pathShare': 'Các thừa số dọc đường đi của phần này',
  'paths.whyFactorEqual':
    'Ở đây tổng theo các đường đi và dạng phân tích nhân tử đều cần {ops} phép nhân và cộng: không có hai đường đi nào chung cạnh, nên không có gì để đặt nhân tử chung. Mỗi lớp làm số đường đi nhân lên, nên tổng theo từng đường đi tăng theo hàm mũ, còn dạng phân tích (điều chế độ ngược tính) tăng theo {edges} cạnh.',
  'train.lrNegative':
    'Tốc độ học phải lớn hơn 0: một giá trị âm sẽ làm hàm mất mát tăng thay vì giảm. Vẫn dùng {lr}.',
  'train.lrZero': 'Tốc độ học bằng 0 sẽ không bao giờ làm thay đổi các tham số. Vẫn dùng {lr}.',
  // Practice mode (issue 16)
  'practice.toggle': 'Luyện tập',
  'practice.toggleHint': 'Luyện tập: đoán từng số trước khi nó hiện ra',
  'practice.title': 'Luyện tập',
  'practice.shortcut':
    'Luyện tập: kiểm tra câu trả lời vừa gõ (→ chờ đến khi số của bước được trả lời hoặc xem đáp án)',
  'practice.intro':
    'Hãy bấm Bước tiếp: mỗi số mới được che đi và hỏi bạn trước khi hiện ra. Câu trả lời có thể là số hoặc biểu thức ngắn như -4*1, 1/4 hay e^2.',
  'practice.nothingAsked': 'Bước này không có gì cần tính: hãy bấm Bước tiếp.',
  'practice.score': 'Đúng ngay lần đầu {right} trên {asked} câu',
  'practice.startOver': 'Làm lại từ đầu',
  'practice.answer': 'Câu trả lời của bạn',
  'practice.check': 'Kiểm tra',
  'practice.show': 'Xem đáp án',
  'practice.question': 'Câu {index} trên {count} của bước này',
  'practice.ask.value': 'Giá trị của {node} là bao nhiêu?',
  'practice.ask.local': 'Đạo hàm cục bộ {partial} bằng bao nhiêu?',
  'practice.ask.contribution':
    '{from} gửi ngược về {to} gradient bằng bao nhiêu? (gradient từ phía đầu ra × đạo hàm cục bộ)',
  'practice.ask.sum':
    '{to} đi vào nhiều cổng: gradient của nó đến lúc này, tổng các phần đã về, bằng bao nhiêu?',
  'practice.correct': 'Đúng',
  'practice.wrong': 'Chưa đúng',
  'practice.shown': 'Đáp án',
  'practice.hint': 'Gợi ý',
  'practice.notRead': 'Không đọc được câu trả lời này',
  'practice.hint.value': 'Áp dụng cổng lên giá trị các đầu vào của nó: {formula}.',
  'practice.hint.add':
    'Đạo hàm cục bộ của cổng cộng bằng 1 với mọi đầu vào: nó chuyển gradient đi nguyên vẹn.',
  'practice.hint.sub':
    'Đạo hàm cục bộ của cổng trừ bằng 1 với đầu vào bên trái và −1 với đầu vào bên phải (số trừ).',
  'practice.hint.mul':
    'Đạo hàm cục bộ của cổng nhân theo một đầu vào là giá trị của đầu vào kia: ở đây {other} = {value}.',
  'practice.hint.max':
    'Đạo hàm cục bộ của cổng max bằng 1 với đầu vào lớn hơn và 0 với đầu vào kia: ở đây {to} = {mine} và {other} = {theirs}.',
  'practice.hint.min':
    'Đạo hàm cục bộ của cổng min bằng 1 với đầu vào nhỏ hơn và 0 với đầu vào kia: ở đây {to} = {mine} và {other} = {theirs}.',
  'practice.hint.tie':
    'Hai đầu vào bằng nhau (hòa): gradient được chia đôi, nên đạo hàm cục bộ bằng 0.5.',
  'practice.hint.unary':
    'Đạo hàm cục bộ của cổng một đầu vào là đạo hàm của chính nó tại đầu vào: {formula}, với {input} = {value}.',
  'practice.hint.other':
    'Lấy đạo hàm của cổng theo đầu vào này, giữ nguyên đầu vào kia: {formula}.',
  'practice.hint.contribution':
    'Gradient gửi ngược về bằng gradient từ phía đầu ra × đạo hàm cục bộ: {upstreamName} = {upstream} nhân {localName} = {local}.',
  'practice.hint.sum': 'Cộng phần vừa về vào tổng đến lúc này: {before} cộng {contribution}.',
  'practice.say.turn': 'Đến lượt bạn: {question} {formula}',
  'practice.say.correct': 'Đúng: {formula}.',
  'practice.say.wrong': 'Chưa đúng. Gợi ý: {hint}',
  'practice.say.shown': 'Đáp án: {formula}. {why}',
  'practice.say.notRead': 'Không đọc được câu trả lời này: {message}',
  // Vector và ma trận trong thẻ cú pháp (issue 14)
  'help.tensors': 'Vector và ma trận',
  'help.tensorsBody':
    '[1, -2, 3.5] là một vector, [[1, 2], [3, 4]] là một ma trận 2×2; W = [[1, 2], [3, 4]] khai báo một đầu vào. + - * / ^ và mọi hàm ở trên tính theo từng phần tử, với cơ chế broadcasting của numpy (một vector là một hàng).',
  'help.numpy': 'Mã numpy dán vào được đọc đúng như viết:',
  // Số ngẫu nhiên mới cho randn của một chương trình tensor (issue 14)
  'random.newValues': 'Số ngẫu nhiên mới',
  'random.fromSeed':
    'randn rút từ hạt giống {seed}. Đầu ra (lấy tổng nếu không phải một số): {output}.',
  // Chế độ tensor trên màn hình (issue 15): các nút, ô và bảng xem của chương trình ma trận
  'tensor.matrix': 'ma trận {rows}×{cols}',
  'tensor.vector': 'vector {n} phần tử',
  'tensor.hasGradient': 'đã có gradient',
  'tensor.value': 'Giá trị',
  'tensor.gradient': 'Gradient',
  'tensor.row': 'hàng {i}',
  'tensor.column': 'cột {j}',
  'tensor.matrixOf': '{what} của {name}',
  'tensor.summary':
    'Kích thước {shape}; nhỏ nhất {min}, lớn nhất {max}, trung bình {mean}, chuẩn {norm}',
  'tensor.tooBig': 'Quá lớn để liệt kê ({shape}): xem tóm tắt.',
  'tensor.notYet': 'Chưa được tính.',
  // Từ của bộ máy tensor trong các quy tắc (src/view/tensor/localizeRule.ts)
  'tensorWord.all': 'tất cả',
  'tensorWord.rows': 'các hàng',
  'tensorWord.row': 'hàng',
  'tensorWord.columns': 'các cột',
  'tensorWord.sumOver': 'tổng theo {what} của',
  'tensorWord.sumOf': 'tổng của',
  'tensorWord.spreadBack': 'trải ngược lại',
  // Issue 15 (wt15b): bước ma trận kèm số, một phần tử ở dạng chỉ số, khai triển thành số vô hướng
  'tensorStep.rule': 'Quy tắc (dưới mỗi thừa số là kích thước của nó)',
  'tensorStep.shapes': 'Kích thước',
  'tensorStep.numbers': 'Thay số',
  'tensorStep.rows': 'Lan truyền (broadcast): cộng theo các hàng của lô',
  'tensorStep.columns': 'Lan truyền (broadcast): cộng theo các cột (mỗi cột một mẫu)',
  'tensorStep.fork': 'Rẽ nhánh: các phần được cộng lại',
  'tensorEntry.title': 'Một phần tử, dạng chỉ số',
  'tensorEntry.close': 'Đóng phần tử',
  'tensorEntry.sources': 'Được tô sáng trên đồ thị: các ô của {names} tạo ra nó.',
  'tensorEntry.fork': 'Một điểm rẽ nhánh: {count} phần của nó được cộng lại.',
  'tensorEntry.soFar': 'Đến giờ mới có {arrived} trên {count} phần.',
  'tensorEntry.notYet': 'Ở bước này gradient của {name} chưa được tính.',
  'tensorEntry.hint': 'Bấm vào một ô của lưới gradient để viết nó thành tổng các tích.',
  'tensorEntry.cell': '{entry} = {value}: viết ở dạng chỉ số',
  'tensorExpand.button': 'Khai triển thành số vô hướng',
  'tensorExpand.tooBig':
    'Chỉ khai triển được phép toán có toán hạng và kết quả tối đa 3×3: {name} có kích thước {shape}.',
  'tensorExpand.unsupported': 'Phép toán này không khai triển thành số vô hướng được.',
  'tensorExpand.back': 'Quay lại chương trình ma trận',
  'tensorExpand.banner':
    '{name} ở dạng số vô hướng: từng phép nhân và phép cộng, số lấy từ chương trình ma trận (6 chữ số).',

  // Practice on matrix programs (issue 16): shape, formula from pieces, one entry
  'practice.m.askShape': '{what} có kích thước nào?',
  'practice.m.askFormula': 'Ghép {what} từ các mảnh: chọn chúng theo đúng thứ tự nhân.',
  'practice.m.askEntry': '{what} bằng bao nhiêu?',
  'practice.m.askShare': 'Bước này gửi về {what} bao nhiêu? (Phần của nó: các phần được cộng lại.)',
  'practice.m.shareIs': 'bước này gửi {value} về {what}',
  'practice.m.shapeHelp':
    'Gõ số hàng x số cột, như 3x5 hoặc (3, 5); vector 4 phần tử là 4, một số đơn là ().',
  'practice.m.pieces': 'Các mảnh',
  'practice.m.product': 'Tích của bạn',
  'practice.m.nothingPicked': 'chưa chọn mảnh nào',
  'practice.m.undo': 'Hoàn tác',
  'practice.m.clear': 'Xóa hết',
  'practice.m.piece': '{piece}, {shape}',
  'practice.m.scalar': 'một số đơn, ()',
  'practice.m.vector': '{n} (vector {n} phần tử)',
  'practice.m.is': '{what} có kích thước {shape}',
  'practice.m.inconsistent':
    '{pair}: hai cỡ bên trong {a} và {b} khác nhau, nên không nhân được {product}.',
  'practice.m.wrongShape': '{product} có kích thước {dims}, nhưng {what} có kích thước {target}.',
  'practice.m.wrongFormula':
    '{product} có kích thước {dims}, đúng bằng kích thước của {what}, nhưng không phải công thức của nó: một thừa số là toán hạng kia, thừa số còn lại là gradient từ phía đầu ra; kích thước cho biết cái nào được chuyển vị.',
  'practice.m.formulaReason':
    'Các kích thước nối được: {chain} cho {dims}, đúng kích thước của {node}.',
  'practice.m.hint.gradShape':
    'Gradient có cùng kích thước với thứ mà ta lấy đạo hàm theo: {what} có kích thước của {node}.',
  'practice.m.hint.matmulShape':
    'Tích (m×k)(k×n) có kích thước m×n: ở đây {a} là {as} và {b} là {bs}.',
  'practice.m.hint.broadcastShape':
    'Từng phần tử một, các toán hạng được kéo giãn về một kích thước (vector là một hàng): {operands}.',
  'practice.m.hint.reduceShape':
    '{op} không có trục cho ra một số đơn; theo trục 0 thì bỏ chiều hàng, theo trục 1 thì bỏ chiều cột: {operands}.',
  'practice.m.hint.sameShape': 'Từng phần tử một: kết quả có kích thước của toán hạng: {operands}.',
  'practice.m.hint.vector': 'Vector {n} phần tử được viết là {n}; 1×{n} là ma trận một hàng.',
  'practice.m.hint.entryProduct':
    '{what} là hàng {i} của {left} nhân với cột {j} của {right}: nhân từng cặp phần tử rồi cộng lại.',
  'practice.m.hint.entryRule': 'Lấy phần tử {index} ở cả hai vế của quy tắc: {rule}.',
  'practice.m.hint.entryForward': 'Lấy phần tử {index} ở cả hai vế của {formula}.',
  'practice.m.hint.entryScalar': 'Tính {formula}.',
  'practice.m.entryReason': 'Từ bước {formula}: {hint}',
  // Đầu vào ma trận trong khung Đầu vào (issue 15, ý 3): mỗi phần tử một ô
  'tensorInputs.cell': '{name} hàng {i} cột {j}',
  'tensorInputs.entry': '{name} phần tử {i}',
  'tensorInputs.notNumber': '{cell}: chưa phải là một số. Hãy viết như -0.5 hoặc 1e-3.',
  'tensorInputs.tooBig':
    'Nhiều hơn {max} hàng hoặc cột: hãy sửa nó trong chương trình, hoặc rút số ngẫu nhiên mới.',
  // Nhãn của ghi chú seed trên các bước của ví dụ ma trận (issue 15, ý 7), trong khung quy tắc chuỗi
  'stepNotes.seed002': 'Seed 002, lan truyền ngược qua softmax',
  'stepNotes.seed000': 'Seed 000, các công thức vector hóa',
  'stepNotes.aria': 'Ghi chú {label}: {source}',
  'stepNotes.row': 'Hàng j =',
  'stepNotes.notation': 'Cách ghi chú viết bước này.',
  'stepNotes.lastLayer':
    'Ghi chú áp dụng softmax lên a⁽ᴸ⁾, đầu ra của lớp cuối; ở đây f của lớp đó là hàm đồng nhất, nên a⁽ᴸ⁾ = z⁽²⁾.',
  'stepNotes.b1':
    'B1: đạo hàm của hàm mất mát theo μ, từng phần tử một. Chỉ lớp đích của mỗi hàng (y = 1) có gradient; mọi phần tử khác bằng 0.',
  'stepNotes.b2':
    'B2: hàng j của μ chỉ phụ thuộc vào hàng j của a⁽ᴸ⁾, qua ma trận Jacobian d×d này (đường chéo μ(1 − μ), chỗ khác −μ_i μ_k). Chọn một hàng để xem các con số của nó.',
  'stepNotes.b3':
    'B3: hàng ∂ℓ/∂μ_j nhân với ma trận Jacobian đó. Phần tử i là −y_i + μ_i Σ_k y_k, và y one-hot có tổng bằng 1, nên tích bằng μ_j − y_j. Bước ở trên tính ra đúng các số này mà không cần lập ma trận Jacobian.',
  'stepNotes.b4':
    'B4 và B7: f = sigmoid tác động từng phần tử, nên Jacobian ∂a_j/∂z_j của mỗi hàng là ma trận đường chéo, và nhân với nó chính là phép ⊙ f′(z⁽¹⁾) = a⁽¹⁾(1 − a⁽¹⁾) theo từng phần tử. B7 là bước mà ghi chú để trống.',
  'stepNotes.b5':
    'B5 và B7 với l = 2: gradient của W⁽²⁾ là a⁽¹⁾ᵀ nhân ∂ℓ/∂z⁽²⁾, một tổng theo N ví dụ, có kích thước của W⁽²⁾ là d⁽¹⁾×d⁽²⁾.',
  'stepNotes.b5first':
    'B5 và B7 với l = 1: cùng quy tắc đó ở lớp dưới, với a⁽⁰⁾ = x. Hai gradient của trọng số này là thứ việc huấn luyện cần.',
  'stepNotes.b6': 'B6 và B7 với l = 2: z⁽²⁾ = a⁽¹⁾W⁽²⁾, nên gradient đi ngược về a⁽¹⁾ qua W⁽²⁾ᵀ.',
  'stepNotes.b6input':
    'B6 và B7 với l = 1, trong đó a⁽⁰⁾ = x: gradient của chính đầu vào. Việc huấn luyện không dùng nó, nhưng quy tắc vẫn vậy.',
  'stepNotes.dZ2':
    'dZ2 = A2 − Y, công thức đầu tiên của ghi chú. Hàm mất mát ở đây là trung bình trên m = {m} ví dụ, nên ∂L/∂Z₂ của bước này là dZ2/m: ghi chú thì để dành 1/m đó cho dW2 và db2.',
  'stepNotes.dW2':
    'dW2 = (1/m) dZ2 A1ᵀ: chính là ∂L/∂Z₂ · A₁ᵀ của bước này, vì 1/m đã nằm sẵn trong ∂L/∂Z₂.',
  'stepNotes.db':
    'Bias được cộng vào cả m = {m} cột (broadcast), nên gradient của nó cộng các cột đó lại: np.sum(dZ, axis=1, keepdims=True), nhân 1/m.',
  'stepNotes.dZ1first':
    'Nửa đầu của dZ1: W2ᵀ dZ2, sai số của đầu ra được gửi ngược qua các trọng số về A1.',
  'stepNotes.dZ1':
    'dZ1 = W2ᵀ dZ2 ⊙ g′(Z1), với g là sigmoid: g′(Z1) = A1 ⊙ (1 − A1), theo từng phần tử. (Như với dZ2, ∂L/∂Z₁ của engine là dZ1/m.)',
  'stepNotes.dW1':
    'dW1 = (1/m) dZ1 Xᵀ: chính là ∂L/∂Z₁ · Xᵀ của bước này. Cùng với db1, đó là thứ gradient descent dùng để cập nhật W1 và b1.',
  'tensorInputs.randnHint': 'Được rút bởi randn. Sửa một số sẽ ghi tất cả các số vào chương trình.',
  // Lessons on tensor programs (issue 15, wt15c): gradient check, descent, narration, modes, spiral
  'check.tensorHint':
    'Với mỗi đầu vào: ⟨∇, d⟩ theo một hướng đơn vị ngẫu nhiên d so với (L(x + h·d) − L(x − h·d)) / 2h, h = {h}, kiểm tra mọi phần tử cùng lúc; rồi {n} phần tử lấy mẫu, từng cái một.',
  'check.direction': 'hướng d',
  'check.directionAndEntries': 'hướng và các phần tử lấy mẫu',
  'check.scalarInput': 'một số',
  'train.updateTensor': 'mọi phần tử của mỗi tham số dịch đi −lr × gradient của nó',
  'narrate.tensorForward': 'Lượt xuôi: tính {node}, {shape}: {formula}.',
  'narrate.tensorSeed': 'Lượt ngược bắt đầu tại đầu ra {node}: gradient của nó là 1.',
  'narrate.tensorBackward': 'Lượt ngược: gradient của {node}, {shape}, là {rule}.',
  'narrate.tensorBackwardAdd':
    'Lượt ngược: {node}, {shape}, nhận thêm một phần gradient, {rule}, cộng vào phần đã có.',
  'narrate.tensorDone':
    'Xong: đã biết mọi gradient, mỗi gradient có kích thước của đầu vào của nó.',
  'narrate.matrixShape': 'một ma trận {rows} nhân {cols}',
  'narrate.vectorShape': 'một vector {n} phần tử',
  'narrate.scalarShape': 'một số',
  'narrate.gradientOf': 'gradient của {name}',
  'narrate.transposed': '{name} chuyển vị',
  'narrate.matmul': 'nhân ma trận với',
  'narrate.entrywise': 'nhân từng phần tử với',
  'narrate.sumRows': 'tổng theo các hàng của',
  'narrate.sumColumns': 'tổng theo các cột của',
  'narrate.sumAll': 'tổng mọi phần tử của',
  'narrate.rowsum': 'tổng từng hàng của',
  'narrate.onesOf': 'các số 1 có kích thước {shape}',
  'narrate.cell': '{name}, hàng {row}, cột {col}: giá trị {value}',
  'narrate.cellVector': '{name}, phần tử {col}: giá trị {value}',
  'narrate.cellGradient': ', gradient {grad}',
  'modes.scalarOnly':
    'Chế độ xuôi chỉ dùng cho chương trình vô hướng: chương trình này có vector hoặc ma trận.',
  'paths.scalarOnly':
    'Các đường đi chỉ được liệt kê cho chương trình vô hướng: ở đây mỗi cạnh mang cả một ma trận.',
  'spiral.title': 'Xoắn ốc: vùng quyết định',
  'spiral.hint':
    'Hạ gradient trực tiếp trên {params} của chương trình: mỗi màu là nhãn mà mạng dự đoán tại đó, các chấm là dữ liệu.',
  'spiral.train': 'Huấn luyện',
  'spiral.pause': 'Tạm dừng',
  'spiral.reset': 'Đặt lại',
  'spiral.status': 'Bước {steps} · mất mát {value} · độ chính xác {acc}% (ngẫu nhiên {chance}%)',
  'spiral.canvas':
    'Vùng quyết định của {k} nhãn trên mặt phẳng, cùng {n} điểm dữ liệu; độ chính xác {acc}%.',
  'spiral.class': 'nhãn {k}',
  'spiral.needs':
    'Bài này huấn luyện một chương trình có X = spiral_points(n, k), Y = spiral_labels(n, k) và hàm mất mát crossentropy(P, Y).',
  'spiral.noParams': 'Hãy đánh dấu ít nhất một đầu vào là tham số trong phần Hạ gradient.',
  'spiral.saved':
    'Các trọng số đã huấn luyện được ghi vào chương trình: đồ thị cho thấy gradient của chúng.',
  // Phím trên các ô của thẻ ma trận trong đồ thị (issue 15, wt15-2)
  'tensorKeys.card':
    'Enter để vào các ô: phím mũi tên để di chuyển giữa các ô, Escape để quay lại.',
  'tensorKeys.gradCell': 'Enter để viết phần tử này ở dạng chỉ số.',
};

/**
 * The example programs' comments (src/examples.ts), keyed by their English text: only comments
 * are translated, the code is the same in every language. Loaded with this table, so an English
 * visit never downloads them.
 */
export const viComments: Readonly<Record<string, string>> = {
  'weight and input 0': 'trọng số và đầu vào 0',
  'weight and input 1': 'trọng số và đầu vào 1',
  bias: 'độ lệch (bias)',
  numerator: 'tử số',
  denominator: 'mẫu số',
  'input and weight': 'đầu vào và trọng số',
  target: 'đầu ra mong muốn',
  scores: 'điểm số',
  'one-hot target': 'đầu ra mong muốn, dạng one-hot',
  'data: input and target': 'dữ liệu: đầu vào và đầu ra mong muốn',
  'parameters: weight and bias': 'tham số: trọng số và độ lệch',
  'squared error': 'sai số bình phương',
  'data: two features, label 1': 'dữ liệu: hai đặc trưng, nhãn 1',
  'hidden unit 1': 'nơ-ron ẩn 1',
  'hidden unit 2': 'nơ-ron ẩn 2',
  'output unit': 'nơ-ron đầu ra',
  'cross-entropy': 'entropy chéo (cross-entropy)',
  data: 'dữ liệu',
  weights: 'các trọng số',
  // Issue 15: the seeds' matrix networks
  'x: N = 4 examples': 'x: N = 4 ví dụ',
  'y: one-hot targets': 'y: đầu ra mong muốn, dạng one-hot',
  'layer 1': 'lớp 1',
  'f = sigmoid': 'f = hàm sigmoid',
  'last layer: f is the identity': 'lớp cuối: f là hàm đồng nhất',
  'm = 4 examples, one per column': 'm = 4 ví dụ, mỗi ví dụ một cột',
  labels: 'các nhãn',
  'hidden layer': 'lớp ẩn',
  'output layer': 'lớp đầu ra',
  // The spiral example (issue 15, wt15c)
  '300 points on 3 arms, 2-D': '300 điểm trên 3 nhánh, 2 chiều',
  'their classes, one-hot': 'nhãn của chúng, dạng one-hot',
  'hidden layer: 16 ReLU units': 'lớp ẩn: 16 nơ-ron ReLU',
  'output layer: 3 class scores': 'lớp đầu ra: điểm của 3 nhãn',
};
