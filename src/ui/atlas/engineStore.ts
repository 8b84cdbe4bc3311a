/**
 * The batch engine shared by the atlas, sweep, compare and crowd views: created on first use (WebGPU if
 * the browser offers an adapter, else CPU workers) and kept in this small store, so the device is
 * acquired once and a fallback notice reaches every view.
 */
import { create } from 'zustand';
import { createBatchEngine, type ResilientEngine } from '../../engine/createEngine';

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
