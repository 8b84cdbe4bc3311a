/// <reference lib="webworker" />
/**
 * The hand-tuned baseline in a Web Worker: plainAdamTracked on the slice of starts it is sent, so the
 * CPU engine with all its workers can be compared with the same loop on the same number of workers.
 */
import { plainAdamTracked } from '../plainLoop';

export interface PlainJob {
  readonly starts: Float64Array<ArrayBuffer>;
  readonly steps: number;
  readonly lr: number;
  readonly lossTarget: number;
  readonly bound: number;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<PlainJob>) => {
  const { starts, steps, lr, lossTarget, bound } = event.data;
  const result = plainAdamTracked(starts, steps, lr, lossTarget, bound);
  scope.postMessage(result, [result.buffer]);
};
