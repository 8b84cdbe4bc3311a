/** What a version's decoder reads out of a link, before it is assembled into a valid scene. */
import type { ViewBox } from '../types';
import type { NetworkDraft } from './network';
import type { OptimizerListEntry } from './optimizerList';
import type { LinkTheme, OrbitCamera } from './types';

export interface LinkDraft {
  surfaceId?: string;
  expression?: string;
  constants?: Record<string, number>;
  start?: [number, number];
  viewBox?: ViewBox;
  steps?: number;
  seed?: number;
  /** undefined: the link has no `o`; []: it had one, and nothing in it was usable. */
  optimizers?: OptimizerListEntry[];
  step?: number;
  panels?: string[];
  theme?: LinkTheme;
  zoom?: ViewBox;
  lesson?: string;
  activeView?: string;
  /** The network scene's parts as read, checked against the network schema once the whole link is read. */
  network?: NetworkDraft;
  mathVersion?: number;
  camera?: OrbitCamera;
  surface3dLayout?: 'instead';
  /** The typed optimizer's definition as read (JSON), checked once the whole link is read. */
  customOptimizer?: unknown;
}

export type Warn = (message: string) => void;
