import type { Interest } from '../event/interest.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { interestIncludes } from '../detection/selection.ts';

/**
 * Copies of `events` that `interest` excludes: each moved to another event
 * source, and — where the interest names the source's events — to an event
 * name it does not list. Everything else (identity, outcome, fields) is
 * kept, so a detector that ignores its own interest fires on them. Empty
 * for `'all'`.
 */
export function outsideInterest(interest: Interest, events: readonly TrailEvent[]): TrailEvent[] {
  if (interest === 'all') return [];
  const copies: TrailEvent[] = [];
  for (const event of events) {
    const moved = [
      { source: `excluded-${event.source}`, action: event.action },
      { source: event.source, action: `${event.action}Excluded` },
    ];
    for (const { source, action } of moved) {
      if (interestIncludes(interest, source, action)) continue;
      const eventId = `${event.eventId}-${copies.length}-outside-interest`;
      copies.push({ ...event, source, action, eventId, raw: { ...event.raw, eventSource: source, eventName: action, eventID: eventId } });
    }
  }
  return copies;
}
