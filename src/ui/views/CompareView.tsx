/** The fair comparison as a top-level view, over the explorer's enabled optimizers. */
import { useMemo } from 'react';
import { useOptiscope } from '../../state';
import { coreScene } from '../../state/sceneCodec';
import { FairComparison } from '../compare';

export function CompareView() {
  const sceneState = useOptiscope((s) => s.scene);
  const scene = useMemo(() => coreScene(sceneState), [sceneState]);
  if (scene.optimizers.length === 0)
    return <p role="alert">Enable an optimizer in the explorer to compare.</p>;
  return <FairComparison scene={scene} />;
}
