/** How retries after a failure are spaced. */
export interface BackoffOptions {
  /** Wait before the first retry. */
  initialMs: number;
  /** The longest wait, however many failures in a row. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  initialMs: 500,
  maxMs: 30_000,
};

/**
 * Exponential backoff with jitter: waits double after each failure, up to a
 * cap, each shortened by up to a fifth at random so that the watches of many
 * backends do not hit a recovering API server in step.
 */
export class Backoff {
  #failures = 0;

  constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF) {}

  /** The wait before the next attempt; each call counts one more failure. */
  next(): number {
    const base = Math.min(
      this.options.maxMs,
      this.options.initialMs * 2 ** this.#failures,
    );
    this.#failures = Math.min(this.#failures + 1, 30);
    return Math.round(base * (1 - Math.random() * 0.2));
  }

  /** After a success, the next failure waits the initial time again. */
  reset(): void {
    this.#failures = 0;
  }
}
