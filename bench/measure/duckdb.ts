/**
 * DuckDB as the peer a detection engineer would pick for a replay hunt: rules
 * A, B and C as SQL over `read_json` of the gzipped delivery files
 * (duckdb-rules.ts), on 1 or more threads. Timed from the first query to the
 * last result, the database opened before; reports each rule's finding count
 * for the runner to check against the injected findings.
 *
 *   node bench/measure/duckdb.ts <dataset-dir> [--threads N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Manifest } from '../generate/dataset.ts';
import { peakRssKb, report } from '../lib/measurement.ts';
import { scanSql, SQL_RULES } from './duckdb-rules.ts';

const dir = process.argv[2]!;
const at = process.argv.indexOf('--threads');
const threads = at < 0 ? 1 : Number(process.argv[at + 1]);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
const began = performance.now();
await connection.run(scanSql(join(dir, 'AWSLogs', '**', '*.json.gz')));
const ruleFindings: Record<string, number> = {};
for (const rule of SQL_RULES) ruleFindings[rule.detector] = (await connection.runAndReadAll(rule.sql)).currentRowCount;
const seconds = (performance.now() - began) / 1000;
const bedrock = Number((await connection.runAndReadAll('SELECT count(*) FROM bedrock')).getRows()[0]![0]);
connection.closeSync();
instance.closeSync();
if (bedrock !== manifest.bedrockRecords) throw new Error(`DuckDB kept ${bedrock} Bedrock records; the dataset holds ${manifest.bedrockRecords}`);
report({ records: manifest.records, seconds, maxRssKb: peakRssKb(), details: { threads, ruleFindings, bedrock } });
