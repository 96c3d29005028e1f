import { existsSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import { findCases } from '../fixtures/find-cases.ts';
import { loadCase } from '../fixtures/load-case.ts';
import { runCase, type CaseOutcome } from '../fixtures/run-case.ts';
import { EXIT } from './run-command.ts';

/**
 * `jackwatch test DIR`: runs every fixture case under DIR (each folder with
 * a `case.yaml`: events in, expected findings out) through the real
 * detectors of the registry, plugins named by the case included. Prints one
 * `PASS`/`FAIL` line per case on stdout, the reasons under each failure,
 * and a summary. Exit 0 when every case passes, 1 when one fails or cannot
 * be read, 2 when DIR holds no case.
 */
export async function testCommand(dir: string): Promise<number> {
  const root = resolve(dir);
  if (!existsSync(root)) {
    process.stderr.write(`jackwatch test: ${dir} does not exist\n`);
    return EXIT.badConfig;
  }
  const folders = await findCases(root);
  if (folders.length === 0) {
    process.stderr.write(`jackwatch test: no case.yaml under ${dir}\n`);
    return EXIT.badConfig;
  }
  let failed = 0;
  for (const folder of folders) {
    const name = relative(root, folder).split(sep).join('/') || basename(root);
    const outcome = await runFolder(folder, name);
    if (!outcome.passed) failed++;
    process.stdout.write(formatOutcome(outcome));
  }
  const passed = folders.length - failed;
  process.stdout.write(`\n${folders.length} case(s): ${passed} passed, ${failed} failed\n`);
  return failed === 0 ? EXIT.ok : EXIT.failed;
}

async function runFolder(folder: string, name: string): Promise<CaseOutcome> {
  try {
    return await runCase(await loadCase(folder, name));
  } catch (error) {
    return { name, passed: false, runs: 0, findings: 0, problems: (error instanceof Error ? error.message : String(error)).split('\n') };
  }
}

function formatOutcome(outcome: CaseOutcome): string {
  if (outcome.passed) return `PASS  ${outcome.name}  (${outcome.findings} finding(s), ${outcome.runs} arrival order(s))\n`;
  return `FAIL  ${outcome.name}\n${outcome.problems.map((p) => `      ${p}\n`).join('')}`;
}
