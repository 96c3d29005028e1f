import { describe, expect, it } from 'vitest';
import { dayFolder, fileStamp, isIgnoredKey, trailKeyTime, trailStartAfter } from './trail-key.ts';

const prefix = 'AWSLogs/123456789012/CloudTrail/eu-west-1/';
const key = (stamp: string, day = '2026/10/01'): string => `${prefix}${day}/123456789012_CloudTrail_eu-west-1_${stamp}_Ab12Cd34Ef56Gh78.json.gz`;

describe('trail keys', () => {
  it('reads the file time from the name, else from the day folder', () => {
    expect(trailKeyTime(key('20261001T2355Z'))).toBe(Date.UTC(2026, 9, 1, 23, 55));
    expect(trailKeyTime(`${prefix}2026/10/01/manual-upload.json`)).toBe(Date.UTC(2026, 9, 1));
    expect(trailKeyTime('exports/random.json')).toBeUndefined();
  });

  it('builds a StartAfter that keeps the files of its minute and drops the ones before', () => {
    const time = Date.UTC(2026, 9, 1, 23, 55, 40);
    const startAfter = trailStartAfter(prefix, '123456789012', 'eu-west-1', time);
    expect(startAfter).toBe(`${prefix}2026/10/01/123456789012_CloudTrail_eu-west-1_20261001T2355`);
    expect(key('20261001T2355Z') > startAfter).toBe(true);
    expect(key('20261001T2354Z') < startAfter).toBe(true);
    expect(key('20261002T0000Z', '2026/10/02') > startAfter).toBe(true);
    expect(key('20260930T2359Z', '2026/09/30') < startAfter).toBe(true);
  });

  it('formats day folders and stamps in UTC', () => {
    expect(dayFolder(Date.UTC(2026, 0, 2, 23, 59))).toBe('2026/01/02');
    expect(fileStamp(Date.UTC(2026, 0, 2, 3, 4, 59))).toBe('20260102T0304');
  });

  it('ignores folder markers, digests and Insights files', () => {
    expect(isIgnoredKey(`${prefix}2026/10/01/`)).toBe(true);
    expect(isIgnoredKey('AWSLogs/123456789012/CloudTrail-Digest/eu-west-1/2026/10/01/x.json.gz')).toBe(true);
    expect(isIgnoredKey('AWSLogs/123456789012/CloudTrail-Insight/eu-west-1/2026/10/01/x.json.gz')).toBe(true);
    expect(isIgnoredKey(key('20261001T2355Z'))).toBe(false);
  });
});
