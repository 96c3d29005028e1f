import { PassThrough, Writable } from 'node:stream';
import { createComponentContext, type Finding } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
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

async function collect(out: PassThrough): Promise<string> {
  out.end();
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
    expect(sink.stats()).toEqual({ accepted: 3, delivered: 3, retried: 0, deadLettered: 0, queued: 0 });
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
});
