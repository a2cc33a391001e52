import { useEffect, useRef, useState, type RefObject } from 'react';
// The LaTeX writer is a few hundred bytes and part of the engine's public API, so it comes with
// the engine; only the SVG serialiser is loaded on demand.
import { derivationLatex, type Analysis } from '../../engine';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';

type Status = { kind: 'copied' | 'copyFailed' | 'exportFailed'; at: number } | null;

/** How long the "Copied" confirmation stays up. */
const STATUS_MS = 2500;

/**
 * The graph footer's export buttons: the current frame as SVG or PNG, and the whole derivation up
 * to the current step as LaTeX on the clipboard. The picture serialiser is loaded on first use,
 * so the app's first load does not carry it.
 */
export function ExportMenu({ svgRef }: { svgRef: RefObject<SVGSVGElement | null> }) {
  const t = useT();
  const { analysis, stepIndex } = useApp((s) => ({ analysis: s.analysis, stepIndex: s.stepIndex }));
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const show = (kind: NonNullable<Status>['kind']) => {
    clearTimeout(timer.current);
    setStatus({ kind, at: Date.now() });
    timer.current = setTimeout(() => setStatus(null), STATUS_MS);
  };

  /** The picture of what is on screen now, with the formula panel's text underneath. */
  async function image(a: Analysis) {
    const svg = svgRef.current;
    if (!svg) throw new Error('graph not mounted');
    const { frameFormula, graphSvg } = await import('./graphImage');
    const n = a.steps.length;
    const phase =
      stepIndex === 0
        ? ''
        : t(stepIndex > a.trace.forwardCount ? 'phase.backwardPass' : 'phase.forwardPass');
    const counter =
      stepIndex === 0
        ? t('controls.counterStart', { n })
        : t('controls.counter', { k: stepIndex, n });
    return graphSvg(svg, frameFormula(a, stepIndex), {
      caption: phase ? `${counter} · ${phase}` : counter,
      title: `${t('app.title')}: ${counter}`,
    });
  }

  async function exportAs(format: 'svg' | 'png') {
    if (!analysis || busy) return;
    setBusy(true);
    try {
      const picture = await image(analysis);
      const { download, graphPng } = await import('./graphImage');
      const blob =
        format === 'svg'
          ? new Blob([picture.svg], { type: 'image/svg+xml' })
          : await graphPng(picture, 2);
      download(blob, `backprop-lens-step-${stepIndex}.${format}`);
    } catch (e) {
      console.warn('export failed', e);
      show('exportFailed');
    } finally {
      setBusy(false);
    }
  }

  async function copyLatex() {
    if (!analysis) return;
    try {
      const tex = derivationLatex(analysis, stepIndex, {
        headings: {
          program: t('export.headingProgram'),
          forward: t('phase.forwardPass'),
          backward: t('phase.backwardPass'),
          gradients: t('export.headingGradients'),
        },
      });
      await navigator.clipboard.writeText(tex);
      show('copied');
    } catch (e) {
      console.warn('copy failed', e);
      show('copyFailed');
    }
  }

  const message =
    status?.kind === 'copied'
      ? t('export.copied')
      : status?.kind === 'copyFailed'
        ? t('export.copyFailed')
        : status?.kind === 'exportFailed'
          ? t('export.failed')
          : '';

  return (
    <div className="export-tools">
      <span
        role="status"
        className={`export-status${status && status.kind !== 'copied' ? ' failed' : ''}`}
      >
        {message}
      </span>
      {(['svg', 'png'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="icon-button export-button"
          aria-label={t(`export.${format}`)}
          title={t(`export.${format}`)}
          disabled={!analysis || busy}
          onClick={() => void exportAs(format)}
        >
          <ExportIcon kind="download" />
          {/* File format names read the same in every language. */}
          <span aria-hidden="true">{format.toUpperCase()}</span>
        </button>
      ))}
      <button
        type="button"
        className="icon-button export-button"
        aria-label={t('export.latex')}
        title={t('export.latex')}
        disabled={!analysis}
        onClick={() => void copyLatex()}
      >
        <ExportIcon kind="copy" />
        <span aria-hidden="true">LaTeX</span>
      </button>
    </div>
  );
}

function ExportIcon({ kind }: { kind: 'download' | 'copy' }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 20 20"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={kind === 'download' ? 'M10 3v9M6 8.5l4 4 4-4M4 16h12' : 'M7 7h9v9H7zM4 13V4h9'}
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
