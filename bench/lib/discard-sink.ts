import type { Finding, Sink, SinkFactory, SinkStats } from '@jackwatch/core';
import { z } from 'zod';

/** What a discard sink saw: the id and detector of every finding, nothing else (so it costs no memory to speak of). */
export interface FindingTally {
  readonly ids: string[];
  readonly detectors: string[];
}

/**
 * A sink that drops findings after noting their ids: the "null sink" the
 * benchmark measures the agent with, so sink cost is not part of the figure.
 */
export function discardSinkFactory(tally: FindingTally): SinkFactory<Record<string, never>> {
  return {
    kind: 'sink',
    type: 'discard',
    stability: 'alpha',
    description: 'Drops findings (benchmarks)',
    configSchema: z.strictObject({}),
    create: () => new DiscardSink(tally),
  };
}

class DiscardSink implements Sink {
  readonly #tally: FindingTally;
  #accepted = 0;

  constructor(tally: FindingTally) {
    this.#tally = tally;
  }

  async start(): Promise<void> {}

  async export(findings: readonly Finding[]): Promise<void> {
    for (const finding of findings) {
      this.#tally.ids.push(finding.id);
      this.#tally.detectors.push(finding.detector.id);
    }
    this.#accepted += findings.length;
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}

  stats(): SinkStats {
    return { accepted: this.#accepted, delivered: this.#accepted, retried: 0, deadLettered: 0, queued: 0 };
  }
}
