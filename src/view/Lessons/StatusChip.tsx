import type { CheckStatus } from '../../engine';

export const STATUS_KEY = { ok: 'check.ok', warn: 'check.warn', bad: 'check.bad' } as const;

/** A check's verdict: the word carries the meaning; the colour and the mark repeat it. */
export function StatusChip({ status, label }: { status: CheckStatus; label: string }) {
  const mark = status === 'ok' ? '✓' : status === 'warn' ? '!' : '✗';
  return (
    <span className={`status-chip status-${status}`}>
      <span aria-hidden="true">{mark}</span> {label}
    </span>
  );
}
