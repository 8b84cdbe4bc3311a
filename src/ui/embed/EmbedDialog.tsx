/** "Embed": choose panels, size, theme and playback; get the iframe snippet for the current scene. */
import { useState } from 'react';
import { EMBED_PANELS, type EmbedPanel } from '../../core/link/display';
import { copyText } from '../share/clipboard';
import { Dialog } from '../share/Dialog';
import { appBaseUrl, useCurrentLinkBody } from '../share/useCurrentLink';
import { useSimulation } from '../simulation/SimulationContext';
import { embedSnippet, embedUrl, type EmbedChoice } from './embedSnippet';

const PANEL_LABELS: Record<EmbedPanel, string> = {
  surface: 'Surface',
  surface3d: '3-D surface',
  inside: 'Inside the step',
  loss: 'Loss',
  effectiveLr: 'Effective learning rate',
  convergence: 'Convergence',
  ewa: 'Weighted average',
  gradcheck: 'Gradient check',
  stability: 'Stability',
};

const SIZES = [
  { label: 'Slide, 16:9 (960 × 540)', width: 960, height: 540 },
  { label: 'Half slide (640 × 480)', width: 640, height: 480 },
  { label: 'Blog column (720 × 560)', width: 720, height: 560 },
  { label: 'Small (480 × 360)', width: 480, height: 360 },
] as const;

export function EmbedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Embed this scene" open={open} onClose={onClose} testId="embed-dialog">
      <EmbedBody />
    </Dialog>
  );
}

function EmbedBody() {
  const body = useCurrentLinkBody();
  const { surface } = useSimulation();
  const [choice, setChoice] = useState<EmbedChoice>({
    panels: ['surface', 'loss'],
    autoplay: true,
    loop: true,
    controls: false,
    theme: undefined,
    dpr: undefined,
    width: 960,
    height: 540,
  });
  const [copied, setCopied] = useState(false);
  const update = (patch: Partial<EmbedChoice>) => {
    setCopied(false);
    setChoice((c) => ({ ...c, ...patch }));
  };
  const togglePanel = (id: EmbedPanel) => {
    const panels = choice.panels.includes(id)
      ? choice.panels.filter((p) => p !== id)
      : EMBED_PANELS.filter((p) => p === id || choice.panels.includes(p));
    if (panels.length > 0) update({ panels });
  };
  const title = `Optiscope: ${surface?.name ?? 'loss surface'}`;
  const snippet = embedSnippet(appBaseUrl(), body, choice, title);

  return (
    <div className="share-body">
      <fieldset className="share-row">
        <legend>Panels</legend>
        {EMBED_PANELS.map((id) => (
          <label key={id}>
            <input
              type="checkbox"
              checked={choice.panels.includes(id)}
              onChange={() => togglePanel(id)}
              data-testid={`embed-panel-${id}`}
            />{' '}
            {PANEL_LABELS[id]}
          </label>
        ))}
      </fieldset>
      <div className="share-row">
        <label className="share-field">
          <span>Size</span>
          <select
            value={`${choice.width}x${choice.height}`}
            onChange={(e) => {
              const size = SIZES.find((s) => `${s.width}x${s.height}` === e.currentTarget.value);
              if (size) update({ width: size.width, height: size.height });
            }}
            data-testid="embed-size"
          >
            {SIZES.map((s) => (
              <option key={s.label} value={`${s.width}x${s.height}`}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="share-field">
          <span>Theme</span>
          <select
            value={choice.theme ?? 'auto'}
            onChange={(e) =>
              update({
                theme:
                  e.currentTarget.value === 'auto' ? undefined : (e.currentTarget.value as 'light' | 'dark'),
              })
            }
            data-testid="embed-theme"
          >
            <option value="auto">as the scene / viewer</option>
            <option value="light">light</option>
            <option value="dark">dark</option>
          </select>
        </label>
        <label className="share-field">
          <span>Canvas pixel ratio</span>
          <select
            value={choice.dpr ?? 'auto'}
            onChange={(e) =>
              update({ dpr: e.currentTarget.value === 'auto' ? undefined : Number(e.currentTarget.value) })
            }
          >
            <option value="auto">device</option>
            <option value="2">2× (projectors)</option>
            <option value="3">3×</option>
          </select>
        </label>
      </div>
      <div className="share-row">
        <label>
          <input
            type="checkbox"
            checked={choice.autoplay}
            onChange={(e) => update({ autoplay: e.currentTarget.checked })}
            data-testid="embed-autoplay"
          />{' '}
          Autoplay (not under reduced motion)
        </label>
        <label>
          <input
            type="checkbox"
            checked={choice.loop}
            onChange={(e) => update({ loop: e.currentTarget.checked })}
          />{' '}
          Loop
        </label>
        <label>
          <input
            type="checkbox"
            checked={choice.controls}
            onChange={(e) => update({ controls: e.currentTarget.checked })}
          />{' '}
          Playback controls
        </label>
      </div>
      <label className="share-field">
        <span>HTML to paste into a page or a reveal.js slide</span>
        <textarea
          readOnly
          value={snippet}
          data-testid="embed-snippet"
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <div className="share-actions">
        <button
          type="button"
          className="primary-button"
          data-testid="copy-embed"
          onClick={async () => setCopied(await copyText(snippet))}
        >
          Copy snippet
        </button>
        <a href={embedUrl(appBaseUrl(), body, choice)} target="_blank" rel="noopener">
          Preview the embed ↗
        </a>
        <span role="status" className="share-status">
          {copied ? 'Copied.' : ''}
        </span>
      </div>
    </div>
  );
}
