/**
 * Trains a deep-net experiment (batch norm, gradient norms) off the main thread: posts progress after
 * every recorded step, each net when it is done, then 'done'. Cancelling is terminating the worker.
 */
import { experimentSchema } from '../core/trainingExperiments';
import type { ExperimentWorkerMessage } from './experimentProtocol';
import { runNetExperiment } from './trainingExperiments';

self.onmessage = (event: MessageEvent<unknown>) => {
  const post = (message: ExperimentWorkerMessage) => self.postMessage(message);
  const parsed = experimentSchema.safeParse(event.data);
  if (!parsed.success) {
    post({ kind: 'error', message: parsed.error.issues.map((i) => i.message).join('; ') });
    return;
  }
  const start = performance.now();
  try {
    let posted = 0;
    let lastProgress = 0;
    for (const progress of runNetExperiment(parsed.data)) {
      while (posted < progress.runs.length) post({ kind: 'run', run: progress.runs[posted++]! });
      const now = performance.now();
      if (now - lastProgress > 50) {
        post({ kind: 'progress', fraction: progress.fraction, label: progress.label });
        lastProgress = now;
      }
    }
    post({ kind: 'done', milliseconds: performance.now() - start });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
