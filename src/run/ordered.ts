// Results in input order with a bounded number in flight: the dataset is written in id order whatever order
// workers finish in, and memory holds at most `limit` pending results, not the corpus.

/** Maps items through fn, starting at most `limit` ahead of the one being yielded, and yields in input order. */
export async function* mapInOrder<T, R>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T, index: number) => R | Promise<R>,
): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  const it = items[Symbol.iterator]();
  let index = 0;
  let exhausted = false;
  const fill = () => {
    while (!exhausted && pending.length < limit) {
      const next = it.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const p = Promise.resolve().then(() => fn(next.value, index));
      index++;
      p.catch(() => {}); // awaited below in order; this only stops an early failure being reported as unhandled
      pending.push(p);
    }
  };
  fill();
  while (pending.length) {
    const result = await pending.shift()!;
    fill();
    yield result;
  }
}
