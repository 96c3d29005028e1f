import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPipelinesFromConfig, findingId, type Finding } from '@jackwatch/core';
import { enumThenInvoke, listModelsFailures, loggingDeletion, organizationTrail, writeDeliveryTree, type PlantedRecord } from '../support/cloudtrail-delivery.ts';
import { collectingSink, EMBEDDED_CONFIG, firstParty } from './support/embedder-plugins.ts';

const DAY_START = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;
const dirs: string[] = [];

async function trailDir(planted: readonly PlantedRecord[], seed: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jackwatch-embed-'));
  dirs.push(dir);
  const files = organizationTrail({ accounts: ['111122223333'], regions: ['us-east-1', 'eu-west-1'], start: DAY_START, days: 1, filesPerDay: 24, recordsPerFile: 40, seed }, planted);
  await writeDeliveryTree(join(dir, 'logs'), files);
  return dir;
}

const idOf = (detector: string, planted: PlantedRecord) => findingId(detector, planted.record.eventID!);

describe('two embedded pipelines in one process', () => {
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('run the same config over different trails at the same time and each finds only its own', async () => {
    const sequence = enumThenInvoke('111122223333', 'us-east-1', DAY_START + 9 * HOUR);
    const deletion = loggingDeletion('111122223333', 'eu-west-1', DAY_START + 10 * HOUR);
    const failures = listModelsFailures('111122223333', 'us-east-1', DAY_START + 11 * HOUR);
    const [dirA, dirB] = await Promise.all([trailDir(sequence, 'a'), trailDir([...deletion, ...failures], 'b')]);
    const foundA: Finding[] = [];
    const foundB: Finding[] = [];
    const a = createPipelinesFromConfig(EMBEDDED_CONFIG, { plugins: [firstParty, collectingSink(foundA)], baseDir: dirA });
    const b = createPipelinesFromConfig(EMBEDDED_CONFIG, { plugins: [firstParty, collectingSink(foundB)], baseDir: dirB });
    const [[resultA], [resultB]] = await Promise.all([a.run(), b.run()]);
    await Promise.all([a.shutdown(), b.shutdown()]);

    expect(foundA.map((f) => f.id)).toEqual([idOf('aws-bedrock-enum-then-invoke-long-term-key', sequence[0]!)]);
    expect(foundB.map((f) => f.id).sort()).toEqual(
      [idOf('aws-bedrock-logging-deletion', deletion[0]!), idOf('aws-bedrock-logging-deletion-non-admin', deletion[0]!), idOf('aws-bedrock-list-models-failures', failures[9]!)].sort(),
    );
    expect(resultA!.findings).toEqual({ 'aws-bedrock-enum-then-invoke-long-term-key': 1, 'aws-bedrock-logging-deletion': 0, 'aws-bedrock-logging-deletion-non-admin': 0, 'aws-bedrock-list-models-failures': 0 });
    expect(resultB!.findings['aws-bedrock-enum-then-invoke-long-term-key']).toBe(0);
    // Each config's counters hold its own run only.
    expect(a.telemetry.total('jackwatch.detector.findings')).toBe(1);
    expect(b.telemetry.total('jackwatch.detector.findings')).toBe(3);
    expect(a.telemetry.total('jackwatch.source.events.read')).toBe(resultA!.eventsRead['file']);
    expect(b.telemetry.total('jackwatch.source.events.read')).toBe(resultB!.eventsRead['file']);
    // Library defaults: no checkpoint directory appears next to the config.
    expect((await readdir(dirA)).sort()).toEqual(['logs']);
  });
});
