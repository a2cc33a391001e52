import { useEffect, useState, type RefObject } from 'react';
import { useT } from '../../i18n/useT';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';
import { useApp } from '../../state/appStore';
import { checksOf, MARK, verdict } from './checks';

const RANK = { ok: 0, unchecked: 1, wrong: 2 } as const;

/**
 * A mark beside each hand-written gradient in the editor: ✓, ✗ or – (not checked), each with its
 * verdict in words for screen readers and as a tooltip. It scrolls with the text.
 */
export function BackwardGutter({ input }: { input: RefObject<HTMLTextAreaElement | null> }) {
  const t = useT();
  const analysis = useApp((s) => s.analysis);
  const [top, setTop] = useState(0);
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const onScroll = () => setTop(el.scrollTop);
    onScroll();
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [input]);
  if (!analysis?.backwardPass) return null;
  // Several statements on one line (`dfdz = q; dfdq = z`) share a mark: the worst one's.
  const lines = new Map<number, { status: keyof typeof MARK; words: string[] }>();
  for (const c of checksOf(analysis)) {
    const { line, name } = c.gradient;
    const entry = lines.get(line) ?? { status: c.status, words: [] };
    if (RANK[c.status] > RANK[entry.status]) entry.status = c.status;
    entry.words.push(t('bp.mark', { line, name, verdict: verdict(c, t) }));
    lines.set(line, entry);
  }
  return (
    <div className="bp-gutter">
      <ul aria-label={t('bp.gutter')} style={{ transform: `translateY(${-top}px)` }}>
        {[...lines].map(([line, { status, words }]) => (
          <li
            key={line}
            className={`bp-gutter-mark bp-${status}`}
            data-line={line}
            data-status={status}
            title={words.join('\n')}
            style={{ top: `${(line - 1) * 1.5}rem` }}
          >
            <span aria-hidden="true">{MARK[status]}</span>
            <span className="visually-hidden">{words.join('. ')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
