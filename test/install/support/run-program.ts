import { type CliResult, runProcess } from '../../support/run-cli.ts';

/**
 * Runs an installed program (not the repository's sources) with `args` and
 * collects its output. The environment is this process's without
 * `NODE_OPTIONS`, so no `--conditions=development` can reach it; `stdin` is
 * closed; the child is killed after `timeoutMs`.
 */
export function runProgram(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CliResult> {
  const { NODE_OPTIONS: _dropped, ...inherited } = process.env;
  return runProcess(command, args, { ...options, baseEnv: inherited });
}
