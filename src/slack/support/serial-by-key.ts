/**
 * Runs calls with the same key one after another, in the order they were made; calls with other
 * keys are not held up. "I can refer" is a toggle: since clicks are acknowledged on arrival, a double
 * click can reach the app before the first click's work is done, and two toggles of one member on
 * one posting must apply in order (on, then off), not race.
 */
export function serialByKey(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const previous = tails.get(key);
    const result = previous === undefined ? work() : previous.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
