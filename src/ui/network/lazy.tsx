/**
 * The entry the app's view list imports statically: a Suspense-wrapped React.lazy around the network
 * view, so neither the view nor tfjs is part of the initial bundle.
 */
import { lazy, Suspense } from 'react';
import { useOptiscope } from '../../state';
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
  return (
    <NetworkViewLazy
      key={network.revision}
      initialScene={network.scene ?? undefined}
      onSceneChange={setNetworkScene}
    />
  );
}
