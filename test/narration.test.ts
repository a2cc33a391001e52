import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/engine';
import { loadTable, translate, type Translate } from '../src/i18n';
import type { Lang } from '../src/state/types';
import { selectPractice } from '../src/state/practice';
import { selectStepState } from '../src/state/stepState';
import { createAppStore } from '../src/state/store';
import { narrate } from '../src/view/Narration/narrate';
import { fakeLayout } from './state/fakeLayout';

const tFor =
  (lang: Lang): Translate =>
  (key, params) =>
    translate(lang, key, params);
beforeAll(() => loadTable('vi'));

const en = tFor('en');
const vi = tFor('vi');

const circuit = analyze('x = -2; y = 5; z = -4; q = x + y; f = q * z');
/** The 1-based index of the first step matching `pred`. */
const stepWhere = (pred: (i: number) => boolean) => {
  for (let i = 1; i <= circuit.steps.length; i++) if (pred(i)) return i;
  throw new Error('no such step');
};
const s = (k: number) => circuit.steps[k - 1];
const name = (node: number) => circuit.compiled.symbol(node).text;

describe('narration', () => {
  it('says nothing at the start', () => {
    expect(narrate(circuit, 0, en)).toBe('');
  });

  it('says a forward edge with its value, in each language', () => {
    const k = stepWhere((i) => s(i).kind === 'forward-edge');
    expect(narrate(circuit, k, en)).toBe('x = −2 travels to q.');
    expect(narrate(circuit, k, vi)).toBe('x = −2 đi tới q.');
  });

  it('says a node evaluation without parentheses, with the word for times', () => {
    const q = stepWhere((i) => {
      const st = s(i);
      return st.kind === 'forward-node' && name(st.node) === 'q';
    });
    expect(narrate(circuit, q, en)).toBe('q is computed: q = x + y = −2 + 5 = 3.');
    const f = stepWhere((i) => {
      const st = s(i);
      return st.kind === 'forward-node' && name(st.node) === 'f';
    });
    expect(narrate(circuit, f, en)).toBe('f is computed: f = q times z = 3 times −4 = −12.');
    expect(narrate(circuit, f, vi)).toBe('Tính f: f = q nhân z = 3 nhân −4 = −12.');
  });

  it('says the seed', () => {
    const k = circuit.trace.forwardCount + 1;
    expect(narrate(circuit, k, en)).toBe('The backward pass starts at the output f: ∂f/∂f = 1.');
    expect(narrate(circuit, k, vi)).toBe('Lan truyền ngược bắt đầu từ đầu ra f: ∂f/∂f = 1.');
  });

  it('says a backward edge as upstream times local, and marks the last step as done', () => {
    const k = stepWhere((i) => {
      const st = s(i);
      return st.kind === 'backward-edge' && name(st.from) === 'q' && name(st.to) === 'x';
    });
    const en1 = 'Gradient flows from q to x: ∂f/∂q = −4 times ∂q/∂x = 1 gives −4.';
    const vi1 = 'Gradient chảy từ q về x: ∂f/∂q = −4 nhân ∂q/∂x = 1 được −4.';
    const last = k === circuit.steps.length;
    expect(narrate(circuit, k, en)).toBe(last ? `${en1} Done: every gradient is known.` : en1);
    expect(narrate(circuit, k, vi)).toBe(last ? `${vi1} Xong: đã biết mọi gradient.` : vi1);
  });

  it('adds up the shares at a fork (colah: b feeds two nodes, 2 + 3 = 5)', () => {
    const a = analyze('a = 2; b = 1; c = a + b; d = b + 1; e = c * d');
    const ks = a.steps
      .map((st, i) => ({ st, k: i + 1 }))
      .filter(({ st }) => st.kind === 'backward-edge' && a.compiled.symbol(st.to).text === 'b');
    expect(ks).toHaveLength(2);
    const [first, second] = ks.map(({ k }) => narrate(a, k, en));
    expect(first).toContain('This is the first of 2 shares of the gradient of b.');
    expect(second).toMatch(/b has 2 of 2 shares: [23] plus [23] makes 5\./);
    expect(narrate(a, ks[1].k, vi)).toMatch(/b đã nhận 2 trên 2 phần: [23] cộng [23] được 5\./);
  });

  it('never leaks an English word into the Vietnamese narration', () => {
    const english = /\b(travels|computed|times|gives|Gradient flows|shares|backward|output|Done)\b/;
    for (let k = 1; k <= circuit.steps.length; k++) {
      expect(narrate(circuit, k, vi)).not.toMatch(english);
    }
  });
});

describe('narration in practice mode', () => {
  const CIRCUIT = 'x = -2; y = 5; z = -4; q = x + y; f = q * z';
  const deps = { layout: fakeLayout, sizeOf: () => ({ width: 40, height: 40 }) };
  const practising = (k: number) => {
    const store = createAppStore(deps, { source: CIRCUIT });
    store.getState().setSource(CIRCUIT, { immediate: true });
    store.getState().setPractice(true);
    store.getState().goTo(k);
    return store;
  };
  const say = (store: ReturnType<typeof practising>, t: Translate) => {
    const st = store.getState();
    return narrate(st.analysis!, selectStepState(st)!, t, selectPractice(st));
  };

  it('reads the question instead of the number, then the verdict, in each language', () => {
    const store = practising(3);
    expect(say(store, en)).toBe('Your turn: What is the value of q? q = x + y = −2 + 5 = ?');
    expect(say(store, vi)).toBe('Đến lượt bạn: Giá trị của q là bao nhiêu? q = x + y = −2 + 5 = ?');
    expect(say(store, en)).not.toContain('= 3');
    store.getState().setDraft('4');
    store.getState().submitAnswer();
    expect(say(store, en)).toMatch(/^Not quite\. Hint: Apply the gate to its inputs’ values/);
    expect(say(store, vi)).toMatch(/^Chưa đúng\. Gợi ý: /);
    store.getState().setDraft('3');
    store.getState().submitAnswer();
    expect(say(store, en)).toMatch(/^Correct: q = x \+ y = −2 \+ 5 = 3\.\s?$/);
  });

  it('after the local derivative, the verdict and the next question together', () => {
    const store = practising(10);
    store.getState().setDraft('1');
    store.getState().submitAnswer();
    expect(say(store, en)).toMatch(
      /^Correct: ∂q\/∂x = 1\. Your turn: What gradient does q send back to x\? \(upstream × local\) ∂f\/∂x = ∂f\/∂q times ∂q\/∂x = −4 times 1 = \?\s?$/,
    );
    store.getState().revealAnswer();
    expect(say(store, en)).toMatch(/^The answer: ∂f\/∂x = .* = −4\. The gradient sent back/);
  });

  it('two wrong tries in a row read differently, so the second is announced too', () => {
    const store = practising(3);
    store.getState().setDraft('4');
    store.getState().submitAnswer();
    const first = say(store, en);
    store.getState().submitAnswer();
    expect(say(store, en)).not.toBe(first);
    expect(say(store, en).trim()).toBe(first.trim());
  });
});
