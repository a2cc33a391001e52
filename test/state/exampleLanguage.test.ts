import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/engine';
// The matrix examples (issue 15) run on the tensor engine, which the page loads on demand.
import '../../src/engine/tensor/install';
import { EXAMPLES, exampleById, exampleSource } from '../../src/examples';
import { viComments } from '../../src/i18n/vi';
import { createAppStore, type StoreDeps } from '../../src/state/store';
import { fakeLayout } from './fakeLayout';

const makeStore = () => {
  const deps: StoreDeps = { layout: vi.fn(fakeLayout), sizeOf: () => ({ width: 40, height: 40 }) };
  return createAppStore(deps);
};
/** Lets the language table's import and the rewrite after it settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const code = (source: string) => source.replace(/[ \t]*#.*$/gm, '');

describe('example programs in the reader’s language', () => {
  it('every example comment with words has a Vietnamese translation, and every one is used', () => {
    const used = new Set<string>();
    for (const ex of EXAMPLES) {
      for (const [, text] of ex.source.matchAll(/# (.+)$/gm)) {
        used.add(text);
        // `# R(Z)` is maths, the same in any language; a comment in words must be translated.
        if (/\p{Ll}{2}/u.test(text)) expect(viComments[text], `${ex.id}: ${text}`).toBeTruthy();
      }
    }
    expect(Object.keys(viComments).filter((text) => !used.has(text))).toEqual([]);
    for (const text of Object.values(viComments)) expect(text).not.toMatch(/[\n\r#]/);
  });

  it('only the comments change: each language runs the same program to the same numbers', async () => {
    const store = makeStore();
    store.getState().setSettings({ lang: 'vi' });
    await settle();
    for (const ex of EXAMPLES) {
      const viSource = exampleSource(ex, 'vi');
      expect(code(viSource), ex.id).toBe(code(ex.source));
      const a = analyze(viSource);
      const b = analyze(ex.source);
      expect(a.output, ex.id).toBe(b.output);
      expect(a.gradients, ex.id).toEqual(b.gradients);
    }
    expect(exampleSource(exampleById('neuron')!, 'vi')).toContain('# trọng số và đầu vào 0');
    expect(exampleSource(exampleById('softmax')!, 'vi')).toContain('# điểm số');
  });

  it('switching language rewrites an example the reader has not edited, and back', async () => {
    const store = makeStore();
    store.getState().loadExample('neuron');
    expect(store.getState().source).toContain('# weight and input 0');
    store.getState().goTo(5);
    store.getState().setSettings({ lang: 'vi' });
    await settle();
    const s = store.getState();
    expect(s.source).toBe(exampleSource(exampleById('neuron')!, 'vi'));
    expect(s.source).toContain('# độ lệch (bias)');
    expect(s.example).toBe('neuron');
    // Comments are not the graph: the step stays where it was.
    expect(s.stepIndex).toBe(5);
    store.getState().setSettings({ lang: 'en' });
    await settle();
    expect(store.getState().source).toBe(exampleById('neuron')!.source);
  });

  it('an example chosen in Vietnamese comes with Vietnamese comments', async () => {
    const store = makeStore();
    store.getState().setSettings({ lang: 'vi' });
    await settle();
    store.getState().loadExample('twoLayer');
    await settle();
    expect(store.getState().source).toContain('# nơ-ron ẩn 1');
  });

  it('never rewrites an edited program, not even a comment, nor one training has changed', async () => {
    const store = makeStore();
    store.getState().loadExample('neuron');
    const edited = store.getState().source.replace('# bias', '# my bias');
    store.getState().setSource(edited, { immediate: true });
    store.getState().setSettings({ lang: 'vi' });
    await settle();
    expect(store.getState().source).toBe(edited);

    store.getState().setSettings({ lang: 'en' });
    await settle();
    store.getState().loadExample('neuronMse');
    const a = store.getState().analysis!;
    const w = a.inputs.find((i) => i.name === 'w')!;
    store.getState().setValues({ w: w.value + 0.25 });
    const trained = store.getState().source;
    expect(trained).not.toBe(exampleById('neuronMse')!.source);
    store.getState().setSettings({ lang: 'vi' });
    await settle();
    expect(store.getState().source).toBe(trained);
  });

  it('a link’s example is recognised whatever the language of its comments', () => {
    const store = makeStore();
    store.getState().hydrate({ source: exampleSource(exampleById('softmax')!, 'vi') });
    // The table may not be loaded here: recognising the example must not depend on it.
    expect(store.getState().example).toBe('softmax');
  });
});
