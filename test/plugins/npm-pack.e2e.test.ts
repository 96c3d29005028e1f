import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, rm, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingId, type Finding } from '@jackwatch/core';
import { jsonLines, REPO_ROOT, runCli } from '../support/run-cli.ts';
import { linkFromRepo, siteConfig, siteDir } from './support/site.ts';

const run = promisify(execFile);
const PLUGIN_DIR = join(REPO_ROOT, 'examples/detector-plugin');
const PLUGIN = '@acme/jackwatch-bedrock-new-origin';
const FIXTURE = join(PLUGIN_DIR, 'fixtures/fires-on-new-ip/events.ndjson');
// npm runs the plugin's prepack (tsc) on the repository's Node and TypeScript.
const env = { ...process.env, PATH: `${join(REPO_ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`, npm_config_update_notifier: 'false' };

let site: string;

describe('a detector plugin packed with npm pack and installed next to a config', () => {
  beforeAll(async () => {
    site = await siteDir();
    const packed = await run('npm', ['pack', '--pack-destination', site, '--json'], { cwd: PLUGIN_DIR, env, maxBuffer: 16 * 1024 * 1024 });
    const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as [{ filename: string }];
    await writeFile(join(site, 'package.json'), '{ "name": "jackwatch-site", "version": "1.0.0", "private": true }\n');
    // zod (the plugin's dependency) comes from the cache when it is there and from the registry when it is
    // not: `--offline` needs full registry metadata that `npm ci` never caches, so it failed on a new machine.
    // The peer @jackwatch/core is linked below instead.
    await run('npm', ['install', join(site, filename), '--prefer-offline', '--no-audit', '--no-fund', '--legacy-peer-deps'], { cwd: site, env });
    await linkFromRepo(site, ['@jackwatch/core']);
    await copyFile(FIXTURE, join(site, 'events.ndjson'));
    await writeFile(join(site, 'jackwatch.yaml'), siteConfig([PLUGIN], ['acme-bedrock-new-origin', 'aws-bedrock-enum-then-invoke-long-term-key']));
  }, 180_000);

  afterAll(() => rm(site, { recursive: true, force: true }));

  it('installs built JavaScript only: the package has dist/ and no sources', () => {
    const installed = join(site, 'node_modules', PLUGIN);
    expect(existsSync(join(installed, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(installed, 'src'))).toBe(false);
  });

  it('is loaded by jackwatch run through plugins:, and its detector fires next to a first-party one', async () => {
    const { code, stdout, stderr } = await runCli(['run', '--config', join(site, 'jackwatch.yaml')], { cwd: site });
    expect(code, stderr).toBe(0);
    const stolen = (await readFile(FIXTURE, 'utf8')).split('\n').map((line) => (line ? (JSON.parse(line) as { eventID: string; eventName: string; sourceIPAddress: string }) : undefined));
    const invocation = stolen.find((r) => r?.eventName === 'InvokeModel' && r.sourceIPAddress === '185.220.101.34')!;
    const recon = stolen.find((r) => r?.eventName === 'ListFoundationModels')!;
    const findings = jsonLines<Finding>(stdout);
    // The VPS's enumeration then invocation is rule A's sequence too: plugin and first-party rules run side by side.
    expect(findings.map((f) => [f.detector.id, f.id]).sort()).toEqual([
      ['acme-bedrock-new-origin', findingId('acme-bedrock-new-origin', invocation.eventID)],
      ['aws-bedrock-enum-then-invoke-long-term-key', findingId('aws-bedrock-enum-then-invoke-long-term-key', recon.eventID)],
    ]);
    expect(findings.find((f) => f.detector.id === 'acme-bedrock-new-origin')!.summary).toContain('new source IP 185.220.101.34');
    expect(stderr).toContain('findings: acme-bedrock-new-origin 1, aws-bedrock-enum-then-invoke-long-term-key 1');
  });

  it('is listed by jackwatch components --config with its package and version', async () => {
    const { code, stdout, stderr } = await runCli(['components', '--config', join(site, 'jackwatch.yaml')], { cwd: site });
    expect(code, stderr).toBe(0);
    const line = stdout.split('\n').find((l) => l.includes('acme-bedrock-new-origin'));
    expect(line).toMatch(/^ {2}acme-bedrock-new-origin +alpha +@acme\/jackwatch-bedrock-new-origin@0\.1\.0 +Bedrock invoked by a long-term \(AKIA\) key/);
    expect(stdout).toMatch(/aws-bedrock-logging-deletion +beta +@jackwatch\/detectors@/);
    const without = await runCli(['components'], { cwd: site });
    expect(without.stdout).not.toContain('acme-bedrock-new-origin');
  });

  it('passes jackwatch validate, which loads the plugin to check the detector options', async () => {
    await writeFile(join(site, 'typo.yaml'), siteConfig([PLUGIN], ['acme-bedrock-new-origin']).replace('acme-bedrock-new-origin: {}', 'acme-bedrock-new-origin: { histroy: 7d }'));
    const ok = await runCli(['validate', '--config', join(site, 'jackwatch.yaml')], { cwd: site });
    expect(ok.code, ok.stderr).toBe(0);
    const typo = await runCli(['validate', '--config', join(site, 'typo.yaml')], { cwd: site });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/typo\.yaml:6:\d+: detectors\.acme-bedrock-new-origin\.histroy: unknown key "histroy"; did you mean "history"\?/);
  });
});
