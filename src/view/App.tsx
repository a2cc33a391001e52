import { useEffect } from 'react';
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
import { ModePanel } from './Modes/ModePanel';
import { GradientCheck } from './Lessons/GradientCheck';
import { LayerGradients } from './Lessons/LayerGradients';
import { TrainingPanel } from './Lessons/TrainingPanel';
import { Narration } from './Narration/Narration';
import { UrlNotice } from './Share/UrlNotice';
import { EmbedBar } from './Present/EmbedBar';
import { PresentBar } from './Present/PresentBar';
import { useIdle, usePresentationKeys } from './Present/usePresentation';
import { ShortcutsDialog } from './Shortcuts/ShortcutsDialog';

export function App() {
  const { theme, lang, hasGraph, mode, showFormula } = useApp((s) => ({
    theme: s.settings.theme,
    lang: s.settings.lang,
    hasGraph: s.layout !== null,
    mode: s.settings.mode,
    showFormula: s.settings.showFormula,
  }));
  useTheme(theme);
  useStepKeys(appStore);
  usePresentationKeys(appStore, mode);
  const idle = useIdle(mode === 'present');
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    // The first graph is on screen: now fetch the typesetter for the formula panel.
    if (hasGraph) void preloadKatex();
  }, [hasGraph]);

  return (
    <div className="app" data-mode={mode} data-idle={idle ? '' : undefined}>
      {mode === 'normal' && <Header />}
      {mode === 'present' && <PresentBar />}
      <UrlNotice />
      <main className="workspace">
        {mode === 'normal' && (
          <aside className="sidebar">
            <Editor />
            <InputsPanel />
            <ModePanel />
            <Inspector />
            <LayerGradients />
            <TrainingPanel />
            <GradientCheck />
          </aside>
        )}
        <div className="stage">
          <GraphPanel />
          <StepControls />
          {/* Presentation and embed views can hide it (F); the full app always explains. */}
          {(mode === 'normal' || showFormula) && <FormulaPanel />}
          {mode === 'embed' && <EmbedBar />}
        </div>
      </main>
      <ShortcutsDialog />
      <Narration />
    </div>
  );
}
