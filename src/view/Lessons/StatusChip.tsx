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

/** The row under an input whose nudges cross a kink (`relu`, `abs`, `max` at a tie). */
export function KinkRow({ name, text }: { name: string; text: string }) {
  return (
    <tr className="kink-row">
      <td colSpan={4} className="kink-cell">
        {name}: {text}
      </td>
    </tr>
  );
}
