import { lazy, Suspense, useId, useRef, useState, type UIEvent } from 'react';
import { LineIndex } from '../../engine';
import { useT } from '../../i18n/useT';
import { translate } from '../../i18n';
import { useApp } from '../../state/appStore';

// The syntax card loads when it is opened.
const SyntaxHelp = lazy(() => import('./SyntaxHelp').then((m) => ({ default: m.SyntaxHelp })));
// Marks beside a hand-written backward pass's lines, only for a program that has one.
const BackwardGutter = lazy(() =>
  import('../BackwardPass/BackwardGutter').then((m) => ({ default: m.BackwardGutter })),
);

/**
 * The program text. A mirror behind the transparent textarea draws the same text with the
 * offending characters underlined, so the error points into what the person typed, in place.
 */
export function Editor() {
  const t = useT();
  const { source, error, setSource, lang, marks } = useApp((s) => ({
    source: s.source,
    error: s.error,
    setSource: s.setSource,
    lang: s.settings.lang,
    // Marks belong to the text that was checked: none while it is being edited.
    marks: (s.analysis?.backwardPass?.gradients.length ?? 0) > 0 && s.analysis?.source === s.source,
  }));
  const [helpOpen, setHelpOpen] = useState(false);
  const mirror = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const errorId = `${id}-error`;
  const rows = Math.min(12, Math.max(3, source.split('\n').length + 1));

  const syncScroll = (e: UIEvent<HTMLTextAreaElement>) => {
    if (mirror.current) {
      mirror.current.scrollTop = e.currentTarget.scrollTop;
      mirror.current.scrollLeft = e.currentTarget.scrollLeft;
    }
  };

  const location = error ? new LineIndex(source).locate(error.start) : undefined;
  const message = error ? translate(lang, error.code, error.params) : '';

  return (
    <section className="panel editor" aria-labelledby={`${id}-label`}>
      <div className="panel-head">
        <label htmlFor={id} id={`${id}-label`} className="panel-title">
          {t('editor.label')}
        </label>
        <button type="button" className="link-button" onClick={() => setHelpOpen(true)}>
          {t('editor.help')}
        </button>
      </div>
      <div className={`code-box${error ? ' has-error' : ''}${marks ? ' has-marks' : ''}`}>
        <div className="code-mirror" ref={mirror} aria-hidden="true">
          {error ? <Underlined source={source} start={error.start} end={error.end} /> : source}
          {'\n'}
        </div>
        <textarea
          ref={input}
          id={id}
          className="code-input"
          value={source}
          rows={rows}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setSource(e.target.value)}
          onScroll={syncScroll}
        />
        {marks && (
          <Suspense fallback={null}>
            <BackwardGutter input={input} />
          </Suspense>
        )}
      </div>
      {error && location && (
        <div className="error-message" id={errorId} role="alert">
          <span className="error-where">{t('editor.errorAt', location)}</span> {message}
          <div className="error-stale">{t('editor.staleGraph')}</div>
        </div>
      )}
      {helpOpen && (
        <Suspense fallback={null}>
          <SyntaxHelp onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
    </section>
  );
}

/** The source with the error's span wrapped in a mark; a zero-width span shows as a caret. */
function Underlined({ source, start, end }: { source: string; start: number; end: number }) {
  const before = source.slice(0, start);
  const bad = source.slice(start, end);
  const after = source.slice(end);
  return (
    <>
      {before}
      {bad.length > 0 ? (
        <mark className="error-span">{bad}</mark>
      ) : (
        <mark className="error-caret"> </mark>
      )}
      {after}
    </>
  );
}
