/**
 * A de-duplicating work queue with bounded concurrency: a key triggered while
 * it is queued runs once; triggered while it runs, it runs once more after.
 */
export class WorkQueue {
  readonly #queued = new Set<string>();
  readonly #running = new Set<string>();
  readonly #again = new Set<string>();
  readonly #order: string[] = [];
  readonly #waiters: Array<() => void> = [];
  #stopped = false;

  constructor(
    private readonly work: (key: string) => Promise<void>,
    private readonly concurrency: number,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  add(key: string): void {
    if (this.#stopped) return;
    if (this.#running.has(key)) {
      this.#again.add(key);
      return;
    }
    if (this.#queued.has(key)) return;
    this.#queued.add(key);
    this.#order.push(key);
    this.#pump();
  }

  #pump() {
    while (this.#running.size < this.concurrency && this.#order.length > 0) {
      const key = this.#order.shift()!;
      this.#queued.delete(key);
      this.#running.add(key);
      this.work(key)
        .catch(error => this.onError(key, error))
        .finally(() => {
          this.#running.delete(key);
          if (this.#again.delete(key)) this.add(key);
          this.#pump();
          if (this.#running.size === 0 && this.#order.length === 0) {
            this.#waiters.splice(0).forEach(resolve => resolve());
          }
        });
    }
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.#running.size === 0 && this.#order.length === 0)
      return Promise.resolve();
    return new Promise(resolve => this.#waiters.push(resolve));
  }

  stop(): void {
    this.#stopped = true;
    this.#order.splice(0);
    this.#queued.clear();
  }
}
