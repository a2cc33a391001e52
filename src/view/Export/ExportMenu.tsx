import { useEffect, useRef, useState, type RefObject } from 'react';
// The LaTeX writer is a few hundred bytes and part of the engine's public API, so it comes with
// the engine; only the SVG serialiser is loaded on demand.
import { derivationLatex, type Analysis } from '../../engine';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { selectStepState, type StepState } from '../../state/stepState';

type Status = {
  kind: 'copied' | 'copiedPartial' | 'copyFailed' | 'exportFailed';
  at: number;
} | null;

/** How long the "Copied" confirmation stays up. */
const STATUS_MS = 2500;

/**
 * The graph footer's export buttons: the current frame as SVG or PNG, and the whole derivation up
 * to the current step as LaTeX on the clipboard. The picture serialiser is loaded on first use,
 * so the app's first load does not carry it.
 */
export function ExportMenu({ svgRef }: { svgRef: RefObject<SVGSVGElement | null> }) {
  const t = useT();
  // The active mode's picture: in forward mode the tangent pass, never reverse mode's steps.
  const { analysis, known } = useApp((s) => ({ analysis: s.analysis, known: selectStepState(s) }));
  const stepIndex = known?.k ?? 0;
  const partial = known !== undefined && known.k < known.count;
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
  async function image(a: Analysis, st: StepState) {
    // A tensor program's picture is its own SVG beside the scalar renderer's (issue 15).
    const svg = a.tensor
      ? svgRef.current?.parentElement?.querySelector<SVGSVGElement>('svg.tensor-graph')
      : svgRef.current;
    if (!svg) throw new Error('graph not mounted');
    const { frameFormula, graphSvg } = await import('./graphImage');
    const n = st.count;
    const phase =
      st.pass === null
        ? ''
        : t(
            st.pass === 'forward'
              ? 'phase.forwardPass'
              : st.pass === 'tangent'
                ? 'phase.tangentPass'
                : 'phase.backwardPass',
          );
    const counter =
      st.k === 0 ? t('controls.counterStart', { n }) : t('controls.counter', { k: st.k, n });
    return graphSvg(svg, frameFormula(a, st), {
      caption: phase ? `${counter} · ${phase}` : counter,
      title: `${t('app.title')}: ${counter}`,
    });
  }

  async function exportAs(format: 'svg' | 'png') {
    if (!analysis || !known || busy) return;
    setBusy(true);
    try {
      const picture = await image(analysis, known);
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
    if (!analysis || !known) return;
    try {
      const headings = {
        program: t('export.headingProgram'),
        forward: t('phase.forwardPass'),
        backward: t(known.tangent ? 'phase.tangentPass' : 'phase.backwardPass'),
        gradients: t('export.headingGradients'),
      };
      const note = partial
        ? { partialNote: t('export.latexPartialNote', { k: known.k, n: known.count }) }
        : {};
      // A tensor program's handout writes its matrices as bmatrix (issue 15): loaded on demand.
      const tensor = analysis.tensor;
      const tex = tensor
        ? (await import('../../engine/tensor/latex')).tensorDerivationLatex(tensor, known.k, {
            headings,
            ...note,
          })
        : // Practice mode: a step whose number is still asked for is not in the handout yet.
          derivationLatex(analysis, known.hidden ? known.k - 1 : known.k, {
            headings,
            ...(known.tangent ? { tangent: known.tangent } : {}),
            ...note,
          });
      await navigator.clipboard.writeText(tex);
      show(partial ? 'copiedPartial' : 'copied');
    } catch (e) {
      console.warn('copy failed', e);
      show('copyFailed');
    }
  }

  const message =
    status?.kind === 'copied'
      ? t('export.copied')
      : status?.kind === 'copiedPartial'
        ? t('export.copiedPartial', { k: stepIndex, n: known?.count ?? 0 })
        : status?.kind === 'copyFailed'
          ? t('export.copyFailed')
          : status?.kind === 'exportFailed'
            ? t('export.failed')
            : '';

  return (
    <div className="export-tools">
      <span
        role="status"
        className={`export-status${status && !status.kind.startsWith('copied') ? ' failed' : ''}`}
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
        // Mid-trace the handout holds the steps so far only: the tooltip says so before copying.
        title={
          partial
            ? t('export.latexPartialTitle', { k: stepIndex, n: known?.count ?? 0 })
            : t('export.latex')
        }
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
