import { describe, expect, it } from 'vitest';
import { probeCheck } from './probe.ts';

describe('probeCheck', () => {
  it('passes with the message the check returns, or "ok"', async () => {
    expect(await probeCheck('dns example.com', 1000, async () => 'resolves to 192.0.2.1')).toEqual({ check: 'dns example.com', ok: true, message: 'resolves to 192.0.2.1' });
    expect(await probeCheck('path ./logs', 1000, async () => {})).toEqual({ check: 'path ./logs', ok: true, message: 'ok' });
  });

  it("fails with the error's message when the check throws", async () => {
    const result = await probeCheck('s3:HeadBucket s3://gone', 1000, async () => {
      throw new Error('s3://gone does not exist');
    });
    expect(result).toEqual({ check: 's3:HeadBucket s3://gone', ok: false, message: 's3://gone does not exist' });
  });

  it('fails a check that never answers once its time is up, and aborts its signal so it can close its sockets', async () => {
    let seen: AbortSignal | undefined;
    const result = await probeCheck('tls hang.example:443', 20, (signal) => {
      seen = signal;
      return new Promise<string>(() => {});
    });
    expect(result).toEqual({ check: 'tls hang.example:443', ok: false, message: 'no answer within 20 ms' });
    expect(seen?.aborted).toBe(true);
  });

  it('does not run a check once the probe was stopped', async () => {
    let ran = false;
    const result = await probeCheck('dns x', 1000, async () => {
      ran = true;
    }, AbortSignal.abort());
    expect(result.ok).toBe(false);
    expect(ran).toBe(false);
  });
});
