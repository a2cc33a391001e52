import { useEffect, useMemo, useRef, useState } from 'react';
import { formatNumber } from '../../engine/format';
import type { TensorAnalysis } from '../../engine/tensor/run';
import type { Value } from '../../engine/tensor/types';
import { useT } from '../../i18n/useT';
import '../../i18n/enLater';
import { appStore, useApp } from '../../state/appStore';
import { paramsOf } from '../../state/training';
import { LossCurve } from './LossCurve';
import './spiral.css';
import {
  accuracy,
  EXTENT,
  regionGrid,
  spiralParts,
  tensorTrainer,
  type RegionGrid,
  type SpiralParts,
} from './spiralModel';
import type { TensorTrainer } from '../../engine/tensor/train';

/** Grid cells a side of the decision-region picture. */
const GRID = 64;
/** Training time per animation frame: the rest of the frame draws. */
const FRAME_BUDGET_MS = 10;
/** Loss points kept for the curve. */
const CURVE_POINTS = 400;

/**
 * Okabe and Ito's colour-blind-safe palette: the classes' points; their regions are the same
 * hues mixed with the background. Each class also has its own marker shape.
 */
const PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#F0E442'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;

interface Stats {
  steps: number;
  loss: number;
  acc: number;
  /** Measured while running: gradient steps and redraws per second (for the benchmark). */
  stepsPerSecond: number;
  drawsPerSecond: number;
}

/**
 * cs231n's spiral (issue 15), like TensorFlow Playground: the program in the editor is trained by
 * gradient descent with the engine, hundreds of steps a second, and the plane is coloured by the
 * class the network predicts, redrawn as the regions form. Pause writes the trained parameters
 * into the program, so every gradient is one click away on the graph.
 */
export function SpiralPanel() {
  const t = useT();
  const { analysis, training, example, dark } = useApp((s) => ({
    analysis: s.analysis,
    training: s.training,
    example: s.example,
    dark: s.settings.theme,
  }));
  const tensor = analysis?.tensor;
  const parts = useMemo(() => (tensor ? spiralParts(tensor) : null), [tensor]);
  const params = paramsOf(training, analysis);
  const lr = training.learningRate;
  const [running, setRunning] = useState(false);
  const [stats, setStats] = useState<Stats | null>(null);
  // Whether Reset has somewhere to go: the shipped example, or the weights training started from.
  const [hasStart, setHasStart] = useState(false);
  const [curve, setCurve] = useState<{ iteration: number; loss: number; params: object }[]>([]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const live = useRef<{
    trainer: TensorTrainer;
    grid: RegionGrid;
    parts: SpiralParts;
    tensor: TensorAnalysis;
    steps: number;
    start: Record<string, Value> | null;
    /** The parameters it trains, joined: a different choice needs a new trainer. */
    params: string;
  } | null>(null);

  // A new analysis (a typed edit, or the weights written back) starts a trainer from its values.
  useEffect(() => {
    if (!tensor || !parts || running) return;
    const previous = live.current;
    // Paused: the trainer is ahead of this analysis, whose program gets the trained weights
    // only a moment later. Rebuilt from it now, the plot would show the untrained accuracy
    // until then.
    if (
      previous?.tensor === tensor &&
      previous.parts === parts &&
      previous.params === params.join(',')
    )
      return;
    const trainer = tensorTrainer(tensor, params);
    const grid = regionGrid(tensor, parts, GRID, appStore.getState().seed);
    live.current = {
      trainer,
      grid,
      parts,
      tensor,
      steps: previous?.steps ?? 0,
      start: previous?.start ?? null,
      params: params.join(','),
    };
    const loss = trainer.loss();
    draw(canvasRef.current, grid.update(trainer), trainer, parts);
    setStats((s) => ({
      steps: live.current!.steps,
      loss,
      acc: accuracy(trainer, parts),
      stepsPerSecond: s?.stepsPerSecond ?? 0,
      drawsPerSecond: s?.drawsPerSecond ?? 0,
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- params is read once per analysis
  }, [tensor, parts, running, params.join(',')]);

  // Redraw in the other theme.
  useEffect(() => {
    const l = live.current;
    if (l && !running) draw(canvasRef.current, l.grid.update(l.trainer), l.trainer, l.parts);
  }, [dark, running]);

  // An edit to the program while training stops it: the trainer belongs to the old text.
  useEffect(() => {
    if (running && live.current && live.current.tensor !== tensor) setRunning(false);
  }, [tensor, running]);

  // The training loop: as many steps as fit in a slice of each frame, then one redraw.
  useEffect(() => {
    if (!running) return;
    const l = live.current;
    if (!l) return;
    l.start ??= l.trainer.values();
    setHasStart(true);
    let frame = 0;
    let stopped = false;
    const began = performance.now();
    const firstStep = l.steps;
    let draws = 0;
    const points: { iteration: number; loss: number; params: object }[] = [];
    const tick = () => {
      if (stopped) return;
      const t0 = performance.now();
      let loss: number;
      do {
        loss = l.trainer.step(appStore.getState().training.learningRate);
        l.steps++;
      } while (performance.now() - t0 < FRAME_BUDGET_MS && Number.isFinite(loss));
      draw(canvasRef.current, l.grid.update(l.trainer), l.trainer, l.parts);
      draws++;
      points.push({ iteration: l.steps, loss, params: {} });
      const seconds = (performance.now() - began) / 1000;
      setStats({
        steps: l.steps,
        loss,
        acc: accuracy(l.trainer, l.parts),
        stepsPerSecond: (l.steps - firstStep) / seconds,
        drawsPerSecond: draws / seconds,
      });
      setCurve((c) => [...c, points[points.length - 1]].slice(-CURVE_POINTS));
      if (!Number.isFinite(loss)) {
        setRunning(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
    };
  }, [running]);

  /** Stops, and writes the trained parameters into the program (the graph shows them). */
  const pause = () => {
    setRunning(false);
    const l = live.current;
    if (!l) return;
    const values = l.trainer.values();
    const trained: Record<string, Value> = {};
    for (const name of l.trainer.params) trained[name] = values[name];
    appStore.getState().setValues(trained);
    appStore.getState().jumpToEnd();
  };

  const reset = () => {
    setRunning(false);
    const l = live.current;
    setCurve([]);
    if (l) l.steps = 0;
    if (example === 'spiral') {
      // The shipped program, with its randn starting weights, exactly.
      appStore.getState().loadExample('spiral');
    } else if (l?.start) {
      const start = l.start;
      appStore.getState().setValues(Object.fromEntries(l.trainer.params.map((n) => [n, start[n]])));
    }
    if (l) l.start = null;
    setHasStart(false);
  };

  if (!tensor) return null;
  const chance = parts ? Math.round(100 / parts.k) : 0;
  const acc = stats ? Math.round(stats.acc * 100) : 0;
  return (
    <section className="panel lesson-panel spiral-panel" aria-labelledby="spiral-title">
      <h2 className="panel-title" id="spiral-title">
        {t('spiral.title')}
      </h2>
      {!parts ? (
        <p className="muted">{t('spiral.needs')}</p>
      ) : (
        <>
          <p className="hint">{t('spiral.hint', { params: params.join(', ') || '—' })}</p>
          <div className="spiral-plot">
            <canvas
              ref={canvasRef}
              className="spiral-canvas"
              width={320}
              height={320}
              role="img"
              aria-label={t('spiral.canvas', { k: parts.k, n: parts.n, acc })}
              data-steps={stats?.steps ?? 0}
              data-accuracy={stats ? stats.acc.toFixed(4) : ''}
              data-steps-per-second={stats ? stats.stepsPerSecond.toFixed(1) : ''}
              data-draws-per-second={stats ? stats.drawsPerSecond.toFixed(1) : ''}
            />
            <ul className="spiral-legend">
              {Array.from({ length: parts.k }, (_, c) => (
                <li key={c}>
                  <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
                    <Marker shape={SHAPES[c % SHAPES.length]} fill={PALETTE[c % PALETTE.length]} />
                  </svg>
                  {t('spiral.class', { k: c + 1 })}
                </li>
              ))}
            </ul>
          </div>
          <p className="spiral-status" role="status" aria-live="off" data-testid="spiral-status">
            {stats
              ? t('spiral.status', {
                  steps: stats.steps,
                  value: formatNumber(stats.loss, 4),
                  acc,
                  chance,
                })
              : ''}
          </p>
          <div className="button-row">
            {running ? (
              <button type="button" className="button primary" onClick={pause}>
                {t('spiral.pause')}
              </button>
            ) : (
              <button
                type="button"
                className="button primary"
                disabled={params.length === 0}
                onClick={() => setRunning(true)}
              >
                {t('spiral.train')}
              </button>
            )}
            {(hasStart || example === 'spiral') && (
              <button type="button" className="button" onClick={reset}>
                {t('spiral.reset')}
              </button>
            )}
            <span className="muted spiral-lr">
              {t('train.lr')}: {formatNumber(lr)}
            </span>
          </div>
          {params.length === 0 && <p className="muted">{t('spiral.noParams')}</p>}
          {!running && (stats?.steps ?? 0) > 0 && <p className="hint">{t('spiral.saved')}</p>}
          {curve.length > 1 && <LossCurve history={curve as never} />}
        </>
      )}
    </section>
  );
}

function Marker({ shape, fill }: { shape: (typeof SHAPES)[number]; fill: string }) {
  const stroke = '#1b1b1b';
  if (shape === 'circle') return <circle r={5} fill={fill} stroke={stroke} />;
  if (shape === 'square')
    return <rect x={-4.5} y={-4.5} width={9} height={9} fill={fill} stroke={stroke} />;
  if (shape === 'triangle')
    return <path d="M0,-6 L5.5,4.5 L-5.5,4.5 Z" fill={fill} stroke={stroke} />;
  return <path d="M0,-6 L6,0 L0,6 L-6,0 Z" fill={fill} stroke={stroke} />;
}

/** A hue mixed with the page's background, for a region's fill. */
function tint(hex: string, bg: [number, number, number], amount: number): [number, number, number] {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return [0, 1, 2].map((i) => Math.round(bg[i] + (c[i] - bg[i]) * amount)) as [
    number,
    number,
    number,
  ];
}

/** Background of the panel as RGB (the theme decides it). */
function backgroundRgb(el: HTMLElement): [number, number, number] {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(el).backgroundColor);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [255, 255, 255];
}

const offscreen = new Map<number, HTMLCanvasElement>();

/** Regions as a heat map of the predicted class, the data points on top. */
function draw(
  canvas: HTMLCanvasElement | null,
  classes: Uint8Array,
  trainer: TensorTrainer,
  parts: SpiralParts,
) {
  if (!canvas) return;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const size = Math.round(Math.sqrt(classes.length));
  let small = offscreen.get(size);
  if (!small) {
    small = document.createElement('canvas');
    small.width = size;
    small.height = size;
    offscreen.set(size, small);
  }
  const sctx = small.getContext('2d')!;
  const img = sctx.createImageData(size, size);
  const bg = backgroundRgb(canvas);
  const dark = bg[0] + bg[1] + bg[2] < 384;
  const fills = PALETTE.map((h) => tint(h, bg, dark ? 0.45 : 0.4));
  for (let r = 0; r < classes.length; r++) {
    const f = fills[classes[r] % fills.length];
    img.data[4 * r] = f[0];
    img.data[4 * r + 1] = f[1];
    img.data[4 * r + 2] = f[2];
    img.data[4 * r + 3] = 255;
  }
  sctx.putImageData(img, 0, 0);
  const W = canvas.width;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, W, W);
  const x = trainer.valueOf(parts.x);
  const y = trainer.valueOf(parts.y);
  const toPx = (v: number) => ((v + EXTENT) / (2 * EXTENT)) * W;
  ctx.lineWidth = 1;
  ctx.strokeStyle = dark ? '#f2f2f2' : '#1b1b1b';
  for (let i = 0; i < parts.n; i++) {
    let c = 0;
    for (let j = 1; j < parts.k; j++) if (y[i * parts.k + j] > y[i * parts.k + c]) c = j;
    const px = toPx(x[2 * i]);
    const py = W - toPx(x[2 * i + 1]);
    ctx.fillStyle = PALETTE[c % PALETTE.length];
    ctx.beginPath();
    const shape = SHAPES[c % SHAPES.length];
    const s = 3.2;
    if (shape === 'circle') ctx.arc(px, py, s, 0, 2 * Math.PI);
    else if (shape === 'square') ctx.rect(px - s, py - s, 2 * s, 2 * s);
    else if (shape === 'triangle') {
      ctx.moveTo(px, py - s - 0.6);
      ctx.lineTo(px + s, py + s);
      ctx.lineTo(px - s, py + s);
      ctx.closePath();
    } else {
      ctx.moveTo(px, py - s - 0.6);
      ctx.lineTo(px + s + 0.6, py);
      ctx.lineTo(px, py + s + 0.6);
      ctx.lineTo(px - s - 0.6, py);
      ctx.closePath();
    }
    ctx.fill();
    ctx.stroke();
  }
}
