/** "Share": the permalink with a copy button and its QR code, and the scene as a JSON file to save or open. */
import { useRef, useState, type ChangeEvent } from 'react';
import { useOptiscope } from '../../state';
import { readSceneFile, sceneFileName, sceneFileText } from '../../state/sceneFile';
import { downloadBlob } from '../export/download';
import { copyText } from './clipboard';
import { Dialog } from './Dialog';
import { useCurrentLink } from './useCurrentLink';
import { useQrCode } from './useQrCode';

export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Share this scene" open={open} onClose={onClose} testId="share-dialog">
      <ShareBody />
    </Dialog>
  );
}

function ShareBody() {
  const link = useCurrentLink();
  const qr = useQrCode(link);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [fileErrors, setFileErrors] = useState<readonly string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  const onCopy = async () => setCopied((await copyText(link)) ? 'copied' : 'failed');
  const onSave = () => {
    const scene = useOptiscope.getState().scene;
    downloadBlob(new Blob([sceneFileText(scene)], { type: 'application/json' }), sceneFileName(scene));
  };
  const onOpenFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const loaded = readSceneFile(await file.text());
    if (!loaded.ok) return setFileErrors(loaded.errors);
    setFileErrors([]);
    useOptiscope
      .getState()
      .restore(loaded.scene, { step: loaded.scene.steps, playing: false, viewBox: null, lesson: null });
    event.target.value = '';
  };

  return (
    <div className="share-body">
      <label className="share-field">
        <span>Link to this scene ({link.length} characters)</span>
        <input
          type="text"
          readOnly
          value={link}
          data-testid="share-link"
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <div className="share-actions">
        <button type="button" className="primary-button" data-testid="copy-link" onClick={onCopy}>
          Copy link
        </button>
        <span role="status" className="share-status">
          {copied === 'copied'
            ? 'Copied.'
            : copied === 'failed'
              ? 'Could not copy; select the link and copy it.'
              : ''}
        </span>
      </div>
      <div className="share-qr">
        {qr ? (
          <img src={qr} alt="QR code of the link" data-testid="share-qr" width={220} height={220} />
        ) : (
          <p>The link is too long for a QR code.</p>
        )}
        <p className="share-hint">Students can scan this from the projector to open the same scene.</p>
      </div>
      <fieldset className="share-file">
        <legend>Scene file (the format of the headless API and the CLI)</legend>
        <button type="button" className="ghost-button" data-testid="save-scene" onClick={onSave}>
          Save scene (.json)
        </button>
        <button type="button" className="ghost-button" onClick={() => fileInput.current?.click()}>
          Open scene file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="open-scene-file"
          onChange={onOpenFile}
        />
        {fileErrors.length > 0 && (
          <ul className="share-errors" role="alert">
            {fileErrors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </fieldset>
    </div>
  );
}
