import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Measurement } from './measurement.ts';

const BENCH = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs one measurement script of bench/measure/ in its own process (so its
 * peak RSS is its own), and returns the result line it printed. `env` is
 * added to this process's environment.
 */
export function runChild(script: string, args: readonly string[], nodeFlags: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=development', ...nodeFlags, `${BENCH}measure/${script}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`${script} ${args.join(' ')} failed (exit ${code}): ${err.trim().slice(-2000)}`));
      else resolve(JSON.parse(last) as Measurement);
    });
  });
}
