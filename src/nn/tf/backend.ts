/**
 * Picks the tfjs backend: WebGPU on a real (non-fallback) adapter, else WebGL, else CPU. Measured here
 * (/work/shared/WEBGPU.md): WebGPU on SwiftShader is ~6× slower than software WebGL, so a fallback
 * adapter is declined. tfjs-backend-webgpu 4.22 crashes on a null adapter, so it is imported only after
 * an adapter was found, and `setBackend` results are checked (it resolves false rather than throwing).
 */
import * as tf from '@tensorflow/tfjs';

export type BackendName = 'webgpu' | 'webgl' | 'cpu';

export interface BackendChoice {
  readonly name: BackendName;
  /** Why this one, in words for the user. */
  readonly reason: string;
}

interface AdapterProbe {
  readonly usable: boolean;
  readonly reason: string;
}

async function probeWebGpu(): Promise<AdapterProbe> {
  const gpu = typeof navigator === 'undefined' ? undefined : navigator.gpu;
  if (!gpu) return { usable: false, reason: 'no WebGPU in this browser' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { usable: false, reason: 'no WebGPU adapter' };
    const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
    const legacy = adapter as GPUAdapter & { isFallbackAdapter?: boolean };
    if (info.isFallbackAdapter || legacy.isFallbackAdapter || info.architecture === 'swiftshader') {
      return { usable: false, reason: 'the WebGPU adapter is a software fallback' };
    }
    return { usable: true, reason: `WebGPU adapter ${info.vendor || ''} ${info.architecture || ''}`.trim() };
  } catch (error) {
    return { usable: false, reason: `WebGPU adapter request failed (${String(error)})` };
  }
}

async function trySetBackend(name: BackendName): Promise<boolean> {
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

export async function chooseBackend(preferred?: BackendName): Promise<BackendChoice> {
  if (preferred && preferred !== 'webgpu' && (await trySetBackend(preferred))) {
    return { name: preferred, reason: 'requested' };
  }
  const probe = await probeWebGpu();
  if (probe.usable) {
    try {
      await import('@tensorflow/tfjs-backend-webgpu');
      if (await trySetBackend('webgpu')) return { name: 'webgpu', reason: probe.reason };
    } catch {
      // Registration failed: fall through to WebGL.
    }
  }
  if (await trySetBackend('webgl')) return { name: 'webgl', reason: `WebGL (${probe.reason})` };
  await trySetBackend('cpu');
  return { name: 'cpu', reason: `CPU: neither WebGPU nor WebGL is available (${probe.reason})` };
}
