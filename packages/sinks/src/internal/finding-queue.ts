import type { Finding } from '@jackwatch/core';

/**
 * A FIFO of findings with a hard capacity. Findings stay in it until they are
 * settled (delivered or dead-lettered), so the batch in flight counts against
 * the capacity too: memory is bounded by `capacity` findings, whatever the
 * receiver does.
 */
export class FindingQueue {
  /** The most findings held at once. */
  readonly capacity: number;
  readonly #findings: Finding[] = [];
  readonly #acceptedAt: number[] = [];
  #roomWaiters: Array<() => void> = [];

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`queue capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
  }

  /** Findings held (queued or in flight). */
  get size(): number {
    return this.#findings.length;
  }

  /** Whether someone waits for room (the queue is full and a producer is blocked). */
  get blocked(): boolean {
    return this.#roomWaiters.length > 0;
  }

  /** When the oldest finding was accepted, or `undefined` when empty. */
  oldestAcceptedAt(): number | undefined {
    return this.#acceptedAt[0];
  }

  /** Appends as many of `findings[from…]` as fit; returns how many were taken. */
  push(findings: readonly Finding[], from: number, now: number): number {
    const count = Math.min(this.capacity - this.#findings.length, findings.length - from);
    for (let i = 0; i < count; i++) {
      this.#findings.push(findings[from + i] as Finding);
      this.#acceptedAt.push(now);
    }
    return Math.max(0, count);
  }

  /** The oldest `max` findings, without removing them. */
  peek(max: number): Finding[] {
    return this.#findings.slice(0, max);
  }

  /** Removes the oldest `count` findings and wakes producers waiting for room. */
  remove(count: number): Finding[] {
    this.#acceptedAt.splice(0, count);
    const removed = this.#findings.splice(0, count);
    const waiters = this.#roomWaiters;
    this.#roomWaiters = [];
    for (const wake of waiters) wake();
    return removed;
  }

  /** Resolves as soon as at least one finding fits. */
  waitForRoom(): Promise<void> {
    if (this.#findings.length < this.capacity) return Promise.resolve();
    return new Promise((resolve) => this.#roomWaiters.push(resolve));
  }
}
