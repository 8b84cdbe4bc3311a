/**
 * The entry the app's view list imports statically: a Suspense-wrapped React.lazy around the network
 * view, so neither the view nor tfjs is part of the initial bundle.
 */
import { lazy, Suspense } from 'react';
import { useOptiscope } from '../../state';
import { NETWORK_SLICE_SURFACE, useSliceSurface } from '../../state/sliceSurface';
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

/**
 * The network view wired to the store: it starts from the store's network scene (a permalink's) and
 * reports every edit back, so the URL follows. A scene replaced from outside (a link opened, back/forward)
 * bumps the revision, which remounts the view with it.
 */
export function ConnectedNetworkView() {
  const network = useOptiscope((s) => s.network);
  const setNetworkScene = useOptiscope((s) => s.setNetworkScene);
  const setSurface = useOptiscope((s) => s.setSurface);
  const setActiveView = useOptiscope((s) => s.setActiveView);
  const setSliceSurface = useSliceSurface((s) => s.setSurface);
  return (
    <NetworkViewLazy
      key={network.revision}
      initialScene={network.scene ?? undefined}
      onSceneChange={setNetworkScene}
      onOpenInExplorer={(slice) => {
        // The explorer's own panels (loss, effective learning rate, inside the step) then work on the slice.
        setSliceSurface({ ...slice, source: 'network' });
        setSurface(NETWORK_SLICE_SURFACE);
        setActiveView('explorer');
      }}
    />
  );
}
