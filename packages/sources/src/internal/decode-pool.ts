import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Interest } from '@jackwatch/core';
import type { DecodedFile } from '../file/decode-file-at.ts';
import type { DecodedObject } from '../s3/object-decoder.ts';

/** What every worker of a pool is started with. */
export interface DecodeWorkerData {
  readonly source: string;
  readonly maxWholeFileSize: number;
  readonly maxRecordSize: number;
  readonly prefilter: boolean;
  readonly interest: Interest;
}

/** A file to read and decode, or the downloaded bytes of an S3 object to decode. */
export type DecodeRequest =
  | { readonly id: number; readonly kind: 'file'; readonly path: string }
  | { readonly id: number; readonly kind: 'object'; readonly bytes: Uint8Array; readonly location: string };

/** A worker's answer to one {@link DecodeRequest}: a decoded file, or a decoded object (`undefined`: stream it instead). */
export type DecodeResponse =
  | { readonly id: number; readonly kind: 'file'; readonly file: DecodedFile }
  | { readonly id: number; readonly kind: 'object'; readonly object: DecodedObject | undefined };

interface Pending {
  resolve(response: DecodeResponse): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
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
 * A pool of worker threads that decode whole files (read, gunzip,
 * prefilter, parse, normalize) — files by path for the `file` source, the
 * downloaded bytes of objects for the `s3` source — and send back only the
 * events the detectors can match. Each request goes to the worker with the
 * fewest pending; the caller keeps its own order. Workers are unreferenced,
 * so an idle pool never keeps the process alive.
 *
 * A worker that dies rejects its requests with the error; the caller decodes
 * them on its own thread instead.
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

  /** Reads and decodes the file at `path` in a worker. */
  async decode(path: string): Promise<DecodedFile> {
    const response = await this.#send((id) => ({ id, kind: 'file', path }));
    if (response.kind !== 'file') throw new Error('decode worker answered a file with an object');
    return response.file;
  }

  /**
   * Decodes the downloaded bytes of an S3 object (as `decodeObject` does) in
   * a worker; `undefined` when it must be streamed instead (it inflates past
   * `maxWholeFileSize`, or its gzip data is damaged). The bytes are copied to
   * the worker; `location` names the object in events and rejections.
   */
  async decodeObject(bytes: Uint8Array, location: string): Promise<DecodedObject | undefined> {
    const response = await this.#send((id) => ({ id, kind: 'object', bytes, location }));
    if (response.kind !== 'object') throw new Error('decode worker answered an object with a file');
    return response.object;
  }

  #send(request: (id: number) => DecodeRequest): Promise<DecodeResponse> {
    if (this.#closed) return Promise.reject(new Error('decode pool is closed'));
    const slot = this.#slots.reduce((best, s) => (s.failed === undefined && (best.failed !== undefined || s.pending.size < best.pending.size) ? s : best));
    if (slot.failed !== undefined) return Promise.reject(slot.failed);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (slot.pending.size === 0) slot.worker.ref(); // a pending request keeps the process alive; an idle pool does not
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage(request(id));
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

  /** Stops every worker; requests still pending are rejected. Idempotent. */
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
      waiting?.resolve(response);
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
