import { describe, expect, it } from 'vitest';
import { RecentEvents } from './recent-events.ts';

describe('RecentEvents', () => {
  it('recognizes an event delivered before by its group, stream, timestamp and message', () => {
    const recent = new RecentEvents();
    expect(recent.remember('g', 's', 1, '{"a":1}')).toBe(true);
    expect(recent.remember('g', 's', 1, '{"a":1}')).toBe(false);
    expect(recent.remember('g', 's', 2, '{"a":1}')).toBe(true);
    expect(recent.remember('g', 't', 1, '{"a":1}')).toBe(true);
  });

  it('forgets the oldest events beyond its capacity', () => {
    const recent = new RecentEvents(2);
    recent.remember('g', 's', 1, 'one');
    recent.remember('g', 's', 2, 'two');
    recent.remember('g', 's', 3, 'three');
    expect(recent.size).toBe(2);
    expect(recent.remember('g', 's', 3, 'three')).toBe(false);
    expect(recent.remember('g', 's', 1, 'one')).toBe(true);
  });
});
