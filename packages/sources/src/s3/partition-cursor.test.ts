import { describe, expect, it } from 'vitest';
import { PartitionCursor } from './partition-cursor.ts';
import { trailPartition } from './partition.ts';

const partition = trailPartition('AWSLogs/', '123456789012', 'us-east-1');
const at = (h: number, m: number, day = 1): string =>
  `${partition.prefix}2026/10/0${day}/123456789012_CloudTrail_us-east-1_202610${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}Z_x.json.gz`;
const LATE = 15 * 60_000;
const START = Date.UTC(2026, 9, 1);

describe('PartitionCursor', () => {
  it('lists from startTime first, then from lateDelivery before the newest key handed out, across midnight', () => {
    const cursor = new PartitionCursor(partition, LATE);
    expect(cursor.listStart(START)).toBe(`${partition.prefix}2026/10/01/123456789012_CloudTrail_us-east-1_20261001T0000`);
    cursor.markRead(at(0, 5, 2));
    expect(cursor.listStart(START)).toBe(`${partition.prefix}2026/10/01/123456789012_CloudTrail_us-east-1_20261001T2350`);
  });

  it('skips keys already handed out in the overlap, but not late ones', () => {
    const cursor = new PartitionCursor(partition, LATE);
    cursor.markRead(at(10, 0));
    cursor.markRead(at(10, 5));
    expect(cursor.isNew(at(10, 0), START)).toBe(false);
    expect(cursor.isNew(at(10, 2), START)).toBe(true);
    expect(cursor.isNew(`${partition.prefix}stray.json`, START)).toBe(false);
  });

  it('moves the checkpoint only over the contiguous acknowledged head', () => {
    const cursor = new PartitionCursor(partition, LATE);
    for (const minute of [0, 5, 10]) cursor.markRead(at(10, minute));
    expect(cursor.ack(at(10, 5))).toBe(false);
    expect(cursor.position()).toBeUndefined();
    expect(cursor.ack(at(10, 0))).toBe(true);
    expect(cursor.position()).toEqual({ after: at(10, 5), recent: [at(10, 0)] });
    expect(cursor.inFlight).toBe(1);
  });

  it('restores from its position: lists the overlap again and skips what was acknowledged', () => {
    const restored = new PartitionCursor(partition, LATE, { after: at(10, 5), recent: [at(10, 0)] });
    expect(restored.listStart(START)).toBe(`${partition.prefix}2026/10/01/123456789012_CloudTrail_us-east-1_20261001T0950`);
    expect(restored.isNew(at(10, 0), START)).toBe(false);
    expect(restored.isNew(at(10, 5), START)).toBe(false);
    expect(restored.isNew(at(10, 10), START)).toBe(true);
  });

  it('forgets acknowledged keys once they fall out of the window', () => {
    const cursor = new PartitionCursor(partition, LATE);
    for (const minute of [0, 20, 30]) {
      cursor.markRead(at(10, minute));
      cursor.ack(at(10, minute));
    }
    expect(cursor.position()).toEqual({ after: at(10, 30), recent: [at(10, 20)] });
  });
});
