/**
 * The network view. Import it lazily (see ./lazy.tsx): this module pulls in the view's code, and the view
 * pulls in tfjs only when the user trains.
 */
export { NetworkView } from './NetworkView';
export type { NetworkViewProps } from './NetworkView';
export { NetworkView as default } from './NetworkView';
