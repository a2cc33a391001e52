import { useId } from 'react';
import { useT } from '../../i18n/useT';
import { SPEEDS } from '../../state/initialState';
import { useApp } from '../../state/appStore';
import { practicePending } from '../../state/practice';
import { selectStepState } from '../../state/stepState';
import { hiddenOf, stopAt, stopsBefore } from '../../state/groups';
import { Icon, type IconName } from './icons';

/** Step buttons, speed, a scrubber over both phases, and where we are. */
export function StepControls() {
  const t = useT();
  const s = useApp((st) => ({
    // What step we are at, of which pass, in the active mode (src/state/stepState.ts).
    known: selectStepState(st),
    playing: st.playing,
    speed: st.settings.speed,
    stepBy: st.stepBy,
    goTo: st.goTo,
    togglePlay: st.togglePlay,
    reset: st.reset,
    jumpToBackward: st.jumpToBackward,
    jumpToEnd: st.jumpToEnd,
    setSettings: st.setSettings,
    practice: st.practice.on,
    // Practice: this step's number is asked for; "Next step" and Play wait for the answer.
    pending: practicePending(st),
    setPractice: st.setPractice,
  }));
  // A collapsed group plays as one step, and counts as one (reverse mode: see `stepAfter`).
  const hidden = useApp((st) => (st.settings.ad === 'reverse' ? hiddenOf(st) : undefined));
  const speedId = useId();
  const scrubId = useId();
  const k = s.known?.k ?? 0;
  const n = s.known?.count ?? 0;
  const forwardCount = s.known?.split ?? 0;
  const shownK = stopsBefore(hidden, k);
  const shownN = stopsBefore(hidden, n);
  const tangentMode = s.known?.mode === 'forward';
  const phase = s.known?.pass ?? 'forward';
  const counter =
    k === 0
      ? t('controls.counterStart', { n: shownN })
      : `${t('controls.counter', { k: shownK, n: shownN })} · ${t(`phase.${phase}`)}`;
  // Where the backward pass begins on the scrubber, as a share of its width.
  const split = shownN > 0 ? (stopsBefore(hidden, forwardCount) / shownN) * 100 : 50;

  return (
    <div
      className="step-controls"
      id="step-controls"
      tabIndex={-1}
      role="group"
      aria-label={t('controls.group')}
    >
      <div className="controls-grid">
        <div className="button-row">
          <StepButton
            icon="reset"
            label={t('controls.reset')}
            onClick={s.reset}
            disabled={k === 0}
            keys="Home"
            minor
          />
          <StepButton
            icon="previous"
            label={t('controls.previous')}
            onClick={() => s.stepBy(-1)}
            disabled={k === 0}
            keys="ArrowLeft"
          />
          <StepButton
            icon={s.playing ? 'pause' : 'play'}
            label={s.playing ? t('controls.pause') : t('controls.play')}
            onClick={s.togglePlay}
            disabled={n === 0 || (s.pending && !s.playing)}
            keys="Space"
            primary
          />
          <StepButton
            icon="next"
            label={t('controls.next')}
            onClick={() => s.stepBy(1)}
            disabled={k >= n || s.pending}
            keys="ArrowRight"
            primary
            iconAfter
          />
          <StepButton
            icon="backward"
            label={t(tangentMode ? 'controls.toTangent' : 'controls.toBackward')}
            onClick={s.jumpToBackward}
            disabled={k === forwardCount || n === 0}
            minor
          />
          <StepButton
            icon="end"
            label={t('controls.toEnd')}
            onClick={s.jumpToEnd}
            disabled={k >= n}
            keys="End"
            iconAfter
            minor
          />
          <button
            type="button"
            className="button practice-toggle"
            aria-pressed={s.practice}
            onClick={() => s.setPractice(!s.practice)}
            title={t('practice.toggleHint')}
          >
            <Icon name="practice" />
            <span className="button-text">{t('practice.toggle')}</span>
          </button>
        </div>
        <div className="scrub-row">
          <output className={`counter phase-${k === 0 ? 'start' : phase}`} aria-live="off">
            {counter}
          </output>
          <label htmlFor={scrubId} className="visually-hidden">
            {t('controls.scrubber')}
          </label>
          <div
            className={`scrubber-wrap${tangentMode ? ' tangent' : ''}`}
            style={{ ['--split' as string]: `${split}%` }}
          >
            <div className="scrub-phases" aria-hidden="true">
              <span className="scrub-forward">{t('phase.forwardPass')}</span>
              <span className="scrub-backward">
                {t(tangentMode ? 'phase.tangentPass' : 'phase.backwardPass')}
              </span>
            </div>
            <input
              id={scrubId}
              className="scrubber"
              type="range"
              min={0}
              max={shownN}
              step={1}
              value={shownK}
              aria-valuetext={counter}
              onChange={(e) => s.goTo(stopAt(hidden, Number(e.target.value)))}
            />
          </div>
          <label htmlFor={speedId} className="speed-label">
            {t('controls.speed')}
          </label>
          <select
            id={speedId}
            className="select"
            value={s.speed}
            onChange={(e) => s.setSettings({ speed: Number(e.target.value) })}
          >
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v}×
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}

function StepButton(props: {
  icon: IconName;
  label: string;
  onClick(): void;
  disabled: boolean;
  keys?: string;
  primary?: boolean;
  iconAfter?: boolean;
  /** Rarely needed: shown as an icon alone when the controls are narrow. */
  minor?: boolean;
}) {
  const icon = <Icon name={props.icon} />;
  return (
    <button
      type="button"
      className={`button${props.primary ? ' primary' : ''}${props.minor ? ' minor' : ''}`}
      onClick={props.onClick}
      disabled={props.disabled}
      title={props.label}
      aria-keyshortcuts={props.keys}
    >
      {!props.iconAfter && icon}
      <span className="button-text">{props.label}</span>
      {props.iconAfter && icon}
    </button>
  );
}
