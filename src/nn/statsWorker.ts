/**
 * Runs the activation-statistics experiment off the main thread: posts the input summary, then each
 * layer as it is done (progress), then the backward pass's gradient norms, then 'done'. Cancelling is
 * terminating the worker.
 */
import { statsSchema } from '../core/network';
import { activationStatistics } from './activationStats';
import type { StatsWorkerMessage } from './statsProtocol';

self.onmessage = (event: MessageEvent<unknown>) => {
  const post = (message: StatsWorkerMessage) => self.postMessage(message);
  const parsed = statsSchema.safeParse(event.data);
  if (!parsed.success) {
    post({ kind: 'error', message: parsed.error.issues.map((i) => i.message).join('; ') });
    return;
  }
  const start = performance.now();
  try {
    for (const step of activationStatistics(parsed.data, { backward: true })) post(step);
    post({ kind: 'done', milliseconds: performance.now() - start });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
