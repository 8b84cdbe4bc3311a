/** "Export": a panel as PNG (at a chosen scale) or SVG, the trajectories as CSV or JSON, the animation as video. */
import { useEffect, useRef, useState } from 'react';
import { simulate, simulationToCsv, simulationToJson } from '../../core';
import { coreScene, useOptiscope } from '../../state';
import { Dialog } from '../share/Dialog';
import { surface3dCanvas } from './canvasSnapshots';
import { downloadBlob } from './download';
import { htmlToSvg } from './htmlExport';
import {
  findExportTargets,
  imageElement,
  isHtmlPanel,
  largestSvg,
  surfaceSvg,
  type ExportTarget,
} from './exportTargets';
import { exportSize, panelToPng } from './rasterize';
import { recordAnimation, webCodecsAvailable, type VideoFormat } from './recordAnimation';
import { backgroundOf, serializeSvg } from './svgExport';

const SCALES = [1, 2, 3, 4] as const;

function baseName(): string {
  const surface = useOptiscope.getState().scene.surface;
  return `optiscope-${typeof surface === 'string' ? surface : 'custom'}`;
}

export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Export" open={open} onClose={onClose} testId="export-dialog">
      <ExportBody />
    </Dialog>
  );
}

function ExportBody() {
  const [targets] = useState<ExportTarget[]>(() => findExportTargets());
  const [targetId, setTargetId] = useState(targets[0]?.id ?? 'surface-card');
  const [scale, setScale] = useState<number>(2);
  const [error, setError] = useState<string | null>(null);
  const target = targets.find((t) => t.id === targetId) ?? targets[0];
  const size = target ? exportSize(imageElement(target), scale) : null;

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const exportPng = () =>
    run(async () => {
      if (!target) return;
      downloadBlob(
        await panelToPng(imageElement(target), scale, isHtmlPanel(target)),
        `${baseName()}-${target.id}@${scale}x.png`,
      );
    });
  const exportSvg = () =>
    run(async () => {
      if (!target) return;
      const svg = target.id === 'surface-card' ? surfaceSvg(target.element) : largestSvg(target.element);
      let text: string;
      if (isHtmlPanel(target) || !svg) text = htmlToSvg(target.element, backgroundOf(target.element));
      else text = serializeSvg(svg, { background: backgroundOf(svg) });
      downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${baseName()}-${target.id}.svg`);
    });
  const exportData = (kind: 'csv' | 'json') =>
    run(async () => {
      const simulation = simulate(coreScene(useOptiscope.getState().scene));
      const blob =
        kind === 'csv'
          ? new Blob([simulationToCsv(simulation)], { type: 'text/csv' })
          : new Blob([`${JSON.stringify(simulationToJson(simulation), null, 2)}\n`], {
              type: 'application/json',
            });
      downloadBlob(blob, `${baseName()}-trajectories.${kind}`);
    });

  return (
    <div className="share-body">
      <fieldset className="share-row">
        <legend>Image</legend>
        <label className="share-field">
          <span>Panel</span>
          <select
            value={targetId}
            onChange={(e) => setTargetId(e.currentTarget.value)}
            data-testid="export-target"
          >
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="share-field">
          <span>Scale</span>
          <select
            value={scale}
            onChange={(e) => setScale(Number(e.currentTarget.value))}
            data-testid="export-scale"
          >
            {SCALES.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="share-hint" data-testid="export-size">
          {size ? `${size.width} × ${size.height} px` : ''}
        </span>
        <button type="button" className="ghost-button" data-testid="export-png" onClick={exportPng}>
          PNG
        </button>
        <button type="button" className="ghost-button" data-testid="export-svg" onClick={exportSvg}>
          SVG
        </button>
      </fieldset>
      <fieldset className="share-row">
        <legend>Trajectories (every optimizer, every step)</legend>
        <button
          type="button"
          className="ghost-button"
          data-testid="export-csv"
          onClick={() => exportData('csv')}
        >
          CSV
        </button>
        <button
          type="button"
          className="ghost-button"
          data-testid="export-json"
          onClick={() => exportData('json')}
        >
          JSON
        </button>
      </fieldset>
      <VideoExport scale={scale} onError={setError} />
      {error && (
        <p className="share-errors" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function VideoExport({ scale, onError }: { scale: number; onError: (message: string) => void }) {
  const hasWebCodecs = webCodecsAvailable();
  const [format, setFormat] = useState<VideoFormat>(hasWebCodecs ? 'webm' : 'gif');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [has3d] = useState(() => surface3dCanvas() !== null);
  const [view, setView] = useState<'2d' | '3d'>('2d');
  const abort = useRef<AbortController | null>(null);
  const steps = useOptiscope((s) => s.scene.steps);
  const stride = Math.max(1, Math.ceil(steps / 600));
  useEffect(() => () => abort.current?.abort(), []);

  const record = async () => {
    const svg = view === '3d' ? surface3dCanvas() : surfaceSvg();
    if (!svg) return onError(`the ${view === '3d' ? '3-D view' : 'surface'} is not on screen`);
    abort.current = new AbortController();
    setProgress({ done: 0, total: 1 });
    try {
      const recording = await recordAnimation({
        svg,
        format,
        scale: Math.min(scale, format === 'gif' ? 1 : 2),
        fps: 30,
        stride,
        signal: abort.current.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      if (recording) downloadBlob(recording.blob, `${baseName()}-animation${recording.fileExtension}`);
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  return (
    <fieldset className="share-row">
      <legend>
        Animation of the trajectories (one frame per {stride === 1 ? 'step' : `${stride} steps`})
      </legend>
      {has3d && (
        <label className="share-field">
          <span>View</span>
          <select
            value={view}
            onChange={(e) => setView(e.currentTarget.value as '2d' | '3d')}
            data-testid="export-video-view"
            disabled={progress !== null}
          >
            <option value="2d">Contour map</option>
            <option value="3d">3-D surface</option>
          </select>
        </label>
      )}
      <label className="share-field">
        <span>Format</span>
        <select
          value={format}
          onChange={(e) => setFormat(e.currentTarget.value as VideoFormat)}
          data-testid="export-video-format"
          disabled={progress !== null}
        >
          {hasWebCodecs && <option value="webm">WebM video</option>}
          {hasWebCodecs && <option value="mp4">MP4 video</option>}
          <option value="gif">GIF</option>
        </select>
      </label>
      {progress ? (
        <>
          <progress
            className="share-progress"
            max={progress.total}
            value={progress.done}
            data-testid="export-video-progress"
          />
          <button
            type="button"
            className="ghost-button"
            data-testid="export-video-cancel"
            onClick={() => abort.current?.abort()}
          >
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="ghost-button" data-testid="export-video" onClick={record}>
          Record
        </button>
      )}
    </fieldset>
  );
}
