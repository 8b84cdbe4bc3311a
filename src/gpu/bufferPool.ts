/**
 * GPU buffers reused across batches: a free list per (usage, size class), sizes rounded up to a power
 * of two so a sweep re-run at the same resolution takes its buffers back. Free buffers are destroyed on trim
 * (no view needs the engine), everything on dispose.
 */
export class BufferPool {
  private readonly free = new Map<string, GPUBuffer[]>();
  private readonly all = new Set<GPUBuffer>();

  constructor(private readonly device: GPUDevice) {}

  acquire(label: string, size: number, usage: GPUBufferUsageFlags): GPUBuffer {
    const rounded = Math.max(256, 2 ** Math.ceil(Math.log2(Math.max(size, 1))));
    const key = `${usage}:${rounded}`;
    const reused = this.free.get(key)?.pop();
    if (reused) return reused;
    const buffer = this.device.createBuffer({ label: `${label} (${rounded} B)`, size: rounded, usage });
    this.all.add(buffer);
    return buffer;
  }

  release(buffer: GPUBuffer): void {
    if (!this.all.has(buffer)) return;
    const key = `${buffer.usage}:${buffer.size}`;
    const list = this.free.get(key) ?? [];
    list.push(buffer);
    this.free.set(key, list);
  }

  /** Buffers currently alive (for tests and the benchmark's leak check). */
  get size(): number {
    return this.all.size;
  }

  /** Destroys the free buffers (those not acquired now), e.g. when no view needs the engine. */
  trim(): void {
    for (const list of this.free.values())
      for (const buffer of list) {
        buffer.destroy();
        this.all.delete(buffer);
      }
    this.free.clear();
  }

  dispose(): void {
    for (const buffer of this.all) buffer.destroy();
    this.all.clear();
    this.free.clear();
  }
}
