/** Outcome map view: `<OutcomeMap scene={coreScene(store.scene)} onPickStart={setStart} />`. */
export { OutcomeMap } from './OutcomeMap';
export type { OutcomeMapProps } from './OutcomeMap';
