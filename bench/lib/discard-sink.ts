import type { Finding, Sink, SinkFactory, SinkStats } from '@jackwatch/core';
import { z } from 'zod';

/**
 * What a discard sink saw: the id and detector of every finding whose
 * detector `noteIds` accepts (all when absent), and how many findings each
 * detector made — nothing else, so it costs no memory to speak of even when
 * a rule fires on most records.
 */
export interface FindingTally {
  readonly ids: string[];
  readonly detectors: string[];
  readonly counts: Map<string, number>;
  readonly noteIds?: (detector: string) => boolean;
}

/** An empty tally, noting the ids of the findings of the detectors `noteIds` accepts (all by default). */
export function findingTally(noteIds?: (detector: string) => boolean): FindingTally {
  return { ids: [], detectors: [], counts: new Map(), ...(noteIds === undefined ? {} : { noteIds }) };
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
    const tally = this.#tally;
    for (const finding of findings) {
      const detector = finding.detector.id;
      tally.counts.set(detector, (tally.counts.get(detector) ?? 0) + 1);
      if (tally.noteIds !== undefined && !tally.noteIds(detector)) continue;
      tally.ids.push(finding.id);
      tally.detectors.push(detector);
    }
    this.#accepted += findings.length;
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}

  stats(): SinkStats {
    return { accepted: this.#accepted, delivered: this.#accepted, retried: 0, deadLettered: 0, queued: 0 };
  }
}
