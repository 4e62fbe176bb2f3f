// Runs an async job with only the newest argument, one run at a time: while a
// run is going, newer requests replace each other and the newest runs next.
// The live preview uses it so fast typing never queues up renders.

/** Wraps `run`. The returned function's promise settles once a run that
 * started with this argument, or a newer one, has finished. `run` reports
 * its own errors; a rejection here is ignored so later runs still happen. */
export function latestOnly<T>(run: (arg: T) => Promise<void>): (arg: T) => Promise<void> {
  let busy = false;
  let next: { arg: T; waiters: (() => void)[] } | null = null;

  async function drain(first: { arg: T; waiters: (() => void)[] }): Promise<void> {
    busy = true;
    let current: { arg: T; waiters: (() => void)[] } | null = first;
    while (current !== null) {
      try {
        await run(current.arg);
      } catch {
        // `run` reports its own errors (see above).
      } finally {
        for (const done of current.waiters) done();
      }
      current = next;
      next = null;
    }
    busy = false;
  }

  return (arg: T) =>
    new Promise<void>((resolve) => {
      if (!busy) {
        void drain({ arg, waiters: [resolve] });
      } else if (next === null) {
        next = { arg, waiters: [resolve] };
      } else {
        next.arg = arg;
        next.waiters.push(resolve);
      }
    });
}
