import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Interest } from '@jackwatch/core';
import type { DecodedFile } from '../file/decode-file-at.ts';

/** What every worker of a pool is started with. */
export interface DecodeWorkerData {
  readonly source: string;
  readonly maxWholeFileSize: number;
  readonly maxRecordSize: number;
  readonly prefilter: boolean;
  readonly interest: Interest;
}

/** A file to decode. */
export interface DecodeRequest {
  readonly id: number;
  readonly path: string;
}

/** A worker's answer to one {@link DecodeRequest}. */
export interface DecodeResponse {
  readonly id: number;
  readonly file: DecodedFile;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve: (file: DecodedFile) => void; reject: (error: Error) => void }>;
  /** Settles once the worker has loaded its modules (or failed to). */
  readonly ready: Promise<void>;
  failed: Error | undefined;
}

// Run from the TypeScript sources, the worker needs the condition that maps sibling packages to theirs.
const WORKER_FILE = new URL(`./decode-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
const EXEC_ARGV = [...new Set([...conditionsOf(process.execArgv), ...(import.meta.url.endsWith('.ts') ? ['--conditions=development'] : [])])];

/**
 * How many decode workers `workers: auto` (or a count) means on this machine:
 * one per core when there are two or more, none on a single core. The main
 * thread is not counted out: with workers it only detects on the few events
 * they send, and on 2 cores 2 workers ran 1.3× as fast as 1 (bench/).
 */
export function resolveWorkerCount(setting: number | 'auto', cores = availableParallelism()): number {
  if (setting !== 'auto') return setting;
  return cores >= 2 ? cores : 0;
}

/**
 * A pool of worker threads that read and decode whole files (read, gunzip,
 * prefilter, parse, normalize) and send back only the events the detectors
 * can match. Each worker takes at most two files at a time, on the one with
 * the fewest; the caller keeps file order. Workers are unreferenced, so an
 * idle pool never keeps the process alive.
 *
 * A worker that dies rejects its files with the error; the caller reads them
 * on its own thread instead.
 */
export class DecodePool {
  readonly #slots: Slot[];
  #nextId = 0;
  #closed = false;

  constructor(size: number, data: DecodeWorkerData) {
    this.#slots = Array.from({ length: Math.max(1, size) }, () => this.#spawn(data));
  }

  /** Files the pool should be given ahead of the reader to stay busy. */
  get capacity(): number {
    return this.#slots.length * 2;
  }

  /** Decodes the file at `path` in a worker. */
  decode(path: string): Promise<DecodedFile> {
    if (this.#closed) return Promise.reject(new Error('decode pool is closed'));
    const slot = this.#slots.reduce((best, s) => (s.failed === undefined && (best.failed !== undefined || s.pending.size < best.pending.size) ? s : best));
    if (slot.failed !== undefined) return Promise.reject(slot.failed);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (slot.pending.size === 0) slot.worker.ref(); // a pending file keeps the process alive; an idle pool does not
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, path } satisfies DecodeRequest);
    });
  }

  /**
   * Resolves once every worker has loaded its code (a few hundred ms from
   * TypeScript sources) or failed to; a failed worker's files are refused
   * later, for the caller to read itself. Never rejects.
   */
  ready(): Promise<void> {
    return Promise.all(this.#slots.map((slot) => slot.ready)).then(() => undefined);
  }

  /** Stops every worker; files still pending are rejected. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  #spawn(data: DecodeWorkerData): Slot {
    // Referenced until it has booted (someone may be awaiting ready()), then only while it has files.
    const worker = new Worker(WORKER_FILE, { workerData: data, execArgv: EXEC_ARGV });
    let booted: () => void = () => {};
    const slot: Slot = { worker, pending: new Map(), ready: new Promise<void>((resolve) => (booted = resolve)), failed: undefined };
    worker.on('message', (response: DecodeResponse | { ready: true }) => {
      if ('ready' in response) {
        if (slot.pending.size === 0) worker.unref();
        return booted();
      }
      const waiting = slot.pending.get(response.id);
      slot.pending.delete(response.id);
      if (slot.pending.size === 0) worker.unref();
      waiting?.resolve(response.file);
    });
    const fail = (error: Error): void => {
      booted();
      slot.failed ??= error;
      for (const waiting of slot.pending.values()) waiting.reject(error);
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`decode worker exited with code ${code}`)));
    return slot;
  }
}

// `--conditions=x`, `--conditions x` and `-C x` as `--conditions=x`; the other flags are the process's own.
function conditionsOf(argv: readonly string[]): string[] {
  const conditions: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--conditions=')) conditions.push(arg);
    else if ((arg === '--conditions' || arg === '-C') && argv[i + 1] !== undefined) conditions.push(`--conditions=${argv[++i]}`);
  }
  return conditions;
}
