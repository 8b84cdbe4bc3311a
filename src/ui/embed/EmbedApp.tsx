/**
 * The app inside an iframe (`?embed&panels=surface,loss&autoplay&loop&theme=dark&dpr=2&controls`): only
 * the chosen panels on a fixed-width stage scaled to the frame (vector layers stay crisp at any scale), a
 * play/pause button, and a link back to the full app. It reads the scene from the hash and never writes the
 * URL, so it adds nothing to the host page's history.
 */
import { useLayoutEffect, useRef } from 'react';
import { useOptiscope } from '../../state';
import { readDisplayOptions } from '../../state/urlSync';
import { PermalinkSync } from '../share/PermalinkSync';
import { useCurrentLinkBody, appBaseUrl } from '../share/useCurrentLink';
import { SimulationProvider } from '../simulation/SimulationContext';
import { ThemeController } from '../theme/ThemeController';
import { EmbedPanels } from './EmbedPanels';
import { EmbedPlayButton } from './EmbedPlayButton';
import { useEmbedPlayback } from './useEmbedPlayback';
import { useFitScale } from './useFitScale';
import { stageWidth } from './stageLayout';
import { useElementSize } from '../hooks/useElementSize';
import { useReturnFocusToHost } from './useReturnFocusToHost';
import './embed.css';

export function EmbedApp() {
  const { options } = readDisplayOptions();
  return (
    <>
      <PermalinkSync readOnly />
      <DisplayOverrides theme={options.theme} dpr={options.dpr} />
      <EmbedFrame />
    </>
  );
}

/** Query options win over the link's own theme; a pixel ratio applies to every canvas drawn. */
function DisplayOverrides({ theme, dpr }: { theme: 'light' | 'dark' | undefined; dpr: number | undefined }) {
  useLayoutEffect(() => {
    if (theme) useOptiscope.getState().setTheme(theme);
  }, [theme]);
  useLayoutEffect(() => {
    if (dpr === undefined) return;
    Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => dpr });
  }, [dpr]);
  return null;
}

function EmbedFrame() {
  const { options } = readDisplayOptions();
  const active = useEmbedPlayback(options.autoplay, options.loop);
  const frame = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const scale = useFitScale(stage, frame);
  useReturnFocusToHost();
  const body = useCurrentLinkBody();
  const many = options.panels.length > 1;
  const { width: frameWidth } = useElementSize(frame);
  const width = stageWidth(frameWidth || window.innerWidth, many);
  return (
    <div className="embed-frame" ref={frame} data-testid="embed">
      <div
        className={`embed-stage${many ? ' is-many' : ''}`}
        ref={stage}
        style={{ width, transform: `scale(${scale})` }}
        data-scale={scale.toFixed(3)}
      >
        {active ? (
          <SimulationProvider>
            <ThemeController />
            <div className="embed-panels">
              <EmbedPanels panels={options.panels} controls={options.controls} />
            </div>
          </SimulationProvider>
        ) : (
          <p className="embed-paused" data-testid="embed-suspended">
            Paused while the slide is hidden.
          </p>
        )}
        <footer className="embed-footer">
          {options.controls ? <span /> : <EmbedPlayButton />}
          <a
            className="embed-open"
            href={`${appBaseUrl()}#${body}`}
            target="_blank"
            rel="noopener"
            data-testid="open-in-optiscope"
          >
            Open in Optiscope ↗
          </a>
        </footer>
      </div>
    </div>
  );
}
