import { gzipSync } from 'node:zlib';
import { interestIncludes, type EventSelector, type Interest } from '@jackwatch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

// Which characters of a record's event source are written as `\u00XX`: the same source once parsed.
const escapes = fc.array(fc.boolean(), { minLength: 24, maxLength: 24 });
const escapeSource = (json: string, source: string, escaped: readonly boolean[]): string =>
  json.replace(`"eventSource":"${source}"`, `"eventSource":"${[...source].map((c, i) => (escaped[i] ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('')}"`);

const where = { source: 'file', location: '/logs/a.json.gz' };
const inflater = new WholeInflater(32 * 1024 * 1024);

describe('what the sources skip or filter is never narrower than the interest', () => {
  it('decodes every record the interest includes, prefilter on or off, with names of any source and sources written with JSON escapes', () => {
    fc.assert(
      fc.property(interest, fc.array(fc.tuple(recordKey, escapes), { minLength: 1, maxLength: 10 }), fc.boolean(), (wanted, written, prefilter) => {
        const keys = written.map(([key]) => key);
        const records = keys.map(([eventSource, eventName], n) => trailRecord(n, { eventSource, eventName }));
        const text = records.map((record, n) => escapeSource(JSON.stringify(record), String(record['eventSource']), written[n]![1]));
        const file = gzipSync(`{"Records":[${text.join(',')}]}`);
        const result = decodeWholeFile(file, where, { filter: compileInterest(wanted), prefilter, maxRecordSize: 1 << 20 }, inflater)!;
        const decoded = new Set(result.batch.events.map((e) => e.eventId));
        records.forEach((record, n) => {
          if (interestIncludes(wanted, keys[n]![0], keys[n]![1])) expect(decoded.has(String(record['eventID'])), JSON.stringify({ wanted, key: keys[n], prefilter })).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
