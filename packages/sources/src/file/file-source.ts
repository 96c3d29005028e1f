import { basename } from 'node:path';
import type { ComponentContext, Rejection, Source, SourceBatch } from '@jackwatch/core';
import { OptionalDecodePool } from '../internal/optional-decode-pool.ts';
import { compileInterest, type InterestFilter } from '../internal/interest-filter.ts';
import type { FileSourceConfig } from './config.ts';
import type { DecodedFile } from './decode-file-at.ts';
import { deliveryProgress } from '../cloudtrail-layout/delivery-progress.ts';
import { decodeWholeFile } from '../internal/decode-whole-file.ts';
import { discoverFiles, type Listing } from './discover-files.ts';
import { sealProposals } from './seal-proposals.ts';
import type { FileChunk, ReadPlan } from './file-chunk.ts';
import { isLineFileName } from './file-kind.ts';
import { FileLedger, type FilePosition } from './file-ledger.ts';
import { resolvePathRoots, type PathRoot } from './path-roots.ts';
import { planReads, stampKey, type PlannedRead } from './plan-reads.ts';
import { readInputFile } from './read-input-file.ts';
import { errorMessage } from './read-error-reason.ts';
import { readWholeBytesSync, type WholeBytes } from './read-whole-bytes.ts';
import type { SkippedEntry } from './skipped-entry.ts';
import { SkipReporter } from './skip-reporter.ts';
import { WholeInflater } from '../internal/inflate-whole.ts';
import { wholeFileChunks } from './whole-file-reader.ts';
import { METRICS } from '@jackwatch/core';

/** What a rejection of a whole file says when the file may be whole later (it was being written, or is being replaced). */
/**
 * The `file` source: reads CloudTrail delivery files (`.json`, `.json.gz`) and
 * NDJSON (`.ndjson`, `.jsonl`, gzipped or not) from files, directories and
 * globs, in the order of the timestamps in CloudTrail file names, and with
 * `follow` keeps polling for new files and appended lines.
 *
 * A file is checkpointed (path, size, modification time, position) once its
 * batches are acked, so a restart or the next poll skips what was delivered;
 * once every file of a directory is, the directory is sealed (its stamp
 * replaces its files' positions, see {@link FileLedger}) and not listed again
 * while its stamp holds.
 * Bad input is reported to `context.errors` with the path and record index;
 * it never stops the source.
 *
 * With `workers`, whole files are read and decoded by a pool of worker
 * threads, several files ahead, and yielded in the same order.
 */
export class FileSource implements Source {
  readonly #config: FileSourceConfig;
  readonly #context: ComponentContext;
  /** What the detectors can match; `undefined` when one wants every event. */
  readonly #interest: InterestFilter | undefined;
  /** What may be skipped unparsed: the interest, with `prefilter: true`. */
  readonly #filter: InterestFilter | undefined;
  readonly #inflater: WholeInflater;
  /** Whole files are read into this buffer, reused: decoding copies what it keeps. */
  readonly #readBuffer = { buffer: Buffer.alloc(0) };
  readonly #pool: OptionalDecodePool;
  readonly #stopped = new AbortController();
  readonly #seen = new Map<string, FilePosition>();
  readonly #failed = new Map<string, string>();
  #listingErrors = new Set<string>();
  readonly #skips: SkipReporter;
  #roots: PathRoot[] | undefined;
  #ledger: FileLedger | undefined;
  #shutdown: Promise<void> | undefined;

  constructor(config: FileSourceConfig, context: ComponentContext) {
    this.#config = config;
    this.#context = context;
    this.#interest = compileInterest(context.interest);
    this.#filter = config.prefilter ? this.#interest : undefined;
    this.#skips = new SkipReporter(context);
    this.#inflater = new WholeInflater(config.maxWholeFileSize);
    this.#pool = new OptionalDecodePool(config.workers, {
      source: context.id,
      maxWholeFileSize: config.maxWholeFileSize,
      maxRecordSize: config.maxRecordSize,
      prefilter: this.#filter !== undefined,
      interest: context.interest,
    }, context.logger);
  }

  /** Checks every entry of `paths` (a missing one is an error naming it), loads the checkpoint, and boots the decode workers. */
  async start(): Promise<void> {
    this.#roots ??= await resolvePathRoots(this.#config.paths, this.#context.baseDir, this.#context.id);
    if (this.#ledger === undefined) {
      const { include, exclude } = this.#config;
      const filters = JSON.stringify({ roots: this.#roots, include, exclude });
      const onError = (error: unknown): void => this.#context.errors.error(this.#context.id, error, { stage: 'checkpoint' });
      this.#ledger = await FileLedger.load(this.#context.checkpoints, onError, this.#context.clock, filters);
      for (const [path, position] of this.#ledger.positions) this.#seen.set(path, position);
      if (this.#ledger.droppedSeals > 0) {
        this.#context.logger.warn('paths, include or exclude changed since the checkpoint: the directories it records as read are read again', { directories: this.#ledger.droppedSeals });
      }
    }
    await this.#pool.get()?.ready(); // workers take a few hundred ms to load their code: here, not while reading
    this.#context.logger.info('file source ready', { roots: this.#roots.length, follow: this.#config.follow, checkpointed: this.#seen.size, sealedDirectories: this.#ledger.seals.size });
  }

  /** Yields the events of every file not yet delivered; with `follow`, polls until `signal` aborts. */
  async *read(signal: AbortSignal): AsyncGenerator<SourceBatch> {
    if (this.#roots === undefined || this.#ledger === undefined) await this.start();
    const stop = AbortSignal.any([signal, this.#stopped.signal]);
    for (let pass = 0; !stop.aborted; pass++) {
      const planned = await this.#list(stop, pass === 0);
      yield* this.#readAll(planned, stop);
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
      await this.#pool.close();
      await this.#ledger?.flush();
    })();
    return this.#shutdown;
  }

  // While it lists and plans, no directory is sealed: its seals and positions stay as the listing found them.
  async #list(stop: AbortSignal, firstPass: boolean): Promise<PlannedRead[]> {
    const ledger = this.#ledger!;
    const listedAt = this.#context.clock.now();
    let listing: Listing | undefined;
    let planned: PlannedRead[] = [];
    ledger.hold();
    try {
      listing = await this.#discover(stop);
      planned = await this.#planReads(listing, firstPass, stop);
      return planned;
    } finally {
      const proposals = listing === undefined || stop.aborted ? new Map() : sealProposals(listing, listedAt);
      // A file read to the end before that changed since is read again (now, or in a pass whose acks are still
      // coming: what was read is not what was acked): it is not done until that read is acked.
      const toRead = new Set(planned.map((file) => file.path));
      const read = (path: string): boolean => toRead.has(path) || this.#seen.get(path) !== ledger.positions.get(path);
      for (const path of ledger.propose(proposals, read)) this.#seen.delete(path);
    }
  }

  async #discover(stop: AbortSignal): Promise<Listing> {
    const errors = new Set<string>();
    const listing = await discoverFiles(this.#roots!, this.#config, stop, (error) => {
      const message = errorMessage(error);
      errors.add(message);
      if (!this.#listingErrors.has(message)) this.#context.errors.error(this.#context.id, error, { stage: 'listing' });
    }, this.#ledger!.seals);
    this.#listingErrors = errors;
    if (listing.complete) this.#forgetAllBut(new Set(listing.paths), listing.reached);
    return listing;
  }

  async #planReads(listing: Listing, firstPass: boolean, stop: AbortSignal): Promise<PlannedRead[]> {
    const ledger = this.#ledger!;
    const skipped: SkippedEntry[] = [...listing.skipped];
    const { reads, unchanged } = await planReads(listing.paths, { seen: this.#seen, failed: this.#failed, seals: listing.reopened }, firstPass, {
      unreadable: (path, error) => {
        if (this.#failed.get(path) === 'missing') return;
        this.#failed.set(path, 'missing');
        this.#rejectUnreadable(path, error);
      },
      skip: (entry) => void skipped.push(entry),
      covered: (path, stamp) => {
        const position: FilePosition = { size: stamp.size, mtimeMs: stamp.mtimeMs, done: true, next: 0 };
        this.#seen.set(path, position);
        ledger.record(path, position);
      },
    }, stop);
    this.#skips.update(skipped, listing.complete);
    let sealedFiles = 0;
    if (firstPass) for (const dir of listing.sealed) sealedFiles += ledger.seals.get(dir)?.files ?? 0;
    if (firstPass && unchanged + sealedFiles > 0) this.#context.telemetry.add(METRICS.filesUnchanged.name, unchanged + sealedFiles, { source: this.#context.id });
    this.#context.logger.debug('listed files', { found: listing.paths.length, toRead: reads.length, skipped: skipped.length, aliases: listing.aliases, sealedDirectories: listing.sealed.size });
    return reads;
  }

  // In file order. With a pool, its workers read and decode whole files ahead. Without, each file is read here,
  // synchronously: decoding a file blocks this thread longer than reading it from the page cache does, while an
  // asynchronous read needs four event-loop turns that a busy decoder does not give it (0.69 of the floor instead of 0.89).
  async *#readAll(planned: readonly PlannedRead[], stop: AbortSignal): AsyncGenerator<SourceBatch> {
    const pool = this.#pool.get();
    if (pool === undefined) {
      for (const file of planned) {
        if (stop.aborted) return;
        // Appendable NDJSON is read line by line from its offset.
        const prepared = isLineFileName(file.path) ? undefined : readWholeBytesSync(file.path, this.#config.maxWholeFileSize, this.#readBuffer);
        yield* this.#readFile(file, stop, prepared);
      }
      return;
    }
    const ahead: { file: PlannedRead; decoded: Promise<DecodedFile> | undefined }[] = [];
    let next = 0;
    try {
      while (next < planned.length || ahead.length > 0) {
        while (ahead.length < pool.capacity && next < planned.length && !stop.aborted) {
          const file = planned[next++]!;
          ahead.push({ file, decoded: isLineFileName(file.path) ? undefined : pool.decode(file.path) });
        }
        if (stop.aborted) return;
        const { file, decoded } = ahead.shift()!;
        yield* this.#readFile(file, stop, decoded === undefined ? undefined : await decoded.catch(() => undefined));
      }
    } finally {
      for (const { decoded } of ahead) decoded?.catch(() => undefined);
    }
  }

  async *#readFile(file: PlannedRead, stop: AbortSignal, prepared: DecodedFile | WholeBytes | undefined): AsyncGenerator<SourceBatch> {
    const ledger = this.#ledger!;
    // A file cut short may still be being written (a copy into the tree): it is not done — so neither is its directory,
    // which is not sealed — and it is read again once it changes.
    let endsEarly = false;
    const plan = this.#plan(file, (rejection) => {
      endsEarly ||= isCutShort(rejection);
    });
    // What the prefilter skipped never reaches the pipeline: the file's name still tells how far its partition was read.
    const progress = this.#filter === undefined ? undefined : deliveryProgress(basename(file.path));
    let finished = false;
    for await (const chunk of this.#chunks(file, plan, prepared)) {
      const position: FilePosition = { size: chunk.stamp.size, mtimeMs: chunk.stamp.mtimeMs, done: chunk.last && !endsEarly, ...chunk.progress, ...(endsEarly ? { incomplete: true } : {}) };
      this.#seen.set(file.path, position);
      finished = chunk.last;
      const filter = this.#filter;
      const events = filter === undefined ? chunk.events : chunk.events.filter((e) => filter.matches(e.source, e.action));
      const ack = async (): Promise<void> => {
        for (const path of ledger.record(file.path, position)) this.#seen.delete(path);
      };
      yield chunk.last && progress !== undefined ? { events, bytes: chunk.bytes, ack, progress } : { events, bytes: chunk.bytes, ack };
      if (stop.aborted) return;
    }
    if (finished && !endsEarly) {
      this.#failed.delete(file.path);
      this.#context.telemetry.add(METRICS.filesRead.name, 1, { source: this.#context.id });
      this.#context.logger.debug('file read', { path: file.path, from: file.resume?.next ?? 0 });
    } else {
      this.#failed.set(file.path, stampKey(file.stamp)); // unreadable: retried once it changes
    }
  }

  // A file a worker decoded, one read ahead whole, or one read here (streamed, appendable, or the worker failed).
  async *#chunks(file: PlannedRead, plan: ReadPlan, prepared: DecodedFile | WholeBytes | undefined): AsyncGenerator<FileChunk> {
    if (prepared?.kind === 'decoded') {
      const { stamp, bytes, events, rejections, prefiltered, skippedRecords, unmatchedRecords } = prepared;
      yield* wholeFileChunks({ batch: { events, rejections }, prefiltered, skippedRecords, unmatchedRecords }, bytes, stamp, plan);
    } else if (prepared?.kind === 'bytes') {
      const result = decodeWholeFile(prepared.bytes, { source: plan.source, location: file.path }, plan.selection, plan.inflater);
      // It inflates past maxWholeFileSize, whatever its trailer said, or its gzip data is damaged: streamed instead.
      yield* result === undefined ? readInputFile(file.path, plan, { stream: true }) : wholeFileChunks(result, prepared.bytes.length, prepared.stamp, plan);
    } else if (prepared?.kind === 'unreadable') {
      plan.reject({ reason: 'unreadable', message: prepared.message, origin: { source: plan.source, location: file.path, index: -1 } });
    } else {
      // A worker or readWholeBytesSync found it too large to read whole: it is not tried whole again.
      yield* readInputFile(file.path, plan, { stream: prepared?.kind === 'stream' });
    }
  }

  #plan(file: PlannedRead, onReject: (rejection: Rejection) => void): ReadPlan {
    const { id, telemetry, errors } = this.#context;
    return {
      source: id,
      batchSize: this.#config.batchSize,
      maxWholeFileSize: this.#config.maxWholeFileSize,
      maxRecordSize: this.#config.maxRecordSize,
      needles: this.#filter?.needles,
      selection: { filter: this.#interest, prefilter: this.#filter !== undefined, maxRecordSize: this.#config.maxRecordSize },
      inflater: this.#inflater,
      holdPartialLine: this.#config.follow,
      resume: file.resume,
      reject: (rejection) => {
        onReject(rejection);
        errors.reject(rejection);
      },
      countPrefiltered: (unit, count) => telemetry.add(unit === 'files' ? METRICS.filesPrefiltered.name : METRICS.recordsPrefiltered.name, count, { source: id }),
      countUnmatched: (count) => telemetry.add(METRICS.recordsUnmatched.name, count, { source: id }),
    };
  }

  // Files and directories that are gone leave the checkpoint, so it tracks what exists, not everything ever read.
  #forgetAllBut(present: ReadonlySet<string>, reached: ReadonlySet<string>): void {
    this.#ledger!.retainOnly(present, reached);
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

// The whole file failed (index -1), or its data stopped short: what a file still being written looks like.
function isCutShort(rejection: Rejection): boolean {
  return rejection.origin.index === -1 || rejection.reason === 'truncated' || rejection.reason === 'decompression-failed';
}
