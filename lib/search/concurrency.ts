/** Gives a slot back; calling it again does nothing. */
export type Release = () => void;

/**
 * At most `max` holders at once; the others wait in arrival order (FIFO) for at most the time
 * they ask for, and get null when it runs out, when their signal aborts (the client left) or
 * when `maxQueue` are waiting already.
 */
export class ConcurrencyLimiter {
  #active = 0;
  readonly #queue: { grant: () => void }[] = [];

  constructor(
    readonly max: number,
    readonly maxQueue = Number.POSITIVE_INFINITY,
  ) {}

  get active() {
    return this.#active;
  }

  get waiting() {
    return this.#queue.length;
  }

  acquire(waitMs: number, signal?: AbortSignal): Promise<Release | null> {
    if (signal?.aborted) return Promise.resolve(null);
    if (this.#active < this.max) {
      this.#active++;
      return Promise.resolve(this.#releaser());
    }
    if (waitMs <= 0 || this.#queue.length >= this.maxQueue) return Promise.resolve(null);
    return new Promise((resolve) => {
      const giveUp = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', giveUp);
        this.#queue.splice(this.#queue.indexOf(waiter), 1);
        resolve(null);
      };
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', giveUp);
          resolve(this.#releaser());
        },
      };
      const timer = setTimeout(giveUp, waitMs);
      signal?.addEventListener('abort', giveUp, { once: true });
      this.#queue.push(waiter);
    });
  }

  #releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the longest waiter, so a newcomer cannot jump the queue.
      const next = this.#queue.shift();
      if (next) next.grant();
      else this.#active--;
    };
  }
}
