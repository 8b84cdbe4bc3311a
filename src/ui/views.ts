/**
 * The top-level views. Adding one (Outcome map, Sweep, Compare, Network…) is one line here: the header's
 * switcher and the main area are built from this array.
 */
import type { ComponentType } from 'react';
import { ExplorerView } from './explorer/ExplorerView';
import { ConnectedNetworkView } from './network/lazy';
import { AtlasView } from './views/AtlasView';
import { SweepView } from './views/SweepView';
import { CompareView } from './views/CompareView';
import { CrowdView } from './views/CrowdView';

export const BATCH_ENGINE = 'WebGPU or CPU workers';

export interface ViewDefinition {
  readonly id: string;
  readonly label: string;
  /**
   * Shown in the header: which engine computes what this view draws. BATCH_ENGINE means the shared batch
   * engine, whose actual name (WebGPU adapter or CPU workers) the header reads once it has started.
   */
  readonly engine: string;
  readonly Component: ComponentType;
}

export const VIEWS: readonly ViewDefinition[] = [
  { id: 'explorer', label: 'Explorer', engine: 'CPU · float64', Component: ExplorerView },
  { id: 'atlas', label: 'Outcome map', engine: BATCH_ENGINE, Component: AtlasView },
  { id: 'sweep', label: 'Sweep', engine: BATCH_ENGINE, Component: SweepView },
  { id: 'compare', label: 'Compare', engine: BATCH_ENGINE, Component: CompareView },
  { id: 'crowds', label: 'Crowds', engine: BATCH_ENGINE, Component: CrowdView },
  { id: 'network', label: 'Network', engine: 'tfjs (loaded on demand)', Component: ConnectedNetworkView },
];
