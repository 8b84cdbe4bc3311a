/** Header buttons: Share (link, QR, scene file), Embed (iframe snippet), Export (images, data, video). */
import { lazy, Suspense, useState } from 'react';
import { EmbedDialog } from '../embed/EmbedDialog';
import { ShareDialog } from './ShareDialog';
import './share.css';

// The exporter pulls in the video muxer and GIF encoder: load it only when asked for.
const ExportDialog = lazy(() => import('../export/ExportDialog').then((m) => ({ default: m.ExportDialog })));

type Open = 'share' | 'embed' | 'export' | null;

export function ShareMenu() {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <div className="share-menu">
      <button
        type="button"
        className="ghost-button"
        data-testid="share-button"
        onClick={() => setOpen('share')}
      >
        Share
      </button>
      <button
        type="button"
        className="ghost-button"
        data-testid="embed-button"
        onClick={() => setOpen('embed')}
      >
        Embed
      </button>
      <button
        type="button"
        className="ghost-button"
        data-testid="export-button"
        onClick={() => setOpen('export')}
      >
        Export
      </button>
      <ShareDialog open={open === 'share'} onClose={close} />
      <EmbedDialog open={open === 'embed'} onClose={close} />
      {open === 'export' && (
        <Suspense fallback={null}>
          <ExportDialog open onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
