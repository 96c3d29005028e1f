import { appendFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { EVIDENCE_OMITTED_KEY, type Finding, systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleAFinding, ruleAFindings } from '../testing/finding-fixture.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { WebhookReceiver } from '../testing/webhook-receiver.ts';
import { webhookConfigSchema } from './config.ts';
import { redeliverDeadLetters } from './redeliver.ts';
import { WebhookSink } from './webhook-sink.ts';

describe('redeliverDeadLetters', () => {
  let receiver: WebhookReceiver;
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
    tmp = await makeTempDir();
  });
  afterEach(async () => {
    await receiver.close();
    await tmp.remove();
  });

  const config = () => ({ url: receiver.url, maxRetries: 1, backoff: { initial: '10ms', max: '50ms' }, batch: { maxWait: '10ms' } });

  async function deadLetterFindings(count: number): Promise<string> {
    receiver.setDefault({ kind: 'respond', status: 503 });
    const sink = new WebhookSink(webhookConfigSchema.parse(config()), testContext('webhook/siem', { baseDir: tmp.dir, clock: systemClock }));
    await sink.start();
    await sink.export(ruleAFindings(count));
    await sink.shutdown();
    expect(sink.stats().deadLettered).toBe(count);
    return sink.deadLetterPath;
  }

  it('sends dead-lettered findings again once the receiver is back, and empties the file', async () => {
    const file = await deadLetterFindings(7);
    receiver.requests.length = 0;
    receiver.setDefault({ kind: 'respond', status: 200 });

    const report = await redeliverDeadLetters(file, { config: config(), context: testContext('webhook/siem', { baseDir: tmp.dir, clock: systemClock }) });

    expect(report).toMatchObject({ read: 7, delivered: 7, deadLettered: 0, malformed: 0, skipped: 0, resumed: false });
    const ids = receiver.deliveredBodies().flatMap((body) => (body as { findings: Array<{ id: string }> }).findings.map((f) => f.id));
    expect(ids.sort()).toEqual(ruleAFindings(7).map((f) => f.id).sort());
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(`${file}.redelivering`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('puts back what fails again and keeps unreadable lines verbatim', async () => {
    const file = await deadLetterFindings(3);
    await appendFile(file, 'this is not json\n{"finding":{"id":1}}\n');
    receiver.setDefault({ kind: 'respond', status: 500 });

    const report = await redeliverDeadLetters(file, { config: config(), context: testContext('webhook/siem', { baseDir: tmp.dir, clock: systemClock }) });

    expect(report).toMatchObject({ read: 3, delivered: 0, deadLettered: 3, malformed: 2 });
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toContain('this is not json');
    expect(lines).toContain('{"finding":{"id":1}}');
    const back = lines.filter((line) => line.startsWith('{"deadLetteredAt"')).map((line) => JSON.parse(line).finding.id);
    expect(back.sort()).toEqual(ruleAFindings(3).map((f) => f.id).sort());
  });

  it('resumes an interrupted redelivery from <file>.redelivering', async () => {
    const file = await deadLetterFindings(2);
    await rename(file, `${file}.redelivering`);
    receiver.setDefault({ kind: 'respond', status: 200 });

    const report = await redeliverDeadLetters(file, { config: config(), context: testContext('webhook/siem', { baseDir: tmp.dir, clock: systemClock }) });

    expect(report).toMatchObject({ read: 2, delivered: 2, resumed: true });
  });

  it('does nothing when there is no dead-letter file', async () => {
    const report = await redeliverDeadLetters('.jackwatch/dead-letter/none.jsonl', {
      config: config(),
      context: testContext('webhook/siem', { baseDir: tmp.dir, clock: systemClock }),
    });
    expect(report).toMatchObject({ read: 0, delivered: 0 });
    expect(receiver.requests).toHaveLength(0);
  });

  it('redelivers a hand-written line whose evidence is 100,000 levels deep, next to a good one', async () => {
    const file = `${tmp.dir}/dl.jsonl`;
    const good = ruleAFinding({ n: 1 });
    const deep = ruleAFinding({ n: 2 });
    const deepLine = JSON.stringify({ deadLetteredAt: '2026-03-14T03:00:00.000Z', sink: 'webhook/siem', reason: 'HTTP 503', attempts: 6, finding: { ...deep, evidence: ['DEEP'] } })
      .replace('"evidence":["DEEP"]', `"evidence":[${'['.repeat(100_000)}${']'.repeat(100_000)}]`);
    await writeFile(file, `${deepLine}\n${JSON.stringify({ deadLetteredAt: '2026-03-14T03:00:00.000Z', sink: 'webhook/siem', reason: 'HTTP 503', attempts: 6, finding: good })}\n`);

    const report = await redeliverDeadLetters(file, { config: config(), context: testContext('webhook/siem', { baseDir: tmp.dir, clock: systemClock }) });

    expect(report).toMatchObject({ read: 2, delivered: 2, deadLettered: 0, lost: 0, malformed: 0 });
    const [body] = receiver.deliveredBodies() as Array<{ findings: Finding[] }>;
    expect(body?.findings.map((f) => f.id)).toEqual([deep.id, good.id]);
    expect(body?.findings[0]?.evidence).toEqual([{ [EVIDENCE_OMITTED_KEY]: 'nested deeper than 1000 levels' }]);
    expect(body?.findings[1]).toEqual(JSON.parse(JSON.stringify(good)));
  });

  it('keeps <file>.redelivering when what fails again cannot be put back, and says how many were lost', async () => {
    const file = await deadLetterFindings(2);
    receiver.requests.length = 0;
    receiver.setDefault({ kind: 'hang' });
    const redelivery = redeliverDeadLetters(file, { config: { ...config(), maxRetries: 0, timeout: '2s' }, context: testContext('webhook/siem', { baseDir: tmp.dir, clock: systemClock }) });
    while (receiver.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await mkdir(file); // the file the sink would append to is now a directory

    const report = await redelivery;

    expect(report).toMatchObject({ read: 2, delivered: 0, deadLettered: 0, lost: 2 });
    const kept = (await readFile(`${file}.redelivering`, 'utf8')).trim().split('\n').map((line) => JSON.parse(line).finding.id);
    expect(kept.sort()).toEqual(ruleAFindings(2).map((f) => f.id).sort());
  });
});
