/**
 * The entry the app's view list imports statically: a Suspense-wrapped React.lazy around the network
 * view, so neither the view nor tfjs is part of the initial bundle.
 */
import { lazy, Suspense } from 'react';
import type { NetworkViewProps } from './NetworkView';

const LazyNetworkView = lazy(() =>
  import('./NetworkView').then((module) => ({ default: module.NetworkView })),
);

export function NetworkViewLazy(props: NetworkViewProps) {
  return (
    <Suspense fallback={<p className="nn-loading">Loading the network lab…</p>}>
      <LazyNetworkView {...props} />
    </Suspense>
  );
}
