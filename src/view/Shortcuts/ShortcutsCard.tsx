import { ModalDialog } from '../ModalDialog';
import type { UiKey } from '../../i18n';
import { useT } from '../../i18n/useT';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';
import { useApp } from '../../state/appStore';

/** Every key the app listens to, in the order a teacher meets them. */
const SHORTCUTS: { keys: (string | UiKey)[]; action: UiKey }[] = [
  { keys: ['←', '→'], action: 'shortcuts.previousNext' },
  { keys: ['shortcuts.spaceKey'], action: 'shortcuts.play' },
  { keys: ['Home'], action: 'shortcuts.home' },
  { keys: ['End'], action: 'shortcuts.end' },
  { keys: ['F'], action: 'shortcuts.formula' },
  { keys: ['?'], action: 'shortcuts.help' },
  { keys: ['Esc'], action: 'shortcuts.escape' },
  { keys: ['P'], action: 'shortcuts.present' },
  { keys: ['Enter'], action: 'practice.shortcut' },
];

const isKey = (k: string): k is UiKey => k.includes('.');

/** The shortcut list in its dialog; Esc or Close shuts it and focus returns where it was. */
export function ShortcutsCard() {
  const t = useT();
  const close = useApp((s) => s.setShortcutsOpen);
  return (
    <ModalDialog
      className="shortcuts-dialog"
      title={t('shortcuts.title')}
      closeLabel={t('shortcuts.close')}
      onClose={() => close(false)}
    >
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keyCol')}</th>
            <th scope="col">{t('shortcuts.actionCol')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    <kbd>{isKey(k) ? t(k) : k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(s.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('shortcuts.note')}</p>
    </ModalDialog>
  );
}
