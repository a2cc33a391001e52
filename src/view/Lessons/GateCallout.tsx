import { formatNumber, gatePattern, type Analysis, type Step } from '../../engine';
import { exampleById, type ExampleNote } from '../../examples';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { Tex } from '../Formula/Tex';

/**
 * What the formula panel adds on a backward step: the cs231n gate pattern the gradient just went
 * through (seed 003), and the example's own remark where the step reaches a node the seed names
 * (E_o, E_h in seed 001; μ − y in the softmax notes).
 */
export function GateCallout({ analysis, step }: { analysis: Analysis; step: Step }) {
  const t = useT();
  const example = useApp((s) => s.example);
  if (step.kind !== 'backward-edge') return null;
  const gate = gateSentence(analysis, step, t);
  const note = exampleNote(analysis, step, example, t);
  if (!gate && !note) return null;
  return (
    <>
      {gate && (
        <aside className="lesson-callout gate-callout" aria-label={t('gate.title')}>
          <span className="lesson-callout-title">{t('gate.title')}</span> {gate.sentence}
          {gate.local && (
            <span className="gate-local">
              <Tex tex={gate.local.tex} text={gate.local.text} wrap />
            </span>
          )}
        </aside>
      )}
      {note && (
        <aside className="lesson-callout node-note" aria-label={t('note.title')}>
          <span className="lesson-callout-title">{t('note.title')}</span> {note}
        </aside>
      )}
    </>
  );
}

type BackwardStep = Extract<Step, { kind: 'backward-edge' }>;

/** Sentences for max and min: the operand won, lost, or tied. */
const ROUTE_KEYS = {
  max: ['gate.max', 'gate.maxLoser', 'gate.maxTie'],
  min: ['gate.min', 'gate.minLoser', 'gate.minTie'],
} as const;

function gateSentence(
  a: Analysis,
  step: BackwardStep,
  t: Translate,
): { sentence: string; local?: { tex: string; text: string } } | undefined {
  const p = gatePattern(a, step);
  if (!p) return undefined;
  const name = (node: number) => a.compiled.symbol(node).text;
  const to = name(step.to);
  const upstream = formatNumber(step.upstream);
  switch (p.kind) {
    case 'add':
      return {
        sentence:
          p.sign === 1
            ? t('gate.add', { to, upstream })
            : t('gate.sub', { to, value: formatNumber(step.contribution) }),
      };
    case 'mul':
      return {
        sentence: t('gate.mul', {
          to,
          other: name(p.other),
          otherValue: formatNumber(p.otherValue),
        }),
      };
    case 'max':
    case 'min': {
      const [won, lost, tie] = ROUTE_KEYS[p.kind];
      return { sentence: t(p.tie ? tie : p.routed ? won : lost, { to, upstream }) };
    }
    case 'unary':
      return {
        sentence: t('gate.unary', { op: p.op }),
        local: { tex: p.localTex, text: p.localText },
      };
    case 'other':
      return undefined;
  }
}

/**
 * The example's remark on a node, on the step that completes the node's gradient and on the
 * steps that pass it on: that is where the seed's named quantity appears in the trace.
 */
function exampleNote(
  a: Analysis,
  step: BackwardStep,
  example: string | null,
  t: Translate,
): string | undefined {
  const notes = example ? exampleById(example)?.notes : undefined;
  if (!notes) return undefined;
  const g = a.compiled;
  const at = (node: number): ExampleNote | undefined => {
    const name = g.names[node];
    return name !== undefined && Object.hasOwn(notes, name) ? notes[name] : undefined;
  };
  let node: number;
  if (step.arrival === step.arrivals && at(step.to)) node = step.to;
  else if (at(step.from)) node = step.from;
  else return undefined;
  const note = at(node)!;
  const params: Record<string, string> = {
    name: g.symbol(node).text,
    grad: formatNumber(a.backward.grad[node]),
  };
  for (const [slot, ref] of Object.entries(note.params ?? {})) {
    const id = g.names.indexOf(ref);
    if (id >= 0) params[slot] = formatNumber(a.value[id]);
  }
  return t(note.key, params);
}
