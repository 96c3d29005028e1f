import { readFile } from 'node:fs/promises';
import { MemoryCheckpointStore, Pipeline, findingId, type Detector, type Finding, type FindingEmitter, type Sink, type TrailEvent } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { DELIVERY_FILE, put, startedSource, tempDir, testSetup, trailRecord } from './testdata/harness.ts';

/** One finding per Bedrock ListFoundationModels. */
class ListModelsDetector implements Detector {
  readonly meta = {
    id: 'list-models', title: 'List models', version: '1', description: '', severity: 'low' as const, riskScore: 1,
    attack: { tactics: [], techniques: [] }, references: [], tags: [], falsePositives: [], investigation: '',
  };
  readonly interest = [{ eventSource: 'bedrock.amazonaws.com', eventNames: ['ListFoundationModels'] }];
  readonly span = 0;
  onEvent(event: TrailEvent, emit: FindingEmitter): void {
    if (event.action !== 'ListFoundationModels') return;
    const time = new Date(event.time).toISOString();
    emit({
      id: findingId(this.meta.id, event.eventId), detector: { id: this.meta.id, title: this.meta.title, version: '1' }, severity: 'low', riskScore: 1,
      attack: { tactics: [], techniques: [] }, time, firstTime: time, lastTime: time, group: {}, summary: event.eventId, evidence: [event.raw], references: [],
    });
  }
  onWatermark(): void {}
  flush(): void {}
  stateSize(): number {
    return 0;
  }
}

class CollectingSink implements Sink {
  readonly findings: Finding[] = [];
  async start(): Promise<void> {}
  async export(findings: readonly Finding[]): Promise<void> {
    this.findings.push(...findings);
  }
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
  stats() {
    return { accepted: this.findings.length, delivered: this.findings.length, retried: 0, deadLettered: 0, queued: 0 };
  }
}

describe('file source in a pipeline', () => {
  it('delivers findings, and the acks it gets checkpoint the files so a second run reads nothing', async () => {
    const dir = await tempDir();
    await put(dir, 'AWSLogs/1/CloudTrail/us-east-1/2024/10/17/1_CloudTrail_us-east-1_20241017T2005Z_a.json.gz', await readFile(DELIVERY_FILE));
    await put(dir, 'AWSLogs/1/CloudTrail/us-east-1/2024/10/17/1_CloudTrail_us-east-1_20241017T2010Z_b.json.gz', JSON.stringify({ Records: [trailRecord(0)] }));
    const checkpoints = new MemoryCheckpointStore();
    const run = async (): Promise<{ findings: Finding[]; read: number }> => {
      const setup = testSetup(dir, { checkpoints, interest: new ListModelsDetector().interest });
      const source = await startedSource({ paths: ['AWSLogs'] }, setup);
      const sink = new CollectingSink();
      const pipeline = new Pipeline({ sources: [{ id: 'file', component: source }], detectors: [{ id: 'list-models', component: new ListModelsDetector() }], sinks: [{ id: 'sink', component: sink }] });
      await pipeline.run();
      await pipeline.shutdown();
      return { findings: sink.findings, read: setup.telemetry.total('jackwatch.source.files.read') };
    };
    const first = await run();
    expect(first.findings.map((f) => f.summary)).toEqual(['2f1c7a52-0000-4000-8000-000000000001']);
    expect(first.read).toBe(2);
    const second = await run();
    expect(second).toEqual({ findings: [], read: 0 });
  });
});
