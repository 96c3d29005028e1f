import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Clock, systemClock } from '@jackwatch/core';
import { ManualClock, testContext } from '@jackwatch/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleAFinding, ruleAFindings } from '../testing/finding-fixture.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { WebhookReceiver } from '../testing/webhook-receiver.ts';
import { webhookConfigSchema, type WebhookConfigInput } from './config.ts';
import { verifyWebhookSignature } from './signature.ts';
import { WebhookSink } from './webhook-sink.ts';

const fast = { backoff: { initial: '10ms', max: '2s' }, batch: { maxWait: '10ms' } } satisfies Partial<WebhookConfigInput>;

describe('WebhookSink against a real receiver', () => {
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

  function makeSink(config: Partial<WebhookConfigInput>, clock: Clock = systemClock) {
    const context = testContext('webhook/test', { baseDir: tmp.dir, clock });
    const sink = new WebhookSink(webhookConfigSchema.parse({ url: receiver.url, ...fast, ...config }), context);
    sinks.push(sink);
    return { sink, context, clock };
  }

  it('POSTs a batch of findings as JSON with the configured and idempotency headers', async () => {
    const { sink } = makeSink({ headers: { Authorization: 'Bearer t0ken' } });
    const findings = ruleAFindings(3);
    await sink.start();
    await sink.export(findings);
    await sink.forceFlush();

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request?.headers['authorization']).toBe('Bearer t0ken');
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.headers['x-jackwatch-finding-ids']).toBe(findings.map((f) => f.id).join(','));
    expect(request?.headers['idempotency-key']).toMatch(/^batch-[0-9a-f]{32}$/);
    expect(receiver.deliveredBodies()).toEqual([{ findings: JSON.parse(JSON.stringify(findings)) }]);
    expect(sink.stats()).toEqual({ accepted: 3, delivered: 3, retried: 0, deadLettered: 0, queued: 0, lost: 0 });
  });

  it('uses the finding id as idempotency key for a batch of one', async () => {
    const { sink } = makeSink({ batch: { maxFindings: 1, maxWait: '10ms' } });
    const finding = ruleAFinding();
    await sink.start();
    await sink.export([finding]);
    await sink.forceFlush();
    expect(receiver.requests[0]?.headers['idempotency-key']).toBe(finding.id);
  });

  it('retries 500, 429 (honouring Retry-After), a hung request and a reset connection, then delivers once', async () => {
    // Backoffs and the Retry-After wait pass on a manual clock: the test waits only for the hung request's real timeout.
    const clock = new ManualClock(Date.UTC(2026, 0, 1), { autoAdvance: true });
    const { sink } = makeSink({ timeout: '300ms', maxRetries: 5 }, clock);
    receiver.script(
      { kind: 'respond', status: 500, body: 'boom' },
      { kind: 'respond', status: 429, headers: { 'retry-after': '1' } },
      { kind: 'hang' },
      { kind: 'reset' },
    );
    await sink.start();
    await sink.export([ruleAFinding()]);
    await sink.forceFlush();

    expect(receiver.requests.map((r) => r.behaviour)).toEqual(['respond', 'respond', 'hang', 'reset', 'respond']);
    expect(receiver.completed).toBe(3);
    expect(receiver.abandoned).toBe(1);
    expect(clock.sleeps).toContain(1000);
    const keys = new Set(receiver.requests.map((r) => r.headers['idempotency-key']));
    const bodies = new Set(receiver.requests.map((r) => r.body.toString('utf8')));
    expect(keys.size).toBe(1);
    expect(bodies.size).toBe(1);
    expect(sink.stats()).toEqual({ accepted: 1, delivered: 1, retried: 4, deadLettered: 0, queued: 0, lost: 0 });
  });

  it('signs the raw body with the HMAC secret and a timestamp the receiver can verify', async () => {
    const secret = 'a-very-secret-signing-key';
    const { sink } = makeSink({ hmacSecret: secret });
    await sink.start();
    await sink.export(ruleAFindings(2));
    await sink.forceFlush();

    const [request] = receiver.requests;
    const signature = request?.headers['x-jackwatch-signature'] as string;
    const timestamp = request?.headers['x-jackwatch-timestamp'] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, body: request!.body, signature, timestamp })).toBe(true);
    expect(verifyWebhookSignature({ secret: 'another-secret-entirely', body: request!.body, signature, timestamp })).toBe(false);
    const tampered = Buffer.from(request!.body.toString('utf8').replace('ci-deployer', 'someone-else'));
    expect(verifyWebhookSignature({ secret, body: tampered, signature, timestamp })).toBe(false);
    const replayedLater = Number(timestamp) * 1000 + 10 * 60_000;
    expect(verifyWebhookSignature({ secret, body: request!.body, signature, timestamp, now: replayedLater })).toBe(false);
  });

  it('never retries a 400: the batch goes straight to the dead-letter file', async () => {
    const { sink, context } = makeSink({ maxRetries: 5 });
    receiver.setDefault({ kind: 'respond', status: 400, body: 'bad payload' });
    const finding = ruleAFinding();
    await sink.start();
    await sink.export([finding]);
    await sink.forceFlush();

    expect(receiver.requests).toHaveLength(1);
    expect(sink.stats()).toEqual({ accepted: 1, delivered: 0, retried: 0, deadLettered: 1, queued: 0, lost: 0 });
    const lines = (await readFile(sink.deadLetterPath, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({ sink: 'webhook/test', attempts: 1, reason: 'HTTP 400: bad payload', finding: { id: finding.id } });
    expect(sink.deadLetterPath).toBe(join(tmp.dir, '.jackwatch/dead-letter/webhook_test.jsonl'));
    // Dead-lettered is not lost: a warning, never an error-level report that fails the run.
    expect(context.errors.errors).toEqual([]);
  });

  it('stops retrying a receiver that is down: dead-letters at once between probes, and closes on a delivered probe', async () => {
    const { sink, context } = makeSink({ maxRetries: 1, batch: { maxFindings: 1, maxWait: '10ms' }, circuitBreaker: { failures: 2, probeInterval: '150ms' } });
    receiver.setDefault({ kind: 'respond', status: 503 });
    const findings = ruleAFindings(5);
    const send = async (i: number): Promise<void> => {
      await sink.export([findings[i]!]);
      await sink.forceFlush();
    };
    await sink.start();
    await send(0);
    await send(1);
    expect(receiver.requests).toHaveLength(4); // two batches, each tried twice
    expect(context.telemetry.total('jackwatch.sink.circuit.opened')).toBe(1);
    expect(context.telemetry.observed()).toContainEqual({ name: 'jackwatch.sink.circuit.open', labels: { sink: 'webhook/test' }, value: 1 });
    expect(context.errors.errors).toEqual([]);

    await send(2);
    expect(receiver.requests).toHaveLength(4); // dead-lettered untried

    receiver.setDefault({ kind: 'respond', status: 200 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await send(3); // the probe: one attempt, delivered, circuit closed
    await send(4);
    expect(receiver.requests).toHaveLength(6);
    expect(sink.stats()).toEqual({ accepted: 5, delivered: 2, retried: 2, deadLettered: 3, queued: 0, lost: 0 });
    const deadLettered = (await readFile(sink.deadLetterPath, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { reason: string; attempts: number });
    expect(deadLettered.map((entry) => entry.attempts)).toEqual([2, 2, 0]);
    expect(deadLettered[2]!.reason).toMatch(/^receiver down \(circuit open\): HTTP 503/);
    expect(context.telemetry.observed()).toContainEqual({ name: 'jackwatch.sink.circuit.open', labels: { sink: 'webhook/test' }, value: 0 });
  });

  it('keeps accepted = delivered + deadLettered + queued when the receiver is down past maxRetries', async () => {
    const { sink } = makeSink({ maxRetries: 2, batch: { maxFindings: 2, maxWait: '10ms' } });
    receiver.script({ kind: 'respond', status: 503 }, { kind: 'respond', status: 503 }, { kind: 'respond', status: 503 });
    await sink.start();
    await sink.export(ruleAFindings(5));
    await sink.forceFlush();

    const stats = sink.stats();
    expect(stats).toEqual({ accepted: 5, delivered: 3, retried: 2, deadLettered: 2, queued: 0, lost: 0 });
    expect(stats.accepted).toBe(stats.delivered + stats.deadLettered + stats.queued);
  });

  it('counts and reports findings as lost when the dead-letter file cannot be written', async () => {
    const { sink, context } = makeSink({ maxRetries: 0, deadLetter: 'dl/dead.jsonl' });
    receiver.setDefault({ kind: 'respond', status: 400 });
    await sink.start();
    await writeFile(join(tmp.dir, 'dl-blocker'), '');
    await rm(join(tmp.dir, 'dl'), { recursive: true });
    await rename(join(tmp.dir, 'dl-blocker'), join(tmp.dir, 'dl'));
    await sink.export([ruleAFinding()]);
    await sink.forceFlush();

    expect(sink.stats()).toMatchObject({ accepted: 1, delivered: 0, deadLettered: 0, queued: 0 });
    expect(sink.stats().lost).toBe(1);
    expect(context.errors.errors.at(-1)?.attributes).toMatchObject({ findingIds: [ruleAFinding().id], reason: 'HTTP 400' });
  });

  it('dead-letters what is still queued when shutdown outlasts shutdownTimeout', async () => {
    const { sink } = makeSink({ timeout: '30s', shutdownTimeout: '200ms', batch: { maxFindings: 2, maxWait: '10ms' } });
    receiver.setDefault({ kind: 'hang' });
    await sink.start();
    await sink.export(ruleAFindings(6));
    await sink.shutdown();

    expect(sink.stats()).toMatchObject({ accepted: 6, delivered: 0, deadLettered: 6, queued: 0 });
    const entries = (await readFile(sink.deadLetterPath, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(entries.map((e) => e.finding.id).sort()).toEqual(ruleAFindings(6).map((f) => f.id).sort());
  });

  it('applies backpressure: export waits while the bounded queue is full and the receiver is slow', async () => {
    const { sink } = makeSink({ queueSize: 4, batch: { maxFindings: 2, maxWait: '10ms' } });
    receiver.setDefault({ kind: 'respond', status: 200, delayMs: 1000 });
    await sink.start();
    let mostQueued = 0;
    const findings = ruleAFindings(10);
    for (let i = 0; i < findings.length; i += 3) {
      await sink.export(findings.slice(i, i + 3));
      mostQueued = Math.max(mostQueued, sink.stats().queued);
    }
    // 10 accepted with room for 4: at least 6 had to leave first, i.e. 3 slow requests completed.
    expect(receiver.completed).toBeGreaterThanOrEqual(3);
    expect(mostQueued).toBeLessThanOrEqual(4);
    await sink.forceFlush();
    expect(sink.stats()).toMatchObject({ accepted: 10, delivered: 10, queued: 0 });
    expect(receiver.maxConcurrent).toBe(1);
  });

  it('accepts an export larger than the queue, in pieces', async () => {
    const { sink } = makeSink({ queueSize: 3, batch: { maxFindings: 3, maxWait: '10ms' } });
    await sink.start();
    await sink.export(ruleAFindings(10));
    await sink.forceFlush();
    expect(sink.stats()).toMatchObject({ accepted: 10, delivered: 10 });
    const ids = receiver.deliveredBodies().flatMap((body) => (body as { findings: Array<{ id: string }> }).findings.map((f) => f.id));
    expect(ids).toEqual(ruleAFindings(10).map((f) => f.id));
  });

  it('sends a Slack-compatible message with format: slack', async () => {
    const { sink } = makeSink({ format: 'slack' });
    await sink.start();
    await sink.export([ruleAFinding()]);
    await sink.forceFlush();
    const [body] = receiver.deliveredBodies() as Array<{ text: string; blocks: Array<{ type: string }> }>;
    expect(body?.text).toMatch(/^\[HIGH\] Long-term key AKIAIOSFODNN7EXAMPLE/);
    expect(body?.blocks.map((b) => b.type)).toEqual(['section', 'context']);
  });
});
