import { describe, expect, it } from 'vitest';
import { MemoryCheckpointStore } from '../services/memory-checkpoint-store.ts';
import { ManualClock } from './manual-clock.ts';
import { testContext } from './test-context.ts';

describe('testContext', () => {
  it('records rejections and errors, and picks rejections by reason', () => {
    const context = testContext('file');
    context.errors.reject({ reason: 'malformed-json', message: 'bad', origin: { source: 'file', location: 'a.json', index: 0 } });
    context.errors.error('file', new Error('disk'), { path: 'a.json' });
    expect(context.errors.of('malformed-json')).toHaveLength(1);
    expect(context.errors.of('truncated')).toEqual([]);
    expect(context.errors.errors).toEqual([{ componentId: 'file', error: new Error('disk'), attributes: { path: 'a.json' } }]);
  });

  it('scopes one shared checkpoint store by component id, so a second context sees what the first committed', async () => {
    const store = new MemoryCheckpointStore();
    await testContext('s3/a', { checkpoints: store }).checkpoints.set('cursor', 'k1');
    expect(await testContext('s3/a', { checkpoints: store }).checkpoints.get('cursor')).toBe('k1');
    expect(await testContext('s3/b', { checkpoints: store }).checkpoints.get('cursor')).toBeUndefined();
  });

  it('uses the clock it is given, and one that throws otherwise', () => {
    expect(testContext('s3', { clock: new ManualClock(42) }).clock.now()).toBe(42);
    expect(() => testContext('detector').clock.now()).toThrow(/event time/);
  });
});
