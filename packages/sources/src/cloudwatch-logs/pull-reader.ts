import type { SourceBatch } from '@jackwatch/core';
import type { LogGroupPosition } from './log-group-position.ts';
import type { RecentEvents } from './recent-events.ts';
import type { RetryOptions } from '../aws/retry-aws.ts';
import type { WindowReader } from './window-reader.ts';

/**
 * The longest time window one FilterLogEvents query covers. A backfill is
 * read window by window, round-robin over the log groups, so the groups
 * advance together in event time and every window's end is a checkpoint
 * (CloudWatch does not promise timestamp order across pages, so a position
 * is only safe at the end of a window).
 */
export const MAX_WINDOW_MS = 3_600_000;

/** Commits a log group's position once the window's last batch is acknowledged. */
export type CommitPosition = (identifier: string, next: LogGroupPosition) => Promise<void>;

/**
 * Pull mode's reading state: where each log group is read to (in memory; the
 * checkpoint trails it by what is not yet delivered), and the loop that reads
 * every group up to a time.
 */
export class PullReader {
  readonly #windows: WindowReader;
  readonly #positions: Map<string, LogGroupPosition>;

  /** @param positions where each log group (by identifier) starts: its checkpoint, else `startTime`. */
  constructor(windows: WindowReader, positions: ReadonlyMap<string, LogGroupPosition>) {
    this.#windows = windows;
    this.#positions = new Map(positions);
  }

  /** Where `identifier` is read to. */
  position(identifier: string): LogGroupPosition {
    const position = this.#positions.get(identifier);
    if (position === undefined) throw new Error(`no position for log group ${identifier}`);
    return position;
  }

  /** The oldest read position over the log groups (epoch ms): how far every group has been read. */
  readUpTo(): number {
    let oldest = Number.POSITIVE_INFINITY;
    for (const { timestamp } of this.#positions.values()) oldest = Math.min(oldest, timestamp);
    return oldest;
  }

  /** Moves the read position, e.g. back a little after a Live Tail break. */
  moveTo(identifier: string, position: LogGroupPosition): void {
    this.#positions.set(identifier, position);
  }

  /**
   * Reads every log group up to `end` (inclusive), one window of at most
   * {@link MAX_WINDOW_MS} per group in turn, yielding one batch per page.
   * The last batch of each window carries the ack that commits the group's
   * position — an empty batch when the window had no events, so the
   * checkpoint still moves in acknowledgement order.
   */
  async *readUntil(end: number, retry: RetryOptions, commit: CommitPosition, seen?: RecentEvents): AsyncGenerator<SourceBatch> {
    for (let behind = true; behind; ) {
      behind = false;
      for (const [identifier, from] of this.#positions) {
        if (from.timestamp >= end) continue;
        const to = Math.min(end, from.timestamp + MAX_WINDOW_MS);
        for await (const page of this.#windows.read(identifier, from, to, retry, seen)) {
          const next = page.next;
          if (next === undefined) {
            yield { events: page.events, bytes: page.bytes };
            continue;
          }
          this.#positions.set(identifier, next);
          yield { events: page.events, bytes: page.bytes, ack: () => commit(identifier, next) };
        }
        if (to < end) behind = true;
      }
    }
  }
}
