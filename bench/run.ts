/**
 * `npm run bench`: generates (once) a dataset of realistic CloudTrail
 * delivery files with injected attacks, then measures on the same files, in
 * one run and in interleaved rounds (every row once per round, then again):
 * the floor (gunzip + JSON.parse, and gunzip alone), the agent with every
 * shipped detector (full decode, prefilter, decode workers), jq, DuckDB
 * running rules A, B and C as SQL, the s3 source against fauxqs and the
 * emulator's own ceiling, and the agent with the SigmaHQ rules. Ratios are
 * paired within each round and reported as median, min and spread. Checks
 * every run found exactly the injected findings; then measures latency from
 * write to finding, detector state for a million live keys and RSS over a
 * longer replay. Prints markdown. Exits 1 when a correctness check fails
 * (never for a missed performance target).
 *
 *   npm run bench -- [--records 1000000] [--bedrock-share 0.01] [--rounds 5] [--info-rounds 2] [--keys 1000000]
 *                    [--replay-records 2000000] [--latency-seconds 15] [--many-files 100000] [--skip jq,sigma,duckdb,s3,latency,memory,replay,many-files] [--smoke]
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolveWorkerCount } from '../packages/sources/src/internal/decode-pool.ts';
import { generateDataset } from './generate/dataset.ts';
import { parseBenchArgs, type Section } from './lib/args.ts';
import { checkRun } from './lib/check-findings.ts';
import { ensureJq } from './lib/ensure-jq.ts';
import { megabytes, thousands } from './lib/format.ts';
import { latencySection } from './lib/latency-section.ts';
import { listDeliveryFiles } from './lib/list-files.ts';
import { median } from './lib/median.ts';
import { manyFilesSection } from './lib/many-files-section.ts';
import { memorySection } from './lib/memory-section.ts';
import { replaySection } from './lib/replay-section.ts';
import { RoundResults } from './lib/round-results.ts';
import { RATIOS, ROWS, type Row, type RowContext } from './lib/rows.ts';
import { runChild } from './lib/run-child.ts';
import { startS3Emulator, type S3Emulator } from './lib/s3-emulator.ts';
import { sigmaTable } from './lib/sigma-table.ts';
import { ratiosTable, rowsTable } from './lib/throughput-tables.ts';
import { SIGMAHQ_RULES } from './measure/agent-sigma.ts';

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);
const args = parseBenchArgs(process.argv.slice(2));
const root = fileURLToPath(new URL('./.data/', import.meta.url));
const work = `${root}work`;
const benchStarted = performance.now();
const notes: string[] = [];
const skipped = (section: Section, why: string): void => {
  args.skip.add(section);
  notes.push(`${section}: skipped, ${why}.`);
};

const jq = args.skip.has('jq') ? undefined : ensureJq(log);
if (!args.skip.has('jq') && jq === undefined) skipped('jq', 'jq is not installed and could not be');
if (!args.skip.has('sigma') && !existsSync(SIGMAHQ_RULES)) skipped('sigma', `no SigmaHQ rules at ${SIGMAHQ_RULES}`);
log(`dataset: ${thousands(args.records)} records, ${args.bedrockShare * 100}% Bedrock (generated once, then reused)…`);
const manifest = generateDataset(root, { records: args.records, bedrockShare: args.bedrockShare });
for (const file of listDeliveryFiles(manifest.dir)) readFileSync(file); // warm the page cache: every row reads from memory

let emulator: S3Emulator | undefined;
if (!args.skip.has('s3')) {
  log(`s3: starting fauxqs in its own process, uploading ${thousands(manifest.files)} objects…`);
  emulator = await startS3Emulator(manifest);
}
const context: RowContext = { dataset: manifest.dir, work, ...(emulator === undefined ? {} : { s3: { endpoint: emulator.endpoint, bucket: emulator.bucket } }) };

const rows: Row[] = [];
for (const row of ROWS) {
  if (row.section !== undefined && args.skip.has(row.section)) continue;
  const unavailable = row.unavailable?.();
  if (unavailable === undefined) rows.push(row);
  else notes.push(`${row.label}: not measured, ${unavailable}.`);
}
const results = new RoundResults(args.rounds);
const problems: string[] = [];
for (let round = 0; round < args.rounds; round++) {
  const roundStarted = performance.now();
  for (const row of rows) {
    if (row.informational === true && round >= args.infoRounds) continue;
    log(`round ${round + 1}/${args.rounds}: ${row.label}`);
    try {
      const measurement = await runChild(row.script, row.args(context), [], emulator?.environment);
      results.add(row.key, round, measurement);
      problems.push(...checkRun(`${row.label} (round ${round + 1})`, measurement, manifest));
    } catch (error) {
      results.add(row.key, round, undefined);
      problems.push(`${row.label} (round ${round + 1}) failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  log(`round ${round + 1} took ${((performance.now() - roundStarted) / 1000).toFixed(0)} s`);
}
await emulator?.stop();

out(`## jackwatch bench — ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${jq ?? 'no jq'}`);
out();
out(
  `Dataset: ${thousands(manifest.records)} CloudTrail records in ${thousands(manifest.files)} gzipped delivery files ` +
    `(${megabytes(manifest.rawBytes)} MB of JSON, ${megabytes(manifest.gzipBytes)} MB gzipped, ${thousands(manifest.rawBytes / manifest.records)} B per record), ` +
    `${((100 * manifest.bedrockRecords) / manifest.records).toFixed(2)}% Bedrock, ${thousands(manifest.interestingRecords)} records the detectors can match, ` +
    `${manifest.expected.length} injected findings. ${args.rounds} round${args.rounds > 1 ? 's' : ''}, the rows interleaved within each (plain gunzipSync and the Sigma rows in the first ${args.infoRounds}); "auto" is ${resolveWorkerCount('auto')} worker(s) here.`,
);
out();
out(rowsTable(rows.filter((row) => row.table === 'throughput'), results, manifest));
out();
const starts = rows.filter((row) => row.script === 'agent.ts').map((row) => `${row.key} ${median(results.runs(row.key).map((m) => Number((m.details as { startSeconds?: number }).startSeconds ?? 0))).toFixed(2)} s`);
out(`Agent rows are timed from the end of start-up (paths checked, decode workers booted; median start-up: ${starts.join(', ')}), as process start and module loading are left out of every row.`);
const s3Rows = rows.filter((row) => row.table === 's3');
if (s3Rows.length > 0 && emulator !== undefined) {
  out();
  out(`S3 (fauxqs in its own process on loopback, the same ${thousands(manifest.files)} files as objects; the agent with every shipped detector, \`once: true\`):`);
  out();
  out(rowsTable(s3Rows, results, manifest).replace('| row |', '| S3 row |'));
  out();
  out(s3Rows.map((row) => {
    const rate = results.rate(row.key);
    return rate === undefined ? '' : `${row.key}: ${thousands((rate.median * manifest.files) / manifest.records)} objects/s`;
  }).filter((text) => text !== '').join(', ') + ' (medians).');
}
const sigmaRows = rows.filter((row) => row.table === 'sigma');
if (sigmaRows.length > 0) {
  out();
  out(sigmaTable(sigmaRows, results));
}
out();
out(ratiosTable(RATIOS, results));
out();
out(problems.length === 0
  ? `Correctness: every run in every round held: the agent rows produced exactly the ${manifest.expected.length} injected findings and no other; ` +
    `the prefilter passed exactly the ${thousands(manifest.interestingRecords)} matchable records${jq ? ', and jq selected the same' : ''}; ` +
    `the floor rows counted every record and byte${rows.some((row) => row.section === 'duckdb') ? '; DuckDB found the injected findings of rules A, B and C' : ''}.`
  : `Correctness: FAILED\n${problems.map((p) => `- ${p}`).join('\n')}`);
const sections: { readonly section: Section; readonly run: () => Promise<string> }[] = [
  { section: 'latency', run: () => latencySection(work, args.latencySeconds, log) },
  { section: 'memory', run: () => memorySection(args.keys) },
  { section: 'replay', run: () => replaySection(root, work, args.replayRecords, args.bedrockShare, log) },
  { section: 'many-files', run: () => manyFilesSection(args.manyFiles, `${work}/many-files`) },
];
for (const { section, run } of sections) {
  if (args.skip.has(section)) continue;
  out();
  log(`${section}…`);
  try {
    out(await run());
  } catch (error) {
    problems.push(`${section} failed: ${error instanceof Error ? error.message : String(error)}`);
    out(`### ${section}\n\nFAILED: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (notes.length > 0) {
  out();
  for (const note of notes) out(`- ${note}`);
}
out();
out(`The whole run took ${((performance.now() - benchStarted) / 60_000).toFixed(1)} min. Reproduce: \`npm run bench -- ${process.argv.slice(2).join(' ')}\``.replace(/ `$/, '`'));
if (problems.length > 0) process.exitCode = 1;
