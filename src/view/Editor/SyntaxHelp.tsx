import { ModalDialog } from '../ModalDialog';
import { FUNCTION_NAMES } from '../../engine';
import { useT } from '../../i18n/useT';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';

/** The language on one card: operators, functions, statements, comments, names. */
export function SyntaxHelp({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <ModalDialog title={t('help.title')} closeLabel={t('help.close')} onClose={onClose}>
      <dl className="help-list">
        <dt>{t('help.operators')}</dt>
        <dd>{t('help.operatorsBody')}</dd>
        <dt>{t('help.functions')}</dt>
        <dd>
          <code>
            {FUNCTION_NAMES.map((f) =>
              f === 'max' || f === 'min' || f === 'pow' ? `${f}(a, b)` : `${f}(x)`,
            ).join('  ')}
          </code>
        </dd>
        <dt>{t('help.statements')}</dt>
        <dd>
          {t('help.statementsBody')}
          <pre className="help-example">{'x = -2; y = 5; z = -4\nq = x + y\nf = q * z'}</pre>
        </dd>
        <dt>{t('help.comments')}</dt>
        <dd>
          {t('help.commentsBody')}
          <pre className="help-example">{t('help.commentExample')}</pre>
        </dd>
        <dt>{t('help.names')}</dt>
        <dd>{t('help.namesBody')}</dd>
      </dl>
    </ModalDialog>
  );
}
