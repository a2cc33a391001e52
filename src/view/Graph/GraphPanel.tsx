import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n/useT';
import { STEP_MS } from '../../state/initialState';
import { appStore, useApp } from '../../state/appStore';
import { createGraphRenderer, type GraphRenderer } from '../renderer/renderer';
import { graphView } from '../renderer/viewModel';
import { adoptFirstGraph, announceDrawn, createGraphSvg, nodeWords } from '../renderer/firstGraph';
import { useReducedMotion, useViewportWidth } from '../hooks/useMediaQuery';
import { Icon } from '../Controls/icons';
import { LayoutBusy } from './LayoutBusy';
import { Legend } from './Legend';
import { ExportMenu } from '../Export/ExportMenu';
import { activeTangent, selectPaths } from '../../state/modes';
import { selectStepState } from '../../state/stepState';
import { labelTargetPx } from '../renderer/camera';
import { ownsKeys } from '../hooks/useKeyboard';
import { groupsOf } from '../../state/groups';
import { GROUP_TOGGLE_EVENT } from '../renderer/groups';
import { wantsGroupTools } from './groupToolsWanted';

// A tensor program's graph (issue 15) is drawn by a module of its own, loaded with the first one.
const TensorGraph = lazy(() =>
  import('../tensor/TensorGraph').then((m) => ({ default: m.TensorGraph })),
);

// "Back to the matrix program" while a tensor op is shown expanded to scalars (issue 15).
const ExpandBanner = lazy(() =>
  import('../tensor/ExpandBanner').then((m) => ({ default: m.ExpandBanner })),
);

// Only graphs with statement groups or of some size show the bar: its code loads with them.
const GroupTools = lazy(() => import('./GroupTools').then((m) => ({ default: m.GroupTools })));

/** The graph's SVG: React owns the box and the buttons, the D3 renderer owns what is inside. */
export function GraphPanel() {
  const t = useT();
  const { analysis, layout, stepIndex, selected, speed, stale, layingOut, select, hover } = useApp(
    (s) => ({
      analysis: s.analysis,
      layout: s.layout,
      stepIndex: s.stepIndex,
      selected: s.selected,
      speed: s.settings.speed,
      stale: s.error !== null,
      layingOut: s.layingOut,
      select: s.select,
      hover: s.hover,
    }),
  );
  // Forward mode's tangent pass and the highlighted paths (both memoized per analysis).
  const { tangent, paths } = useApp((s) => ({ tangent: activeTangent(s), paths: selectPaths(s) }));
  const highlight = useMemo(() => (paths ? new Set(paths.result.edges) : undefined), [paths]);
  // The node a hovered or focused formula factor names (outlined on the graph).
  const linked = useApp((s) => s.hoverNode);
  const expanded = useApp((s) => s.expandedFrom !== null);
  // What is known at this step, practice mode's hidden numbers included (memoized per step).
  const known = useApp((s) => selectStepState(s));
  const reducedMotion = useReducedMotion();
  const areaRef = useRef<HTMLDivElement>(null);
  const minimapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement | null>(null);
  const renderer = useRef<GraphRenderer | null>(null);

  // The <svg> is not React's: D3 owns everything in it, and the first graph may already have been
  // drawn (by `drawFirstGraph`, before React loaded). A layout effect moves that picture into this
  // panel in the same task as React's first commit, so no frame shows the panel empty.
  useLayoutEffect(() => {
    const area = areaRef.current!;
    const adopted = adoptFirstGraph();
    const svg = adopted?.svg ?? createGraphSvg(document);
    const r = adopted?.renderer ?? createGraphRenderer(svg, { onSelect: select, onHover: hover });
    area.prepend(svg);
    if (minimapRef.current) r.attachMinimap(minimapRef.current);
    svgRef.current = svg;
    renderer.current = r;
    const clear = () => select(null);
    svg.addEventListener('click', clear);
    // A statement group's own control ("Expand h1") was pressed inside the drawing.
    const toggle = (e: Event) => {
      const name = (e as CustomEvent<string>).detail;
      const { collapsed, setCollapsed } = appStore.getState();
      setCollapsed(
        collapsed.includes(name) ? collapsed.filter((n) => n !== name) : [...collapsed, name],
      );
    };
    svg.addEventListener(GROUP_TOGGLE_EVENT, toggle);
    const observer = new ResizeObserver(() => {
      r.resized();
      // A portrait box draws the graph top to bottom (issue 9); the store decides, with
      // hysteresis, and lays out again only when that changes.
      appStore.getState().setGraphBox(svg.clientWidth, svg.clientHeight);
    });
    observer.observe(svg);
    return () => {
      observer.disconnect();
      svg.removeEventListener('click', clear);
      svg.removeEventListener(GROUP_TOGGLE_EVENT, toggle);
      r.destroy();
      svg.remove();
      renderer.current = null;
      svgRef.current = null;
    };
  }, [select, hover]);

  const label = t('graph.label');
  useLayoutEffect(() => {
    svgRef.current?.setAttribute('aria-label', label);
  }, [label, select, hover]);

  // Entering or leaving presentation/embed mode, or hiding the formula panel, reshapes the graph's
  // box: fit the whole graph again even if it had been zoomed by hand (after the new layout lands).
  const mode = useApp((s) => s.settings.mode);
  const frame = useApp((s) => `${s.settings.mode}:${s.settings.showFormula}:${s.settings.sidebar}`);
  useEffect(() => {
    const id = requestAnimationFrame(() => renderer.current?.reset());
    return () => cancelAnimationFrame(id);
  }, [frame]);
  const viewportWidth = useViewportWidth();

  // A gradient-descent update changed every number at once: the renderer flashes the values.
  const iterations = useApp((s) => s.training.history.length);
  const seenIterations = useRef(iterations);
  useEffect(() => {
    const grew = iterations > seenIterations.current;
    seenIterations.current = iterations;
    if (grew) renderer.current?.flashValues();
  }, [iterations]);

  // Zoom keys, wherever focus is (except in a text field, where they are typed).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        ownsKeys(e.target) ||
        document.querySelector('dialog[open]')
      )
        return;
      const r = renderer.current;
      if (!r) return;
      if (e.key === '+' || e.key === '=') r.zoomBy(1.25);
      else if (e.key === '-' || e.key === '_') r.zoomBy(0.8);
      else if (e.key === '0') r.fit(true);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const tensor = analysis?.tensor;
  // The scalar renderer's picture steps aside while a tensor program is drawn.
  useLayoutEffect(() => {
    if (svgRef.current) svgRef.current.style.display = tensor ? 'none' : '';
  }, [tensor]);

  const view = useMemo(
    () =>
      analysis && layout && !analysis.tensor
        ? graphView({
            analysis,
            layout,
            stepIndex,
            selected,
            ...(tangent ? { tangent } : {}),
            ...(highlight ? { highlight } : {}),
            linked,
            groups: groupsOf(analysis),
            words: nodeWords(t),
            ...(known ? { known } : {}),
          })
        : null,
    [analysis, layout, stepIndex, selected, t, tangent, highlight, linked, known],
  );

  // A node found by name is centred once the picture that shows it is drawn.
  const findPending = useRef<number | null>(null);
  useEffect(() => {
    if (!view || !renderer.current) return;
    renderer.current.update(view, {
      duration: reducedMotion ? 0 : STEP_MS / speed,
      stale,
      minLabelPx: labelTargetPx(mode, viewportWidth),
    });
    if (findPending.current !== null && renderer.current.centreOn(findPending.current))
      findPending.current = null;
    // Tell benchmarks and tests the new picture has reached the screen (after the next frame).
    return announceDrawn(view.nodes.length, layout);
  }, [view, reducedMotion, speed, stale, layout, mode, viewportWidth]);

  return (
    <section className="graph-panel" id="graph" tabIndex={-1} aria-label={t('graph.label')}>
      {expanded && (
        <Suspense fallback={null}>
          <ExpandBanner />
        </Suspense>
      )}
      {analysis && wantsGroupTools(analysis) && (
        <Suspense fallback={<div className="graph-bar" />}>
          <GroupTools
            onFind={(id) => {
              findPending.current = id;
              if (renderer.current?.centreOn(id)) findPending.current = null;
            }}
          />
        </Suspense>
      )}
      <div className="graph-area" ref={areaRef}>
        {tensor && layout && (
          <Suspense fallback={null}>
            <TensorGraph
              tensor={tensor}
              layout={layout}
              stepIndex={stepIndex}
              selected={selected}
              select={select}
            />
          </Suspense>
        )}
        {layingOut && <LayoutBusy />}
      </div>
      <div className="graph-footer">
        <Legend />
        <div className="minimap-host" ref={minimapRef} />
        {/* Zoom acts on the scalar picture; a tensor graph scrolls instead (issue 15). Export
            takes either picture. */}
        <div className="graph-tools">
          <ExportMenu svgRef={svgRef} />
          {tensor === undefined && (
            <>
              <button
                type="button"
                className="icon-button"
                onClick={() => renderer.current?.fit(true)}
                title={t('controls.fit')}
              >
                <Icon name="fit" />
                <span className="visually-hidden">{t('controls.fit')}</span>
              </button>
              <button
                type="button"
                className="icon-button"
                onClick={() => renderer.current?.zoomBy(1.25)}
                title={t('controls.zoomIn')}
              >
                <Icon name="plus" />
                <span className="visually-hidden">{t('controls.zoomIn')}</span>
              </button>
              <button
                type="button"
                className="icon-button"
                onClick={() => renderer.current?.zoomBy(0.8)}
                title={t('controls.zoomOut')}
              >
                <Icon name="minus" />
                <span className="visually-hidden">{t('controls.zoomOut')}</span>
              </button>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
