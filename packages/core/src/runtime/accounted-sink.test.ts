import { describe, expect, it } from 'vitest';
import type { Sink, SinkStats } from '../component/sink.ts';
import type { Finding } from '../finding/finding.ts';
import { AccountedSink } from './accounted-sink.ts';

const findings = (n: number): Finding[] => Array.from({ length: n }, (_, i) => ({ id: `f${i}` }) as Finding);

/** A third-party sink without `stats`: exports reject while `failing` is set, and can be held open. */
class StatlessSink implements Sink {
  failing = false;
  hold: Promise<void> | undefined;
  async start(): Promise<void> {}
  async export(): Promise<void> {
    await this.hold;
    if (this.failing) throw new Error('receiver said no');
  }
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

describe('AccountedSink', () => {
  it('counts for a sink without stats: resolved = delivered, rejected = lost, pending = queued', async () => {
    const inner = new StatlessSink();
    const sink = AccountedSink.of(inner);
    await sink.export(findings(3));
    inner.failing = true;
    await expect(sink.export(findings(2))).rejects.toThrow('receiver said no');
    let release: () => void = () => undefined;
    inner.hold = new Promise((resolve) => (release = resolve));
    inner.failing = false;
    const pending = sink.export(findings(4));
    expect(sink.stats()).toEqual({ accepted: 9, delivered: 3, retried: 0, deadLettered: 0, queued: 4, lost: 2, countedBy: 'runtime' });
    release();
    await pending;
    expect(sink.stats()).toMatchObject({ accepted: 9, delivered: 7, queued: 0, lost: 2 });
  });

  it('takes a sink’s own stats, and counts as lost what it refused without counting or accepted without an outcome', async () => {
    let own: SinkStats = { accepted: 0, delivered: 0, retried: 1, deadLettered: 0, queued: 0 };
    let refuse = false;
    const inner: Sink = {
      start: async () => undefined,
      export: async (batch) => {
        if (refuse) throw new Error('shut down');
        own = { ...own, accepted: own.accepted + batch.length, delivered: own.delivered + batch.length };
      },
      forceFlush: async () => undefined,
      shutdown: async () => undefined,
      stats: () => own,
    };
    const sink = AccountedSink.of(inner);
    await sink.export(findings(5));
    refuse = true;
    await sink.export(findings(2)).catch(() => undefined);
    expect(sink.stats()).toEqual({ accepted: 7, delivered: 5, retried: 1, deadLettered: 0, queued: 0, lost: 2, countedBy: 'sink' });
    own = { ...own, delivered: 3 }; // two accepted findings that are nowhere
    expect(sink.stats()).toMatchObject({ accepted: 7, delivered: 3, lost: 4 });
  });

  it('counts for a sink whose stats throw, and wraps only once', async () => {
    const inner: Sink = {
      start: async () => undefined,
      export: async () => undefined,
      forceFlush: async () => undefined,
      shutdown: async () => undefined,
      stats: () => {
        throw new Error('no stats today');
      },
    };
    const sink = AccountedSink.of(inner);
    await sink.export(findings(2));
    expect(sink.stats()).toMatchObject({ accepted: 2, delivered: 2, lost: 0, countedBy: 'runtime' });
    expect(AccountedSink.of(sink)).toBe(sink);
  });
});
