import { useEffect, useState } from 'react';
import { ModalDialog } from '../ModalDialog';
import { useT } from '../../i18n/useT';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';
import { qrPicture, type QrPicture } from './qr';

/** Blank modules around the code: scanners need a quiet zone of four. */
const QUIET = 4;

type Drawn =
  { kind: 'loading' } | { kind: 'ready'; qr: QrPicture } | { kind: 'tooLong' } | { kind: 'failed' };

/**
 * A modal with the link as a QR code, big enough to scan from the back of a classroom when
 * projected, and the link itself as selectable text. The encoder is imported on first open only,
 * so it stays out of the first-load JavaScript.
 */
export function QrDialog({ url, onClose }: { url: string; onClose(): void }) {
  const t = useT();
  const [drawn, setDrawn] = useState<Drawn>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void import('qrcode-generator').then(
      ({ default: qrcode }) => {
        if (!live) return;
        const qr = qrPicture(qrcode, url);
        setDrawn(qr ? { kind: 'ready', qr } : { kind: 'tooLong' });
      },
      // Offline before the chunk was ever fetched: say so rather than spin forever.
      () => live && setDrawn({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [url]);

  const side = drawn.kind === 'ready' ? drawn.qr.size + 2 * QUIET : 0;
  return (
    <ModalDialog
      className="qr-dialog"
      title={t('share.qrTitle')}
      closeLabel={t('share.close')}
      onClose={onClose}
    >
      {drawn.kind === 'ready' && (
        <>
          <p className="hint">{t('share.qrHint')}</p>
          <svg
            className="qr-code"
            viewBox={`0 0 ${side} ${side}`}
            role="img"
            aria-label={t('share.qrTitle')}
            shapeRendering="crispEdges"
          >
            {/* Always dark on white, also in the dark theme: that is what scanners read. */}
            <rect width={side} height={side} fill="#fff" />
            {drawn.qr.runs.map((r) => (
              <rect
                key={`${r.y}:${r.x}`}
                x={r.x + QUIET}
                y={r.y + QUIET}
                width={r.w}
                height={1}
                fill="#000"
              />
            ))}
          </svg>
        </>
      )}
      {drawn.kind === 'loading' && <p className="hint">{t('share.qrLoading')}</p>}
      {drawn.kind === 'tooLong' && <p className="hint">{t('share.qrTooLong')}</p>}
      {drawn.kind === 'failed' && <p className="hint">{t('share.qrFailed')}</p>}
      <p className="qr-url">
        <code>{url}</code>
      </p>
    </ModalDialog>
  );
}
