/**
 * Headless: keeps the URL hash and the store in step (src/state/urlSync) and shows what a damaged or
 * newer link lost. Render it once, after the explorer, so a link's own step wins over the opening
 * animation (effects run in tree order).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useOptiscope } from '../../state';
import { startUrlSync } from '../../state/urlSync';
import './share.css';

export function PermalinkSync({ readOnly = false }: { readOnly?: boolean }) {
  const [warnings, setWarnings] = useState<readonly string[]>([]);
  const linkStep = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const sync = startUrlSync(useOptiscope, window, {
      readOnly,
      onOpen: (decoded, restore) => setWarnings([...decoded.warnings, ...restore.warnings]),
    });
    linkStep.current = sync.opened?.state.view.step;
    return () => sync.stop();
  }, [readOnly]);
  useEffect(() => {
    if (linkStep.current === undefined) return;
    const store = useOptiscope.getState();
    store.setPlaying(false);
    store.setStep(linkStep.current);
  }, []);
  if (warnings.length === 0) return null;
  return <LinkWarnings warnings={warnings} onDismiss={() => setWarnings([])} />;
}

export function LinkWarnings({
  warnings,
  onDismiss,
}: {
  warnings: readonly string[];
  onDismiss: () => void;
}) {
  return (
    <div className="link-warnings" role="alert" data-testid="link-warnings">
      <p>
        <strong>This link could not be opened exactly.</strong> The nearest valid scene is shown; what
        changed:
      </p>
      <ul>
        {warnings.map((warning, i) => (
          <li key={i}>{warning}</li>
        ))}
      </ul>
      <button type="button" className="ghost-button" onClick={onDismiss} data-testid="dismiss-link-warnings">
        OK
      </button>
    </div>
  );
}
