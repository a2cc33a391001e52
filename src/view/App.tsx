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

export function App() {
  const { theme, lang, hasGraph } = useApp((s) => ({
    theme: s.settings.theme,
    lang: s.settings.lang,
    hasGraph: s.layout !== null,
  }));
  useTheme(theme);
  useStepKeys(appStore);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    // The first graph is on screen: now fetch the typesetter for the formula panel.
    if (hasGraph) void preloadKatex();
  }, [hasGraph]);

  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <aside className="sidebar">
          <Editor />
          <InputsPanel />
          <Inspector />
        </aside>
        <div className="stage">
          <GraphPanel />
          <StepControls />
          <FormulaPanel />
        </div>
      </main>
    </div>
  );
}
