import { MemoryCheckpointStore } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { PollCheckpoint } from './poll-checkpoint.ts';

describe('PollCheckpoint', () => {
  it('reads back the positions it committed', async () => {
    const store = new MemoryCheckpointStore().scope('s3/trail');
    await new PollCheckpoint(store, 'trail').commit('AWSLogs/1/CloudTrail/us-east-1/', { after: 'k2', recent: ['k1'] });
    expect(Object.fromEntries(await new PollCheckpoint(store, 'trail').load())).toEqual({ 'AWSLogs/1/CloudTrail/us-east-1/': { after: 'k2', recent: ['k1'] } });
  });

  it.each([
    ['a list', ['k2'], 'expected an object, found an array'],
    ['a position without its key', { 'AWSLogs/': { recent: [] } }, 'at ["AWSLogs/"]["after"] expected a string, found nothing'],
    ['recent keys of the wrong type', { 'AWSLogs/': { after: 'k2', recent: [7] } }, 'at ["AWSLogs/"]["recent"][0] expected a string, found a number'],
  ])('refuses %s rather than list the bucket from the start', async (_case, value, problem) => {
    const store = new MemoryCheckpointStore().scope('s3/trail');
    await store.set('s3://trail', value);
    await expect(new PollCheckpoint(store, 'trail').load()).rejects.toThrow(
      `in-memory checkpoint of "s3/trail": entry "s3://trail" is not an object of partition positions ({ after, recent } by prefix): ${problem}`,
    );
  });
});
