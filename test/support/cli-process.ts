import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './run-cli.ts';

/** A running `jackwatch` CLI whose stdout lines a test can wait for, and which it can signal. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Complete stdout lines so far. */
  readonly lines: string[];
  stderr(): string;
  /** Resolves once `predicate(lines)` holds (checked on every line), or rejects when the process exits first. */
  waitFor(predicate: (lines: readonly string[]) => boolean): Promise<void>;
  /** Resolves with the exit code (or the signal that ended it). */
  exited(): Promise<number | NodeJS.Signals>;
}

/** Starts `jackwatch run --config <config>` from source on the repo's Node, with `env` added to the environment. */
export function startCli(config: string, env: NodeJS.ProcessEnv): CliProcess {
  const child = spawn(process.execPath, ['--conditions=development', join(REPO_ROOT, 'packages/agent/src/cli.ts'), 'run', '--config', config], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  const exit = new Promise<number | NodeJS.Signals>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal ?? -1)));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts.filter((line) => line.trim() !== ''));
    for (const waiter of waiters) waiter();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return {
    child,
    lines,
    stderr: () => stderr,
    waitFor: (predicate) =>
      new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (!predicate(lines)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
        void exit.then((code) => {
          if (waiters.delete(check)) reject(new Error(`jackwatch exited (${code}) before the expected output; stderr:\n${stderr}`));
        });
      }),
    exited: () => exit,
  };
}
