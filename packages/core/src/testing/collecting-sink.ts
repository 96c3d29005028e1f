import type { Sink, SinkStats } from '../component/sink.ts';
import type { Finding } from '../finding/finding.ts';

/** A sink that keeps every finding it is given, for tests. */
export class CollectingSink implements Sink {
  readonly findings: Finding[] = [];

  async start(): Promise<void> {}

  async export(findings: readonly Finding[]): Promise<void> {
    this.findings.push(...findings);
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}

  stats(): SinkStats {
    const n = this.findings.length;
    return { accepted: n, delivered: n, retried: 0, deadLettered: 0, queued: 0 };
  }
}
