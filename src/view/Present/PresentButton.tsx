import { useT } from '../../i18n/useT';
import { appStore } from '../../state/appStore';
import { enterPresentation } from './presentation';

/** The header's way into presentation mode (also the P key). */
export function PresentButton() {
  const t = useT();
  return (
    <button
      type="button"
      className="button present-button"
      data-present-button=""
      // The visible word "Present" is part of the name, so speech users can say what they see.
      aria-label={t('present.enterLabel')}
      title={`${t('present.enterLabel')} (P)`}
      aria-keyshortcuts="P"
      onClick={() => enterPresentation(appStore)}
    >
      <svg className="icon" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
        <path
          d="M2 3h16v10H2zM10 13v4M6 17h8"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      <span className="present-word">{t('present.enter')}</span>
    </button>
  );
}
