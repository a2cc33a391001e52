import type { Table } from './index';

/**
 * Vietnamese table. Typed as `Table`, so a key missing from en.ts fails type checking and an extra
 * key fails the object-literal check; `{name}` slots must match en's (test/i18n.test.ts checks).
 * Terms follow the Vietnamese cs231n / ml-cheatsheet notes in the course material: lan truyền xuôi,
 * lan truyền ngược, quy tắc chuỗi, đạo hàm (riêng), gradient, đồ thị tính toán, nút, cạnh.
 */
export const vi: Table = {
  'error.empty': 'Chương trình đang trống: hãy gõ một biểu thức, ví dụ (x+y)*z.',
  'error.unexpectedChar':
    '`{char}` không thuộc ngôn ngữ này: hãy dùng số, tên, + - * / ^, ( ) và các hàm.',
  'error.unicodeOperator': '`{char}` trông giống một phép toán: hãy gõ `{ascii}` thay vào.',
  'error.numberThenName': 'Số không được viết liền với tên: hãy viết `{number}*{name}` để nhân.',
  'error.badExponent': 'Số `{text}` cần có chữ số sau phần số mũ, ví dụ 1e-3.',
  'error.badNumber': 'Không đọc được `{text}` thành một số.',
  'error.loneDot': 'Dấu `.` phải nằm trong một số, ví dụ 0.5 hoặc .5.',
  'error.expectedOperand': 'Ở đây cần một số, một tên hoặc `(`, nhưng lại gặp `{token}`.',
  'error.missingRight': '`{op}` cần có gì đó ở bên phải.',
  'error.missingLeft': '`{op}` cần có gì đó ở bên trái.',
  'error.missingOperator':
    'Hai giá trị đứng cạnh nhau mà không có phép toán: hãy viết `*` để nhân, hoặc `+`, `-`, `/`, `^`.',
  'error.unclosedParen': 'Thiếu `)` để đóng dấu `(` ở cột {column}.',
  'error.unclosedParenAt': 'Thiếu `)` để đóng dấu `(` ở dòng {line}, cột {column}.',
  'error.unmatchedClose': 'Dấu `)` này không có `(` tương ứng.',
  'error.emptyParens': 'Cặp ngoặc rỗng: hãy đặt một biểu thức vào trong, ví dụ (x+y).',
  'error.unknownFunction': '`{name}` không phải là hàm mà chương trình biết: hãy thử {list}.',
  'error.unknownFunctionSuggest':
    '`{name}` không phải là hàm mà chương trình biết: có phải bạn muốn viết `{suggestion}`? Các hàm có sẵn là {list}.',
  'error.notAFunction': '`{name}` là một giá trị, không phải hàm: hãy viết `{name}*(…)` để nhân.',
  'error.functionNotCalled': '`{name}` là một hàm: hãy gọi nó trên một giá trị, ví dụ {name}(x).',
  'error.arity1': '`{name}` nhận một đối số, nhưng lại có {got}.',
  'error.arity2': '`{name}` nhận hai đối số, nhưng lại có {got}.',
  'error.commaOutsideCall': 'Dấu `,` chỉ dùng để ngăn cách các đối số của hàm, ví dụ max(a, b).',
  'error.misplacedAssign': '`=` chỉ được đứng sau một tên ở đầu câu lệnh, ví dụ q = x + y.',
  'error.doubleEquals': 'Ở đây không có phép so sánh: dùng một dấu `=` để đặt tên cho một giá trị.',
  'error.reservedName': '`{name}` là một hàm; hãy chọn tên khác cho giá trị này.',
  'error.redefined':
    '`{name}` đã được định nghĩa ở dòng {line}; mỗi tên chỉ được định nghĩa một lần.',
  'error.usedBeforeDefined': '`{name}` được dùng trước khi được định nghĩa ở dòng {line}.',
  'error.selfReference': '`{name}` không thể được định nghĩa bằng chính nó.',
  'error.tooLarge': 'Chương trình quá lớn ({size} ký tự); giới hạn là {limit}.',

  'diag.logNegative': 'log của số âm không xác định ở đây.',
  'diag.logZero': 'log(0) là -∞: giá trị rơi xuống âm vô cùng.',
  'diag.sqrtNegative': 'sqrt của số âm không xác định ở đây.',
  'diag.sqrtZero': 'sqrt có độ dốc vô hạn tại 0: gradient đi qua nó không hữu hạn.',
  'diag.divByZero': 'Chia cho 0: kết quả không phải là một số hữu hạn.',
  'diag.overflow': 'Tràn số: kết quả quá lớn so với số 64 bit.',
  'diag.powNegativeBase': 'Số âm lũy thừa với số mũ không nguyên thì không xác định ở đây.',
  'diag.powZeroBase': '0 lũy thừa số mũ âm là vô hạn.',
  'diag.powExponentSlope':
    'Độ dốc theo số mũ cần log của cơ số, mà log không xác định khi cơ số ≤ 0.',
  'diag.tanPole': 'tan là vô hạn tại các bội lẻ của π/2.',
  'diag.infiniteSlope':
    'Độ dốc ở đây không hữu hạn, nên gradient đi qua nút này cũng không hữu hạn.',
  'diag.kinkRelu': 'relu có điểm gãy tại 0: độ dốc ở đó được lấy bằng 0.',
  'diag.kinkAbs': 'abs có điểm gãy tại 0: độ dốc ở đó được lấy bằng 0.',
  'diag.kinkMax': 'max gặp hai giá trị bằng nhau: gradient được chia đều cho hai đối số.',
  'diag.kinkMin': 'min gặp hai giá trị bằng nhau: gradient được chia đều cho hai đối số.',

  'app.title': 'Backprop Lens',
  'app.tagline': 'Xem lan truyền ngược, từng bước một',

  'editor.label': 'Biểu thức',
  'editor.hint': 'Gõ một biểu thức hoặc một chương trình ngắn. Enter bắt đầu một câu lệnh mới.',
  'editor.help': 'Hướng dẫn cú pháp',
  'editor.errorAt': 'Dòng {line}, cột {column}',
  'editor.staleGraph': 'Đồ thị đang hiển thị chương trình hợp lệ gần nhất.',

  'help.title': 'Bạn có thể gõ gì',
  'help.close': 'Đóng',
  'help.operators': 'Phép toán',
  'help.operatorsBody':
    '+  -  *  /  ^ (lũy thừa, cũng là **). Dấu trừ một ngôi: -x^2 nghĩa là -(x^2).',
  'help.functions': 'Hàm',
  'help.statements': 'Câu lệnh',
  'help.statementsBody':
    'Ngăn cách các câu lệnh bằng ; hoặc xuống dòng. tên = -2 khai báo một đầu vào; tên = biểu thức đặt tên cho một giá trị trung gian; câu lệnh cuối cùng là đầu ra.',
  'help.comments': 'Chú thích',
  'help.commentsBody': '# mở đầu một chú thích kéo dài đến hết dòng.',
  'help.commentExample': 'q = x + y   # q bằng 3',
  'help.names': 'Tên',
  'help.namesBody':
    'Chữ cái, chữ số và _. w0 và x_1 có chỉ số dưới; alpha, mu, sigma… thành chữ Hy Lạp. Một tên được dùng mà chưa được gán là một đầu vào, bắt đầu bằng 1.',

  'inputs.title': 'Đầu vào',
  'inputs.none': 'Chương trình này không có đầu vào: mọi thứ đều là hằng số.',
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
  'phase.forward': 'xuôi',
  'phase.backward': 'ngược',
  'phase.forwardPass': 'Lan truyền xuôi',
  'phase.backwardPass': 'Lan truyền ngược',
  'controls.fit': 'Vừa màn hình',
  'controls.zoomIn': 'Phóng to',
  'controls.zoomOut': 'Thu nhỏ',

  'graph.label': 'Đồ thị tính toán',
  'graph.nodeValue': '{name} = {value}',
  'graph.nodeValueGrad': '{name} = {value}, gradient {grad}',
  'graph.nodeOp': '{name} = {formula}',
  'graph.nodeUnknown': '{name}, chưa được tính',
  'graph.laidOut': 'Đang sắp xếp đồ thị…',
  'legend.title': 'Chú giải',
  'legend.value': 'giá trị xuôi (trên cạnh)',
  'legend.gradient': 'gradient (dưới cạnh)',
  'legend.input': 'đầu vào',
  'legend.op': 'phép toán',
  'legend.const': 'hằng số',
  'export.svg': 'Xuất SVG',
  'export.png': 'Xuất PNG',
  'export.latex': 'Sao chép LaTeX',
  'export.copied': 'Đã sao chép',
  'export.copyFailed': 'Không sao chép được: trình duyệt chặn bộ nhớ tạm',
  'export.failed': 'Không xuất được hình',
  'export.headingProgram': 'Chương trình',
  'export.headingGradients': 'Gradient',

  'formula.title': 'Quy tắc chuỗi',
  'formula.start': 'Chương trình tính',
  'formula.startHint': 'Nhấn Bước tiếp (→) để đưa giá trị của các đầu vào đi xuôi qua đồ thị.',
  'formula.forwardEdge': '{from} đi tới {to}',
  'formula.forwardNode': '{node} được tính',
  'formula.seed': 'Lan truyền ngược bắt đầu từ đầu ra: gradient của nó theo chính nó bằng 1.',
  'formula.backwardEdge': 'Gradient chảy ngược từ {from} về {to}',
  'formula.local': 'Đạo hàm cục bộ',
  'formula.upstreamTimesLocal': 'gradient từ phía trên × đạo hàm cục bộ = phần đóng góp',
  'formula.fork':
    '{name} đi vào {count} nút, nên gradient của nó là tổng những gì quay về từ tất cả các nút đó.',
  'formula.forkProgress': 'Đã về {arrived} trên {count} phần.',
  'formula.path': 'Các thừa số dọc đường đi cho đến giờ',
  'formula.summary': 'Gradient của mọi đầu vào',
  'formula.summaryHint':
    'Mỗi số cho biết đầu ra thay đổi nhanh đến mức nào khi nhích đầu vào đó một chút.',
  'formula.noInputs': 'Không có đầu vào: không có gì để lấy đạo hàm.',

  'narrate.forwardEdge': '{from} = {value} đi tới {to}',
  'narrate.forwardNode': 'Tính {node}: {formula}',
  'narrate.seed': 'Lan truyền ngược bắt đầu từ đầu ra {node}: {partial} = 1',
  'narrate.backwardEdge':
    'Gradient chảy từ {from} về {to}: {upstreamName} = {upstream} nhân {localName} = {local} được {contribution}',
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
    'Phép nhân hoán đổi: gradient của mỗi đầu vào là giá trị của đầu vào kia.',
  'example.add.title': 'cs231n: x + y',
  'example.add.lesson': 'Phép cộng chuyển nguyên gradient cho cả hai đầu vào.',
  'example.max.title': 'cs231n: max(x, y)',
  'example.max.lesson':
    'Max dồn toàn bộ gradient cho đầu vào lớn hơn và không cho đầu vào kia chút nào.',
  'example.neuron.title': 'cs231n: một nơ-ron sigmoid',
  'example.neuron.lesson':
    'Một nơ-ron 2 đầu vào, từng cổng một: exp, +1 và 1/x ghép lại thành σ, có đạo hàm là σ(1−σ).',
  'example.staged.title': 'cs231n: tính theo từng giai đoạn',
  'example.staged.lesson':
    'Tách một biểu thức khó thành các giai đoạn có tên; x và y đi vào nhiều giai đoạn, nên gradient của chúng được cộng dồn.',
  'example.colah.title': 'colah: e = (a + b) · (b + 1)',
  'example.colah.lesson': 'b đi vào hai nút: gradient của nó là tổng theo cả hai đường, 2 + 3 = 5.',
  'example.chain.title': 'ml-cheatsheet: C(R(Z(XW)))',
  'example.chain.lesson': 'Một nơ-ron: C′(W) = (ŷ − y) · R′(Z) · X, từng thừa số một.',
  'example.hidden.title': 'ml-cheatsheet: một lớp ẩn',
  'example.hidden.lesson':
    'Sai số đầu ra E_o được tính một lần và dùng lại cho lớp ẩn: ghi nhớ kết quả chính là lan truyền ngược.',
  'example.softmax.title': 'Softmax + cross-entropy (3 lớp)',
  'example.softmax.lesson': 'Gradient của hàm mất mát theo mỗi điểm số ra đúng bằng μ_k − y_k.',

  'theme.label': 'Giao diện',
  'theme.system': 'Hệ thống',
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
    'Hai nút ẩn sigmoid và một đầu ra sigmoid với hàm mất mát cross-entropy: huấn luyện đến khi loss đủ nhỏ.',
  'example.sigmoidChain10.title': 'colah: 10 lớp sigmoid',
  'example.sigmoidChain10.lesson':
    'Mỗi sigmoid nhân gradient với nhiều nhất 0.25: đến lớp đầu tiên gần như không còn gì. Đó là gradient biến mất (vanishing gradient).',
  'note.title': 'Ghi chú',
  'note.outputError':
    'Đây là lỗi của lớp đầu ra E_o = ∂C/∂Z_o = (ŷ − y) · R′(Z_o) = {grad}. Nó được tính một lần rồi truyền ngược lại.',
  'note.hiddenError':
    'Đây là lỗi của lớp ẩn E_h = E_o · W_o · R′(Z_h) = {grad}: mọi trọng số bên dưới nó đều dùng lại giá trị này.',
  'note.softmaxGrad':
    'Softmax và cross-entropy gộp lại rất gọn: ∂L/∂{name} = μ − y = {mu} − {y} = {grad}.',

  'gate.title': 'Kiểu cổng',
  'gate.add': 'Cổng cộng: chia gradient nguyên vẹn cho mọi đầu vào, nên {to} nhận {upstream}.',
  'gate.sub':
    'Cổng trừ: giống cổng cộng, gradient được truyền nguyên vẹn, nhưng đổi dấu cho vế phải: {to} nhận {value}.',
  'gate.mul':
    'Cổng nhân: hoán đổi các đầu vào. {to} nhận gradient phía trên nhân với giá trị của đầu vào kia, {other} = {otherValue}.',
  'gate.max':
    'Cổng max: chuyển toàn bộ gradient tới đầu vào lớn hơn. {to} lớn hơn nên nhận tất cả: {upstream}.',
  'gate.maxLoser':
    'Cổng max: chuyển toàn bộ gradient tới đầu vào lớn hơn. {to} nhỏ hơn nên nhận 0.',
  'gate.maxTie':
    'Cổng max khi hai đầu vào bằng nhau: gradient được chia đôi. Đây là điểm gãy: cách chia nào cũng là một đạo hàm dưới hợp lệ.',
  'gate.min':
    'Cổng min: chuyển toàn bộ gradient tới đầu vào nhỏ hơn. {to} nhỏ hơn nên nhận tất cả: {upstream}.',
  'gate.minLoser':
    'Cổng min: chuyển toàn bộ gradient tới đầu vào nhỏ hơn. {to} lớn hơn nên nhận 0.',
  'gate.minTie':
    'Cổng min khi hai đầu vào bằng nhau: gradient được chia đôi. Đây là điểm gãy: cách chia nào cũng là một đạo hàm dưới hợp lệ.',
  'gate.unary': 'Cổng một ngôi {op}: nhân gradient với đạo hàm cục bộ của nó.',

  'check.title': 'Kiểm tra gradient',
  'check.hint':
    'Mỗi đầu vào được dịch ±{h}, các đầu vào khác giữ nguyên: sai phân trung tâm (f(x+h) − f(x−h)) / 2h phải khớp với lan truyền ngược.',
  'check.input': 'Đầu vào',
  'check.analytic': 'Giải tích',
  'check.numeric': 'Số',
  'check.relError': 'Sai số tương đối',
  'check.ok': 'khớp',
  'check.warn': 'cần xem',
  'check.bad': 'không khớp',
  'check.kink':
    'có điểm gãy trong khoảng h: hai phía của sai phân có thể có độ dốc khác nhau, nên hai con số có thể lệch nhau',
  'check.none': 'Không có đầu vào nào để kiểm tra.',

  'train.title': 'Hạ gradient',
  'train.roles': 'Tham số và dữ liệu',
  'train.rolesHint':
    'Đầu vào được đánh dấu là tham số (trọng số, bias): chúng dịch đi −lr × gradient. Các đầu vào khác là dữ liệu và giữ nguyên. Đầu ra là hàm mất mát.',
  'train.paramLabel': '{name} là tham số',
  'train.lr': 'Tốc độ học',
  'train.step': 'Đi một bước',
  'train.train': 'Huấn luyện',
  'train.steps': 'Số bước',
  'train.until': 'Dừng khi loss <',
  'train.noParams': 'Hãy đánh dấu ít nhất một đầu vào là tham số.',
  'train.curve': 'Loss từ {first} đến {last} sau {steps} bước',
  'train.curveOne': 'Loss từ {first} đến {last} sau 1 bước',
  'train.curveEmpty': 'Chưa huấn luyện: hãy đi một bước hoặc huấn luyện.',
  'train.history': 'Lịch sử tham số',
  'train.iteration': 'Vòng lặp',
  'train.loss': 'Loss',
  'train.phases': 'Một vòng lặp',
  'train.phaseForward': 'Lan truyền xuôi',
  'train.phaseBackward': 'Lan truyền ngược',
  'train.phaseUpdate': 'Cập nhật',
  'train.update': 'mỗi tham số dịch đi −lr × gradient của nó',
  'train.stoppedLoss': 'Dừng sau {steps} bước: loss đã nhỏ hơn {eps}.',
  'train.stoppedSteps': 'Đã chạy {steps} bước.',
  'train.diverged': 'Loss không còn là một số: hãy thử tốc độ học nhỏ hơn.',
  'train.clear': 'Xoá lịch sử',

  'layers.title': 'Gradient theo từng lớp',
  'layers.hint':
    'Mỗi sigmoid nhân gradient với σ′ ≤ 0.25, nên nó nhỏ dần qua từng lớp: gradient biến mất (thang log).',
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
  'shortcuts.previousNext': 'Bước trước / bước sau',
  'shortcuts.play': 'Phát hoặc tạm dừng',
  'shortcuts.home': 'Về bước đầu',
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
  'phase.tangent': 'tiếp tuyến',
  'phase.tangentPass': 'Lượt tiếp tuyến',
  'legend.tangent': 'tiếp tuyến ∂/∂{x} (chế độ xuôi)',
  'modes.title': 'Chế độ xuôi hay ngược',
  'modes.group': 'Chế độ',
  'modes.reverse': 'Chế độ ngược',
  'modes.forward': 'Chế độ xuôi',
  'modes.wrt': 'Theo biến',
  'modes.reverseHint':
    'Chế độ ngược: sau các giá trị, một lượt lan truyền ngược cho đạo hàm của đầu ra theo mọi đầu vào.',
  'modes.forwardHint':
    'Chế độ xuôi: sau các giá trị, tiếp tuyến chảy xuôi. Dấu chấm nghĩa là ∂/∂{x}: ċ = ∂c/∂{x}. Một lượt cho đạo hàm của mọi nút, nhưng chỉ theo {x}.',
  'modes.compare': 'Chi phí tính đạo hàm theo cả {n} đầu vào',
  'modes.passes': '{n} lượt (mỗi đầu vào một lượt)',
  'modes.onePass': '1 lượt',
  'modes.ops': '{ops} phép tính trên cạnh',
  'modes.opsBound': 'nhiều nhất {ops} phép tính trên cạnh',
  'modes.countNote':
    'Một phép tính trên cạnh là một lần nhân rồi cộng dọc theo một cạnh: chế độ xuôi cộng ∂c/∂a · ȧ vào ċ, chế độ ngược cộng ∂f/∂c · ∂c/∂a vào ∂f/∂a. Chế độ xuôi lặp lại lượt của nó cho từng đầu vào; chế độ ngược chỉ cần một lượt dù có bao nhiêu đầu vào. Với nhiều đầu vào và một đầu ra (hàm mất mát và các trọng số), đó là “chiến thắng tính toán” mà colah nói tới.',
  'paths.title': 'Tổng theo các đường đi',
  'paths.from': 'Đường đi từ',
  'paths.show': 'Hiện đường đi',
  'paths.hint':
    'Tô sáng mọi đường đi từ đầu vào đã chọn tới {f} và viết đạo hàm thành tổng theo các đường đi đó.',
  'paths.count': '{count} đường đi',
  'paths.countOne': '1 đường đi',
  'paths.truncated': '{count} đường đi; hiện {shown} đường đầu tiên',
  'paths.none': '{f} không phụ thuộc vào {x}: không có đường đi nào, nên ∂{f}/∂{x} = 0.',
  'paths.explain':
    'Mỗi đường đi từ {x} tới {f} góp tích các đạo hàm cục bộ dọc theo nó; ∂{f}/∂{x} là tổng các tích đó.',
  'paths.sum': 'Tổng theo các đường đi',
  'paths.shownSum':
    '{shown} đường đi được hiện có tổng {sum}; tổng theo mọi đường đi (gradient) là {total}.',
  'paths.factored': 'Dạng phân tích nhân tử',
  'paths.factoredNote':
    'Khi mọi đường đi đều qua cùng một nút, tổng tách thành (các đường tới nút đó) × (các đường từ nút đó trở đi), nên phần chung chỉ viết một lần.',
  'paths.tooBigFactored':
    'Dạng phân tích nhân tử quá dài để viết ra ở đây; chế độ ngược tính nó bằng cách hoàn tất ∂{f}/∂n một lần cho mỗi nút n.',
  'paths.linear': 'một lần nhân-cộng cho mỗi cạnh',
  'paths.whyFactor':
    'Viết ra từng đường đi, tổng này cần {expanded} phép nhân và cộng; khi phân tích nhân tử, {factored}. Số đường đi có thể gấp đôi sau mỗi lớp nên liệt kê chúng sẽ bùng nổ; phân tích nhân tử, chính là điều chế độ xuôi và ngược làm, giữ khối lượng tính toán tỉ lệ với {edges} cạnh.',
  'paths.limit': 'Chỉ liệt kê {limit} đường đi đầu tiên: số lượng và tổng ở trên tính cho tất cả.',
  'formula.tangentSeed':
    'Chế độ xuôi bắt đầu tại {x}: đạo hàm của nó theo chính nó bằng 1. Dấu chấm nghĩa là ∂/∂{x}.',
  'formula.tangentEdge':
    'Tiếp tuyến chảy từ {from} tới {to}: đạo hàm cục bộ × tiếp tuyến của {from}',
  'formula.tangentNode': 'Tiếp tuyến của {node} là tổng các số hạng từ các toán hạng của nó',
  'formula.tangentTerms': 'Đã tới {arrived} trên {count} số hạng của {name}: tạm tính {sum}.',
  'formula.tangentSummary': 'Chế độ xuôi theo {x}',
  'formula.tangentSummaryHint':
    'Một lượt cho ∂n/∂{x} của mọi nút n. Mỗi đầu vào khác cần một lượt riêng ({n} đầu vào, {n} lượt); chế độ ngược có tất cả trong một lượt lan truyền ngược.',
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
};
