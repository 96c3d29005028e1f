import { gzipSync } from 'node:zlib';
import { interestIncludes, type EventSelector, type Interest } from '@jackwatch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFilterPattern } from '../../../../test/support/cloudwatch-logs-fake/filter-pattern-matcher.ts';
import { filterPatternFor } from '../cloudwatch-logs/filter-pattern.ts';
import { trailRecord } from '../file/testdata/harness.ts';
import { decodeWholeFile } from './decode-whole-file.ts';
import { WholeInflater } from './inflate-whole.ts';
import { compileInterest } from './interest-filter.ts';

const SOURCES = ['bedrock.amazonaws.com', 'sts.amazonaws.com', 'cloudtrail.amazonaws.com', 'kms.amazonaws.com'];
const NAMES = ['InvokeModel', 'AssumeRole', 'DeleteTrail', 'Decrypt', 'invoke_model'];
const recase = (name: string, upper: readonly boolean[]): string => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('');
const anyCase = fc.tuple(fc.constantFrom(...NAMES), fc.array(fc.boolean(), { minLength: 16, maxLength: 16 })).map(([name, upper]) => recase(name, upper));
const names = fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 });
const selector: fc.Arbitrary<EventSelector> = fc.oneof(
  fc.record({ eventSource: fc.constantFrom(...SOURCES) }),
  fc.record({ eventSource: fc.constantFrom(...SOURCES), eventNames: names }),
  fc.record({ eventNames: names }),
);
const interest: fc.Arbitrary<Interest> = fc.array(selector, { minLength: 1, maxLength: 4 });
// Records as CloudTrail writes them (names as the selectors spell them) and in any other case.
const recordKey = fc.tuple(fc.constantFrom(...SOURCES), fc.oneof(fc.constantFrom(...NAMES), anyCase));

const where = { source: 'file', location: '/logs/a.json.gz' };
const inflater = new WholeInflater(32 * 1024 * 1024);

describe('what the sources skip, filter or push down is never narrower than the interest', () => {
  it('decodes every record the interest includes, prefilter on or off, with names of any source', () => {
    fc.assert(
      fc.property(interest, fc.array(recordKey, { minLength: 1, maxLength: 10 }), fc.boolean(), (wanted, keys, prefilter) => {
        const records = keys.map(([eventSource, eventName], n) => trailRecord(n, { eventSource, eventName }));
        const file = gzipSync(JSON.stringify({ Records: records }));
        const result = decodeWholeFile(file, where, { filter: compileInterest(wanted), prefilter, maxRecordSize: 1 << 20 }, inflater)!;
        const decoded = new Set(result.batch.events.map((e) => e.eventId));
        records.forEach((record, n) => {
          if (interestIncludes(wanted, keys[n]![0], keys[n]![1])) expect(decoded.has(String(record['eventID'])), JSON.stringify({ wanted, key: keys[n], prefilter })).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('pushes down a CloudWatch filter pattern that passes every record the interest includes, names as CloudTrail spells them', () => {
    fc.assert(
      fc.property(interest, fc.array(fc.tuple(fc.constantFrom(...SOURCES), fc.constantFrom(...NAMES)), { minLength: 1, maxLength: 10 }), (wanted, keys) => {
        const passes = compileFilterPattern(filterPatternFor(wanted));
        keys.forEach(([eventSource, eventName], n) => {
          if (!interestIncludes(wanted, eventSource, eventName)) return;
          expect(passes(JSON.stringify(trailRecord(n, { eventSource, eventName }))), JSON.stringify({ wanted, eventSource, eventName, pattern: filterPatternFor(wanted) })).toBe(true);
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
