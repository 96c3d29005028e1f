import { readFile } from 'node:fs/promises';
import { EVIDENCE_OMITTED_KEY, type Finding, isOmittedEvidence, systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mixedBatch } from '../testing/hostile-findings.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { WebhookReceiver } from '../testing/webhook-receiver.ts';
import { webhookConfigSchema, type WebhookConfigInput } from './config.ts';
import { redeliverDeadLetters } from './redeliver.ts';
import type { SlackMessage } from './slack-message.ts';
import { WebhookSink } from './webhook-sink.ts';

const fast = { backoff: { initial: '10ms', max: '50ms' }, batch: { maxWait: '10ms' }, maxRetries: 0 } satisfies Partial<WebhookConfigInput>;

/** For each finding, what became of its evidence records: `kept` or the marker's reason. */
const evidenceFates = (findings: readonly Finding[]): string[][] =>
  findings.map((f) => f.evidence.map((r) => (isOmittedEvidence(r) ? r[EVIDENCE_OMITTED_KEY] : 'kept')));

const EXPECTED_FATES = [
  ['kept', 'kept'],
  ['kept', 'nested deeper than 1000 levels'],
  ['kept', "does not fit in the 262144 bytes of JSON a finding's evidence may take"],
  ['kept', 'contains a reference to itself (a cycle)'],
  ['kept', 'kept'],
];

describe('WebhookSink with evidence that cannot be serialised', () => {
  let receiver: WebhookReceiver;
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  const sinks: WebhookSink[] = [];

  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
    tmp = await makeTempDir();
  });
  afterEach(async () => {
    await Promise.all(sinks.splice(0).map((sink) => sink.shutdown()));
    await receiver.close();
    await tmp.remove();
  });

  function makeSink(config: Partial<WebhookConfigInput> = {}) {
    const context = testContext('webhook/test', { baseDir: tmp.dir, clock: systemClock });
    const sink = new WebhookSink(webhookConfigSchema.parse({ url: receiver.url, ...fast, ...config }), context);
    sinks.push(sink);
    return { sink, context };
  }

  it('POSTs the whole batch, in one request, with a marker for each bad record (json)', async () => {
    const { sink, context } = makeSink();
    const batch = mixedBatch();
    await sink.start();
    await sink.export(batch);
    await sink.forceFlush();

    expect(receiver.requests).toHaveLength(1);
    const [body] = receiver.deliveredBodies() as Array<{ findings: Finding[] }>;
    expect(body?.findings.map((f) => f.id)).toEqual(batch.map((f) => f.id));
    expect(evidenceFates(body!.findings)).toEqual(EXPECTED_FATES);
    expect(body?.findings[0]).toEqual(JSON.parse(JSON.stringify(batch[0])));
    expect(body?.findings[2]?.evidence[1]).toMatchObject({ eventID: batch[2]?.evidence[1]?.eventID, eventName: 'InvokeModel', eventTime: '2026-03-14T02:15:41Z' });
    expect(sink.stats()).toEqual({ accepted: 5, delivered: 5, retried: 0, deadLettered: 0, queued: 0, lost: 0 });
    expect(context.telemetry.total('jackwatch.sink.evidence.omitted', { sink: 'webhook/test' })).toBe(3);
    expect(context.errors.errors).toEqual([]);
  });

  it('sends one Slack message naming every finding of such a batch (slack)', async () => {
    const { sink } = makeSink({ format: 'slack' });
    const batch = mixedBatch();
    await sink.start();
    await sink.export(batch);
    await sink.forceFlush();

    const [message] = receiver.deliveredBodies() as SlackMessage[];
    const text = JSON.stringify(message?.blocks);
    for (const f of batch) expect(text).toContain(f.id);
    expect(sink.stats()).toMatchObject({ accepted: 5, delivered: 5, lost: 0 });
  });

  it('dead-letters such a batch line by line, markers in place, and redelivers every finding', async () => {
    const { sink } = makeSink();
    receiver.setDefault({ kind: 'respond', status: 400 });
    const batch = mixedBatch();
    await sink.start();
    await sink.export(batch);
    await sink.shutdown();

    expect(sink.stats()).toEqual({ accepted: 5, delivered: 0, retried: 0, deadLettered: 5, queued: 0, lost: 0 });
    const lines = (await readFile(sink.deadLetterPath, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(evidenceFates(lines.map((line) => (JSON.parse(line) as { finding: Finding }).finding))).toEqual(EXPECTED_FATES);

    receiver.setDefault({ kind: 'respond', status: 200 });
    const refused = receiver.requests.length;
    const report = await redeliverDeadLetters(sink.deadLetterPath, { config: { url: receiver.url, ...fast }, context: testContext('webhook/test', { baseDir: tmp.dir, clock: systemClock }) });
    expect(report).toMatchObject({ read: 5, delivered: 5, deadLettered: 0, malformed: 0 });
    const redelivered = (receiver.deliveredBodies().slice(refused) as Array<{ findings: Finding[] }>).flatMap((b) => b.findings);
    expect(redelivered.map((f) => f.id)).toEqual(batch.map((f) => f.id));
    expect(evidenceFates(redelivered)).toEqual(EXPECTED_FATES);
  });

  it('delivers a batch in which one finding id cannot go into a header as it is', async () => {
    const { sink } = makeSink();
    const odd = { ...mixedBatch()[0]!, id: 'line\nbreak, 100% é' };
    const good = mixedBatch()[4]!;
    await sink.start();
    await sink.export([odd, good]);
    await sink.forceFlush();

    expect(sink.stats()).toMatchObject({ delivered: 2, deadLettered: 0 });
    expect(receiver.requests[0]?.headers['x-jackwatch-finding-ids']).toBe(`line%0Abreak%2C%20100%25%20%C3%A9,${good.id}`);
    expect((receiver.deliveredBodies() as Array<{ findings: Finding[] }>)[0]?.findings.map((f) => f.id)).toEqual([odd.id, good.id]);
  });
});
