import { MemoryCheckpointStore } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { CheckpointWriter } from './checkpoint-writer.ts';
import { positionFromCheckpoint } from './log-group-position.ts';

describe('CheckpointWriter', () => {
  it('stores positions as { timestamp, eventIds } and reads them back', async () => {
    const store = new MemoryCheckpointStore();
    await new CheckpointWriter(store).commit('/aws/cloudtrail', { timestamp: 1000, eventIds: ['a', 'b'] });
    expect(await store.get('/aws/cloudtrail')).toEqual({ timestamp: 1000, eventIds: ['a', 'b'] });
    expect(await new CheckpointWriter(store).load('/aws/cloudtrail')).toEqual({ timestamp: 1000, eventIds: ['a', 'b'] });
  });

  it('never moves a stored position back', async () => {
    const store = new MemoryCheckpointStore();
    await store.set('g', { timestamp: 2000, eventIds: ['x'] });
    const writer = new CheckpointWriter(store);
    await writer.load('g');
    await writer.commit('g', { timestamp: 1500, eventIds: [] });
    expect(await store.get('g')).toEqual({ timestamp: 2000, eventIds: ['x'] });
    await writer.commit('g', { timestamp: 2000, eventIds: ['x', 'y'] });
    expect(await store.get('g')).toEqual({ timestamp: 2000, eventIds: ['x', 'y'] });
  });

  it('ignores a stored value that is not a position', () => {
    expect(positionFromCheckpoint('key-0042')).toBeUndefined();
    expect(positionFromCheckpoint({ timestamp: 'soon' })).toBeUndefined();
    expect(positionFromCheckpoint({ timestamp: 5 })).toEqual({ timestamp: 5, eventIds: [] });
  });
});
