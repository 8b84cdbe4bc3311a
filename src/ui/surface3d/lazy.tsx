/**
 * The entry the explorer and the embed import statically: a Suspense-wrapped React.lazy around the 3-D
 * panel, so neither the panel nor three.js is part of the initial bundle.
 */
import { lazy, Suspense } from 'react';

const LazySurface3DPanel = lazy(() =>
  import('./Surface3DPanel').then((module) => ({ default: module.Surface3DPanel })),
);

/** `inCard`: drawn inside the surface card, in the contour map's place (no panel of its own). */
export function Surface3DPanelLazy({ inCard = false }: { inCard?: boolean }) {
  return (
    <Suspense
      fallback={
        <section className="card panel" data-testid="panel-surface3d-loading" aria-busy="true">
          <p className="card-subtitle">Loading the 3-D view…</p>
        </section>
      }
    >
      <LazySurface3DPanel inCard={inCard} />
    </Suspense>
  );
}
