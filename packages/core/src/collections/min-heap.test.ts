import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap.ts';

describe('MinHeap', () => {
  it('pops in comparator order whatever the pushes and pops interleaved (model: a sorted array)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant<'pop'>('pop')), { maxLength: 300 }), (ops) => {
        const heap = new MinHeap<number>((a, b) => a - b);
        const model: number[] = [];
        for (const op of ops) {
          if (op === 'pop') {
            model.sort((a, b) => a - b);
            expect(heap.pop()).toBe(model.shift());
          } else {
            heap.push(op);
            model.push(op);
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peek()).toBe(model.length === 0 ? undefined : Math.min(...model));
        }
      }),
    );
  });

  it('is empty after clear', () => {
    const heap = new MinHeap<string>((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    heap.push('b');
    heap.push('a');
    heap.clear();
    expect(heap.size).toBe(0);
    expect(heap.pop()).toBeUndefined();
  });
});
