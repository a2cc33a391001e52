import { useT } from '../../i18n/useT';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';
import { appStore, useApp } from '../../state/appStore';
import { ShortcutsButton } from '../Shortcuts/ShortcutsDialog';
import { leavePresentation } from './presentation';

/**
 * The only chrome in presentation mode: what is on screen, the formula switch, the shortcut list,
 * and the way out. It fades with the step controls when the pointer rests.
 */
export function PresentBar() {
  const t = useT();
  const { example, showFormula, setSettings } = useApp((s) => ({
    example: s.example,
    showFormula: s.settings.showFormula,
    setSettings: s.setSettings,
  }));
  return (
    <div className="present-bar" role="toolbar" aria-label={t('present.enterLabel')}>
      <span className="present-title">
        {example ? t(`example.${example}.title`) : t('app.title')}
      </span>
      <button
        type="button"
        className="button"
        aria-pressed={showFormula}
        aria-keyshortcuts="F"
        title={`${t('present.formula')} (F)`}
        onClick={() => setSettings({ showFormula: !showFormula })}
      >
        {t('present.formula')}
      </button>
      <ShortcutsButton />
      <button
        type="button"
        className="button"
        aria-keyshortcuts="Escape"
        title={`${t('present.leave')} (Esc)`}
        onClick={() => leavePresentation(appStore)}
      >
        {t('present.leave')}
      </button>
    </div>
  );
}
