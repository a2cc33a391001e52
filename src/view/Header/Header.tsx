import { useId } from 'react';
import { EXAMPLES, type ExampleId } from '../../examples';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import type { Theme } from '../../state/types';

export function Header() {
  const t = useT();
  const { example, loadExample, theme, setSettings } = useApp((s) => ({
    example: s.example,
    loadExample: s.loadExample,
    theme: s.settings.theme,
    setSettings: s.setSettings,
  }));
  const exampleId = useId();
  const themeId = useId();
  const current = EXAMPLES.find((e) => e.id === example);
  return (
    <header className="app-header">
      <div className="brand">
        <img src="./favicon.svg" alt="" width="28" height="28" />
        <span className="brand-name">{t('app.title')}</span>
      </div>
      <div className="header-tools">
        <div className="field examples-field">
          <label htmlFor={exampleId}>{t('examples.label')}</label>
          <select
            id={exampleId}
            className="select"
            value={example ?? ''}
            onChange={(e) => e.target.value && loadExample(e.target.value as ExampleId)}
          >
            <option value="">{t('examples.choose')}</option>
            {EXAMPLES.map((e) => (
              <option key={e.id} value={e.id}>
                {t(`example.${e.id}.title`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={themeId}>{t('theme.label')}</label>
          <select
            id={themeId}
            className="select"
            value={theme}
            onChange={(e) => setSettings({ theme: e.target.value as Theme })}
          >
            <option value="system">{t('theme.system')}</option>
            <option value="light">{t('theme.light')}</option>
            <option value="dark">{t('theme.dark')}</option>
          </select>
        </div>
      </div>
      {current && <p className="example-lesson">{t(`example.${current.id}.lesson`)}</p>}
    </header>
  );
}
