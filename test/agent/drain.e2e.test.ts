import { readFileSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingId, type Finding } from '@jackwatch/core';
import { generateDataset } from '../../bench/generate/dataset.ts';
import { startCli } from '../support/cli-process.ts';
import { allRulesConfig } from '../support/quickstart-copy.ts';

const COPIES = 30;

// Hard links of every file of `from` under `to`: the same delivery files, read again, at no disk cost.
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.isDirectory()) await linkTree(join(from, entry.name), join(to, entry.name));
    else await link(join(from, entry.name), join(to, entry.name));
  }
}

describe('jackwatch run, drained mid-backfill', () => {
  it('stops reading local files on SIGINT, exits 0, and a rerun from the checkpoints finds the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jackwatch-drain-'));
    const manifest = generateDataset(join(dir, 'data'), { records: 20_000, bedrockShare: 0.05, attacks: 2, rate: 3 });
    for (let copy = 0; copy < COPIES; copy++) await linkTree(join(manifest.dir, 'AWSLogs'), join(dir, 'logs', `copy-${copy}`, 'AWSLogs'));
    const config = join(dir, 'config.yaml');
    // Full decode: every record is parsed, so the backfill takes seconds, all of it on the main thread.
    await writeFile(config, allRulesConfig(join(dir, 'logs')).replace('paths: [', 'prefilter: false\n    paths: ['));

    const first = startCli(config, {});
    await first.waitFor((lines) => lines.length > 0);
    first.child.kill('SIGINT');
    const code = await first.exited();
    expect(code, first.stderr()).toBe(0);
    expect(first.stderr()).toMatch(/\(drained\)/);

    const rest = startCli(config, {});
    expect(await rest.exited(), rest.stderr()).toBe(0);
    expect(rest.stderr()).not.toMatch(/\(drained\)/);
    const found = new Set([...first.lines, ...rest.lines].map((line) => (JSON.parse(line) as Finding).id));
    // The config runs the four seed rules; the dataset also injects attacks for the rest of the pack.
    const configText = readFileSync(config, 'utf8');
    for (const expected of manifest.expected.filter((e) => configText.includes(`  ${e.detector}: {}`))) {
      const ids = [expected.anchorEventId, ...(expected.alternatives ?? [])].map((anchor) => findingId(expected.detector, anchor));
      expect(ids.some((id) => found.has(id)), `${expected.scenario} found by neither run`).toBe(true);
    }
  });
});
