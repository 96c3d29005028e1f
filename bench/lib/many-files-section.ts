import { megabytes, table, thousands } from './format.ts';
import { runChild } from './run-child.ts';

/** What bench/measure/many-files.ts reports beside the common fields. */
interface ManyFilesDetails {
  readonly files: number;
  readonly filesPerSecond: number;
  readonly restartSeconds: number;
  readonly restartFilesPerSecond: number;
  readonly checkpointBytes: number;
}

/**
 * The file source over `files` small delivery files (1 in 100 holds a
 * record, the rest none), in its own process: a first run that reads them
 * all, then a restart that finds them checkpointed. Returns a markdown section.
 */
export async function manyFilesSection(files: number, work: string): Promise<string> {
  const m = await runChild('many-files.ts', [String(files), '--work', work]);
  const d = m.details as unknown as ManyFilesDetails;
  return [
    `### Many files: ${thousands(files)} tiny delivery files`,
    '',
    table(['run', 'seconds', 'files/s'], ['l', 'r', 'r'], [
      ['first run: every file read, checkpointed', m.seconds.toFixed(2), thousands(d.filesPerSecond)],
      ['restart: every file already checkpointed', d.restartSeconds.toFixed(2), thousands(d.restartFilesPerSecond)],
    ]),
    '',
    `Peak RSS ${megabytes(m.maxRssKb * 1024)} MB over both runs; checkpoint file ${megabytes(d.checkpointBytes)} MB. ` +
      `Reproduce: \`node --conditions=development bench/measure/many-files.ts ${files}\`.`,
  ].join('\n');
}
