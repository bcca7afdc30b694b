/**
 * A map that keeps at most `entries` values and `bytes` bytes (as each value's size is given),
 * dropping the least recently used first. A Map iterates in insertion order, so "used" means
 * deleted and set again; `get` counts as a use. Used by the answer memo (middleware/response-memo.ts).
 */
export interface LruLimits {
  entries: number;
  bytes: number;
}

export class BoundedLru<V> {
  readonly #items = new Map<string, { value: V; bytes: number }>();
  #bytes = 0;

  constructor(readonly limits: LruLimits) {}

  get size(): number {
    return this.#items.size;
  }

  /** Bytes held, as given to `set`. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The value, marked as the most recently used. */
  get(key: string): V | undefined {
    const item = this.#items.get(key);
    if (item === undefined) return undefined;
    if (this.#items.size > 1) {
      this.#items.delete(key);
      this.#items.set(key, item);
    }
    return item.value;
  }

  /** The value without marking it used. */
  peek(key: string): V | undefined {
    return this.#items.get(key)?.value;
  }

  /** Sets (or replaces) a value of `bytes` bytes as the most recently used, then drops the least recently used over the limits. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    this.#items.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest] of this.#items) {
      if (this.#items.size <= this.limits.entries && this.#bytes <= this.limits.bytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const item = this.#items.get(key);
    if (item === undefined) return;
    this.#bytes -= item.bytes;
    this.#items.delete(key);
  }

  clear(): void {
    this.#items.clear();
    this.#bytes = 0;
  }
}
