/**
 * At most one outbox flush at a time. Within a tab, a trigger that arrives while a flush runs
 * does not start a second one: it asks the running one for one more pass, which reads the outbox
 * afresh (so a row queued meanwhile is not missed, and a row just sent is not sent again).
 * Across tabs, a Web Lock serialises the passes; without Web Locks (old browsers) two tabs could
 * both send a row, which the server absorbs as a replay of the same revision.
 */

function webLocks(): LockManager | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks;
  return locks && typeof locks.request === 'function' ? locks : undefined;
}

/** Runs `fn` holding the Web Lock `name`; `exclusive` says whether it really is held (false without Web Locks). */
export async function withWebLock<T>(name: string, fn: (exclusive: boolean) => Promise<T>): Promise<T> {
  const locks = webLocks();
  if (locks) return locks.request(name, () => fn(true));
  return fn(false);
}

interface Flight<R> {
  running: Promise<R>;
  again: boolean;
}

/**
 * Wraps `pass` so that concurrent calls with the same `key` share one run, with one extra pass
 * per burst of calls made during the run (with the first call's `arg`). `merge` folds the
 * passes' results together.
 */
export function singleFlight<K extends object, A, R>(
  pass: (key: K, arg: A) => Promise<R>,
  merge: (a: R, b: R) => R,
): (key: K, arg: A) => Promise<R> {
  const flights = new WeakMap<K, Flight<R>>();
  return (key, arg) => {
    const current = flights.get(key);
    if (current) {
      current.again = true;
      return current.running;
    }
    const flight: Flight<R> = { running: Promise.resolve(undefined as unknown as R), again: false };
    flight.running = (async (): Promise<R> => {
      try {
        let result: R = await pass(key, arg);
        while (flight.again) {
          flight.again = false;
          const more: R = await pass(key, arg);
          result = merge(result, more);
        }
        return result;
      } finally {
        flights.delete(key);
      }
    })();
    flights.set(key, flight);
    return flight.running;
  };
}
