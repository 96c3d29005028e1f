import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Detector } from '../component/detector.ts';
import { interestIncludes, selectedTest, unionInterest } from '../detection/selection.ts';
import type { EventSelector, Interest } from '../event/interest.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { DetectorRouter } from './detector-router.ts';

const SOURCES = ['bedrock.amazonaws.com', 'sts.amazonaws.com', 'cloudtrail.amazonaws.com'];
const NAMES = ['InvokeModel', 'AssumeRole', 'DeleteTrail', 'GetCallerIdentity'];
// Names as a record may spell them: CloudTrail's PascalCase, or any other case.
const spelled = fc.tuple(fc.constantFrom(...NAMES), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 })).map(([name, upper]) =>
  [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
);
const names = fc.uniqueArray(fc.oneof(fc.constantFrom(...NAMES), spelled), { minLength: 1, maxLength: 3 });
const selector: fc.Arbitrary<EventSelector> = fc.oneof(
  fc.record({ eventSource: fc.constantFrom(...SOURCES) }),
  fc.record({ eventSource: fc.constantFrom(...SOURCES), eventNames: names }),
  fc.record({ eventNames: names }),
);
const interest: fc.Arbitrary<Interest> = fc.oneof({ arbitrary: fc.constant('all' as const), weight: 1 }, { arbitrary: fc.array(selector, { maxLength: 4 }), weight: 6 });
const eventKey = fc.tuple(fc.constantFrom(...SOURCES, 'kms.amazonaws.com'), fc.oneof(spelled, fc.constant('ListKeys')));

const events = new EventFactory('routing');
const detector = (i: Interest): Detector => ({ interest: i }) as unknown as Detector;

describe('interest: routing, union and step tests agree (names of any source included)', () => {
  it('routes an event to a detector exactly when the detector\'s own test selects it, and the union lets it through then', () => {
    fc.assert(
      fc.property(fc.array(interest, { minLength: 1, maxLength: 4 }), fc.array(eventKey, { minLength: 1, maxLength: 12 }), (interests, keys) => {
        const detectors = interests.map(detector);
        const router = new DetectorRouter(detectors);
        const union = unionInterest(interests.map((i) => (i === 'all' ? 'all' : [...i])));
        const tests = interests.map((i) => selectedTest({ select: i === 'all' ? 'all' : [...i] }));
        // Twice: the router answers the second time from its cache.
        for (const [source, action] of [...keys, ...keys]) {
          const event = events.event({ time: '2025-03-01T00:00:00Z', source, action });
          const routed = router.route(event);
          detectors.forEach((d, i) => {
            const selects = tests[i]!(event);
            expect(routed.includes(d), JSON.stringify({ interest: interests[i], source, action })).toBe(selects);
            expect(interestIncludes(interests[i]!, source, action)).toBe(selects);
            if (selects) expect(interestIncludes(union, source, action)).toBe(true);
          });
          expect(new Set(routed).size).toBe(routed.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a selector without a source that names nothing to select', () => {
    expect(() => selectedTest({ select: {} as EventSelector })).toThrow(TypeError);
    expect(() => selectedTest({ select: { eventNames: ['DeleteTrail'] } })).not.toThrow();
  });
});
