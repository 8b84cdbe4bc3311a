/** Fair comparison: `<FairComparison scene={coreScene(store.scene)} />`. */
export { FairComparison } from './FairComparison';
