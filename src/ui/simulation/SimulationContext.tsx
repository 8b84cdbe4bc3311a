/** Provides the derived simulation, recomputed only when the scene object changes. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useOptiscope } from '../../state';
import { useSliceSurface } from '../../state/sliceSurface';
import { deriveSimulation, type DerivedSimulation } from './deriveSimulation';

const SimulationContext = createContext<DerivedSimulation | null>(null);

export function SimulationProvider({ children }: { children: ReactNode }) {
  const scene = useOptiscope((s) => s.scene);
  const slice = useSliceSurface((s) => s.surface);
  const simulation = useMemo(() => deriveSimulation(scene, slice), [scene, slice]);
  return <SimulationContext.Provider value={simulation}>{children}</SimulationContext.Provider>;
}

export function useSimulation(): DerivedSimulation {
  const simulation = useContext(SimulationContext);
  if (!simulation) throw new Error('useSimulation outside <SimulationProvider>');
  return simulation;
}

/** The run whose step is explained: the focused one, else the first. */
export function useFocusRun() {
  const { runs } = useSimulation();
  const focus = useOptiscope((s) => s.view.focus);
  return runs.find((run) => run.entry.id === focus) ?? runs[0] ?? null;
}
