/**
 * WebGPU device acquisition in one place. Returns null — never throws — when navigator.gpu is missing,
 * no adapter is offered, or the device request fails, so callers pick the CPU engine instead.
 */
export interface GpuContext {
  readonly device: GPUDevice;
  /** "SwiftShader (software)", "NVIDIA …": what the engine name shows. */
  readonly adapterDescription: string;
  readonly isFallbackAdapter: boolean;
}

export function describeAdapter(adapter: GPUAdapter): { description: string; isFallback: boolean } {
  const info = adapter.info as GPUAdapterInfo | undefined;
  // isFallbackAdapter moved from GPUAdapter to GPUAdapterInfo; read whichever the browser has.
  const legacy = (adapter as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const isFallback = Boolean(
    (info as unknown as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter ?? legacy,
  );
  const parts = [info?.description, info?.vendor, info?.architecture, info?.device].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  const name = parts.length > 0 ? parts.slice(0, 2).join(' ') : 'unknown adapter';
  return { description: isFallback ? `${name} (software)` : name, isFallback };
}

/** `gpu` defaults to navigator.gpu; Node tests pass the npm `webgpu` package's GPU object. */
export async function acquireGpu(gpu?: GPU | undefined): Promise<GpuContext | null> {
  try {
    const source = gpu ?? (typeof navigator !== 'undefined' ? navigator.gpu : undefined);
    if (!source) return null;
    const adapter = await source.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return null;
    const device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
    const { description, isFallback } = describeAdapter(adapter);
    return { device, adapterDescription: description, isFallbackAdapter: isFallback };
  } catch {
    return null;
  }
}
