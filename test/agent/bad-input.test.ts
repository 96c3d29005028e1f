import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@jackwatch/core';
import { allRulesConfig, copyQuickstartLogs } from '../support/quickstart-copy.ts';
import { jsonLines, runCli } from '../support/run-cli.ts';

async function firstDeliveryFile(dir: string): Promise<string> {
  const day = join(dir, 'logs/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20');
  return join(day, (await readdir(day)).sort()[0]!);
}

describe('jackwatch run with bad input and bad config', () => {
  it('names the file, the line and the right key for a typo in the config, and exits 2', async () => {
    const dir = await copyQuickstartLogs();
    const config = join(dir, 'config.yaml');
    await writeFile(config, allRulesConfig(join(dir, 'logs')).replace('format: json', 'fromat: json'));
    const { code, stdout, stderr } = await runCli(['run', '--config', config]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${config}:11:`);
    expect(stderr).toContain('format');
  });

  it('reports a .json.gz cut in half and still prints the findings of the other files', async () => {
    const dir = await copyQuickstartLogs();
    const victim = await firstDeliveryFile(dir);
    const bytes = await readFile(victim);
    await writeFile(victim, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const config = join(dir, 'config.yaml');
    await writeFile(config, allRulesConfig(join(dir, 'logs')));
    const { code, stdout, stderr } = await runCli(['run', '--config', config]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/rejected:.*truncated 1/);
    expect(stderr).toContain(victim);
    expect(jsonLines<Finding>(stdout).map((f) => f.detector.id)).toContain('aws-bedrock-list-models-failures');
  });

  it('rejects and counts a record without eventTime, and goes on', async () => {
    const dir = await copyQuickstartLogs();
    const victim = await firstDeliveryFile(dir);
    const { Records } = JSON.parse((await import('node:zlib')).gunzipSync(await readFile(victim)).toString()) as { Records: Record<string, unknown>[] };
    delete Records[0]!.eventTime;
    await writeFile(victim, gzipSync(JSON.stringify({ Records })));
    const config = join(dir, 'config.yaml');
    await writeFile(config, allRulesConfig(join(dir, 'logs')));
    const { code, stdout, stderr } = await runCli(['run', '--config', config]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/rejected:.*missing-event-time 1/);
    expect(jsonLines<Finding>(stdout)).toHaveLength(5);
  });
});
