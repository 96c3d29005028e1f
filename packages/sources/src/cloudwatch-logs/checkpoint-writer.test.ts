import { MemoryCheckpointStore } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { CheckpointWriter } from './checkpoint-writer.ts';

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

  it('refuses a stored value that is not a position, naming the group and what is wrong', async () => {
    const store = new MemoryCheckpointStore().scope('cloudwatch-logs');
    await store.set('a', 'key-0042');
    await store.set('b', { timestamp: 'soon' });
    await store.set('c', { timestamp: 5, eventIds: [1] });
    await store.set('d', { timestamp: 5 });
    const writer = new CheckpointWriter(store);
    await expect(writer.load('a')).rejects.toThrow('entry "a" is not a log group position ({ timestamp, eventIds }): expected an object, found a string');
    await expect(writer.load('b')).rejects.toThrow('entry "b" is not a log group position ({ timestamp, eventIds }): at ["timestamp"] expected a number, found a string');
    await expect(writer.load('c')).rejects.toThrow(/entry "c" .* at \["eventIds"\]\[0\] expected a string, found a number/);
    expect(await writer.load('d')).toEqual({ timestamp: 5, eventIds: [] });
  });
});
