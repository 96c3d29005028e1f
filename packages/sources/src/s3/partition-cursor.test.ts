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

  it('keeps the checkpoint exact over a dense window, acknowledged in any order, and holds only the window', () => {
    const cursor = new PartitionCursor(partition, LATE);
    // 20,000 keys in one hour: hundreds per minute, as a busy region writes them.
    const keys = Array.from({ length: 20_000 }, (_, i) => `${at(10, Math.floor((i * 60) / 20_000))}-${String(i).padStart(5, '0')}`);
    for (const key of keys) cursor.markRead(key);
    expect(cursor.inFlight).toBe(20_000);
    // Acked in pairs, the second of each pair first: the head moves every second ack.
    for (let i = 0; i < keys.length; i += 2) {
      expect(cursor.ack(keys[i + 1]!)).toBe(false);
      expect(cursor.ack(keys[i]!)).toBe(true);
    }
    expect(cursor.ack(keys[0]!)).toBe(false); // already acknowledged
    expect(cursor.inFlight).toBe(0);
    const { after, recent } = cursor.position()!;
    expect(after).toBe(keys.at(-1));
    // Only the keys of the last lateDelivery (15 minutes) and its one-minute margin stay in the checkpoint.
    const newest = Date.UTC(2026, 9, 1, 10, 59);
    const inWindow = keys.filter((key) => Date.UTC(2026, 9, 1, 10, Number(/T10(\d\d)Z/.exec(key)![1])) >= newest - LATE - 60_000);
    expect(recent).toEqual(inWindow.filter((key) => key !== after));
  });

  it('restored from a position whose recent keys are out of order, still forgets them once they leave the window', () => {
    const cursor = new PartitionCursor(partition, LATE, { after: at(10, 10), recent: [at(10, 5), at(10, 0)] });
    cursor.markRead(at(10, 40));
    expect(cursor.ack(at(10, 40))).toBe(true);
    expect(cursor.position()).toEqual({ after: at(10, 40), recent: [] });
  });
});
