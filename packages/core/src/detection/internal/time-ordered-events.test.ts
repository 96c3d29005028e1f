import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../../event/trail-event.ts';
import { TimeOrderedEvents } from './time-ordered-events.ts';

// Only time and eventId matter to the ordering.
const event = (time: number, id: string): TrailEvent => ({ time, eventId: id }) as TrailEvent;
const byTimeThenId = (a: TrailEvent, b: TrailEvent): number => a.time - b.time || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);

type Op = { kind: 'insert'; time: number; id: string } | { kind: 'dropBefore'; time: number } | { kind: 'dropRange'; from: number; to: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), time: fc.integer({ min: 0, max: 9 }), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropBefore' as const), time: fc.integer({ min: 0, max: 10 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropRange' as const), from: fc.integer({ min: -1, max: 6 }), to: fc.integer({ min: -1, max: 8 }) }) },
);

describe('TimeOrderedEvents', () => {
  it('behaves like a sorted list of distinct ids, whether it holds one event or many', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const held = new TimeOrderedEvents();
        let model: TrailEvent[] = [];
        for (const o of ops) {
          if (o.kind === 'insert') {
            const e = event(o.time, `${o.id}${o.time}`);
            const duplicate = model.some((m) => m.eventId === e.eventId && m.time === e.time);
            const index = held.insert(e);
            if (duplicate) expect(index).toBe(-1);
            else {
              model = [...model, e].sort(byTimeThenId);
              expect(index).toBe(model.indexOf(e));
            }
          } else if (o.kind === 'dropBefore') {
            const dropped = held.dropBefore(o.time);
            expect(dropped).toBe(model.filter((m) => m.time < o.time).length);
            model = model.filter((m) => m.time >= o.time);
          } else {
            held.dropRange(o.from, o.to);
            model = model.filter((_, i) => i < Math.max(0, o.from) || i >= o.to);
          }
          expect(held.length).toBe(model.length);
          expect(held.slice(0, held.length)).toEqual(model);
          expect(Array.from({ length: held.length }, (_, i) => [held.timeAt(i), held.eventAt(i)])).toEqual(model.map((m) => [m.time, m]));
          expect(held.lastTime()).toBe(model.at(-1)?.time ?? Number.NEGATIVE_INFINITY);
          for (let t = 0; t <= 10; t++) {
            for (const from of [0, 1, 2]) {
              const expected = model.findIndex((m, i) => i >= from && m.time >= t);
              expect(held.lowerBound(t, from)).toBe(expected < 0 ? Math.max(from, model.length) : expected);
            }
          }
        }
      }),
    );
  });

  it('keeps at most perTime events per timestamp, those with the smallest ids', () => {
    const held = new TimeOrderedEvents(event(5, 'c'));
    expect(held.insert(event(5, 'd'), 2)).toBe(1);
    expect(held.insert(event(5, 'e'), 2)).toBe(-1);
    expect(held.insert(event(5, 'a'), 2)).toBe(0);
    expect(held.slice(0, 9).map((e) => e.eventId)).toEqual(['a', 'c']);
  });
});
