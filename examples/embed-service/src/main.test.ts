import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findingId, type Finding } from '@jackwatch/core';
import { cloudTrailRecord, iamUser } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const leaked = iamUser({ userName: 'svc-reporting' });
const records = [
  cloudTrailRecord({ time: T0, action: 'ListFoundationModels', identity: leaked, seed: 'main-list' }),
  cloudTrailRecord({ time: T0 + 60_000, action: 'Converse', identity: leaked, seed: 'main-converse' }),
];

describe('embed-service as a process (npm start)', () => {
  it('listens on PORT, answers POST /events with findings, and closes cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--conditions=development', fileURLToPath(new URL('./main.ts', import.meta.url))], {
      env: { ...process.env, PORT: '0', API_KEY: 'k-123' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.once('close', () => reject(new Error(`exited before listening: ${stderr}`)));
    });
    try {
      const response = await fetch(`${url}/events`, { method: 'POST', headers: { 'x-api-key': 'k-123' }, body: records.map((r) => JSON.stringify(r)).join('\n') });
      const body = (await response.json()) as { findings: Finding[] };
      expect(body.findings.map((f) => f.id)).toEqual([findingId('aws-bedrock-enum-then-invoke-long-term-key', records[0]!.eventID!)]);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toContain('embed-service: closed (0 finding(s) at flush)');
      expect(stdout).toBe('');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
