import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { appStore } from '../../state/appStore';
import { shareUrl } from '../../state/urlSync';

// The dialog and its encoder load when a QR code is asked for.
const QrDialog = lazy(() => import('./QrDialog').then((m) => ({ default: m.QrDialog })));

/** How long "Link copied" stays on screen. */
const CONFIRM_MS = 2000;

type Status = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

/**
 * "Copy link" and "QR code": the link that reopens exactly this picture (program, values, step,
 * language, theme), for a chat message or a projected slide.
 */
export function ShareMenu() {
  const t = useT();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [qrUrl, setQrUrl] = useState<string | null>(null);
  const qrButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);

  // The confirmation fades after a moment; a manual-copy field stays until it loses focus.
  useEffect(() => {
    if (status.kind !== 'copied') return;
    const timer = setTimeout(() => setStatus({ kind: 'idle' }), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [status]);

  useEffect(() => {
    if (status.kind !== 'manual' || !field.current) return;
    field.current.focus();
    field.current.select();
  }, [status]);

  const link = () => shareUrl(appStore.getState(), window.location);

  const copy = async () => {
    const url = link();
    try {
      // Missing on plain http (not a secure context) and in some embedded browsers.
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setStatus({ kind: 'copied' });
    } catch {
      // Permission refused or no API: show the link selected in a field, ready for Ctrl+C.
      setStatus({ kind: 'manual', url });
    }
  };

  const closeQr = () => {
    setQrUrl(null);
    // Back to the button that opened it, as a keyboard user expects.
    qrButton.current?.focus();
  };

  return (
    <div className="share-menu">
      <button type="button" className="button" onClick={() => void copy()}>
        {t('share.copy')}
      </button>
      <button
        ref={qrButton}
        type="button"
        className="button"
        aria-haspopup="dialog"
        onClick={() => setQrUrl(link())}
      >
        {t('share.qr')}
      </button>
      {status.kind === 'manual' && (
        <input
          ref={field}
          className="share-field"
          type="text"
          readOnly
          value={status.url}
          aria-label={t('share.linkField')}
          onBlur={() => setStatus({ kind: 'idle' })}
        />
      )}
      <span className="share-status" role="status">
        {status.kind === 'copied' && t('share.copied')}
        {status.kind === 'manual' && t('share.copyManual')}
      </span>
      {qrUrl !== null && (
        <Suspense fallback={null}>
          <QrDialog url={qrUrl} onClose={closeQr} />
        </Suspense>
      )}
    </div>
  );
}
