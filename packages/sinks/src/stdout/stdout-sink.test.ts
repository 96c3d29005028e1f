import { PassThrough, Writable } from 'node:stream';
import { createComponentContext, EVIDENCE_OMITTED_KEY, type Finding, isOmittedEvidence, systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { mixedBatch } from '../testing/hostile-findings.ts';
import { stdoutConfigSchema } from './config.ts';
import { StdoutSink } from './stdout-sink.ts';

const finding = (n: number): Finding => ({
  id: `id-${n}`,
  detector: { id: 'aws-bedrock-logging-deletion', title: 'Bedrock logging deleted', version: '1.0.0' },
  severity: 'high',
  riskScore: 73,
  attack: { tactics: [{ id: 'TA0005', name: 'Defense Evasion' }], techniques: [{ id: 'T1562.008', name: 'Disable or Modify Cloud Logs' }] },
  time: '2026-01-01T00:00:00Z',
  firstTime: '2026-01-01T00:00:00Z',
  lastTime: '2026-01-01T00:00:00Z',
  group: { userName: 'mallory', sourceIp: '203.0.113.9' },
  summary: `deletion number ${n}`,
  evidence: [{ eventName: 'DeleteModelInvocationLoggingConfiguration' }],
  references: [],
});

/** Reads everything `out` carries; ends it first unless told the test ends it later. */
async function collect(out: PassThrough, { endAfter = true } = {}): Promise<string> {
  if (endAfter) out.end();
  let text = '';
  for await (const chunk of out) text += String(chunk);
  return text;
}

describe('StdoutSink', () => {
  it('writes one JSON finding per line and nothing else', async () => {
    const out = new PassThrough();
    const sink = new StdoutSink(stdoutConfigSchema.parse({}), createComponentContext('stdout'), out);
    await sink.export([finding(1), finding(2)]);
    await sink.export([finding(3)]);
    const lines = (await collect(out)).trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Finding).id)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(sink.stats()).toEqual({ accepted: 3, delivered: 3, retried: 0, deadLettered: 0, queued: 0, lost: 0 });
  });

  it('prints a readable block without colour when the output is not a terminal', async () => {
    const out = new PassThrough();
    await new StdoutSink(stdoutConfigSchema.parse({ format: 'pretty' }), createComponentContext('stdout'), out).export([finding(7)]);
    const text = await collect(out);
    expect(text).toContain('HIGH');
    expect(text).toContain('deletion number 7');
    expect(text).toContain('userName=mallory sourceIp=203.0.113.9');
    expect(text).not.toContain('\u001b[');
  });

  it('prints text taken from records with its line breaks and escape sequences as escapes, so a record cannot forge a block or drive the terminal', async () => {
    const out = new PassThrough();
    const hostile: Finding = { ...finding(8), summary: 'invoked by agent \u001b[2J\nHIGH  forged finding', group: { userAgent: 'curl\r\n\u001b]0;title\u0007' } };
    await new StdoutSink(stdoutConfigSchema.parse({ format: 'pretty' }), createComponentContext('stdout'), out).export([hostile]);
    const text = await collect(out);
    expect(text).toContain('invoked by agent \\u001b[2J\\nHIGH  forged finding');
    expect(text).toContain('userAgent=curl\\r\\n\\u001b]0;title\\u0007');
    expect(text).not.toMatch(/[\u001b\u0007\r]/);
    expect(text.split('\n').filter((line) => line.startsWith('HIGH'))).toHaveLength(1);
  });

  it('waits for the stream to drain instead of buffering without bound', async () => {
    const writes: string[] = [];
    let release: (() => void) | undefined;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk, _enc, done) {
        writes.push(String(chunk));
        release = done;
      },
    });
    const sink = new StdoutSink(stdoutConfigSchema.parse({}), createComponentContext('stdout'), slow);
    let resolved = false;
    const pending = sink.export([finding(1)]).then(() => (resolved = true));
    await new Promise((r) => setImmediate(r));
    expect(resolved).toBe(false);
    release?.();
    await pending;
    expect(resolved).toBe(true);
    expect(writes).toHaveLength(1);
  });

  it('prints every finding of a batch holding deep, huge and cyclic evidence, each bad record as a marker', async () => {
    const out = new PassThrough();
    const text = collect(out, { endAfter: false });
    const context = testContext('stdout', { clock: systemClock });
    const sink = new StdoutSink(stdoutConfigSchema.parse({}), context, out);
    await sink.start();
    const batch = mixedBatch();
    await sink.export(batch);
    await sink.shutdown();
    out.end();
    const printed = (await text).trimEnd().split('\n').map((line) => JSON.parse(line) as Finding);
    expect(printed.map((f) => f.id)).toEqual(batch.map((f) => f.id));
    expect(printed.map((f) => f.evidence.map((r) => (isOmittedEvidence(r) ? r[EVIDENCE_OMITTED_KEY] : 'kept')))).toEqual([
      ['kept', 'kept'],
      ['kept', 'nested deeper than 1000 levels'],
      ['kept', "does not fit in the 262144 bytes of JSON a finding's evidence may take"],
      ['kept', 'contains a reference to itself (a cycle)'],
      ['kept', 'kept'],
    ]);
    expect(printed[1]?.evidence[1]).toMatchObject({ eventID: batch[1]?.evidence[1]?.eventID, eventName: 'InvokeModel', eventTime: '2026-03-14T02:15:41Z' });
    expect(printed[0]).toEqual(JSON.parse(JSON.stringify(batch[0])));
    expect(sink.stats()).toEqual({ accepted: 5, delivered: 5, retried: 0, deadLettered: 0, queued: 0, lost: 0 });
    expect(context.telemetry.total('jackwatch.sink.evidence.omitted', { sink: 'stdout' })).toBe(3);
    expect(context.errors.errors).toEqual([]);
  });

  it('caps evidence at maxEvidenceSize', async () => {
    const out = new PassThrough();
    const text = collect(out, { endAfter: false });
    const sink = new StdoutSink(stdoutConfigSchema.parse({ maxEvidenceSize: '1KiB' }), createComponentContext('stdout'), out);
    await sink.export([finding(1)]);
    await sink.export([{ ...finding(2), evidence: [{ eventName: 'Big', blob: 'z'.repeat(2000) }] }]);
    out.end();
    const [small, big] = (await text).trimEnd().split('\n').map((line) => JSON.parse(line) as Finding);
    expect(small?.evidence).toEqual(finding(1).evidence);
    expect(big?.evidence).toEqual([{ [EVIDENCE_OMITTED_KEY]: "does not fit in the 1024 bytes of JSON a finding's evidence may take", eventName: 'Big' }]);
  });

  it('prints the pretty block of every finding of such a batch', async () => {
    const out = new PassThrough();
    const text = collect(out, { endAfter: false });
    const sink = new StdoutSink(stdoutConfigSchema.parse({ format: 'pretty', color: 'never' }), createComponentContext('stdout'), out);
    const batch = mixedBatch();
    await sink.export(batch);
    out.end();
    const printed = await text;
    for (const f of batch) expect(printed).toContain(`id: ${f.id}`);
    expect(sink.stats()).toMatchObject({ accepted: 5, delivered: 5, lost: 0 });
  });

  it('colours pretty output on a terminal unless NO_COLOR is set to something', async () => {
    const printed = async (env: NodeJS.ProcessEnv, color: 'auto' | 'always'): Promise<string> => {
      const out = Object.assign(new PassThrough(), { isTTY: true });
      const text = collect(out, { endAfter: false });
      const sink = new StdoutSink(stdoutConfigSchema.parse({ format: 'pretty', color }), createComponentContext('stdout'), out, env);
      await sink.export([finding(1)]);
      out.end();
      return text;
    };
    const ESC = '\u001b[';
    expect(await printed({}, 'auto')).toContain(ESC);
    expect(await printed({ NO_COLOR: '' }, 'auto')).toContain(ESC);
    expect(await printed({ NO_COLOR: '1' }, 'auto')).not.toContain(ESC);
    expect(await printed({ NO_COLOR: '1' }, 'always')).toContain(ESC);
  });

  it('counts findings as lost, and reports it, when stdout cannot be written (a closed pipe)', async () => {
    const closed = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const context = testContext('stdout', { clock: systemClock });
    const sink = new StdoutSink(stdoutConfigSchema.parse({}), context, closed);
    await sink.start();
    await sink.export([finding(1), finding(2)]);
    await sink.export([finding(3)]);
    await sink.shutdown();
    expect(sink.stats()).toEqual({ accepted: 3, delivered: 0, retried: 0, deadLettered: 0, queued: 0, lost: 3 });
    expect(context.errors.errors[0]).toMatchObject({ componentId: 'stdout', attributes: { findings: 2, outcome: 'findings lost' } });
  });
});
