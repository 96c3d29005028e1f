/**
 * A binary min-heap of items by a numeric priority, ties broken by an
 * optional comparator (negative when `a` comes first): the one priority queue
 * of jackwatch — detector state by expiry time, the reorder stage by event
 * time then `eventID`, a merge of sorted listings (priority 0, comparator
 * only). Priorities sit in a plain number array beside the items, so a heap
 * of a million keys costs no boxed number per item.
 *
 * @example
 * ```ts
 * const heap = new MinHeap<string>();
 * heap.push('later', 20); heap.push('sooner', 10);
 * heap.pop(); // 'sooner'
 * ```
 */
export class MinHeap<T> {
  readonly #priorities: number[] = [];
  readonly #items: T[] = [];
  readonly #tieBreak: ((a: T, b: T) => number) | undefined;

  constructor(tieBreak?: (a: T, b: T) => number) {
    this.#tieBreak = tieBreak;
  }

  /** Items in the heap. */
  get size(): number {
    return this.#items.length;
  }

  /** The first item, without removing it, or `undefined` when empty. */
  peek(): T | undefined {
    return this.#items[0];
  }

  /** The first item's priority, or `+Infinity` when empty. */
  peekPriority(): number {
    return this.#priorities.length === 0 ? Number.POSITIVE_INFINITY : this.#priorities[0]!;
  }

  /** Adds an item with its priority (smaller comes first). */
  push(item: T, priority = 0): void {
    const priorities = this.#priorities;
    const items = this.#items;
    let i = items.length;
    priorities.push(priority);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(priority, item, priorities[parent]!, items[parent]!)) break;
      priorities[i] = priorities[parent]!;
      items[i] = items[parent]!;
      i = parent;
    }
    priorities[i] = priority;
    items[i] = item;
  }

  /** Removes and returns the first item, or `undefined` when empty. */
  pop(): T | undefined {
    const priorities = this.#priorities;
    const items = this.#items;
    const top = items[0];
    const lastPriority = priorities.pop();
    const last = items.pop();
    const n = items.length;
    if (n === 0 || last === undefined || lastPriority === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.#before(priorities[right]!, items[right]!, priorities[left]!, items[left]!) ? right : left;
      if (!this.#before(priorities[child]!, items[child]!, lastPriority, last)) break;
      priorities[i] = priorities[child]!;
      items[i] = items[child]!;
      i = child;
    }
    priorities[i] = lastPriority;
    items[i] = last;
    return top;
  }

  /** Removes every item. */
  clear(): void {
    this.#priorities.length = 0;
    this.#items.length = 0;
  }

  #before(p: number, a: T, q: number, b: T): boolean {
    if (p !== q) return p < q;
    return this.#tieBreak !== undefined && this.#tieBreak(a, b) < 0;
  }
}
