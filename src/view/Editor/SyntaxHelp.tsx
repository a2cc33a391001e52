import { ModalDialog } from '../ModalDialog';
import { FUNCTION_CALLS, OP_WORDS } from '../../engine/opWords';
import { NUMPY_SPELLINGS, TENSOR_CALLS, TENSOR_WORDS } from '../../engine/tensor/words';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';

/** The language on one card: operators, functions, statements, comments, names. */
export function SyntaxHelp({ onClose }: { onClose(): void }) {
  const t = useT();
  const lang = useApp((s) => s.settings.lang);
  return (
    <ModalDialog title={t('help.title')} closeLabel={t('help.close')} onClose={onClose}>
      <dl className="help-list">
        <dt>{t('help.operators')}</dt>
        <dd>{t('help.operatorsBody')}</dd>
        <dt>{t('help.functions')}</dt>
        <dd>
          <ul className="help-functions">
            {FUNCTION_CALLS.map(({ op, calls }) => (
              <li key={op}>
                <code>{calls}</code> {OP_WORDS[op][lang]}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('help.tensors')}</dt>
        <dd>
          {t('help.tensorsBody')}
          <ul className="help-tensors">
            {TENSOR_CALLS.map(({ op, calls }) => (
              <li key={op}>
                <code>{calls}</code> {TENSOR_WORDS[op][lang]}
              </li>
            ))}
          </ul>
          {t('help.numpy')} <code>{NUMPY_SPELLINGS}</code>
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
