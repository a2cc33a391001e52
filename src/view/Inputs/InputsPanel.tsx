import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { formatNumber, type InputInfo } from '../../engine';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';

// A tensor program's inputs as grids of fields (issue 15), loaded with the first one.
const TensorInputs = lazy(() =>
  import('./TensorInputs').then((m) => ({ default: m.TensorInputs })),
);

/** A number field and a slider for every input; a change recomputes everything at once. */
export function InputsPanel() {
  const t = useT();
  const inputs = useApp((s) => s.analysis?.inputs ?? NO_INPUTS);
  // No program read yet (a link whose program has an error, or a tensor program, issue 14): it
  // may well have inputs, so "no inputs" would mislead.
  const read = useApp((s) => s.analysis !== null && !s.analysis.tensor);
  const tensor = useApp((s) => s.analysis?.tensor);
  const setValue = useApp((s) => s.setValue);
  return (
    <section className="panel inputs" aria-labelledby="inputs-title">
      <h2 className="panel-title" id="inputs-title">
        {t('inputs.title')}
      </h2>
      {tensor ? (
        <Suspense fallback={null}>
          <TensorInputs tensor={tensor} />
        </Suspense>
      ) : !read ? null : inputs.length === 0 ? (
        <p className="muted">{t('inputs.none')}</p>
      ) : (
        <ul className="input-list">
          {inputs.map((input) => (
            <InputRow key={input.name} input={input} onChange={setValue} />
          ))}
        </ul>
      )}
    </section>
  );
}

const NO_INPUTS: readonly InputInfo[] = [];

function InputRow({
  input,
  onChange,
}: {
  input: InputInfo;
  onChange(name: string, v: number): void;
}) {
  const id = useId();
  const [text, setText] = useState(() => formatInput(input.value));
  const [range, setRange] = useState(() => sliderRange(input.value));
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setText(formatInput(input.value));
  }, [input.value, editing]);

  const commit = (raw: string) => {
    const v = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(v)) {
      onChange(input.name, v);
      if (Math.abs(v) > range) setRange(sliderRange(v));
    }
  };

  return (
    <li className="input-row">
      <label htmlFor={id} className="input-label">
        {input.name}
      </label>
      <input
        id={id}
        className="number-field"
        type="number"
        step="any"
        inputMode="decimal"
        value={text}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false);
          setText(formatInput(input.value));
        }}
        onChange={(e) => {
          setText(e.target.value);
          commit(e.target.value);
        }}
      />
      {/* A pointer-friendly twin of the number field, which is the labelled, keyboard control. */}
      <input
        className="slider"
        type="range"
        aria-hidden="true"
        tabIndex={-1}
        min={-range}
        max={range}
        step={range / 100}
        value={Number.isFinite(input.value) ? input.value : 0}
        onChange={(e) => onChange(input.name, Number(e.target.value))}
      />
    </li>
  );
}

/** Symmetric slider bounds: ±10, ±100… whichever first holds the value. */
function sliderRange(v: number): number {
  const abs = Math.abs(v);
  let r = 10;
  while (abs > r && r < 1e12) r *= 10;
  return r;
}

function formatInput(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(8))) : formatNumber(v);
}
