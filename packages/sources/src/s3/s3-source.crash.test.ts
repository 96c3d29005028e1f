import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './testdata/emulator.ts';
import { type TrailFile, trailFile } from './testdata/trail-files.ts';

const RUNNER = fileURLToPath(new URL('./testdata/crash-runner.ts', import.meta.url));
const START = Date.UTC(2026, 9, 1);

let emulator: Emulator;
let dir: string;
let files: TrailFile[];

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), 'jw-s3-crash-'));
  await emulator.createBucket('crash');
  files = ['111111111111', '222222222222'].flatMap((account) =>
    ['us-east-1', 'eu-west-1'].flatMap((region) => Array.from({ length: 100 }, (_, i) => trailFile({ account, region }, START + i * 5 * 60_000 + 60_000, 50))),
  );
  for (const file of files) await emulator.putObject('crash', file.key, file.body);
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the crash runner; with `killAfter`, sends SIGKILL once that many keys were printed. */
function run(killAfter?: number): Promise<{ keys: string[]; code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=development', RUNNER, emulator.endpoint, 'crash', join(dir, 'checkpoints')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const keys: string[] = [];
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      keys.push(...lines);
      if (killAfter !== undefined && keys.length >= killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ keys, code, signal }));
  });
}

describe('s3 source, kill -9', () => {
  it('resumes from the file checkpoint after kill -9: every object once, at most the one in delivery twice', async () => {
    const killed = await run(150);
    const resumed = await run();

    expect(killed.signal).toBe('SIGKILL');
    expect(resumed.code).toBe(0);
    const all = files.map((f) => `s3://crash/${f.key}`).sort();
    expect([...new Set([...killed.keys, ...resumed.keys])].sort()).toEqual(all);
    const twice = resumed.keys.filter((key) => killed.keys.includes(key));
    expect(twice.length).toBeLessThanOrEqual(1);
    expect(twice).toEqual(killed.keys.slice(killed.keys.length - twice.length));
  });
});
