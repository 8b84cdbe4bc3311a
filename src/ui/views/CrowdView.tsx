/** Crowds as a top-level view: the explorer's enabled optimizers, each with its explorer color slot. */
import { useMemo } from 'react';
import { useOptiscope } from '../../state';
import { coreScene } from '../../state/sceneCodec';
import { CrowdLab, type CrowdEntry } from '../crowd';
import { typeSlots } from '../theme/palette';

export function CrowdView() {
  const sceneState = useOptiscope((s) => s.scene);
  const scene = useMemo(() => coreScene(sceneState), [sceneState]);
  const entries = useMemo((): CrowdEntry[] => {
    const bySlot = typeSlots(sceneState.optimizers);
    const slots = sceneState.optimizers.flatMap((entry, i) => (entry.enabled ? [bySlot[i]!] : []));
    return scene.optimizers.map((config, i) => ({ config, slot: slots[i] ?? i }));
  }, [sceneState, scene]);
  return <CrowdLab scene={scene} entries={entries} />;
}
