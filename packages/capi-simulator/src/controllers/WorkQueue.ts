/**
 * A rate-free work queue keyed by object, as controller-runtime has: a key is
 * queued at most once however often it is added; delayed keys wait in one
 * min-heap behind a single timer (no timer per object). Keys are processed in
 * time slices so the API server on the same event loop stays responsive.
 */
export class WorkQueue {
  private readonly ready = new Set<string>();
  /** Due time of each delayed key (the earliest wins). */
  private readonly due = new Map<string, number>();
  private readonly heap: Array<{ at: number; key: string }> = [];
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private drainScheduled = false;
  private draining = false;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly process: (key: string) => void,
    private readonly sliceMs = 25,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.ready.add(key);
    this.scheduleDrain();
  }

  /** Adds the key after `ms` milliseconds (at once for 0 or less). */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) {
      this.add(key);
      return;
    }
    const at = Date.now() + ms;
    const current = this.due.get(key);
    if (current !== undefined && current <= at) return;
    this.due.set(key, at);
    this.push({ at, key });
    this.armTimer();
  }

  get length(): number {
    return this.ready.size + this.due.size;
  }

  isIdle(): boolean {
    return (
      this.ready.size === 0 &&
      this.due.size === 0 &&
      !this.draining &&
      !this.drainScheduled
    );
  }

  idle(): Promise<void> {
    if (this.stopped || this.isIdle()) return Promise.resolve();
    return new Promise(resolve => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.ready.clear();
    this.due.clear();
    this.heap.length = 0;
    this.notifyIdle();
  }

  private scheduleDrain() {
    if (this.drainScheduled || this.draining) return;
    this.drainScheduled = true;
    setImmediate(() => this.drain());
  }

  private drain() {
    this.drainScheduled = false;
    if (this.stopped) return;
    this.draining = true;
    const start = performance.now();
    try {
      while (this.ready.size > 0) {
        const key = this.ready.values().next().value as string;
        this.ready.delete(key);
        this.process(key);
        if (performance.now() - start > this.sliceMs) break;
      }
    } finally {
      this.draining = false;
    }
    if (this.ready.size > 0) this.scheduleDrain();
    else this.notifyIdle();
  }

  private notifyIdle() {
    if (!this.stopped && !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach(resolve => resolve());
  }

  private armTimer() {
    const next = this.heap[0];
    if (!next || next.at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = next.at;
    this.timer = setTimeout(
      () => this.fire(),
      Math.max(0, next.at - Date.now()),
    );
    this.timer.unref?.();
  }

  private fire() {
    this.timer = undefined;
    this.timerAt = Infinity;
    const nowMs = Date.now();
    while (this.heap.length && this.heap[0].at <= nowMs) {
      const { at, key } = this.pop()!;
      // Stale heap entries (the key was re-scheduled earlier) are skipped.
      if (this.due.get(key) !== at) continue;
      this.due.delete(key);
      this.ready.add(key);
    }
    this.armTimer();
    if (this.ready.size > 0) this.scheduleDrain();
    else this.notifyIdle();
  }

  private push(entry: { at: number; key: string }) {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent].at <= h[i].at) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  private pop(): { at: number; key: string } | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l].at < h[m].at) m = l;
        if (r < h.length && h[r].at < h[m].at) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}
