import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enumThenInvoke, organizationTrail, writeDeliveryTree } from '../support/cloudtrail-delivery.ts';
import { REPO_ROOT } from '../support/run-cli.ts';

const DAY_START = Date.parse('2026-03-02T00:00:00Z');
let dir: string;

function runNode(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=development', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the embedding API in a process of its own', () => {
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints nothing and never exits the process, through a bad config, a failing sink, a missing path and a detect() run', async () => {
    dir = await mkdtemp(join(tmpdir(), 'jackwatch-hygiene-'));
    const planted = enumThenInvoke('111122223333', 'us-east-1', DAY_START + 9 * 3_600_000);
    await writeDeliveryTree(join(dir, 'logs'), organizationTrail({ accounts: ['111122223333'], regions: ['us-east-1'], start: DAY_START, days: 1, filesPerDay: 12, recordsPerFile: 20 }, planted));
    const out = join(dir, 'report.json');
    const fixture = join(REPO_ROOT, 'examples/detector-plugin/fixtures/fires-on-new-ip/events.ndjson');
    const { code, stdout, stderr } = await runNode([join(REPO_ROOT, 'test/embedding/support/embedded-run.ts'), out, dir, fixture]);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    const report = JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>;
    expect(report['configError']).toContain('sources.nope: unknown source type "nope"');
    expect(report['findings']).toMatchObject({ 'aws-bedrock-enum-then-invoke-long-term-key': 1 });
    expect(report['sinkFailures']).toBe(1);
    expect(report['componentErrors']).toBe(1);
    expect(report['missingPath']).toMatch(/no-such-dir/);
    expect(report['detected']).toEqual(['aws-bedrock-enum-then-invoke-long-term-key']);
  });
});
