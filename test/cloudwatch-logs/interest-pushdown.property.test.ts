import { interestIncludes, type EventSelector, type Interest } from '@jackwatch/core';
import { filterPatternFor } from '@jackwatch/sources';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFilterPattern } from '../support/cloudwatch-logs-fake/filter-pattern-matcher.ts';

const SOURCES = ['bedrock.amazonaws.com', 'sts.amazonaws.com', 'cloudtrail.amazonaws.com', 'kms.amazonaws.com'];
// CloudTrail's PascalCase, and one name CloudWatch would have to compare in another case (it widens the pattern).
const NAMES = ['InvokeModel', 'AssumeRole', 'DeleteTrail', 'Decrypt', 'invoke_model'];
const names = fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 });
const selector: fc.Arbitrary<EventSelector> = fc.oneof(
  fc.record({ eventSource: fc.constantFrom(...SOURCES) }),
  fc.record({ eventSource: fc.constantFrom(...SOURCES), eventNames: names }),
  fc.record({ eventNames: names }),
);
const interest: fc.Arbitrary<Interest> = fc.array(selector, { minLength: 1, maxLength: 4 });

const record = (eventSource: string, eventName: string, n: number): string =>
  JSON.stringify({ eventVersion: '1.09', eventTime: '2024-10-17T20:00:00Z', eventSource, eventName, awsRegion: 'us-east-1', eventID: `e-${n}`, requestParameters: { eventName: 'x' } });

describe('the CloudWatch Logs filter pattern pushed down is never narrower than the interest', () => {
  it('pushes down a CloudWatch filter pattern that passes every record the interest includes, names as CloudTrail spells them', () => {
    fc.assert(
      fc.property(interest, fc.array(fc.tuple(fc.constantFrom(...SOURCES), fc.constantFrom(...NAMES)), { minLength: 1, maxLength: 10 }), (wanted, keys) => {
        const passes = compileFilterPattern(filterPatternFor(wanted));
        keys.forEach(([eventSource, eventName], n) => {
          if (!interestIncludes(wanted, eventSource, eventName)) return;
          expect(passes(record(eventSource, eventName, n)), JSON.stringify({ wanted, eventSource, eventName, pattern: filterPatternFor(wanted) })).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('writes names of any source as eventName clauses, and reads everything for a name CloudWatch would compare in another case', () => {
    expect(filterPatternFor([{ eventNames: ['DeleteTrail', 'StopLogging'] }])).toBe('{ ($.eventName = "DeleteTrail" || $.eventName = "StopLogging") }');
    expect(filterPatternFor([{ eventSource: 'bedrock.amazonaws.com' }, { eventNames: ['DeleteTrail'] }])).toBe(
      '{ ($.eventSource = "bedrock.amazonaws.com") || ($.eventName = "DeleteTrail") }',
    );
    expect(filterPatternFor([{ eventSource: 'bedrock.amazonaws.com' }, { eventNames: ['deletetrail'] }])).toBe('');
  });
});
