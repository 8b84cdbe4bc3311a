/**
 * The batch engine shared by the atlas, sweep, compare and crowd views: created on first use (WebGPU if
 * the browser offers an adapter, else CPU workers) and kept in this small store, so the device is
 * acquired once and a fallback notice reaches every view. While no batch view is mounted the engine keeps
 * its device but ends its CPU workers and frees its pooled GPU buffers (retainEngine).
 */
import { create } from 'zustand';
import { createBatchEngine, type ResilientEngine } from '../../composition/createEngine';

interface EngineState {
  readonly engine: ResilientEngine | null;
  readonly name: string;
  /** Why the CPU runs although WebGPU was wanted (no adapter, device lost); null otherwise. */
  readonly notice: string | null;
  readonly starting: Promise<ResilientEngine> | null;
  start(): Promise<ResilientEngine>;
}

export const useEngineStore = create<EngineState>()((set, get) => ({
  engine: null,
  name: 'starting…',
  notice: null,
  starting: null,
  start() {
    const existing = get().starting;
    if (existing) return existing;
    const starting = createBatchEngine({
      onChange: (notice) => set({ notice, name: get().engine?.name ?? 'CPU' }),
    }).then((engine) => {
      set({ engine, name: engine.name, notice: engine.notice });
      return engine;
    });
    set({ starting });
    return starting;
  },
}));

let users = 0;

/**
 * A batch view is mounted (call in an effect; call the returned function on unmount). When the last one
 * unmounts, the engine releases its workers and GPU buffers — checked a task later, so switching from one
 * batch view to another (an unmount and a mount in one commit) keeps them.
 */
export function retainEngine(): () => void {
  users++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users--;
    setTimeout(() => {
      if (users === 0) useEngineStore.getState().engine?.releaseIdle();
    }, 0);
  };
}
