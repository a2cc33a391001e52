import { useId } from 'react';
import { EXAMPLES, type ExampleId } from '../../examples';
import { rememberLang } from '../../i18n/langPreference';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import type { Lang, Theme } from '../../state/types';
import { ShareMenu } from '../Share/ShareMenu';
import { PresentButton } from '../Present/PresentButton';
import { Icon } from '../Controls/icons';
import { ShortcutsButton } from '../Shortcuts/ShortcutsDialog';

export function Header() {
  const t = useT();
  const { example, loadExample, theme, lang, setSettings, sidebar } = useApp((s) => ({
    sidebar: s.settings.sidebar,
    example: s.example,
    loadExample: s.loadExample,
    theme: s.settings.theme,
    lang: s.settings.lang,
    setSettings: s.setSettings,
  }));
  const exampleId = useId();
  const themeId = useId();
  const langId = useId();
  const current = EXAMPLES.find((e) => e.id === example);
  return (
    <header className="app-header">
      <div className="brand">
        <img src="./favicon.svg" alt="" width="28" height="28" />
        <span className="brand-name">{t('app.title')}</span>
      </div>
      <div className="header-tools">
        <button
          type="button"
          className="icon-button sidebar-toggle"
          aria-expanded={sidebar}
          aria-controls="side-panel"
          title={t('layout.sidebar')}
          onClick={() => setSettings({ sidebar: !sidebar })}
        >
          <Icon name={sidebar ? 'panelClose' : 'panelOpen'} />
          <span className="visually-hidden">{t('layout.sidebar')}</span>
        </button>
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
        <div className="field lang-field">
          <label htmlFor={langId}>{t('lang.label')}</label>
          <select
            id={langId}
            className="select"
            value={lang}
            onChange={(e) => {
              const next = e.target.value as Lang;
              // Only an explicit choice is remembered: a shared `?lang=` link must not change it.
              rememberLang(window, next);
              setSettings({ lang: next });
            }}
          >
            <option value="en" lang="en">
              {t('lang.en')}
            </option>
            <option value="vi" lang="vi">
              {t('lang.vi')}
            </option>
          </select>
        </div>
        <ShareMenu />
        <PresentButton />
        <ShortcutsButton />
      </div>
      {current && <p className="example-lesson">{t(`example.${current.id}.lesson`)}</p>}
    </header>
  );
}
