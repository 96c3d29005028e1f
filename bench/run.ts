/**
 * `npm run bench`: generates (once) a dataset of realistic CloudTrail
 * delivery files with injected attacks, then measures on the same files, in
 * one run and in rounds (medians reported): (a) the floor — gunzip +
 * JSON.parse, (b) the agent with every shipped detector, (c) the same with
 * the prefilter, (d) jq; checks the agent found exactly the injected
 * findings; measures detector state for a million live keys and RSS over a
 * longer replay. Prints markdown. Exits 1 when a correctness check fails
 * (never for a missed performance target).
 *
 *   npm run bench -- [--records 1000000] [--bedrock-share 0.01] [--rounds 3] [--keys 1000000] [--replay-records 2000000] [--smoke]
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { resolveWorkerCount } from '../packages/sources/src/internal/decode-pool.ts';
import { fileURLToPath } from 'node:url';
import { generateDataset } from './generate/dataset.ts';
import { parseBenchArgs } from './lib/args.ts';
import { checkRun } from './lib/check-findings.ts';
import { ensureJq } from './lib/ensure-jq.ts';
import { megabytes, table, thousands } from './lib/format.ts';
import { listDeliveryFiles } from './lib/list-files.ts';
import type { Measurement } from './lib/measurement.ts';
import { median } from './lib/median.ts';
import { memorySection } from './lib/memory-section.ts';
import { MODES, RATIOS, type Mode } from './lib/modes.ts';
import { SIGMA_ROWS, SIGMAHQ_RULES, type SigmaRow } from './measure/agent-sigma.ts';
import { replaySection } from './lib/replay-section.ts';
import { runChild } from './lib/run-child.ts';

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);
const args = parseBenchArgs(process.argv.slice(2));
const root = fileURLToPath(new URL('./.data/', import.meta.url));
const work = `${root}work`;

const jq = ensureJq(log);
log(`dataset: ${thousands(args.records)} records, ${args.bedrockShare * 100}% Bedrock (generated once, then reused)…`);
const manifest = generateDataset(root, { records: args.records, bedrockShare: args.bedrockShare });
for (const file of listDeliveryFiles(manifest.dir)) readFileSync(file); // warm the page cache: every mode reads from memory

const modes = MODES.filter((mode) => mode.script !== 'jq.ts' || jq !== undefined);
const results = new Map<Mode['key'], Measurement[]>(modes.map((m) => [m.key, []]));
const problems: string[] = [];
// The Sigma rows need the SigmaHQ rules from the shared data beside the checkout.
const sigmaRows = existsSync(SIGMAHQ_RULES) ? SIGMA_ROWS : [];
const sigmaResults = new Map<SigmaRow['key'], Measurement[]>(sigmaRows.map((row) => [row.key, []]));
for (let round = 1; round <= args.rounds; round++) {
  for (const mode of modes) {
    log(`round ${round}/${args.rounds}: ${mode.label.trim()}`);
    const measurement = await runChild(mode.script, mode.args(manifest.dir, work));
    results.get(mode.key)!.push(measurement);
    problems.push(...checkRun(`${mode.label.trim()} (round ${round})`, measurement, manifest));
  }
  for (const row of sigmaRows) {
    log(`round ${round}/${args.rounds}: ${row.label}`);
    const measurement = await runChild('agent-sigma.ts', row.args(manifest.dir, work));
    sigmaResults.get(row.key)!.push(measurement);
    problems.push(...checkRun(`${row.label} (round ${round})`, measurement, manifest));
  }
}

const rate = (key: Mode['key']): number | undefined => {
  const runs = results.get(key);
  return runs === undefined || runs.length === 0 ? undefined : median(runs.map((m) => m.records / m.seconds));
};
const floor = rate('a')!;
out(`## jackwatch bench — ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${jq ?? 'no jq'}`);
out();
out(
  `Dataset: ${thousands(manifest.records)} CloudTrail records in ${thousands(manifest.files)} gzipped delivery files ` +
    `(${megabytes(manifest.rawBytes)} MB of JSON, ${megabytes(manifest.gzipBytes)} MB gzipped, ${thousands(manifest.rawBytes / manifest.records)} B per record), ` +
    `${(100 * manifest.bedrockRecords / manifest.records).toFixed(2)}% Bedrock, ${thousands(manifest.interestingRecords)} records the detectors can match, ` +
    `${manifest.expected.length} injected findings. Medians of ${args.rounds} round${args.rounds > 1 ? 's' : ''}; "auto" is ${resolveWorkerCount('auto')} worker(s) here.`,
);
out();
out(
  table(['mode', 'records/s', 'MB/s (JSON)', 'peak RSS', '× floor'], ['l', 'r', 'r', 'r', 'r'], modes.map((mode) => {
    const runs = results.get(mode.key)!;
    const r = rate(mode.key)!;
    return [mode.label.trim(), thousands(r), thousands((r * manifest.rawBytes) / manifest.records / 1e6), `${megabytes(median(runs.map((m) => m.maxRssKb * 1024)))} MB`, (r / floor).toFixed(2)];
  })),
);
out();
if (sigmaRows.length === 0) out(`Sigma rows: skipped, no SigmaHQ rules at ${SIGMAHQ_RULES}.`);
else {
  const sigmaRate = (key: SigmaRow['key']): number => median(sigmaResults.get(key)!.map((m) => m.records / m.seconds));
  out('With Sigma rules (the four shipped detectors plus the SigmaHQ CloudTrail rules; the shipped detectors\' findings are checked as above):');
  out();
  out(
    table(['mode', 'records/s', 'events read', 'Sigma findings', 'peak RSS', '× floor'], ['l', 'r', 'r', 'r', 'r', 'r'], sigmaRows.map((row) => {
      const runs = sigmaResults.get(row.key)!;
      const last = runs[runs.length - 1]!.details as { eventsRead: Record<string, number>; sigmaFindings: Record<string, number> };
      const read = Object.values(last.eventsRead).reduce((a, b) => a + b, 0);
      const findings = Object.values(last.sigmaFindings).reduce((a, b) => a + b, 0);
      return [row.label, thousands(sigmaRate(row.key)), thousands(read), thousands(findings), `${megabytes(median(runs.map((m) => m.maxRssKb * 1024)))} MB`, (sigmaRate(row.key) / floor).toFixed(2)];
    })),
  );
  out();
  const target = 0.75;
  const full = sigmaRate('bs') / floor;
  out(`Full decode with the Sigma rules is ${full.toFixed(2)}× the floor on one thread (target ≥ ${target}: ${full >= target ? 'met' : 'missed'}). One rule, AssumeRole Misuse, makes a finding of most records; seven can match events of any source (their interest is all), which turns the prefilter off; the last row leaves those seven out.`);
}
out();
const starts = [...results.entries()].filter(([key]) => key.startsWith('b') || key.startsWith('c')).map(([key, runs]) => `${key} ${median(runs.map((m) => Number((m.details as { startSeconds?: number }).startSeconds ?? 0))).toFixed(2)} s`);
out(`Agent rows are timed from the end of start-up (paths checked, decode workers booted; median start-up: ${starts.join(', ')}), as process start and module loading are left out of every row.`);
out();
out(
  table(['ratio', 'value', 'target', ''], ['l', 'r', 'r', 'l'], RATIOS.flatMap((ratio) => {
    const of = rate(ratio.of);
    const to = rate(ratio.to);
    if (of === undefined || to === undefined) return [];
    const value = of / to;
    return [[ratio.label, value.toFixed(2), `≥ ${ratio.target}`, value >= ratio.target ? 'met' : 'missed']];
  })),
);
out();
out(problems.length === 0
  ? `Correctness: every agent run (${args.rounds * modes.filter((m) => m.script === 'agent.ts').length}) produced exactly the ${manifest.expected.length} injected findings and no other; ` +
    `the prefilter passed exactly the ${thousands(manifest.interestingRecords)} matchable records${jq ? ', and jq selected the same' : ''}.`
  : `Correctness: FAILED\n${problems.map((p) => `- ${p}`).join('\n')}`);
if (args.keys > 0) {
  out();
  log(`memory: ${thousands(args.keys)} live keys…`);
  out(await memorySection(args.keys));
}
if (args.replayRecords > 0) {
  out();
  out(await replaySection(root, work, args.replayRecords, args.bedrockShare, log));
}
out();
out(`Reproduce: \`npm run bench -- ${process.argv.slice(2).join(' ')}\``.replace(/ `$/, '`'));
if (problems.length > 0) process.exitCode = 1;
