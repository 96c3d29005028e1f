import { spawn } from 'node:child_process';
import type { CliResult } from '../../support/run-cli.ts';

/**
 * Runs an installed program (not the repository's sources) with `args` and
 * collects its output. The environment is this process's without
 * `NODE_OPTIONS`, so no `--conditions=development` can reach it; `stdin` is
 * closed; the child is killed after `timeoutMs`.
 */
export function runProgram(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CliResult> {
  const { NODE_OPTIONS: _dropped, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...inherited, NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
