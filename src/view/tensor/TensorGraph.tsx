import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { announceDrawn } from '../renderer/firstGraph';
import { cellSentence } from '../Narration/tensorNarrate';
import type { TensorAnalysis, TensorNodeInfo } from '../../engine/tensor/run';
import type { Value } from '../../engine/tensor/types';
import { formatNumber } from '../../engine/format';
import type { LayoutResult } from '../../layout/types';
import { tensorNodeSize } from '../../layout/fromTensor';
import { useApp } from '../../state/appStore';
import type { Selection } from '../../state/types';
import { useT } from '../../i18n/useT';
import { gridDims } from '../../layout/fromTensor';
import { labelTargetPx } from '../renderer/camera';
import { moveCell, type CellSpot } from './cellKeys';
import { entryView, readKey } from './entryView';
import { shapeHidden, useTensorStep } from './practiceMask';
import {
  cellTitle,
  gridCells,
  gridPlacement,
  tensorNodeName,
  type TensorWords,
} from './tensorView';
import './tensor.css';
// This module's English loads with it, not with the first screen.
import '../../i18n/enLater';

/** A 4×3 grid's numbers stay readable: never drawn smaller than this, never blown up beyond. */
const MIN_SCALE = 0.85;
const MAX_SCALE = 1.6;
/**
 * The smallest type on a card (its shape, a scalar's numbers), in graph units: at scale k it
 * shows at k × 14 CSS px. With `labelTargetPx` it gives the scale a screen's names need.
 */
const CARD_MIN_FONT = 14;

interface Props {
  tensor: TensorAnalysis;
  layout: LayoutResult;
  stepIndex: number;
  selected: Selection;
  select(s: Selection): void;
}

/**
 * A tensor program's graph (issue 15): each tensor node a card with its name, shape and heat
 * grids of its value and (once known) its gradient; scalars as the scalar graph draws them.
 * Drawn by React in an SVG of its own, laid out by the same layout as the scalar graph.
 */
export function TensorGraph({ tensor, layout, stepIndex, selected, select }: Props) {
  const t = useT();
  const words: TensorWords = useMemo(
    () => ({
      matrix: (rows, cols) => t('tensor.matrix', { rows, cols }),
      vector: (n) => t('tensor.vector', { n }),
      hasGradient: t('tensor.hasGradient'),
    }),
    [t],
  );
  // What a cell says to a screen reader when the keyboard reaches it, and how the keys work.
  const hintId = useId();
  const cellWords: CellWords = useMemo(
    () => ({
      sentence: (name, shape, row, col, value, grad) =>
        cellSentence(name, shape, row, col, value, grad, t),
      grid: (of, name) =>
        t('tensor.matrixOf', {
          what: t(of === 'value' ? 'tensor.value' : 'tensor.gradient'),
          name,
        }),
      cardHint: `${hintId}-card`,
      gradHint: `${hintId}-grad`,
    }),
    [t, hintId],
  );
  // Practice (issue 16): the step's numbers stay hidden while it asks for them, and a forward
  // step's shape while that is asked.
  // A gradient entry drilled into (issue 15, point 5): it and the cells it came from light up.
  const { mask, known, entry, setEntry } = useTensorStep(tensor, stepIndex);
  const lit = useMemo(
    () => (entry ? (entryView(tensor, entry, stepIndex)?.reads ?? null) : null),
    [tensor, entry, stepIndex],
  );
  // The hovered cell's numbers, written where they can be read whatever the zoom.
  const [tip, setTip] = useState<CellTip | null>(null);
  // The whole graph when it fits at a readable size; else readable, and the box scrolls.
  const hostRef = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  const mode = useApp((s) => s.settings.mode);
  useLayoutEffect(() => {
    const host = hostRef.current!;
    const fit = () => {
      const fits = Math.min(
        host.clientWidth / layout.width,
        (host.clientHeight - 32) / layout.height,
      );
      // The names are never smaller than the scalar graph's labels on this screen (20 px on a
      // 1920 px projector): a graph too big for that scrolls in its box instead of shrinking.
      const least = Math.max(MIN_SCALE, labelTargetPx(mode, window.innerWidth) / CARD_MIN_FONT);
      setScale(Math.max(least, Math.min(MAX_SCALE, fits)));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(host);
    return () => observer.disconnect();
  }, [layout, mode]);
  // Stepping keeps the step's edge on screen: both of its cards when they fit the box together,
  // else the card the step computes (or sends a gradient to). Measured in the next animation
  // frame, where the layout is computed for that frame anyway: read here, it would be computed
  // twice (and hold the step's frame back).
  useEffect(() => {
    const host = hostRef.current;
    const activeNode = known.activeNode;
    if (!host || activeNode === null) return;
    const frame = requestAnimationFrame(() => {
      const ids = new Set<number>([activeNode]);
      for (const key of known.active) {
        const [to, i] = key.split(':').map(Number);
        ids.add(to);
        const operand = tensor.nodes[to]?.operands[i];
        if (operand !== undefined) ids.add(operand);
      }
      keepInBox(host, activeNode, ids);
    });
    return () => cancelAnimationFrame(frame);
  }, [known.activeNode, known.active, tensor]);
  // A gradient entry drilled into (a cell clicked, or a button in the inspector): the cards
  // whose cells it read come into view with its own, else the first of them.
  const shownEntry = useRef<typeof entry>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host || !entry || !lit || shownEntry.current === entry) return;
    shownEntry.current = entry;
    const ids = new Set<number>([entry.node]);
    for (const key of lit) ids.add(Number(key.split(':')[0]));
    const first = [...ids].find((id) => id !== entry.node) ?? entry.node;
    const frame = requestAnimationFrame(() => keepInBox(host, first, ids));
    return () => cancelAnimationFrame(frame);
  }, [entry, lit]);
  // The page's lesson panels wait for a first graph on screen: a link to a tensor program draws
  // none with the scalar renderer, so this picture says it is there.
  useEffect(() => announceDrawn(tensor.nodes.length, null), [tensor, layout]);
  const pos = new Map(layout.nodes.map((n) => [n.id, n]));
  const edges: { id: number; key: string; d: string; from: number; to: number }[] = [];
  for (const n of tensor.nodes)
    n.operands.forEach((from, i) => {
      const id = edges.length;
      const e = layout.edges[id];
      if (e) edges.push({ id, key: `${n.id}:${i}`, d: e.path, from, to: n.id });
    });
  return (
    <>
      <div className="tensor-host" ref={hostRef}>
        <svg
          width={layout.width * scale}
          height={layout.height * scale}
          className="tensor-graph"
          role="group"
          aria-label={t('graph.label')}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          preserveAspectRatio="xMidYMid meet"
          onClick={() => select(null)}
        >
          <defs>
            <marker
              id="tensor-arrow"
              viewBox="0 0 10 10"
              refX="8"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className="tensor-arrowhead" />
            </marker>
          </defs>
          {edges.map((e) => (
            <path
              key={e.id}
              d={e.d}
              className={`edge-line${known.active.has(e.key) ? ` tensor-active-${known.phase}` : ''}`}
              data-from={e.from}
              data-to={e.to}
              markerEnd="url(#tensor-arrow)"
            />
          ))}
          {tensor.nodes.map((n) => {
            const p = pos.get(n.id);
            if (!p) return null;
            return (
              <TensorNodeView
                key={n.id}
                node={n}
                x={p.x}
                y={p.y}
                value={known.value.get(n.id)}
                grad={known.grad.get(n.id)}
                active={known.activeNode === n.id}
                flow={known.activeNode === n.id && known.phase === 'forward'}
                shapeHidden={shapeHidden(mask, n, known)}
                selected={selected?.kind === 'node' && selected.id === n.id}
                words={words}
                cellWords={cellWords}
                unknown={t('graph.nodeUnknown', { name: n.symbol.text })}
                onSelect={() => select({ kind: 'node', id: n.id })}
                onTip={setTip}
                lit={lit}
                entry={entry?.node === n.id ? entry.at : null}
                onEntry={(at) => {
                  select({ kind: 'node', id: n.id });
                  setEntry({ node: n.id, at });
                }}
              />
            );
          })}
        </svg>
      </div>
      <div className="visually-hidden">
        <span id={cellWords.cardHint}>{t('tensorKeys.card')}</span>
        <span id={cellWords.gradHint}>{t('tensorKeys.gradCell')}</span>
      </div>
      <div className="tensor-tip" role="status">
        {/* Seen: the cell's formula; heard: its indices and numbers in words (issue 15). A cell
            reached with the keyboard says them itself, so the status does not repeat them. */}
        <span aria-hidden="true">{tip?.text}</span>
        {tip?.spoken && (
          <span className="visually-hidden">
            {cellSentence(tip.name, tip.shape, tip.row, tip.col, tip.value, tip.grad, t)}
          </span>
        )}
      </div>
    </>
  );
}

/**
 * Scrolls the graph's own box (never the page) so the cards `ids` are in view together when
 * they fit in it, else the card `main`.
 */
function keepInBox(host: HTMLElement, main: number, ids: ReadonlySet<number>): void {
  const box = (id: number) =>
    host.querySelector(`[data-node="${id}"]`)?.getBoundingClientRect() ?? null;
  const m = box(main);
  if (!m) return;
  let [l, t, r, b] = [m.left, m.top, m.right, m.bottom];
  for (const id of ids) {
    const e = box(id);
    if (e)
      [l, t, r, b] = [
        Math.min(l, e.left),
        Math.min(t, e.top),
        Math.max(r, e.right),
        Math.max(b, e.bottom),
      ];
  }
  const h = host.getBoundingClientRect();
  const shift = (
    lo: number,
    hi: number,
    mainLo: number,
    mainHi: number,
    start: number,
    size: number,
  ) => {
    const [a, z] = hi - lo <= size ? [lo, hi] : [mainLo, mainHi];
    return a < start ? a - start : z > start + size ? Math.min(z - (start + size), a - start) : 0;
  };
  const dx = shift(l, r, m.left, m.right, h.left, host.clientWidth);
  const dy = shift(t, b, m.top, m.bottom, h.top, host.clientHeight);
  if (dx !== 0 || dy !== 0) host.scrollBy(dx, dy);
}

interface NodeProps {
  node: TensorNodeInfo;
  x: number;
  y: number;
  value: Value | undefined;
  grad: Value | undefined;
  active: boolean;
  /** Its value was just computed: the grid arrives as one block. */
  flow: boolean;
  /** Practice asks for this node's shape: written `?`. */
  shapeHidden?: boolean;
  selected: boolean;
  words: TensorWords;
  cellWords: CellWords;
  unknown: string;
  onSelect(): void;
  onTip(tip: CellTip | null): void;
  /** Cells a drilled entry reads (`readKey`), and the drilled entry's index on this node. */
  lit: ReadonlySet<string> | null;
  entry: number | null;
  onEntry(at: number): void;
}

/** The cell under the pointer: its formula as shown, and what the sentence for it reads. */
interface CellTip {
  text: string;
  name: string;
  shape: readonly number[];
  row: number;
  col: number;
  value: number;
  grad: number | undefined;
  /** Hovered (the status says it), not focused (the cell's own name says it). */
  spoken: boolean;
}

/** A cell's accessible name and its grid's, and the ids of the key hints (issue 15). */
interface CellWords {
  sentence(
    name: string,
    shape: readonly number[],
    row: number,
    col: number,
    value: number,
    grad: number | undefined,
  ): string;
  grid(of: 'value' | 'grad', name: string): string;
  cardHint: string;
  gradHint: string;
}

/**
 * A card re-renders only when what it draws changes: a step changes one or two cards, and a
 * hovered cell (the tip) none. Its callbacks are new closures on every render of the graph but
 * always do the same thing for the same node, so they are not compared.
 */
function sameCard(a: NodeProps, b: NodeProps): boolean {
  const keys = Object.keys(a) as (keyof NodeProps)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => typeof a[k] === 'function' || a[k] === b[k]);
}

const TensorNodeView = memo(TensorCard, sameCard);

function TensorCard(p: NodeProps) {
  const { node, value, grad } = p;
  const box = tensorNodeSize(node.kind, node.shape);
  const scalar = node.shape.length === 0;
  // The formulas call an unnamed intermediate by its symbol (a₁): the card shows it beside the op.
  const title = node.name ?? node.symbol.text;
  const label = scalar
    ? value === undefined
      ? p.unknown
      : `${node.symbol.text} = ${formatNumber(value as number)}${
          grad === undefined ? '' : `, ∂ ${formatNumber(grad as number)}`
        }`
    : p.shapeHidden
      ? `${node.symbol.text}, ?`
      : tensorNodeName(node, grad !== undefined, p.words);
  const onKey = (e: React.KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      p.onSelect();
      // Enter goes on into the grid: its cells are reached with the arrows, not with Tab.
      if (e.key === 'Enter')
        e.currentTarget.parentElement
          ?.querySelector<SVGElement>('.value-grid .tensor-cell, .grad-grid .tensor-cell')
          ?.focus();
    }
  };
  const cls = `tensor-node node node-${node.kind}${p.active ? ' active' : ''}${p.flow ? ' flow' : ''}${
    p.selected ? ' selected' : ''
  }${node.isOutput ? ' output' : ''}`;
  const select = (e: React.MouseEvent) => {
    e.stopPropagation();
    p.onSelect();
  };
  const place = `translate(${p.x - box.width / 2},${p.y - box.height / 2})`;
  if (scalar)
    return (
      <g
        className={cls}
        transform={place}
        role="button"
        tabIndex={0}
        aria-label={label}
        aria-pressed={p.selected}
        data-node={node.id}
        onClick={select}
        onKeyDown={onKey}
      >
        <rect className="node-body" width={box.width} height={box.height} rx={26} />
        <text className="tensor-title" x={box.width / 2} y={20} textAnchor="middle">
          {title}
          {node.kind === 'op' && <tspan className="tensor-op"> {node.label}</tspan>}
        </text>
        {value !== undefined && (
          <text className="node-value" x={box.width / 2} y={38} textAnchor="middle">
            {formatNumber(value as number)}
          </text>
        )}
        {grad !== undefined && (
          <text className="grad-value" x={box.width / 2} y={box.height - 6} textAnchor="middle">
            {formatNumber(grad as number)}
          </text>
        )}
      </g>
    );
  // A matrix card: a group named as the node, holding the button that selects it (one Tab stop)
  // and its grids, whose cells the keyboard reaches from that button (Enter, then the arrows):
  // cells inside the button itself would be hidden from assistive technology.
  return (
    <g
      className={cls}
      transform={place}
      role="group"
      aria-label={label}
      data-node={node.id}
      onClick={select}
    >
      <g
        className="tensor-card-button"
        role="button"
        tabIndex={0}
        aria-label={label}
        aria-pressed={p.selected}
        aria-describedby={value === undefined ? undefined : p.cellWords.cardHint}
        onKeyDown={onKey}
      >
        <rect className="node-body" width={box.width} height={box.height} rx={8} />
        <text className="tensor-title" x={8} y={15}>
          {title}
          {node.kind === 'op' && <tspan className="tensor-op"> {node.label}</tspan>}
        </text>
        <text className="tensor-shape" x={8} y={29}>
          {p.shapeHidden ? '?' : node.shape.join('×')}
        </text>
      </g>
      <Grid
        node={node}
        box={box}
        value={value}
        grad={grad}
        words={p.cellWords}
        onTip={p.onTip}
        lit={p.lit}
        entry={p.entry}
        onEntry={p.onEntry}
      />
    </g>
  );
}

function Grid({
  node,
  box,
  value,
  grad,
  words,
  onTip,
  lit,
  entry,
  onEntry,
}: {
  node: TensorNodeInfo;
  box: { width: number; height: number };
  value: Value | undefined;
  grad: Value | undefined;
  words: CellWords;
  onTip(tip: CellTip | null): void;
  lit: ReadonlySet<string> | null;
  entry: number | null;
  onEntry(at: number): void;
}) {
  const g = gridPlacement(node.shape, box);
  const name = node.symbol.text;
  const valueCells = value === undefined ? undefined : gridCells(value, node.shape, 'value');
  const gradCells = grad === undefined ? undefined : gridCells(grad, node.shape, 'grad');
  const title = (k: number) => {
    const c = (valueCells ?? gradCells)![k];
    return cellTitle(
      name,
      node.shape,
      c.row,
      c.col,
      valueCells?.[k]?.value ?? NaN,
      gradCells?.[k]?.value,
    );
  };
  const width = node.shape.length === 0 ? 1 : node.shape[node.shape.length - 1];
  const [rows, cols] = gridDims(node.shape);
  const tipOf = (k: number, spoken: boolean): CellTip => {
    const c = (valueCells ?? gradCells)![k];
    return {
      text: title(k),
      name,
      shape: node.shape,
      row: c.row,
      col: c.col,
      value: valueCells?.[k]?.value ?? NaN,
      grad: gradCells?.[k]?.value,
      spoken,
    };
  };
  // The keys inside the grids (issue 15): arrows move the focus from cell to cell (↓ from the
  // values' last row into the gradient), Enter on a gradient cell writes its index form as a
  // click does, Escape goes back to the card. None of them also steps the program.
  const onCellKey = (e: React.KeyboardEvent<SVGRectElement>, at: CellSpot) => {
    const card = e.currentTarget.closest('.tensor-node');
    if (!card) return;
    if (e.key === 'Escape') {
      card.querySelector<SVGElement>('.tensor-card-button')?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (at.grid === 'grad') onEntry(at.row * width + at.col);
    } else {
      const to = moveCell(at, e.key, rows, cols, gradCells !== undefined, e.ctrlKey || e.metaKey);
      if (!to) return;
      card
        .querySelector<SVGElement>(
          `.${to.grid === 'value' ? 'value' : 'grad'}-grid .tensor-cell[data-at="${to.row * width + to.col}"]`,
        )
        ?.focus();
    }
    e.preventDefault();
    e.stopPropagation();
  };
  // One cell of either grid; its title and tip read both the value and the gradient there. A
  // gradient cell opens its index form (issue 15, point 5); a cell it reads is lit up.
  const cell =
    (of: 'value' | 'grad') => (c: { row: number; col: number; fill: string }, k: number) => {
      const at = c.row * width + c.col;
      const source = lit?.has(readKey(node.id, of, at)) ?? false;
      const target = of === 'grad' && entry === at;
      const v = valueCells?.[k]?.value ?? NaN;
      return (
        <rect
          key={k}
          className={`tensor-cell${source ? ' lit' : ''}${target ? ' drilled' : ''}`}
          data-at={at}
          role="gridcell"
          tabIndex={-1}
          aria-label={words.sentence(name, node.shape, c.row, c.col, v, gradCells?.[k]?.value)}
          aria-describedby={of === 'grad' ? words.gradHint : undefined}
          aria-selected={of === 'grad' ? target : undefined}
          x={c.col * g.size}
          y={c.row * g.size}
          width={g.size}
          height={g.size}
          fill={c.fill}
          onMouseEnter={() => onTip(tipOf(k, true))}
          onMouseLeave={() => onTip(null)}
          onFocus={() => onTip(tipOf(k, false))}
          onBlur={() => onTip(null)}
          onKeyDown={(e) => onCellKey(e, { grid: of, row: c.row, col: c.col })}
          onClick={
            of === 'grad'
              ? (e) => {
                  e.stopPropagation();
                  onEntry(at);
                }
              : undefined
          }
        >
          <title>{title(k)}</title>
        </rect>
      );
    };
  // Rows of cells, as a grid's rows are read out.
  const rowsOf = (
    of: 'value' | 'grad',
    cells: readonly { row: number; col: number; fill: string }[],
  ) =>
    Array.from({ length: rows }, (_, i) => (
      <g key={i} role="row">
        {cells.slice(i * cols, (i + 1) * cols).map((c, j) => cell(of)(c, i * cols + j))}
      </g>
    ));
  return (
    <>
      <g className="tensor-grid value-grid" transform={`translate(${g.x},${g.valueY})`}>
        {valueCells === undefined ? (
          <rect className="tensor-pending" width={g.cols * g.size} height={g.rows * g.size} />
        ) : (
          <g role="grid" aria-label={words.grid('value', name)}>
            {rowsOf('value', valueCells)}
          </g>
        )}
      </g>
      {gradCells && (
        <g className="tensor-grid grad-grid" transform={`translate(${g.x},${g.gradY})`}>
          <rect
            className="grad-frame"
            x={-2}
            y={-2}
            width={g.cols * g.size + 4}
            height={g.rows * g.size + 4}
          />
          <g role="grid" aria-label={words.grid('grad', name)}>
            {rowsOf('grad', gradCells)}
          </g>
        </g>
      )}
    </>
  );
}
