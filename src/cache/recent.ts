/**
 * Values kept in memory by key up to a total size, those used longest ago
 * let go first: what a process keeps of one build for the next (`--watch`,
 * the preview, the library's rebuilds) when the next will most likely ask
 * for the same again.
 */
import { createHash } from 'node:crypto'

export class RecentValues<T> {
  private readonly values = new Map<string, T>()
  private size = 0

  constructor(
    /** The total size kept at most. */
    private readonly capacity: number,
    private readonly sizeOf: (value: T) => number,
  ) {}

  has(key: string): boolean {
    return this.values.has(key)
  }

  get(key: string): T | undefined {
    const value = this.values.get(key)
    if (value === undefined) return undefined
    // Used again: it goes to the back of the queue.
    this.values.delete(key)
    this.values.set(key, value)
    return value
  }

  set(key: string, value: T): void {
    const old = this.values.get(key)
    if (old !== undefined) this.size -= this.sizeOf(old)
    this.values.delete(key)
    this.values.set(key, value)
    this.size += this.sizeOf(value)
    for (const [first, kept] of this.values) {
      if (this.size <= this.capacity) break
      this.values.delete(first)
      this.size -= this.sizeOf(kept)
    }
  }
}

/** What names some bytes made one way (`method`, say a compression and its level): a hash of both. */
export function bytesKey(bytes: Uint8Array, method: string): string {
  return createHash('sha256').update(method).update(bytes).digest('hex')
}
