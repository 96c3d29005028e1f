import { describe, expect, it } from 'vitest';
import { CounterSet, MAX_ERROR_COMPONENTS } from './telemetry.ts';

describe('CounterSet observations and last errors', () => {
  it('reads observations when asked, one value per label set (the last read), skipping values that are not finite', () => {
    const telemetry = new CounterSet();
    let depth = 1;
    telemetry.observe('jackwatch.sink.queue.depth', (record) => record(depth, { sink: 'webhook' }));
    telemetry.observe('jackwatch.sink.queue.depth', (record) => record(depth + 1, { sink: 'webhook' }));
    telemetry.observe('jackwatch.pipeline.watermark.lag', (record) => record(Number.NaN, { pipeline: 'default' }));
    expect(telemetry.observed()).toEqual([{ name: 'jackwatch.sink.queue.depth', labels: { sink: 'webhook' }, value: 2 }]);
    depth = 7;
    expect(telemetry.observed()).toEqual([{ name: 'jackwatch.sink.queue.depth', labels: { sink: 'webhook' }, value: 8 }]);
    expect(telemetry.snapshot()).toEqual([]);
  });

  it('drops an observation once it says what it reads is gone, and keeps the others', () => {
    const telemetry = new CounterSet();
    let alive = true;
    let reads = 0;
    telemetry.observe('jackwatch.sink.queue.depth', (record) => {
      reads++;
      if (!alive) return false;
      record(3, { sink: 'old' });
    });
    telemetry.observe('jackwatch.sink.queue.depth', (record) => record(1, { sink: 'kept' }));
    expect(telemetry.observed().map((v) => v.labels['sink'])).toEqual(['old', 'kept']);
    alive = false;
    expect(telemetry.observed().map((v) => v.labels['sink'])).toEqual(['kept']);
    expect(telemetry.observed().map((v) => v.labels['sink'])).toEqual(['kept']);
    expect(reads).toBe(2); // not asked again once gone
  });

  it('keeps the last error of each component masked, and remembers a bounded number of components', () => {
    const telemetry = new CounterSet();
    telemetry.noteError('webhook', new Error('POST https://hooks.example.com/secret-path failed'), 1);
    telemetry.noteError('webhook', 'second failure', 2);
    expect(telemetry.lastErrors().get('webhook')).toEqual({ message: 'second failure', at: 2 });
    telemetry.noteError('otlp', new Error('https://collector.example.com/v1/logs?token=abc'), 3);
    expect(telemetry.lastErrors().get('otlp')?.message).toBe('https://collector.example.com/***');
    for (let i = 0; i < MAX_ERROR_COMPONENTS * 2; i++) telemetry.noteError(`c${i}`, 'x', 4);
    expect(telemetry.lastErrors().size).toBe(MAX_ERROR_COMPONENTS);
  });
});
