/** The sweep as a top-level view: the explorer's enabled optimizers; a click applies the setting there. */
import { useMemo } from 'react';
import { useOptiscope } from '../../state';
import { coreScene, nextOptimizerId } from '../../state/sceneCodec';
import { HyperparameterSweep, type SweepEntry } from '../sweep';

export function SweepView() {
  const sceneState = useOptiscope((s) => s.scene);
  const scene = useMemo(() => coreScene(sceneState), [sceneState]);
  const entries = useMemo((): SweepEntry[] => {
    const enabled = sceneState.optimizers.filter((o) => o.enabled);
    const configs = coreScene(sceneState, enabled).optimizers;
    return enabled.map((entry, i) => ({ id: entry.id, config: configs[i]! }));
  }, [sceneState]);
  return (
    <HyperparameterSweep
      scene={scene}
      entries={entries}
      onApply={(entry, hyperparameters) => {
        const store = useOptiscope.getState();
        let id = entry.id;
        if (id === null) {
          // The preset's optimizer is not in the scene yet: add it, then set it.
          id = nextOptimizerId(store.scene.optimizers);
          store.addOptimizer(entry.config.type);
        }
        store.updateOptimizer(id, { hyperparameters });
        store.setActiveView('explorer');
      }}
    />
  );
}
