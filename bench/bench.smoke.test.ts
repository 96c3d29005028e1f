import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type Manifest } from './generate/dataset.ts';
import { FINDINGS_PER_SET } from './generate/scenarios.ts';
import type { AgentMode } from './lib/agent-config.ts';
import { checkRun } from './lib/check-findings.ts';
import { runBenchAgent } from './lib/run-bench-agent.ts';
import { runChild } from './lib/run-child.ts';

// A tiny run of the benchmark's generator and agent: no timing, only that the
// injected attacks are found exactly, whichever way the file source decodes.
describe('bench smoke: generator + agent', () => {
  let root: string;
  let manifest: Manifest;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jackwatch-bench-'));
    manifest = generateDataset(root, { records: 6000, bedrockShare: 0.05, attacks: 2, rate: 3 });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it(`generates the same files from the same options, with ${FINDINGS_PER_SET} findings per attack set`, () => {
    expect(manifest.records).toBe(6000);
    expect(manifest.expected).toHaveLength(2 * FINDINGS_PER_SET);
    expect(manifest.interestingRecords).toBeGreaterThan(100);
    expect(generateDataset(root, { records: 6000, bedrockShare: 0.05, attacks: 2, rate: 3 })).toEqual(manifest);
  });

  const modes: AgentMode[] = [
    { prefilter: false, workers: 0 },
    { prefilter: true, workers: 0 },
    { prefilter: true, workers: 2 },
    { prefilter: false, workers: 2 },
  ];
  // The peers' correctness checks, on the same files: gunzip alone must count every record and byte,
  // DuckDB's SQL must find as many findings of rules A, B and C as were injected.
  it.each([
    { script: 'floor.ts', args: ['--parse', 'none'], has: 'floor' },
    { script: 'duckdb.ts', args: ['--threads', '1'], has: 'ruleFindings' },
  ])('$script $args counts what the dataset holds', async ({ script, args, has }) => {
    const measurement = await runChild(script, [manifest.dir, ...args]);
    expect(measurement.details).toHaveProperty(has);
    expect(checkRun('smoke', measurement, manifest)).toEqual([]);
  });

  for (const mode of modes) {
    it(`finds exactly the injected findings (prefilter ${mode.prefilter ? 'on' : 'off'}, workers ${mode.workers})`, async () => {
      const run = await runBenchAgent(join(manifest.dir, 'AWSLogs'), join(root, 'work'), mode);
      const measurement = { records: manifest.records, seconds: run.seconds, maxRssKb: 0, details: { mode, findings: run.tally.ids, eventsRead: run.result.eventsRead, unmatched: run.result.unmatched } };
      expect(checkRun('smoke', measurement, manifest)).toEqual([]);
      expect(run.result.rejected).toEqual({});
    });
  }
});
