/** The outcome map as a top-level view: the explorer's scene, and a click sends the user back with that start. */
import { useMemo } from 'react';
import { useOptiscope } from '../../state';
import { coreScene } from '../../state/sceneCodec';
import { OutcomeMap } from '../atlas';

export function AtlasView() {
  const sceneState = useOptiscope((s) => s.scene);
  const setStart = useOptiscope((s) => s.setStart);
  const setActiveView = useOptiscope((s) => s.setActiveView);
  const scene = useMemo(() => coreScene(sceneState), [sceneState]);
  return (
    <OutcomeMap
      scene={scene}
      onPickStart={(start) => {
        setStart(start);
        setActiveView('explorer');
      }}
    />
  );
}
