import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap.ts';

type Item = { readonly priority: number; readonly tie: string };
const order = (a: Item, b: Item): number => a.priority - b.priority || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0);

describe('MinHeap', () => {
  it('pops by priority, then by the tie-break, whatever the pushes and pops interleaved (model: a sorted array)', () => {
    const item = fc.record({ priority: fc.integer({ min: -5, max: 5 }), tie: fc.constantFrom('a', 'b', 'c', 'd') });
    fc.assert(
      fc.property(fc.array(fc.oneof(item, fc.constant<'pop'>('pop')), { maxLength: 300 }), (ops) => {
        const heap = new MinHeap<Item>((a, b) => (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0));
        const model: Item[] = [];
        for (const op of ops) {
          if (op === 'pop') {
            model.sort(order);
            const expected = model.shift();
            const popped = heap.pop();
            expect(popped === undefined ? undefined : order(popped, expected!)).toBe(expected === undefined ? undefined : 0);
          } else {
            heap.push(op, op.priority);
            model.push(op);
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peekPriority()).toBe(model.length === 0 ? Infinity : Math.min(...model.map((m) => m.priority)));
        }
      }),
    );
  });

  it('orders by the comparator alone when every priority is the same, and is empty after clear', () => {
    const heap = new MinHeap<string>((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const key of ['c', 'a', 'b']) heap.push(key);
    expect([heap.pop(), heap.pop()]).toEqual(['a', 'b']);
    heap.clear();
    expect(heap.size).toBe(0);
    expect(heap.pop()).toBeUndefined();
  });
});
