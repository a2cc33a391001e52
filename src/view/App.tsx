import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { loadTable } from '../i18n';
import { useT } from '../i18n/useT';
import { appStore, useApp } from '../state/appStore';
import { StepControls } from './Controls/StepControls';
import { Editor } from './Editor/Editor';
import { FormulaPanel } from './Formula/FormulaPanel';
import { preloadKatex } from './Formula/Tex';
import { GraphPanel } from './Graph/GraphPanel';
import { Header } from './Header/Header';
import { useStepKeys } from './hooks/useKeyboard';
import { useTheme } from './hooks/useTheme';
import { InputsPanel } from './Inputs/InputsPanel';
import { Inspector } from './Inspector/Inspector';
import { chainLayers } from './Lessons/chainLayers';
import { Narration } from './Narration/Narration';
import { useIdle, usePresentationKeys } from './Present/usePresentation';
import { ShortcutsDialog } from './Shortcuts/ShortcutsDialog';

// The lesson panels (and their charts' d3 scales) are not needed for the first graph: they load
// right after it, which keeps them out of the first-load JS.
// What a link held that was ignored: only ever shown after such a link.
const UrlNotice = lazy(() => import('./Share/UrlNotice').then((m) => ({ default: m.UrlNotice })));
// The presentation and embed bars show only in those views.
const PresentBar = lazy(() =>
  import('./Present/PresentBar').then((m) => ({ default: m.PresentBar })),
);
const EmbedBar = lazy(() => import('./Present/EmbedBar').then((m) => ({ default: m.EmbedBar })));
const ModePanel = lazy(() => import('./Modes/ModePanel').then((m) => ({ default: m.ModePanel })));
const GradientCheck = lazy(() =>
  import('./Lessons/GradientCheck').then((m) => ({ default: m.GradientCheck })),
);
const LayerGradients = lazy(() =>
  import('./Lessons/LayerGradients').then((m) => ({ default: m.LayerGradients })),
);
// Your backward pass (issue 12): only for a program with hand-written gradients.
const BackwardPassPanel = lazy(() =>
  import('./BackwardPass/BackwardPassPanel').then((m) => ({ default: m.BackwardPassPanel })),
);
// Practice mode's question panel: only once practice is switched on (a button or practice=1).
const PracticePanel = lazy(() =>
  import('./Practice/PracticePanel').then((m) => ({ default: m.PracticePanel })),
);
// cs231n's spiral lesson (issue 15): only for a program that makes spiral data.
const SpiralPanel = lazy(() =>
  import('./Lessons/SpiralPanel').then((m) => ({ default: m.SpiralPanel })),
);
const TrainingPanel = lazy(() =>
  import('./Lessons/TrainingPanel').then((m) => ({ default: m.TrainingPanel })),
);

export function App() {
  const t = useT();
  const { theme, lang, mode, showFormula, sidebar } = useApp((s) => ({
    sidebar: s.settings.sidebar,
    theme: s.settings.theme,
    lang: s.settings.lang,
    mode: s.settings.mode,
    showFormula: s.settings.showFormula,
  }));
  useTheme(theme);
  const hasNotice = useApp((s) => s.ignored.length > 0);
  const practice = useApp((s) => s.practice.on);
  useStepKeys(appStore);
  usePresentationKeys(appStore, mode);
  const idle = useIdle(mode === 'present');
  useEffect(() => {
    document.documentElement.lang = lang;
    // A language chosen after the page opened: its table loads now (views re-render via useT).
    loadTable(lang).catch(() => {
      // Offline and never loaded: the interface stays in English.
    });
  }, [lang]);
  const drawn = useFirstGraphDrawn();
  const settled = useSettled(drawn);
  useEffect(() => {
    // The first graph is on screen: now fetch the typesetter for the formula panel.
    if (drawn) void preloadKatex();
  }, [drawn]);

  return (
    <div
      className="app"
      data-mode={mode}
      data-idle={idle ? '' : undefined}
      data-sidebar={sidebar ? undefined : 'hidden'}
    >
      <nav className="skip-links" aria-label={t('layout.skipLinks')}>
        <a className="skip-link" href="#graph">
          {t('layout.skipToGraph')}
        </a>
        <a className="skip-link" href="#step-controls">
          {t('layout.skipToSteps')}
        </a>
      </nav>
      {mode === 'normal' && <Header />}
      {mode === 'present' && (
        <Suspense fallback={null}>
          <PresentBar />
        </Suspense>
      )}
      {hasNotice && (
        <Suspense fallback={null}>
          <UrlNotice />
        </Suspense>
      )}
      <main className="workspace">
        {mode === 'normal' && (
          <aside className="sidebar" id="side-panel" hidden={!sidebar}>
            <Editor />
            <HandWritten />
            <InputsPanel />
            {settled && (
              <Suspense fallback={null}>
                <ModePanel />
              </Suspense>
            )}
            <Inspector />
            {settled && (
              <Suspense fallback={null}>
                <ChainLayers />
                <Spiral />
                <TrainingPanel />
                <GradientCheck />
              </Suspense>
            )}
          </aside>
        )}
        {/* Practice narrows the graph: its footer wraps (an attribute, not `.stage:has(> .practice)
            .graph-footer`, which made each step restyle walk the whole graph). */}
        <div className="stage" data-practice={practice ? '' : undefined}>
          <GraphPanel />
          <StepControls />
          {practice && (
            <Suspense fallback={null}>
              <PracticePanel />
            </Suspense>
          )}
          {/* Presentation and embed views can hide it (F); the full app always explains. */}
          {(mode === 'normal' || showFormula) && <FormulaPanel />}
          {mode === 'embed' && (
            <Suspense fallback={null}>
              <EmbedBar />
            </Suspense>
          )}
        </div>
      </main>
      <ShortcutsDialog />
      <Narration />
    </div>
  );
}

/** "Your backward pass", when the program holds hand-written gradients. */
function HandWritten() {
  const has = useApp((s) => s.analysis?.backwardPass !== undefined);
  return has ? (
    <Suspense fallback={null}>
      <BackwardPassPanel />
    </Suspense>
  ) : null;
}

/** The spiral lesson, for a tensor program that makes spiral data: others never fetch it. */
function Spiral() {
  const has = useApp(
    (s) => s.analysis?.tensor !== undefined && /\bspiral_points\s*\(/.test(s.analysis.source),
  );
  return has ? <SpiralPanel /> : null;
}

/** colah's layer chart, for chain networks only: other programs never fetch its code. */
function ChainLayers() {
  const analysis = useApp((s) => s.analysis);
  const chain = useMemo(() => analysis !== null && chainLayers(analysis).length > 0, [analysis]);
  return chain ? <LayerGradients /> : null;
}

/**
 * True a moment after the app became interactive (once the first graph is drawn): the lesson
 * panels below the editor are not needed to use the page, so their code is fetched when the
 * browser is idle rather than competing with React's first render.
 */
function useSettled(drawn: boolean): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!drawn || settled) return;
    const later = () => setSettled(true);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(later, { timeout: 400 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(later, 50);
    return () => clearTimeout(id);
  }, [drawn, settled]);
  return settled;
}

/**
 * True once the first graph has reached the screen (the graph panel's `lens:drawn` event): what
 * is not needed to draw it (KaTeX, the lesson panels) is fetched only then.
 */
function useFirstGraphDrawn(): boolean {
  // The first graph may have been drawn before React mounted (see `drawFirstGraph`).
  const [drawn, setDrawn] = useState(
    () =>
      typeof performance !== 'undefined' && performance.getEntriesByName('graph-drawn').length > 0,
  );
  useEffect(() => {
    if (drawn) return;
    const onDrawn = () => setDrawn(true);
    window.addEventListener('lens:drawn', onDrawn, { once: true });
    return () => window.removeEventListener('lens:drawn', onDrawn);
  }, [drawn]);
  return drawn;
}
