import { readFile } from 'node:fs/promises';
import { EVIDENCE_OMITTED_KEY, type Finding, isOmittedEvidence, systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mixedBatch } from '../testing/hostile-findings.ts';
import { OtlpHttpReceiver } from '../testing/otlp-http-receiver.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { otlpConfigSchema } from './config.ts';
import { OtlpSink } from './otlp-sink.ts';
import { redeliverOtlpDeadLetters } from './redeliver.ts';

const fast = { timeout: '2s', maxRetries: 0, backoff: { initial: '10ms', max: '20ms' }, batch: { maxWait: '10ms' } };

describe('OtlpSink with evidence that cannot be serialised', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  let receiver: OtlpHttpReceiver;
  beforeEach(async () => {
    tmp = await makeTempDir();
    receiver = await OtlpHttpReceiver.start();
  });
  afterEach(async () => {
    await receiver.close();
    await tmp.remove();
  });

  it('exports a log record for every finding of the batch, evidence ids and names included', async () => {
    const context = testContext('otlp', { baseDir: tmp.dir, clock: systemClock });
    const sink = new OtlpSink(otlpConfigSchema.parse({ endpoint: receiver.endpoint, ...fast }), context);
    const batch = mixedBatch();
    await sink.start();
    await sink.export(batch);
    await sink.shutdown();

    const records = receiver.acceptedRecords();
    expect(records.map((r) => r.attributes['log.record.uid'])).toEqual(batch.map((f) => f.id));
    expect(records.map((r) => r.attributes['jackwatch.finding.evidence.event_ids'])).toEqual(batch.map((f) => f.evidence.map((e) => e.eventID)));
    expect(records.map((r) => r.attributes['jackwatch.finding.evidence.event_names'])).toEqual(batch.map(() => ['ListFoundationModels', 'InvokeModel']));
    expect(sink.stats()).toEqual({ accepted: 5, delivered: 5, retried: 0, deadLettered: 0, queued: 0, lost: 0 });
    expect(context.errors.errors).toEqual([]);
  });

  it('dead-letters every finding of such a batch when the collector refuses it, and redelivers them', async () => {
    receiver.failNext({ status: 400 });
    const config = { endpoint: receiver.endpoint, ...fast };
    const sink = new OtlpSink(otlpConfigSchema.parse(config), testContext('otlp', { baseDir: tmp.dir, clock: systemClock }));
    const batch = mixedBatch();
    await sink.start();
    await sink.export(batch);
    await sink.shutdown();

    expect(sink.stats()).toMatchObject({ accepted: 5, delivered: 0, deadLettered: 5, lost: 0 });
    const deadLettered = (await readFile(sink.deadLetterPath, 'utf8')).trim().split('\n').map((line) => (JSON.parse(line) as { finding: Finding }).finding);
    expect(deadLettered.map((f) => f.id)).toEqual(batch.map((f) => f.id));
    expect(deadLettered.map((f) => f.evidence.filter(isOmittedEvidence).map((m) => m[EVIDENCE_OMITTED_KEY]))).toEqual([
      [],
      ['nested deeper than 1000 levels'],
      ["does not fit in the 262144 bytes of JSON a finding's evidence may take"],
      ['contains a reference to itself (a cycle)'],
      [],
    ]);

    const report = await redeliverOtlpDeadLetters(sink.deadLetterPath, { config, context: testContext('otlp', { baseDir: tmp.dir, clock: systemClock }) });
    expect(report).toMatchObject({ read: 5, delivered: 5, deadLettered: 0 });
    expect(receiver.acceptedRecords().map((r) => r.attributes['log.record.uid'])).toEqual(batch.map((f) => f.id));
  });
});
