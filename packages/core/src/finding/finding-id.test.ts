import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingId } from './finding-id.ts';

describe('findingId', () => {
  it('is the first 32 hex digits of SHA-256 over detector id, NUL and anchor eventID (ids stay stable across versions)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (detector, anchor) => {
        const expected = createHash('sha256').update(detector).update('\u0000').update(anchor).digest('hex').slice(0, 32);
        expect(findingId(detector, anchor)).toBe(expected);
      }),
    );
    expect(findingId('aws-bedrock-logging-deletion', 'e1')).toBe(findingId('aws-bedrock-logging-deletion', 'e1'));
    expect(findingId('aws-bedrock-logging-deletion', 'e1')).toMatch(/^[0-9a-f]{32}$/);
  });
});
