import type { ComponentContext, Source, SourceBatch } from '@jackwatch/core';
import type { FileSourceConfig } from './config.ts';
import { discoverFiles } from './discover-files.ts';
import type { ReadPlan } from './file-chunk.ts';
import { FileLedger, type FilePosition } from './file-ledger.ts';
import { resolvePathRoots, type PathRoot } from './path-roots.ts';
import { planReads, stampKey, type PlannedRead } from './plan-reads.ts';
import { prefilterNeedles } from './prefilter.ts';
import { readInputFile } from './read-input-file.ts';
import { errorMessage } from './read-error-reason.ts';

/**
 * The `file` source: reads CloudTrail delivery files (`.json`, `.json.gz`) and
 * NDJSON (`.ndjson`, `.jsonl`, gzipped or not) from files, directories and
 * globs, in the order of the timestamps in CloudTrail file names, and with
 * `follow` keeps polling for new files and appended lines.
 *
 * A file is checkpointed (path, size, modification time, position) once its
 * batches are acked, so a restart or the next poll skips what was delivered.
 * Bad input is reported to `context.errors` with the path and record index;
 * it never stops the source.
 */
export class FileSource implements Source {
  readonly #config: FileSourceConfig;
  readonly #context: ComponentContext;
  readonly #needles: readonly string[] | undefined;
  readonly #stopped = new AbortController();
  readonly #seen = new Map<string, FilePosition>();
  readonly #failed = new Map<string, string>();
  #listingErrors = new Set<string>();
  #roots: PathRoot[] | undefined;
  #ledger: FileLedger | undefined;
  #shutdown: Promise<void> | undefined;

  constructor(config: FileSourceConfig, context: ComponentContext) {
    this.#config = config;
    this.#context = context;
    this.#needles = prefilterNeedles(context.interest, config.prefilter);
  }

  /** Checks every entry of `paths` (a missing one is an error naming it) and loads the checkpoint. */
  async start(): Promise<void> {
    this.#roots ??= await resolvePathRoots(this.#config.paths, this.#context.baseDir, this.#context.id);
    if (this.#ledger === undefined) {
      this.#ledger = await FileLedger.load(this.#context.checkpoints, (error) => this.#context.errors.error(this.#context.id, error, { stage: 'checkpoint' }));
      for (const [path, position] of this.#ledger.positions) this.#seen.set(path, position);
    }
    this.#context.logger.info('file source ready', { roots: this.#roots.length, follow: this.#config.follow, checkpointed: this.#seen.size });
  }

  /** Yields the events of every file not yet delivered; with `follow`, polls until `signal` aborts. */
  async *read(signal: AbortSignal): AsyncGenerator<SourceBatch> {
    if (this.#roots === undefined || this.#ledger === undefined) await this.start();
    const stop = AbortSignal.any([signal, this.#stopped.signal]);
    for (let pass = 0; !stop.aborted; pass++) {
      const planned = await this.#list(stop, pass === 0);
      for (const file of planned) {
        if (stop.aborted) return;
        yield* this.#readFile(file, stop);
      }
      if (!this.#config.follow || stop.aborted) return;
      try {
        await this.#context.clock.sleep(this.#config.pollInterval, stop);
      } catch {
        return; // aborted while waiting: a clean stop
      }
    }
  }

  /** Stops reading and waits for the last checkpoint write. Idempotent, safe without `start`. */
  shutdown(): Promise<void> {
    this.#shutdown ??= (async () => {
      this.#stopped.abort();
      await this.#ledger?.flush();
    })();
    return this.#shutdown;
  }

  async #list(stop: AbortSignal, firstPass: boolean): Promise<PlannedRead[]> {
    const errors = new Set<string>();
    const listing = await discoverFiles(this.#roots!, this.#config, stop, (error) => {
      const message = errorMessage(error);
      errors.add(message);
      if (!this.#listingErrors.has(message)) this.#context.errors.error(this.#context.id, error, { stage: 'listing' });
    });
    this.#listingErrors = errors;
    if (listing.complete) this.#forgetAllBut(new Set(listing.paths));
    const { reads, unchanged } = await planReads(listing.paths, { seen: this.#seen, failed: this.#failed }, firstPass, (path, error) => {
      if (this.#failed.get(path) === 'missing') return;
      this.#failed.set(path, 'missing');
      this.#rejectUnreadable(path, error);
    });
    if (firstPass && unchanged > 0) this.#context.telemetry.add('source.files.skipped', unchanged, { source: this.#context.id });
    this.#context.logger.debug('listed files', { found: listing.paths.length, toRead: reads.length });
    return reads;
  }

  async *#readFile(file: PlannedRead, stop: AbortSignal): AsyncGenerator<SourceBatch> {
    const ledger = this.#ledger!;
    let finished = false;
    for await (const chunk of readInputFile(file.path, this.#plan(file))) {
      const position: FilePosition = { size: chunk.stamp.size, mtimeMs: chunk.stamp.mtimeMs, done: chunk.last, ...chunk.progress };
      this.#seen.set(file.path, position);
      finished = chunk.last;
      yield { events: chunk.events, bytes: chunk.bytes, ack: async () => ledger.record(file.path, position) };
      if (stop.aborted) return;
    }
    if (finished) {
      this.#failed.delete(file.path);
      this.#context.telemetry.add('source.files.read', 1, { source: this.#context.id });
      this.#context.logger.debug('file read', { path: file.path, from: file.resume?.next ?? 0 });
    } else {
      this.#failed.set(file.path, stampKey(file.stamp)); // unreadable: retried once it changes
    }
  }

  #plan(file: PlannedRead): ReadPlan {
    const { id, telemetry, errors } = this.#context;
    return {
      source: id,
      batchSize: this.#config.batchSize,
      maxWholeFileSize: this.#config.maxWholeFileSize,
      maxRecordSize: this.#config.maxRecordSize,
      needles: this.#needles,
      holdPartialLine: this.#config.follow,
      resume: file.resume,
      reject: (rejection) => errors.reject(rejection),
      countPrefiltered: (unit, count) => telemetry.add(`source.${unit}.prefiltered`, count, { source: id }),
    };
  }

  // Files that are gone leave the checkpoint, so it tracks what exists, not everything ever read.
  #forgetAllBut(present: ReadonlySet<string>): void {
    this.#ledger!.retainOnly(present);
    for (const path of this.#seen.keys()) if (!present.has(path)) this.#seen.delete(path);
    for (const path of this.#failed.keys()) if (!present.has(path)) this.#failed.delete(path);
  }

  #rejectUnreadable(path: string, error: unknown): void {
    this.#context.errors.reject({
      reason: 'unreadable',
      message: `cannot read ${path}: ${errorMessage(error)}`,
      origin: { source: this.#context.id, location: path, index: -1 },
    });
  }
}
