import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { sortForDelivery } from './delivery-order.ts';
import { parentOf, sealCovers, type DirectoryStamp } from './directory-seal.ts';
import type { FileProgress, FileStamp } from './file-chunk.ts';
import { isLineFileName } from './file-kind.ts';
import type { FilePosition } from './file-ledger.ts';
import { resumePoint } from './resume-point.ts';
import { errorDetail, typeReason, type SkippedEntry } from './skipped-entry.ts';

/** A file to read, as it was when listed, and where to start. */
export interface PlannedRead {
  readonly path: string;
  readonly stamp: FileStamp;
  readonly resume: FileProgress | undefined;
}

/** What the planner knows across polls. */
export interface ReadState {
  /** Positions read so far in this run (ahead of acks), seeded from the checkpoint. */
  readonly seen: ReadonlyMap<string, FilePosition>;
  /** Files that could not be read, by the stamp they had: retried only once they change. */
  readonly failed: ReadonlyMap<string, string>;
  /** Sealed directories listed again because an entry changed, with their seal: their files older than it were read already. */
  readonly seals?: ReadonlyMap<string, DirectoryStamp>;
}

/** Where the planner tells of files it does not read. */
export interface PlanReports {
  /** A listed file that cannot be stat'ed (it vanished, or its directory went). */
  unreadable(path: string, error: unknown): void;
  /** A listed file that is not read: no longer a regular file, empty, or not readable. */
  skip(entry: SkippedEntry): void;
  /** A file of a directory listed again since it was sealed, unchanged since the seal: read already, not read again. */
  covered?(path: string, stamp: FileStamp): void;
}

/** The outcome of planning one listing. */
export interface ReadPlanning {
  readonly reads: PlannedRead[];
  /** Files skipped because they were read to the end already. */
  readonly unchanged: number;
}

const STAT_CONCURRENCY = 32;

/**
 * Decides which listed files need reading, and from where, in delivery
 * order. After the first pass, files written once (everything but
 * uncompressed NDJSON) that are done are not even stat'ed again, so a
 * follow-mode poll over a large archive costs a listing, not a stat per file.
 *
 * A file to read that is no longer a regular file, is empty (except
 * uncompressed NDJSON, which may be appended to), or cannot be read by this
 * process is skipped and told to `report.skip` — at every listing, until it
 * can be read.
 *
 * A file of a directory sealed before (listed again because an entry was
 * added, removed or renamed) whose ctime is older than the seal was read
 * already: it is told to `report.covered`, not read.
 *
 * Stops stat'ing once `signal` aborts (a drain), returning what was planned.
 */
export async function planReads(paths: readonly string[], state: ReadState, firstPass: boolean, report: PlanReports, signal?: AbortSignal): Promise<ReadPlanning> {
  const reads = new Map<string, PlannedRead>();
  let unchanged = 0;
  await eachLimited(paths, STAT_CONCURRENCY, signal, async (path) => {
    const known = state.seen.get(path);
    const appendable = isLineFileName(path);
    if (!firstPass && known?.done === true && !appendable) return;
    let stamp: FileStamp;
    let ctimeMs: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) return report.skip({ path, reason: typeReason(info) });
      if (info.size === 0 && !appendable) return report.skip({ path, reason: 'empty' });
      stamp = { size: info.size, mtimeMs: info.mtimeMs };
      ctimeMs = info.ctimeMs;
    } catch (error) {
      report.unreadable(path, error);
      return;
    }
    if (known === undefined && !appendable && state.seals !== undefined && state.seals.size > 0) {
      const seal = state.seals.get(parentOf(path));
      if (seal !== undefined && sealCovers(seal, ctimeMs)) {
        unchanged++;
        report.covered?.(path, stamp);
        return;
      }
    }
    if (state.failed.get(path) === stampKey(stamp)) return;
    const resume = resumePoint(known, stamp, appendable);
    if (resume === 'done') {
      unchanged++;
      return;
    }
    const denied = await access(path, constants.R_OK).then(() => undefined, (error: unknown) => error);
    if (denied !== undefined) return report.skip({ path, reason: 'unreadable', detail: errorDetail(denied) });
    reads.set(path, { path, stamp, resume });
  });
  return { reads: sortForDelivery([...reads.keys()]).map((path) => reads.get(path)!), unchanged };
}

/** A comparable key of a file's size and modification time. */
export function stampKey(stamp: FileStamp): string {
  return `${stamp.size}:${stamp.mtimeMs}`;
}

async function eachLimited<T>(items: readonly T[], limit: number, signal: AbortSignal | undefined, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && signal?.aborted !== true) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
